import { writtenYear } from "../engine/period.ts";
import type { Rule } from "../types.ts";

/** Plenary sessions that a "全面贯彻……精神" clause cites, with their closing dates (closing dates as the communiqués of each session give them). */
const PLENUMS: { term: "十九" | "二十"; n: number; closed: string }[] = [
  { term: "十九", n: 1, closed: "2017-10-25" },
  { term: "十九", n: 2, closed: "2018-01-19" },
  { term: "十九", n: 3, closed: "2018-02-28" },
  { term: "十九", n: 4, closed: "2019-10-31" },
  { term: "十九", n: 5, closed: "2020-10-29" },
  { term: "十九", n: 6, closed: "2021-11-11" },
  { term: "十九", n: 7, closed: "2022-10-12" },
  { term: "二十", n: 1, closed: "2022-10-23" },
  { term: "二十", n: 2, closed: "2023-02-28" },
  { term: "二十", n: 3, closed: "2024-07-18" },
  { term: "二十", n: 4, closed: "2025-10-23" },
];
const CN = "一二三四五六七八九";
const CITED = /(十九|二十)届((?:[一二三四五六七八九]中[、和]?)+)全会/g;
const name = (p: (typeof PLENUMS)[number]) => `${p.term}届${CN[p.n - 1]}中全会`;

/**
 * A text written early in year W that cites plenums should cite the latest one held before W (the 一中全会,
 * which only elects the leadership, is not cited for 精神). Corpus 000 (early 2021) cites 四中、五中: right;
 * corpus 004 (February 2024) cites 二中: right. Texts citing "历次全会" or no plenum at all are not checked.
 */
export const latestPlenum: Rule = {
  meta: {
    id: "consistency/latest-plenum",
    group: "consistency",
    description: "引用的全会精神不是成文前最近一次全会",
    severity: "warning",
    fixable: false,
    fixSafety: "suggestion",
    source: "十九届一中全会至二十届四中全会各次全会的公报（闭幕日期）",
  },
  check(ctx) {
    const w = writtenYear(ctx.years);
    if (w === undefined) return;
    const text = ctx.doc.text;
    let latest: { index: number; at: number; end: number } | null = null;
    CITED.lastIndex = 0;
    for (let m = CITED.exec(text); m; m = CITED.exec(text)) {
      const term = m[1] as "十九" | "二十";
      for (const c of m[2]!.matchAll(/([一二三四五六七八九])中/g)) {
        const index = PLENUMS.findIndex((p) => p.term === term && p.n === CN.indexOf(c[1]!) + 1);
        if (index >= 0 && (!latest || index > latest.index))
          latest = { index, at: m.index, end: m.index + m[0].length };
      }
    }
    if (!latest) return;
    const before = `${w}-01-01`;
    let expected = -1;
    PLENUMS.forEach((p, i) => {
      if (p.n > 1 && p.closed < before) expected = i;
    });
    if (expected < 0 || latest.index >= expected) return;
    const e = PLENUMS[expected]!;
    ctx.report({
      message: `本文成文于${w}年，此前最近一次全会是${name(e)}（${e.closed.slice(0, 7)}），此处最新只引到${name(PLENUMS[latest.index]!)}`,
      start: latest.at,
      end: latest.end,
      expected: [name(e)],
    });
  },
};
