import type { Rule } from "../types.ts";

// “六·五”: with Chinese numerals only January, November and December take the 间隔号 (一·二八, 一二·九).
const CHINESE_MONTH_DAY = /(十[一二]|[一二三四五六七八九十])·([一二三四五六七八九十]{1,3})/g;
// “3.15” with a full stop: month·day in Arabic numerals takes the 间隔号 (3·15, 12·4).
const ARABIC_MONTH_DAY = /“(1[0-2]|[1-9])[.．・•](3[01]|[12]\d|[1-9])”/g;

export const interpunct: Rule = {
  meta: {
    id: "typography/interpunct",
    group: "typography",
    description:
      "月日简称的间隔号：汉字数字只有一月、十一月、十二月用“·”（六五环境日），阿拉伯数字用“·”（3·15）",
    severity: "error",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15834-2011 §4.14.3.2 间隔号",
  },
  check(ctx) {
    const text = ctx.doc.text;
    CHINESE_MONTH_DAY.lastIndex = 0;
    for (let m = CHINESE_MONTH_DAY.exec(text); m; m = CHINESE_MONTH_DAY.exec(text)) {
      const month = m[1]!;
      if (month === "一" || month === "十一" || month === "十二") continue;
      // 代表三进·共同缔造: the 间隔号 joins words, not a month and a day.
      const prev = text[m.index - 1];
      if (prev && /[一二三四五六七八九十]/.test(prev)) continue;
      const fixed = `${m[1]}${m[2]}`;
      const end = m.index + m[0].length;
      ctx.report({
        message: `汉字数字表示的月日简称，只有一月、十一月、十二月用间隔号；“${m[0]}”应写作“${fixed}”（如“六五环境日”）`,
        start: m.index,
        end,
        expected: [fixed],
        fix: { start: m.index, end, text: fixed },
      });
    }
    ARABIC_MONTH_DAY.lastIndex = 0;
    for (let m = ARABIC_MONTH_DAY.exec(text); m; m = ARABIC_MONTH_DAY.exec(text)) {
      const fixed = `“${m[1]}·${m[2]}”`;
      const end = m.index + m[0].length;
      ctx.report({
        message: `阿拉伯数字表示的月日简称用间隔号：“${m[0]}”应写作${fixed}`,
        start: m.index,
        end,
        expected: [fixed],
        fix: { start: m.index, end, text: fixed },
      });
    }
  },
};
