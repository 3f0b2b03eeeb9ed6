import type { DocumentYears } from "../../sections/years.ts";
import type { Dated } from "../packs/schema.ts";

export type PartName = "review" | "tasks" | "plan" | "other";

/** Which part an offset lies in, in the pack vocabulary: a 工作要点 body is "plan". */
export function partName(part: "review" | "tasks" | null, years: DocumentYears): PartName {
  if (part) return part;
  return years.plan !== undefined ? "plan" : "other";
}

/** The year a passage describes; undefined when the document names none (then it is taken as current). */
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

/**
 * Does a dated entry apply here? With no year in the document, the text is taken as a current draft: "after"
 * entries apply and "before" entries do not.
 */
export function datedApplies(d: Dated, part: PartName, years: DocumentYears): boolean {
  let after: boolean;
  if (d.judge === "period") {
    const y = periodYear(part, years);
    after = y === undefined || y >= fromYearOf(d);
  } else {
    const y = writtenYear(years);
    // Early in year y: compare with 1 January of that year.
    after = y === undefined || `${y}-01-01` >= d.changed;
  }
  return d.direction === "before" ? !after : after;
}
