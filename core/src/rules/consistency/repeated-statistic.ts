import { positionAt } from "../../text/model.ts";
import type { Rule } from "../types.ts";

/** A count; “1.7个百分点” is a difference of rates and “3个月” a duration, neither a count. */
const STAT = /(\d+(?:\.\d+)?)(余|多)?(件次|人次|件|人|个(?!百分点|月)|条|项|次|名|篇|场|批|家|户)/g;
/**
 * A period named at the head of a paragraph or heading: “五年来”, “刚刚过去的2025年”, “2026年重点工作”. A report
 * counts the five-year term, last year and the plan for next year apart; the same work counted under two
 * periods (改造老旧小区682个 last year, 300个 planned) is two statistics.
 */
const PERIOD =
  /过去五年|五年来|“十[一二三四五六七八九]五”(?:时期|期间)?|过去一年|一年来|今年|明年|(?:19|20)\d{2}年/;
/** How far into a paragraph its period is looked for. */
const PERIOD_HEAD = 16;
const OTHER_STATS = /\d+(?:\.\d+)?(?:余|多)?(?:件次|人次|件|人|个|条|项|次|名|篇|场|批|家|户)?/g;
/** Char codes that end a clause: ，。；：,;:！？!?\n（( */
const CLAUSE_BREAK = new Set([..."，。；：,;:！？!?\n（("].map((c) => c.charCodeAt(0)));
const FILLER = /^(?:全年|全市|全区|全县|我市|我区|我县|其中|共计|共|累计|先后|总计|合计|分别|依法)+/;

interface Stat {
  value: string;
  start: number;
  end: number;
}

/** The clause leading up to a number, other figures removed: what the number counts. */
function clauseBefore(text: string, at: number): string {
  let i = at;
  const floor = Math.max(0, at - 40);
  while (i > floor && !CLAUSE_BREAK.has(text.charCodeAt(i - 1))) i--;
  const clause = text.slice(i, at);
  // Most clauses hold no other figure; skip the replace for them.
  return (/\d/.test(clause) ? clause.replace(OTHER_STATS, "") : clause).replace(FILLER, "");
}

/**
 * The same statistic given twice with different values ("全年共任免地方国家机关工作人员15人次" in the overview,
 * "任免地方国家机关工作人员17人次" in the appointments section). Same means: the same clause before the number
 * (fillers like 全年/共/累计 and other figures ignored, at least four characters) and the same unit; a shared
 * tail alone ("交流研讨21次" / "集中学习12次、交流研讨6次") is a different statistic.
 */
export const repeatedStatistic: Rule = {
  meta: {
    id: "consistency/repeated-statistic",
    group: "consistency",
    description: "同一统计项前后两处数值不一致",
    severity: "warning",
    fixable: false,
    fixSafety: "suggestion",
    source: "公文校核惯例：同一时期的同一统计数据全文只有一个数值",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const seen = new Map<string, Stat>();
    const blocks = ctx.doc.blocks;
    let b = 0;
    let period = "";
    STAT.lastIndex = 0;
    for (let m = STAT.exec(text); m; m = STAT.exec(text)) {
      // Paragraphs up to this one, in order: the last period named at a paragraph's head holds.
      for (; blocks[b] && blocks[b]!.start <= m.index; b++) {
        const head = PERIOD.exec(blocks[b]!.text.slice(0, PERIOD_HEAD));
        if (head) period = head[0];
      }
      if (m[2]) continue;
      const words = clauseBefore(text, m.index);
      if (words.length < 4 || !/[\u4e00-\u9fff]$/.test(words)) continue;
      // The review part counts last year, the tasks part plans the next: "开展执法检查4次" and "开展执法检查3次"
      // in the two parts are two statistics.
      const key = `${ctx.partAt(m.index)}\u0000${period}\u0000${words}\u0000${m[3]}`;
      const stat: Stat = { value: m[1]!, start: m.index, end: m.index + m[0].length };
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stat);
        continue;
      }
      if (first.value === stat.value) continue;
      const { line } = positionAt(ctx.doc, first.start);
      ctx.report({
        message: `同一统计“${words}”前后不一：第${line}行为${first.value}${m[3]}，此处为${stat.value}${m[3]}`,
        start: stat.start,
        end: stat.end,
      });
    }
  },
};
