import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS } from "../../core/src/rules/packs/builtin.ts";
import { loadPack } from "../../core/src/rules/packs/load.ts";
import { BUILTIN_KINDS } from "../../core/src/sections/builtin.ts";
import { validateKind } from "../../core/src/sections/validate.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * The `renda` bundle carries the built-in packs and section data as validated at build time and runs no zod
 * over them at start (scripts/build.mjs). So every data file is put through the zod schemas here, and each
 * must be one the built-in modules load: a data file added but not wired in, or wired in unvalidated, fails.
 */
const PACKS = resolve(REPO_ROOT, "core/src/rules/packs");
const SECTIONS = resolve(REPO_ROOT, "core/src/sections/data");
const json = (dir: string, name: string): unknown => JSON.parse(readFileSync(resolve(dir, name), "utf8"));
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("built-in data passes its zod schemas", () => {
  it("every rule pack file validates (schema and unique ids) and is one of the built-in packs", () => {
    const files = jsonFiles(PACKS);
    expect(files.length).toBeGreaterThanOrEqual(5);
    const validated = files.map((f) => loadPack(json(PACKS, f), f));
    expect(validated.map((p) => p.id).sort()).toEqual(BUILTIN_PACKS.map((p) => p.id).sort());
    for (const p of validated) expect(BUILTIN_PACKS.find((b) => b.id === p.id)).toEqual(p);
  });

  it("a pack with a duplicate id or a wrong field is refused", () => {
    const terms = json(PACKS, "terms.json") as { entries: unknown[] };
    const twice = { ...terms, entries: [...terms.entries, terms.entries[0]] };
    expect(() => loadPack(twice, "terms.json")).toThrow(/规则编号重复/);
    const wrong = { ...terms, entries: [{ ...(terms.entries[0] as object), severity: "fatal" }] };
    expect(() => loadPack(wrong, "terms.json")).toThrow(/terms\.json 无效/);
  });

  it("every section data file validates, joined with the lexicon, and is one of the built-in kinds", () => {
    const kinds = jsonFiles(SECTIONS).filter((f) => f !== "lexicon.json");
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    for (const f of kinds) {
      const kind = validateKind(json(SECTIONS, f), json(SECTIONS, "lexicon.json"));
      expect(BUILTIN_KINDS[kind.id as keyof typeof BUILTIN_KINDS]).toEqual(kind);
    }
    expect(Object.keys(BUILTIN_KINDS).sort()).toEqual(
      kinds.map((f) => (json(SECTIONS, f) as { id: string }).id).sort(),
    );
  });

  it("the lexicon is checked too: a broken heading pattern is refused", () => {
    const lexicon = json(SECTIONS, "lexicon.json") as Record<string, { headings?: unknown[] }>;
    const broken = { ...lexicon, political: { name: "政治", headings: [{ re: "党的(领导", weight: 3 }] } };
    expect(() => validateKind(json(SECTIONS, "work-report.json"), broken)).toThrow();
  });
});
