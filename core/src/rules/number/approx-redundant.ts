import type { Rule } from "../types.ts";

const APPROX_AROUND = /约\s*\d+(?:\.\d+)?[^\d，。；、,;]{0,4}?左右/g;
const APPROX_MORE = /约\s*\d+(?:\.\d+)?(?:余|多)/g;

/** 约300人左右, 约300余人: one marker of approximation is enough. */
export const approxRedundant: Rule = {
  meta: {
    id: "number/approx-redundant",
    group: "number",
    description: "概数重复：“约”不与“左右”“多”“余”连用",
    severity: "warning",
    fixable: true,
    // Which of the two approximation markers goes is the writer's choice.
    fixSafety: "suggestion",
    source: "GB/T 15835-2011 §4.1.4（概数）及用法惯例",
  },
  check(ctx) {
    const text = ctx.doc.text;
    APPROX_AROUND.lastIndex = 0;
    for (let m = APPROX_AROUND.exec(text); m; m = APPROX_AROUND.exec(text)) {
      const s = m.index + m[0].length - 2;
      ctx.report({
        message: `“约”与“左右”重复，删去其一：“${m[0].slice(0, -2)}”`,
        start: m.index,
        end: m.index + m[0].length,
        expected: [m[0].slice(0, -2)],
        fix: { start: s, end: s + 2, text: "" },
      });
    }
    APPROX_MORE.lastIndex = 0;
    for (let m = APPROX_MORE.exec(text); m; m = APPROX_MORE.exec(text)) {
      ctx.report({
        message: `“约”与“${m[0].at(-1)}”重复，删去其一：“${m[0].slice(1)}”`,
        start: m.index,
        end: m.index + m[0].length,
        expected: [m[0].slice(1)],
        fix: { start: m.index, end: m.index + 1, text: "" },
      });
    }
  },
};
