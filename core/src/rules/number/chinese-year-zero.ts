import type { Rule } from "../types.ts";

const CHINESE_YEAR = /[一二][〇零○OoＯ0一二三四五六七八九]{3}年/g;

/** 二〇二四年, not 二零二四年 / 二O二四年 (GB/T 15835 §4.1.2 example). */
export const chineseYearZero: Rule = {
  meta: {
    id: "number/chinese-year-zero",
    group: "number",
    description: "汉字数字书写的年份中，零写作“〇”（二〇二四年）",
    severity: "error",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15835-2011 §4.1.2、§4.2.3",
  },
  check(ctx) {
    const text = ctx.doc.text;
    CHINESE_YEAR.lastIndex = 0;
    for (let m = CHINESE_YEAR.exec(text); m; m = CHINESE_YEAR.exec(text)) {
      if (!/[零○OoＯ0]/.test(m[0])) continue;
      const fixed = m[0].replace(/[零○OoＯ0]/g, "〇");
      const end = m.index + m[0].length;
      ctx.report({
        message: `年份中的零应写作“〇”：“${fixed}”`,
        start: m.index,
        end,
        expected: [fixed],
        fix: { start: m.index, end, text: fixed },
      });
    }
  },
};
