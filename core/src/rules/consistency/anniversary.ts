import { type Span, timeWordsSpan, writtenYear } from "../engine/period.ts";
import { sentenceAround } from "../engine/sentence.ts";
import type { Rule } from "../types.ts";

/** Founding years that reports count anniversaries from (the dates of the events themselves, as the source field names them). */
const FOUNDED: [RegExp, number, string][] = [
  [/^(?:中华人民共和国|新中国)成立$/, 1949, "中华人民共和国成立（1949年）"],
  [/^中国共产党成立$/, 1921, "中国共产党成立（1921年）"],
  [/^全国人民代表大会成立$/, 1954, "全国人民代表大会成立（1954年）"],
  [/^人民代表大会制度建立$/, 1954, "人民代表大会制度建立（1954年）"],
  [/^地方人大设立常委会$/, 1979, "地方人大设立常委会（1979年）"],
  [/^现行宪法公布施行$/, 1982, "现行宪法公布施行（1982年）"],
];
const ANNIVERSARY =
  /(中华人民共和国成立|新中国成立|中国共产党成立|全国人民代表大会成立|人民代表大会制度建立|地方人大设立常委会|现行宪法公布施行)(\d+)周年/g;
const YEAR = /((?:19|20)\d{2})年/g;
/** The anniversary is the object of a celebration told as done (隆重庆祝, 纪念了). */
const NARRATED = /(?:庆祝|纪念|庆贺|举办|举行)了?$/;
/** …unless the sentence looks ahead (迎接, 将, 即将, 筹备). */
const AHEAD = /迎接|喜迎|将|即将|筹备|要/;

/**
 * "2024年是中华人民共和国成立75周年": the count must fit the year. An anniversary counts from the year the
 * text is delivered (its written year), unless the sentence itself names its time: a year it names before
 * the anniversary (2024年是…), else the time words it opens with (去年 is the year before delivery, 明年 the year after,
 * 五年来 any of the past five years). Which part or paragraph the sentence sits in does not matter: a closing
 * call “迎接中华人民共和国成立60周年！” in a report delivered in 2009 speaks of 2009. A celebration told as
 * done (隆重庆祝…) may also be that of the year before delivery. A count that fits any of the years is right;
 * only a single year is corrected.
 */
export const anniversary: Rule = {
  meta: {
    id: "consistency/anniversary",
    group: "consistency",
    description: "纪念日周年数与年份不符（新中国成立、人民代表大会制度建立等）",
    severity: "error",
    fixable: true,
    // The number may be right and the event or year wrong.
    fixSafety: "suggestion",
    source:
      "中华人民共和国成立1949年、中国共产党成立1921年、第一届全国人民代表大会1954年、1979年地方组织法（地方人大设立常委会）、1982年宪法",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const written = writtenYear(ctx.years);
    ANNIVERSARY.lastIndex = 0;
    for (let m = ANNIVERSARY.exec(text); m; m = ANNIVERSARY.exec(text)) {
      const found = FOUNDED.find(([re]) => re.test(m![1]!));
      if (!found) continue;
      const s = sentenceAround(text, m.index);
      let named: number | undefined;
      YEAR.lastIndex = 0;
      const head = text.slice(s.start, m.index);
      for (let y = YEAR.exec(head); y; y = YEAR.exec(head)) named = Number(y[1]);
      const own = named !== undefined ? { from: named, to: named } : timeWordsSpan(head, written);
      const span: Span | undefined =
        own ?? (written !== undefined ? { from: written, to: written } : undefined);
      if (!span) continue;
      const count = Number(m[2]);
      const year = found[1] + count;
      if (year >= span.from && year <= span.to) continue;
      if (span.from !== span.to) continue;
      // A finished celebration told without a year (隆重庆祝中国共产党成立95周年, in a report delivered early
      // in 2017) may be the year before delivery: a report looks back on the year just ended.
      const narrated = !own && NARRATED.test(head.slice(-12)) && !AHEAD.test(head);
      if (narrated && year === span.from - 1) continue;
      const expected = span.from - found[1];
      if (expected <= 0) continue;
      const start = m.index + m[1]!.length;
      const end = start + m[2]!.length;
      const also = narrated ? `（或${span.from - 1}年的${expected - 1}周年）` : "";
      ctx.report({
        message: `${span.from}年是${found[2]}${expected}周年${also}，此处写的是${m[2]}周年`,
        start,
        end,
        expected: narrated ? [String(expected), String(expected - 1)] : [String(expected)],
        fix: narrated ? null : { start, end, text: String(expected) },
      });
    }
  },
};
