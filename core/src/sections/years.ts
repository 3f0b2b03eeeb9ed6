import type { Outline } from "../outline/types.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { TextDocument } from "../text/model.ts";

/**
 * The years a document is about. A 工作报告 reviews one year and sets tasks for the next (DOMAIN.md B.4 #6);
 * a 工作要点 plans one year. Rules dated by law or by official wording judge each part by its own year.
 */
export interface DocumentYears {
  review?: number;
  tasks?: number;
  plan?: number;
  /** Year the document was presented or adopted (subtitle line, adoption note). */
  presented?: number;
}

const YEAR_RE = /((?:19|20)\d{2})年/;

function yearIn(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = YEAR_RE.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function detectYears(
  doc: TextDocument,
  outline: Outline,
  kind: DocumentKindId,
  forced?: number,
): DocumentYears {
  const years: DocumentYears = {};
  const text = (i: number | null | undefined) =>
    i === null || i === undefined ? undefined : doc.blocks[i]?.text;
  const titleText = outline.titleBlocks.map((i) => doc.blocks[i]!.text).join("");
  const subtitle = outline.titleBlocks.map((i) => doc.blocks[i]!.text).find((t) => /^[—－-]/.test(t.trim()));
  const presented = yearIn(subtitle) ?? yearIn(text(outline.adoptionNote));
  if (presented !== undefined) years.presented = presented;

  if (kind === "work-plan") {
    const firstBody = doc.blocks.find((b) => outline.roles[b.index] === "body");
    const plan =
      forced ??
      yearIn(titleText.match(/((?:19|20)\d{2})年[^，。]{0,6}(工作要点|工作计划)/)?.[0]) ??
      yearIn(firstBody?.text.match(/^((?:19|20)\d{2})年[，,]?是/)?.[0]) ??
      presented;
    if (plan !== undefined) years.plan = plan;
    return years;
  }

  const partYear = (part: "review" | "tasks") => outline.headings.find((h) => h.part === part)?.year;
  // A 政府工作报告 reviews the year before the session that hears it and sets that year's tasks; its
  // chapter headings name either year ("2026年主要工作" is the tasks), so the delivery date decides.
  const delivered = kind === "gov-report" && forced === undefined ? presented : undefined;
  let review = forced ?? (delivered !== undefined ? delivered - 1 : partYear("review"));
  let tasks = delivered ?? partYear("tasks");
  if (review === undefined && tasks !== undefined) review = tasks - 1;
  if (review === undefined && presented !== undefined) review = presented - 1;
  if (tasks === undefined && review !== undefined) tasks = review + 1;
  if (review !== undefined) years.review = review;
  if (tasks !== undefined) years.tasks = tasks;
  return years;
}

/** The one year `renda lint --format json` reports: the year reviewed (report) or planned (plan). */
export function mainYear(years: DocumentYears, kind: DocumentKindId): number | null {
  return (kind === "work-plan" ? years.plan : years.review) ?? null;
}
