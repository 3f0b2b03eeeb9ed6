import { isDateLine } from "../../outline/front.ts";
import type { DocumentYears } from "../../sections/years.ts";
import type { Dated } from "../packs/schema.ts";
import { sentenceAround } from "./sentence.ts";
import { positionsOf } from "./text-index.ts";

export type PartName = "review" | "tasks" | "plan" | "other";

/** Which part an offset lies in, in the pack vocabulary: a 工作要点 body is "plan". */
export function partName(part: "review" | "tasks" | null, years: DocumentYears): PartName {
  if (part) return part;
  return years.plan !== undefined ? "plan" : "other";
}

/** The year a passage describes; undefined when the document names none. */
export function periodYear(part: PartName, years: DocumentYears): number | undefined {
  if (part === "review") return years.review;
  if (part === "tasks") return years.tasks;
  if (part === "plan") return years.plan;
  return years.plan ?? years.review ?? years.presented;
}

/**
 * The year the document was written: a report is presented early in the year after its review (the same
 * year as its tasks), a plan early in its own year.
 */
export function writtenYear(years: DocumentYears): number | undefined {
  if (years.presented !== undefined) return years.presented;
  if (years.tasks !== undefined) return years.tasks;
  if (years.review !== undefined) return years.review + 1;
  return years.plan;
}

/** First year in which a `period` entry applies: the year after the change, or that year if it changed on 1 January. */
export function fromYearOf(d: Dated): number {
  if (d.fromYear !== undefined) return d.fromYear;
  const y = Number(d.changed.slice(0, 4));
  return d.changed.endsWith("-01-01") ? y : y + 1;
}

/** The years a passage speaks of, first to last (inclusive). */
export interface Span {
  from: number;
  to: number;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The years of the k-th five-year plan (六五 1981–1985 onwards, 十四五 2021–2025). */
export function planSpan(k: number): Span {
  const from = 1981 + 5 * (k - 6);
  return { from, to: from + 4 };
}

/** Explicit years: 2021年, 2021—2025年, 2021至2025年. */
const YEARS = /((?:19|20)\d{2})(?:年)?(?:[—–－-]|至|到)((?:19|20)\d{2})年|((?:19|20)\d{2})年/g;
/** A five-year plan named as a stretch of time (“十四五”时期, 进入“十四五”, “十三五”末), not as a plan title. */
const PLAN_PERIOD =
  /进入[“"]?十([一二三四五六七八九])五|十([一二三四五六七八九])五[”"]?(?:时期|期间|期末|末期?|初期?|以来|收官|的五年|这五年|五年)/g;
/** Time words relative to the year the text is written. */
const RELATIVE: [RegExp, number, number][] = [
  [/过去五年|五年来|五年间|过去的五年|这五年|本届政府|本届以来|本届任期/, -5, -1],
  [/今后五年|未来五年/, 0, 4],
  [/过去一年|一年来|去年/, -1, -1],
  [/今年|本年度|新的一年/, 0, 0],
  [/明年/, 1, 1],
];

/** The span named by the time words of a piece of text, or undefined when it has none. */
export function timeWordsSpan(text: string, written: number | undefined): Span | undefined {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const add = (a: number, b: number) => {
    from = Math.min(from, a);
    to = Math.max(to, b);
  };
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(text); m; m = YEARS.exec(text)) {
    if (m[3]) add(Number(m[3]), Number(m[3]));
    else add(Number(m[1]), Number(m[2]));
  }
  PLAN_PERIOD.lastIndex = 0;
  for (let m = PLAN_PERIOD.exec(text); m; m = PLAN_PERIOD.exec(text)) {
    const s = planSpan(10 + CN_DIGIT[(m[1] ?? m[2])!]!);
    add(s.from, s.to);
  }
  if (written !== undefined) {
    for (const [re, a, b] of RELATIVE) if (re.test(text)) add(written + a, written + b);
  }
  return from <= to ? { from, to } : undefined;
}

/** How many paragraphs back a scope line (五年来主要做了以下工作。 / 三、2026年工作安排) is looked for. */
const SCOPE_PARAGRAPHS = 40;

/**
 * The years the sentence at `offset` speaks of: its own time words (2021年…, 过去五年…, “十四五”时期…, 今年…),
 * else those of the opening sentence of its paragraph or of the nearest paragraph before it that opens with
 * time words in its opening clause (a heading “三、2026年工作安排”, a lead “五年来，我们…”), as long as `sameScope` holds for that
 * paragraph (the same part of the document). Undefined when none is found. A part heading naming a single
 * year is left to the part's year (`partHeading`).
 */
