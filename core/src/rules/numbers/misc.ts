import { toChineseNumeral as toChineseNumber } from "../../outline/numerals.ts";
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

const MEETING = /(人大常委会|人大|人民代表大会常务委员会|人民代表大会)第(\d+)次(会议|全体会议)/g;
const TERM = /(?<![\d第])(\d+)届(?=(?:全国|省|市|区|县|乡|镇)?(?:人大|人民代表大会))/g;

/** 十一届全国人大一次会议, not 11届全国人大1次会议: formal meeting numbering uses Chinese numerals (§4.2.2). */
export const meetingNumerals: Rule = {
  meta: {
    id: "number/meeting-numerals",
    group: "number",
    description: "人大的届次、会议次序用汉字数字（第十七次会议、十六届人大）",
    severity: "warning",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15835-2011 §4.2.2（十一届全国人大一次会议）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const report = (start: number, digits: string) => {
      const fixed = toChineseNumber(Number(digits));
      ctx.report({
        message: `人大的届次、会议次序用汉字数字：“${digits}”应写作“${fixed}”`,
        start,
        end: start + digits.length,
        expected: [fixed],
        fix: { start, end: start + digits.length, text: fixed },
      });
    };
    MEETING.lastIndex = 0;
    for (let m = MEETING.exec(text); m; m = MEETING.exec(text)) report(m.index + m[1]!.length + 1, m[2]!);
    TERM.lastIndex = 0;
    for (let m = TERM.exec(text); m; m = TERM.exec(text)) report(m.index, m[1]!);
  },
};
