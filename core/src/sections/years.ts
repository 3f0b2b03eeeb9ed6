import { yearIn } from "../outline/front.ts";
import type { Heading, Outline } from "../outline/types.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { TextDocument } from "../text/model.ts";

/**
 * The years a document is about. A 工作报告 reviews one year and sets tasks for the next (the review year is the report year − 1);
 * a 工作要点 plans one year. Rules dated by law or by official wording judge each part by its own year.
 * Every field is absent when the text does not state it: no year is ever taken from today's date.
 */
export interface DocumentYears {
  review?: number;
  tasks?: number;
  plan?: number;
  /** Year the document was presented or adopted (date line under the title, adoption note). */
  presented?: number;
}

const YEAR_RE = /((?:19|20)\d{2})年/;

/** A chapter heading about the year ahead: "二、2018年经济社会发展总体要求和政策取向", "2026年工作总体要求". */
const AHEAD_RE =
  /(总体要求|总体部署|政策取向|预期目标|主要目标|工作建议|工作任务|工作安排|重点工作|主要任务)/;
/** A chapter heading about the year behind: "2025年工作回顾", "2025年主要成绩". */
const BEHIND_RE = /(回顾|成绩|成效|工作情况|工作总结)/;

/** "2025年是“十四五”收官之年": the year a paragraph opens on. */
const YEAR_IS_RE = /(?:^|[。！？；])\s*((?:19|20)\d{2})年[，,]?是/;
/**
 * "今年是“十五五”开局之年": this year, named by its place in a five-year plan. The plans run from 2006
 * (第十一个五年规划) in fixed five-year periods (国民经济和社会发展五年规划纲要).
 */
const THIS_YEAR_PLAN_RE =
  /今年是[^。，]{0,12}[“"]十([一二三四五六七八九])五[”"](?:规划|时期)?的?(开局|起步|第一|收官|最后一|决胜)之?年/;
const PLAN_ORDINAL: Record<string, number> = {
  一: 11,
  二: 12,
  三: 13,
  四: 14,
  五: 15,
  六: 16,
  七: 17,
  八: 18,
  九: 19,
};

function firstYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = YEAR_RE.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** How far into the text the opening sentences of the parts are looked for. */
const BODY_SCAN = 400;

export function detectYears(
  doc: TextDocument,
  outline: Outline,
  kind: DocumentKindId,
  forced?: number,
): DocumentYears {
  const years: DocumentYears = {};
  const text = (i: number | null | undefined) =>
    i === null || i === undefined ? undefined : doc.blocks[i]?.text;
  const titleText = outline.titleBlocks
    .filter((i) => outline.roles[i] === "title")
    .map((i) => doc.blocks[i]!.text)
    .join("");
  // The date line under the title, in any of its forms ("——2026年1月25日在…", "（2026年…）", "二〇二六年…").
  const dateLine = outline.titleBlocks.filter((i) => outline.roles[i] === "subtitle").map((i) => text(i));
  let presented: number | undefined;
  for (const t of dateLine) presented ??= yearIn(t);
  presented ??= yearIn(text(outline.adoptionNote));

  if (kind === "work-plan") {
    if (presented !== undefined) years.presented = presented;
    const firstBody = doc.blocks.find((b) => outline.roles[b.index] === "body");
    const plan =
      forced ??
      yearIn(titleText.match(/((?:19|20)\d{2})年[^，。]{0,6}(工作要点|工作计划)/)?.[0]) ??
      yearIn(firstBody?.text.match(/^((?:19|20)\d{2})年[，,]?是/)?.[0]) ??
      presented;
    if (plan !== undefined) years.plan = plan;
    return years;
  }

  // A report's title names the year it is delivered in ("2026年安徽省政府工作报告"), as its date line does.
  presented ??= firstYear(titleText.match(/((?:19|20)\d{2})年[^，。]{0,16}工作报告/)?.[0]);
  if (presented !== undefined) years.presented = presented;

  const partYear = (part: "review" | "tasks") => outline.headings.find((h) => h.part === part)?.year;
  // A 政府工作报告 reviews the year before the session that hears it and sets that year's tasks; its
  // chapter headings name either year ("2026年主要工作" is the tasks), so the delivery date decides.
  const delivered = kind === "gov-report" && forced === undefined ? presented : undefined;
  let review = forced ?? (delivered !== undefined ? delivered - 1 : partYear("review"));
  let tasks = delivered ?? partYear("tasks");
  if (review === undefined && tasks !== undefined) review = tasks - 1;
  if (review === undefined && presented !== undefined) review = presented - 1;
  if (review === undefined) {
    const found = chapterYears(outline.headings);
    if (found.review !== undefined) review = found.review;
    else if (found.tasks !== undefined) review = found.tasks - 1;
  }
  if (review === undefined) {
    const found = openingYears(doc, outline);
    if (found.review !== undefined) review = found.review;
    else if (found.tasks !== undefined) review = found.tasks - 1;
  }
  if (tasks === undefined && review !== undefined) tasks = review + 1;
  if (review !== undefined) years.review = review;
  if (tasks !== undefined) years.tasks = tasks;
  return years;
}

/** Years named by chapter headings that are not part headings: "二、2018年经济社会发展总体要求和政策取向". */
function chapterYears(headings: readonly Heading[]): { review?: number; tasks?: number } {
  const out: { review?: number; tasks?: number } = {};
  for (const h of headings) {
    if (h.rank > 1 || h.form === "run-in") continue;
    const y = firstYear(h.title);
    if (y === undefined || !h.title.startsWith(`${y}年`)) continue;
    if (AHEAD_RE.test(h.title)) out.tasks ??= y;
    else if (BEHIND_RE.test(h.title)) out.review ??= y;
  }
  return out;
}

/**
 * "2025年是“十四五”收官之年。" opening the review, "今年是“十五五”开局之年" in the tasks: the years the
 * parts are about, when no heading or date line names them.
 */
function openingYears(doc: TextDocument, outline: Outline): { review?: number; tasks?: number } {
  const out: { review?: number; tasks?: number } = {};
  const tasksPart = outline.headings.find((h) => h.part === "tasks");
  const tasksStart = tasksPart ? doc.blocks[tasksPart.block]!.start : Number.POSITIVE_INFINITY;
  let seen = 0;
  for (const b of doc.blocks) {
    if (outline.roles[b.index] !== "body") continue;
    if (++seen > BODY_SCAN) break;
    const plan = THIS_YEAR_PLAN_RE.exec(b.text);
    if (plan) {
      const start = 2006 + (PLAN_ORDINAL[plan[1]!]! - 11) * 5;
      out.tasks ??= /收官|最后一|决胜/.test(plan[2]!) ? start + 4 : start;
    }
    const m = YEAR_IS_RE.exec(b.text);
    if (m) {
      const y = Number(m[1]);
      if (b.start >= tasksStart) out.tasks ??= y;
      else out.review ??= y;
    }
    if (out.review !== undefined) break;
  }
  return out;
}

/** The one year `renda lint --format json` reports: the year reviewed (report) or planned (plan). */
export function mainYear(years: DocumentYears, kind: DocumentKindId): number | null {
  return (kind === "work-plan" ? years.plan : years.review) ?? null;
}
