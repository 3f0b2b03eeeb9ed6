import { partName, periodYear } from "../engine/period.ts";
import { sentenceAround } from "../engine/sentence.ts";
import type { Rule } from "../types.ts";

/** Founding years that reports count anniversaries from (DOMAIN C.1, "Anniversaries that reports cite"). */
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

/**
 * "2024年是中华人民共和国成立75周年": the count must fit the year. The year is the one the sentence names
 * before the anniversary, or else the year the passage describes.
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
    source: "DOMAIN C.1（报告常引的周年：1949、1921、1954、1979、1982）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    ANNIVERSARY.lastIndex = 0;
    for (let m = ANNIVERSARY.exec(text); m; m = ANNIVERSARY.exec(text)) {
      const found = FOUNDED.find(([re]) => re.test(m![1]!));
      if (!found) continue;
      const s = sentenceAround(text, m.index);
      let year: number | undefined;
      YEAR.lastIndex = 0;
      const head = text.slice(s.start, m.index);
      for (let y = YEAR.exec(head); y; y = YEAR.exec(head)) year = Number(y[1]);
      year ??= periodYear(partName(ctx.partAt(m.index), ctx.years), ctx.years);
      if (year === undefined) continue;
      const expected = year - found[1];
      if (Number(m[2]) === expected || expected <= 0) continue;
      const start = m.index + m[1]!.length;
      const end = start + m[2]!.length;
      ctx.report({
        message: `${year}年是${found[2]}${expected}周年，此处写的是${m[2]}周年`,
        start,
        end,
        expected: [String(expected)],
        fix: { start, end, text: String(expected) },
      });
    }
  },
};
