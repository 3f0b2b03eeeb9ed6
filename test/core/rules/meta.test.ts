import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CODE_RULE_EXAMPLES } from "../../../core/src/rules/examples.ts";
import { ledgerCrossCheck } from "../../../core/src/rules/ledger/figure-mismatch.ts";
import { BUILTIN_PACKS } from "../../../core/src/rules/packs/index.ts";
import { codeRules, structureRules } from "../../../core/src/rules/registry.ts";
import type { Rule } from "../../../core/src/rules/types.ts";
import { REPO_ROOT } from "../../helpers/paths.ts";

/**
 * Rules findable by id (as in ESLint, where lib/rules/X.js, tests/lib/rules/X.js and docs/rules/X.md share a
 * name): every code rule lives in core/src/rules/<id>.ts, is exercised by tests, and has its entry in
 * docs/rules.md. Pack rules are data; each entry carries its own fire/pass specs and is covered through its
 * docs/rules.md entry.
 */

const RULES_DIR = path.join(REPO_ROOT, "core/src/rules");

/**
 * Rules built from the packs in use by a factory (formulation/near-miss guards the formulations of a local
 * pack too): their file exports the factory, not a constant rule.
 */
const FACTORIES = new Set(["formulation/near-miss", "ledger/figure-mismatch"]);

/** Folders of core/src/rules that hold machinery or data, not one rule per file. */
const NOT_RULE_FOLDERS = new Set(["engine", "packs"]);

const registered: readonly Rule[] = [...structureRules, ...codeRules];
/** Rules built only when the user names a ledger (`renda lint --ledger`): not in the registry, still findable. */
const ledgerRules: readonly Rule[] = [ledgerCrossCheck([], "台账.xlsx")];

function isRule(x: unknown): x is Rule {
  return (
    typeof x === "object" &&
    x !== null &&
    "meta" in x &&
    "check" in x &&
    typeof (x as Rule).check === "function" &&
    typeof (x as Rule).meta?.id === "string"
  );
}

function fileOf(id: string): string {
  return path.join(RULES_DIR, `${id}.ts`);
}

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

const testFiles = readdirSync(path.join(REPO_ROOT, "test"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(path.join(REPO_ROOT, "test", f), "utf8") }));

/**
 * Test files that import the rule's own file and hand one of its exports to the rule tester
 * (test/helpers/rule-tester.ts: valid and invalid cases, each finding's message and place, fixed output), or
 * to lint() as its rules (how the ledger rule, built from a ledger's figures, is tested).
 */
function ruleTesterFiles(id: string, exportNames: readonly string[]): string[] {
  const importPath = `core/src/rules/${id}.ts"`;
  return testFiles
    .filter(
      ({ text }) =>
        text.includes(importPath) &&
        exportNames.some((n) => new RegExp(`(ruleTester\\(|rules:\\s*\\[)\\s*${n}\\b`).test(text)),
    )
    .map(({ file }) => file);
}

describe("rules findable by id", () => {
  it("the registry holds each id once", () => {
    const ids = registered.map((r) => r.meta.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of [...registered, ...ledgerRules]) {
    const id = rule.meta.id;
    describe(id, () => {
      it(`lives in core/src/rules/${id}.ts`, async () => {
        const file = fileOf(id);
        expect(existsSync(file), file).toBe(true);
        const mod = await exportsOf(file);
        if (FACTORIES.has(id)) {
          // A factory: the module must build a rule with this id.
          const built = Object.values(mod)
            .filter((v): v is (...args: unknown[]) => unknown => typeof v === "function")
            .map((f) => {
              try {
                // Packs for near-miss, ledger facts and a ledger name for figure-mismatch: empty ones build the rule.
                return f([], "台账.xlsx");
              } catch {
                return null;
              }
            })
            .filter(isRule);
          expect(built.map((r) => r.meta.id)).toContain(id);
        } else {
          expect(Object.values(mod)).toContain(rule);
        }
      });

      it("has tests that exercise it", async () => {
        const mod = await exportsOf(fileOf(id));
        // A factory rule is exercised by calling its factory; a constant rule by handing it over.
        const names = Object.entries(mod)
          .filter(([, v]) => v === rule || (FACTORIES.has(id) && typeof v === "function"))
          .map(([k]) => k);
        const tester = ruleTesterFiles(id, names);
        const examples = CODE_RULE_EXAMPLES[id];
        // Either the rule tester runs it, or its examples (shown in docs/rules.md) are run by code-rules.test.ts:
        // at least one text it must fire on and one it must leave alone; a fixable rule shows the fixed text.
        if (tester.length > 0) return;
        expect(
          examples,
          `${id}: no rule-tester test and no examples in core/src/rules/examples.ts`,
        ).toBeDefined();
        expect(examples!.fire.length, `${id}: must-fire examples`).toBeGreaterThan(0);
        expect(examples!.pass.length, `${id}: must-not-fire examples`).toBeGreaterThan(0);
        if (rule.meta.fixable)
          expect(
            examples!.fire.some((f) => f.output !== undefined),
            `${id}: a fixable rule shows its fix`,
          ).toBe(true);
      });

      it("has its entry in docs/rules.md", () => {
        const doc = readFileSync(path.join(REPO_ROOT, "docs/rules.md"), "utf8");
        expect(doc).toContain(`### \`${id}\``);
      });
    });
  }

  it("the examples are run as tests", () => {
    const runner = testFiles.find((t) => t.file === path.join("core", "rules", "code-rules.test.ts"));
    expect(runner?.text).toContain("CODE_RULE_EXAMPLES");
    // No examples for a rule that no longer exists.
    const ids = new Set(registered.map((r) => r.meta.id));
    for (const id of Object.keys(CODE_RULE_EXAMPLES)) expect(ids, id).toContain(id);
  });

  it("every rule a rule file exports is registered and named after its file", async () => {
    const files = readdirSync(RULES_DIR, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && f.includes(path.sep) && !NOT_RULE_FOLDERS.has(f.split(path.sep)[0]!),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const mod = await exportsOf(path.join(RULES_DIR, f));
      for (const [name, value] of Object.entries(mod)) {
        if (!isRule(value)) continue;
        // A helper file (numbering/scopes.ts) exports no rule; a rule file exports exactly its own.
        expect(value.meta.id, `${f} exports ${name}`).toBe(f.slice(0, -3).split(path.sep).join("/"));
        expect(registered, `${value.meta.id} is not in the registry`).toContain(value);
      }
    }
  });

  it("every pack entry has its entry in docs/rules.md and its own specs", () => {
    const doc = readFileSync(path.join(REPO_ROOT, "docs/rules.md"), "utf8");
    for (const p of BUILTIN_PACKS)
      for (const e of p.entries) {
        expect(doc, e.id).toContain(`### \`${e.id}\``);
        expect(e.specs.fire.length, `${e.id}: must-fire specs`).toBeGreaterThan(0);
      }
  });
});
