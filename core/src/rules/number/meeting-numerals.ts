import { toChineseNumeral as toChineseNumber } from "../../outline/numerals.ts";
import type { Rule } from "../types.ts";

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
