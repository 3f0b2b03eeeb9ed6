import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * The repository's docs, comments and rule sources stand alone: they cite the law, standard or official
 * document itself (a user sees a rule's source and must be able to look it up), or the repository's own docs,
 * never notes kept outside the repository. Tests may read the shared data folder; everything shipped may not
 * point at it.
 */

const SCANNED = [
  "core/src",
  "core/bin",
  "core/scripts",
  "addin/src",
  "extension/src",
  "scripts",
  "docs",
  "README.md",
  "extension/README.md",
  "addin/README.md",
];

/**
 * docs/accuracy.md is written by `npm run accuracy` from scripts/accuracy.ts (scanned above), over corpora that
 * take minutes to lint; it is regenerated with the measurements, not by hand.
 */
const GENERATED_ELSEWHERE = new Set(["docs/accuracy.md"]);

const OUTSIDE = /DOMAIN\.md|DESIGN\.md|\bDOMAIN [A-G](?:\.\d+)?\b|\.\.\/shared/;

function filesUnder(rel: string): string[] {
  const abs = path.join(REPO_ROOT, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(rel, f).split(path.sep).join("/"))
    .filter((f) => !f.includes("node_modules/") && statSync(path.join(REPO_ROOT, f)).isFile())
    .filter((f) => /\.(ts|tsx|js|mjs|json|md|html|css|txt)$/.test(f));
}

describe("docs that stand alone", () => {
  const files = SCANNED.flatMap(filesUnder).filter((f) => !GENERATED_ELSEWHERE.has(f));

  it("scans the shipped sources and docs", () => {
    expect(files).toContain("docs/rules.md");
    expect(files).toContain("core/src/rules/packs/confusables.json");
    expect(files.length).toBeGreaterThan(100);
  });

  it("no file cites DOMAIN.md, DESIGN.md, their section numbers or the shared folder", () => {
    const hits: string[] = [];
    for (const f of files) {
      const lines = readFileSync(path.join(REPO_ROOT, f), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (OUTSIDE.test(line)) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("the pattern catches the citation forms it is meant for", () => {
    for (const s of [
      "见 DOMAIN.md A.2",
      "DESIGN.md “renda lint”",
      "DOMAIN E（公文易错词）",
      "DOMAIN C.1",
      "../shared/corpus",
    ])
      expect(s).toMatch(OUTSIDE);
    expect("GB/T 15834-2011《标点符号用法》4.1").not.toMatch(OUTSIDE);
  });
});
