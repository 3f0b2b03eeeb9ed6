import { eachHit, type Hit } from "../engine/fold.ts";
import type { Rule } from "../types.ts";

// 2021-2025年, 2021年-2025年, 2021~2025年; 1-3月. Dates like 2011-02-15 have no 年/月 after the second number.
const YEAR_RANGE = /((?:19|20)\d{2})年?\s*[-－–~～]\s*((?:19|20)\d{2})年/g;
const MONTH_RANGE = /(?<![\d\-－.])(1[0-2]|[1-9])月?\s*[-－–~～]\s*(1[0-2]|[1-9])月/g;

/** Time ranges take the 一字线 “—” (GB/T 15834 §4.13.3.1), not a hyphen or a tilde. */
export const timeRange: Rule = {
  meta: {
    id: "typography/time-range",
    group: "typography",
    description: "时间起止用一字线“—”（2021—2025年、1—3月），不用连字符或浪纹线",
    severity: "warning",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15834-2011 §4.13.3.1；GB/T 15835-2011 §4.1.5",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const hits: Hit[] = [];
    for (const [re, unit] of [
      [YEAR_RANGE, "年"],
      [MONTH_RANGE, "月"],
    ] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const fixed = `${m[1]}—${m[2]}${unit}`;
        if (fixed === m[0]) continue;
        const end = m.index + m[0].length;
        hits.push({ start: m.index, end, fix: { start: m.index, end, text: fixed }, expected: [fixed] });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    for (const r of eachHit(hits, (h) => ({ message: `时间起止应用一字线：“${h.expected![0]}”` }))) {
      ctx.report(r);
    }
  },
};
