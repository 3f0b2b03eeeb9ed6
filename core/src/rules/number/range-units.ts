import type { Rule } from "../types.ts";

const PERCENT_RANGE = /(\d+(?:\.\d+)?)\s*([～~\-－—至到])\s*(\d+(?:\.\d+)?)\s*(%|‰|万亿|亿|万)/g;

/** 15～30% → 15%～30%, 9～16亿 → 9亿～16亿: both ends keep the unit (GB/T 15835 §4.1.5). */
export const rangeUnits: Rule = {
  meta: {
    id: "number/range-units",
    group: "number",
    description: "数值范围两端都要带百分号或“万”“亿”（15%～30%、9亿～16亿），连接用浪纹线",
    severity: "warning",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15835-2011 §4.1.5；GB/T 15834-2011 §4.13.3.2（浪纹线）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    PERCENT_RANGE.lastIndex = 0;
    for (let m = PERCENT_RANGE.exec(text); m; m = PERCENT_RANGE.exec(text)) {
      // 2021-2025年 etc. are time ranges, handled by typography/time-range.
      if (/^(?:19|20)\d{2}$/.test(m[1]!) && /^(?:19|20)\d{2}$/.test(m[3]!)) continue;
      const join = m[2] === "至" || m[2] === "到" ? m[2] : "～";
      const fixed = `${m[1]}${m[4]}${join}${m[3]}${m[4]}`;
      const end = m.index + m[0].length;
      ctx.report({
        message: `数值范围两端都应带单位：“${fixed}”`,
        start: m.index,
        end,
        expected: [fixed],
        fix: { start: m.index, end, text: fixed },
      });
    }
  },
};
