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
          // The example's output is the change the rule proposes, safe fix or suggestion alike.
          expect(applyFixes(r.doc.text, fixesOf(own, { suggestions: true })).text).toBe(f.output);
          expect(lint(f.output).diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
        }
      });
      it.each(c.pass)("stays silent on %s", (text) => {
        expect(lint(text).diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
      });
    });
  }

  it("reports every half-width mark as its own finding, each with its own place and fix", () => {
    const text = "开展调研,提出建议,督促整改,跟踪问效。";
    const r = lint(text);
    const d = r.diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
    expect(d.map((x) => x.column)).toEqual([5, 10, 15]);
    expect(d.map((x) => x.fix)).toEqual([
      { start: 4, end: 5, text: "，" },
      { start: 9, end: 10, text: "，" },
      { start: 14, end: 15, text: "，" },
    ]);
    expect(applyFixes(text, fixesOf(d)).text).toBe("开展调研，提出建议，督促整改，跟踪问效。");
  });

  it("a mark between two Chinese characters is a safe fix; one with Chinese on one side is a suggestion", () => {
    const text = "来源:\n四川日报,新华社";
    const d = lint(text).diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
    expect(d).toHaveLength(2);
    expect(d[0]!.fix).toBeNull();
    expect(d[0]!.suggestions).toEqual([{ fix: { start: 2, end: 3, text: "：" } }]);
    expect(d[1]!.fix).toEqual({ start: 8, end: 9, text: "，" });
    expect(d[1]!.suggestions).toBeUndefined();
  });

  it("a bracket pair with Chinese inside is safe; (1) before Chinese is a suggestion", () => {
    const d = lint("会议(扩大)召开。\n(1)开展调研。").diagnostics.filter(
      (x) => x.ruleId === "typography/halfwidth-punctuation",
    );
    expect(d.map((x) => x.fix !== null)).toEqual([true, true, false, false]);
  });

  it('reports a "?" that stands for a lost character without turning it into a question mark', () => {
    for (const [text, at] of [
      ["新建水库、?家水厂和泵站。", [5]],
      ["两所高校进入全国前5?。", [10]],
      ["?江大桥建成通车。", [0]],
      ["新建水库、??水厂和泵站。", [5, 6]],
    ] as const) {
      const d = lint(text).diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
      expect(d.map((x) => x.start)).toEqual(at);
      for (const x of d) {
        expect(x.fix ?? null).toBeNull();
        expect(x.message).toMatch(/丢失/);
      }
    }
    // a question asked in the text keeps the fix
    const q = lint("我们要问自己：群众满意了吗?还要做什么?").diagnostics.filter(
      (x) => x.ruleId === "typography/halfwidth-punctuation",
    );
    expect(q).toHaveLength(2);
    expect(q.every((x) => (x.fix ?? x.suggestions?.[0]?.fix)?.text === "？")).toBe(true);
  });
});