export function spokenSpan(
  text: string,
  offset: number,
  written: number | undefined,
  sameScope: (offset: number) => boolean = () => true,
  partHeading: (offset: number) => boolean = () => false,
): Span | undefined {
  const s = sentenceAround(text, offset);
  const own = timeWordsSpan(text.slice(s.start, s.end), written);
  if (own) return own;
  // Paragraph starts from an index of line breaks: walking back with lastIndexOf once per finding is
  // quadratic in a long paragraph.
  const breaks = positionsOf(text, "\n");
  let paraStart = breaks.before(offset) + 1;
  for (let i = 0; i < SCOPE_PARAGRAPHS; i++) {
    if (!sameScope(paraStart)) return undefined;
    // A salutation standing as its own paragraph (各位代表！) opens a new passage of the speech: time words
    // above it (过去一年，国防和军队建设…) frame another passage.
    const paraEnd = breaks.from(paraStart);
    if (
      paraStart < s.start &&
      (paraEnd === -1 ? text.length : paraEnd) - paraStart <= MAX_SALUTATION &&
      BARE_SALUTATION.test(text.slice(paraStart, paraEnd >>> 0))
    ) {
      return undefined;
    }
    // The dateline under a title (（2022年10月16日）) is the day of delivery, and above it is only the title
    // block: it frames no passage of the body.
    // Only a short paragraph can be one: slicing a long one at every sentence would be quadratic.
    const paraLength = (paraEnd === -1 ? text.length : paraEnd) - paraStart;
    if (
      paraStart < s.start &&
      paraLength <= MAX_DATELINE &&
      isDateLine(text.slice(paraStart, paraStart + paraLength))
    ) {
      return undefined;
    }
    const lead = openingSentence(text, paraStart);
    if (lead.end <= s.start || paraStart < s.start) {
      const span = timeWordsSpan(lead.text, written);
      // A part heading naming one year (“一、2024年工作回顾”) is what the part's year already says, and a year
      // the user gives for the document overrides it; a heading naming a stretch (“十四五”时期) still counts.
      if (span && !(span.from === span.to && partHeading(paraStart))) return span;
    }
    // A paragraph that opens on the salutation (各位代表！奋斗创造历史……) opens a passage of its own too.
    if (/^\s*各位代表[！!]/.test(text.slice(paraStart, paraStart + 8))) return undefined;
    if (paraStart === 0) return undefined;
    paraStart = breaks.before(paraStart - 1) + 1;
  }
  return undefined;
}

/** A paragraph longer than this is not a dateline (（二〇二二年十月十六日） with spaces around it). */
const MAX_DATELINE = 32;
/** A paragraph longer than this is not a bare salutation (only its length is looked at). */
const MAX_SALUTATION = 64;
/** A paragraph that is only the salutation to the deputies. */
const BARE_SALUTATION = /^\s*各位代表[！!：:，,]?\s*$/;

/** The opening clause of a paragraph, where a scope line or a lead puts its time words. */
function openingSentence(text: string, start: number): { text: string; end: number } {
  // A salutation (各位代表！) or a dash lead (——这是…的五年) is not the time frame.
  let from = start;
  const salutation = /^(?:各位代表[！!：:，,]|——)/.exec(text.slice(from, from + 8));
  if (salutation) from += salutation[0].length;
  const s = sentenceAround(text, from);
  const clause = /^[^，,：:]{1,40}/.exec(text.slice(from, s.end));
  return { text: clause ? clause[0] : "", end: s.end };
}

/**
 * Does a dated entry apply to a passage? The passage's own time words decide when it has them (a 2026 report
 * may narrate 2021); else the year of its part (period entries) or the year the text was written (written
 * entries). With no year at all the entry stays silent: dated wording cannot be judged without a date.
 */
export function datedApplies(d: Dated, part: PartName, years: DocumentYears, span?: Span): boolean {
  const w = writtenYear(years);
  if (span && (d.judge === "period" || w === undefined || span.to < w)) {
    // Narration of earlier years, or a sentence that names its own years: an "after" entry is wrong only if
    // every year it speaks of lies after the change, a "before" entry only if every year lies before it.
    // A finished stretch of time may name the old wording up to the day of the change (2021 saw the 脱贫攻坚战
    // won in February), so narration counts from the year after it.
    const past = span.to < (w ?? Number.POSITIVE_INFINITY);
    const from = past ? fromYearOf({ ...d, fromYear: undefined }) : fromYearOf(d);
    return d.direction === "before" ? span.to < from : span.from >= from;
  }
  let after: boolean;
  if (d.judge === "period") {
    const y = periodYear(part, years);
    if (y === undefined) return false;
    after = y >= fromYearOf(d);
  } else {
    if (w === undefined) return false;
    // Early in year w: compare with 1 January of that year.
    after = `${w}-01-01` >= d.changed;
  }
  return d.direction === "before" ? !after : after;
}

/** Is an offset the start of a part's heading (“一、2024年工作回顾”, “2025年主要任务”)? */
export function partHeadingAt(ctx: {
  sections: { parts: Partial<Record<string, { start: number; heading: unknown } | undefined>> };
}): (offset: number) => boolean {
  return (offset) => Object.values(ctx.sections.parts).some((node) => node?.heading && node.start === offset);
}
