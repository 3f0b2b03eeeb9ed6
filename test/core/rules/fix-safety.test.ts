import { describe, expect, it } from "vitest";
import { applyFixes, fixesOf } from "../../../core/src/fix.ts";
import { lint } from "../../../core/src/lint.ts";
import { ledgerCrossCheck } from "../../../core/src/rules/ledger/figure-mismatch.ts";
import { BUILTIN_PACKS } from "../../../core/src/rules/packs/index.ts";
import { builtinRules } from "../../../core/src/rules/registry.ts";
import type { Rule } from "../../../core/src/rules/types.ts";
import { corpusFiles, isReviewed, loadReviewed, measureFile } from "../../../scripts/accuracy/measure.ts";

const rules: Rule[] = [...builtinRules(), ledgerCrossCheck([], "台账.xlsx")];

describe("fix safety is a property of every rule", () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))("%s declares whether its fix is safe", (_id, rule) => {
    expect(["safe", "suggestion"]).toContain(rule.meta.fixSafety);
    // A rule without a fix declares "suggestion": a fix added later is never applied in bulk by accident.
    if (!rule.meta.fixable) expect(rule.meta.fixSafety).toBe("suggestion");
  });

  it("pack entries are suggestions unless they say safe, and only a fixing literal entry may say so", () => {
    const safe = BUILTIN_PACKS.flatMap((p) => p.entries).filter((e) => e.type !== "enumeration" && e.safe);
    for (const e of safe) expect(e.type === "literal" && e.fix && e.expected.length > 0, e.id).toBe(true);
    expect(safe.map((e) => e.id)).toEqual(["typography/ellipsis"]);
  });

  it("the engine keeps a safe fix as `fix` and turns any other into a suggestion", () => {
    const r = lint("企业家及其它各界代表,踊跃捐款。加强学习。。。");
    const by = (id: string) => r.diagnostics.find((d) => d.ruleId === id)!;
    expect(by("typography/halfwidth-punctuation").fix).toEqual({ start: 10, end: 11, text: "，" });
    expect(by("typography/ellipsis").fix).toEqual({ start: 20, end: 23, text: "……" });
    expect(by("confusable/qita").fix).toBeNull();
    expect(by("confusable/qita").suggestions).toEqual([{ fix: { start: 4, end: 6, text: "其他" } }]);
  });
});

describe("safe fixes on the published reports", () => {
  const reviewed = loadReviewed();
  const published = corpusFiles().filter((f) => f.set === "published");

  it("finds the published reports", () => {
    expect(published.length).toBeGreaterThanOrEqual(20);
  });

  it("applying every safe fix changes nothing but reviewed true errors", () => {
    const damage: string[] = [];
    for (const file of published) {
      const { measure, result } = measureFile(file);
      const text = result.doc.text;
      const safe = result.diagnostics.map((d, i) => ({ d, f: measure.findings[i]! })).filter((x) => x.d.fix);
      const known = safe.filter((x) => isReviewed(reviewed, file.name, x.f));
      for (const x of safe)
        if (!known.includes(x))
          damage.push(`${file.name}:${x.f.line}:${x.f.column} ${x.d.ruleId} ${x.f.context}`);
      // The whole text after `renda lint --fix` equals the text with only the reviewed errors corrected.
      expect(applyFixes(text, fixesOf(result.diagnostics)).text, file.name).toBe(
        applyFixes(
          text,
          known.map((x) => x.d.fix!),
        ).text,
      );
    }
    expect(damage).toEqual([]);
  });
});
