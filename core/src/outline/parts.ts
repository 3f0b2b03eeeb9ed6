import type { PartId } from "./types.ts";

/**
 * Headings that open the review part or the tasks part of a report (the 回顾 and 任务 halves of a work report).
 * Written as patterns over the heading words (marker already removed) because offices vary the wording:
 * "2023年主要工作回顾", "关于2020年的工作", "过去五年工作回顾", "2025年和“十四五”时期工作回顾",
 * "“十四五”时期和2025年工作回顾", "2026年重点工作", "对2018年政府工作的建议", "“十五五”时期目标任务和2026年工作安排".
 */

/** A period a report looks back on or ahead to: a year, the past year(s), or a five-year plan period. */
const PERIOD =
  '(?:(?:19|20)\\d{2}年|过去的?(?:一|五|1|5)年|近(?:一|五)年|[“"]?十[一二三四五六七八九]五[”"]?时期|[“"]十[一二三四五六七八九]五[”"])';
const PERIODS = `(?:${PERIOD}(?:(?:和|及|与|、)${PERIOD})*)`;

const REVIEW: RegExp[] = [
  // "…工作回顾", "…发展回顾", "2025年工作回顾和“十四五”发展主要成绩": the word 回顾 says it.
  new RegExp(
    `^${PERIODS}?(?:的|度)?(?:主要)?(?:工作)?(?:和${PERIOD})?(?:的)?(?:主要)?(?:工作|发展)?回顾(?:和.{0,16})?$`,
  ),
  /^(?:一年来|五年来|本届以来|过去一年来)的?(?:主要)?工作(?:回顾)?$/,
  new RegExp(`^${PERIODS}(?:的|度)?(?:主要)?工作(?:情况|总结)$`),
  /^(?:过去|近)的?(?:一|五|1|5)年(?:来)?的?(?:主要)?工作$/,
  /^关于((?:19|20)\d{2})年的?(?:主要)?工作$/,
  /^((?:19|20)\d{2})年以来的?(?:主要)?工作(?:回顾)?$/,
];
/**
 * "2020年主要工作" names a year and nothing else: the review in a report delivered the next year (a district
 * standing committee's report of January 2021), the tasks in one delivered the same year (a provincial
 * government's report of 2026, "三、2026年主要工作"). The outline decides from the date line or the review
 * part before it.
 */
const YEAR_WORK = /^((?:19|20)\d{2})年(?:的|度)?(?:主要)?工作$/;
const TASKS: RegExp[] = [
  /^((?:19|20)\d{2})年(?:的)?(?:主要)?(?:工作)?任务$/,
  /^(?:今年|今后一年|明年|下一年|新的一年)的?(?:主要)?(?:工作)?任务$/,
  /^(?:((?:19|20)\d{2})年|今后一年|今年|新的一年)的?工作(?:的)?(?:建议|安排|打算|思路|重点)$/,
  /^(?:((?:19|20)\d{2})年|今后一年|今年)(?:主要)?工作(?:任务|安排)$/,
  // "2026年重点工作", "2026年的重点工作", "2024年政府工作任务", "对2018年政府工作的建议"
  /^((?:19|20)\d{2})年的?重点工作(?:任务)?$/,
  /^((?:19|20)\d{2})年(?:工作)?总体部署$/,
  /^((?:19|20)\d{2})年的?政府工作(?:任务|安排)$/,
  /^对((?:19|20)\d{2})年(?:政府)?工作的?建议$/,
  // "“十五五”时期目标任务和2026年工作安排": the year's tasks joined to the plan period's
  /^.{2,24}(?:和|及|与)((?:19|20)\d{2})年的?(?:主要|重点)?工作(?:任务|安排)$/,
];

export interface PartMatch {
  part: PartId;
  year?: number;
  /** "2020年主要工作": review or tasks, as the document's own date says. */
  yearOnly?: boolean;
}

export function matchPartHeading(title: string): PartMatch | null {
  // Every block is asked; part headings are short and name 工作, 任务 or 回顾, so most paragraphs leave here.
  if (title.length > 36 || !/工作|任务|回顾/.test(title)) return null;
  const t = title.replace(/[\s　]+/g, "").replace(/[。：:]$/, "");
  const y = YEAR_WORK.exec(t);
  if (y) return { part: "review", year: Number(y[1]), yearOnly: true };
  for (const re of REVIEW) {
    if (re.test(t)) return withYear("review", t);
  }
  for (const re of TASKS) {
    const m = re.exec(t);
    if (m) return withYear("tasks", m[0]);
  }
  return null;
}

/** The year a part is about: the first calendar year its heading names ("“十四五”时期和2025年" → 2025). */
function withYear(part: PartId, words: string): PartMatch {
  const y = /((?:19|20)\d{2})年/.exec(words);
  return y ? { part, year: Number(y[1]) } : { part };
}
