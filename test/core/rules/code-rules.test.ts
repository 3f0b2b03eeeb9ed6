import { describe, expect, it } from "vitest";
import { applyFixes, fixesOf } from "../../../core/src/fix.ts";
import { lint } from "../../../core/src/lint.ts";
import { CODE_RULE_EXAMPLES as CASES } from "../../../core/src/rules/examples.ts";
import { codeRules } from "../../../core/src/rules/registry.ts";

describe("code rules", () => {
  it("every code rule has must-fire and must-not-fire cases", () => {
    expect(Object.keys(CASES).sort()).toEqual(codeRules.map((r) => r.meta.id).sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    describe(id, () => {
      it.each(c.fire.map((f) => [f.text, f] as const))("fires on %s", (_t, f) => {
        const r = lint(f.text);
        const own = r.diagnostics.filter((d) => d.ruleId === id);
        expect(own.length).toBeGreaterThan(0);
        if (f.output !== undefined) {
          expect(applyFixes(r.doc.text, fixesOf(own)).text).toBe(f.output);
          expect(lint(f.output).diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
        }
      });
      it.each(c.pass)("stays silent on %s", (text) => {
        expect(lint(text).diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
      });
    });
  }

  it("folds many same-kind hits into one finding whose related fixes apply together", () => {
    const text = "开展调研,提出建议,督促整改,跟踪问效。";
    const r = lint(text);
    const d = r.diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
    expect(d).toHaveLength(1);
    expect(d[0]!.related).toHaveLength(3);
    expect(d[0]!.message).toMatch(/3处/);
    expect(applyFixes(text, fixesOf(d)).text).toBe("开展调研，提出建议，督促整改，跟踪问效。");
  });

  it("keeps one or two hits as separate findings", () => {
    const r = lint("开展调研,提出建议。");
    const d = r.diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
    expect(d).toHaveLength(1);
    expect(d[0]!.related).toBeUndefined();
  });
});
