import type { Rule } from "../types.ts";

/** 1、 １. 一. （一）、: the marker is a heading but its punctuation is wrong (GB/T 15834 ordinal usage). */
export const numberingMarker: Rule = {
  meta: {
    id: "numbering/marker",
    group: "numbering",
    description:
      "序号的标点或数字写法不规范（“1、”应为“1.”，“一.”应为“一、”，“（一）、”应为“（一）”，全角数字）",
    severity: "warning",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15834-2011 附录（序次语之后的标点）；GB/T 9704-2012 §7.3.3",
  },
  check(ctx) {
    for (const h of ctx.outline.headings) {
      const m = h.marker;
      if (!m || m.style === "part" || m.raw === m.canonical) continue;
      const block = ctx.doc.blocks[h.block]!;
      const start = block.start + (block.text.length - block.text.trimStart().length);
      const end = start + m.raw.length;
      ctx.report({
        start,
        end,
        message: `序号“${m.raw}”写法不规范，应为“${m.canonical}”`,
        expected: [m.canonical],
        fix: { start, end, text: m.canonical },
      });
    }
  },
};
