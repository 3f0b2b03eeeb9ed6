import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_PACKS } from "../../../core/src/rules/packs/index.ts";
import { builtinRules } from "../../../core/src/rules/registry.ts";
import { renderRulesDoc } from "../../../scripts/rules-doc.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("docs/rules.md", () => {
  const committed = readFileSync(path.join(repoRoot, "docs/rules.md"), "utf8");

  it("is up to date with the rules (run `npm run docs:rules` after changing a rule)", () => {
    expect(committed).toBe(renderRulesDoc());
  });

  it("lists every rule and every pack entry with its source", () => {
    const ids = [
      ...builtinRules()
        .map((r) => r.meta.id)
        .filter((id) => id !== "pack/literal"),
      ...BUILTIN_PACKS.flatMap((p) => p.entries.map((e) => e.id)),
    ];
    for (const id of ids) expect(committed, id).toContain(`### \`${id}\``);
    for (const p of BUILTIN_PACKS)
      for (const e of p.entries) expect(committed).toContain(`- 依据：${e.source}`);
  });
});
