/**
 * Which pairs of files a comparison accepts, and what it says about the others, for every surface alike (the
 * command line, the Word add-in, the extension's workbench): a comparison of the wrong files still yields a
 * table, only a meaningless one, so each surface would otherwise refuse different pairs or none.
 *
 * The plan is a 工作要点, or the report of an earlier year whose tasks part is what it undertook (year N's
 * report reviews N and sets the tasks of N+1, which the report of N+1 reviews). Only a confident recognition
 * refuses: a text with no marks at all is taken for a 工作报告 by default, and that guess must not turn a
 * plain plan away.
 */
import { InputError } from "../io/errors.ts";
import type { DocumentKindId, KindDetection } from "../schema/kinds.ts";
import { kindUncertain } from "../sections/kind.ts";
import { kindName } from "../sections/kinds.ts";
import type { TextDocument } from "../text/model.ts";
import {
  type CompareOptions,
  type CompareResult,
  compareRead,
  type Read,
  readForCompare,
} from "./compare.ts";

/** A side of a comparison: the text and the name the user knows it by (a path, a file name, 当前文稿). */
export interface CompareFile {
  name: string;
  doc: TextDocument;
}

/** What the comparison took a file for. */
export interface SideRecognition {
  kind: DocumentKindId;
  year: number | null;
  detection: KindDetection;
  /** The heading of its tasks part (“三、2026年工作安排”), or "" when it has a tasks part without a heading. */
  tasksHeading: string | null;
}

export interface CheckedComparison {
  result: CompareResult;
  /** How a file was taken, for the user: a report's tasks part used as the plan. */
  notes: string[];
}

const REPORT_KINDS: readonly DocumentKindId[] = ["work-report", "gov-report"];

/** Kind, year and tasks part as the comparison sees them (kind and year as the user set them, if they did). */
export function recogniseSide(
  doc: TextDocument,
  kind?: DocumentKindId | "auto",
  year?: number,
): SideRecognition {
  return sideOf(readForCompare(doc, kind, year));
}

function sideOf(read: Read): SideRecognition {
  return { kind: read.kind, year: read.year, detection: read.detection, tasksHeading: read.tasksHeading };
}

/** “2025年的工作报告（依据：标题含“常务委员会工作报告”、称呼“各位代表：”）”: what a file was taken for, and why. */
function looksLike(side: SideRecognition): string {
  const evidence = side.detection.evidence.slice(0, 2).join("、");
  return `${side.year ? `${side.year}年的` : ""}${kindName(side.kind)}${evidence ? `（依据：${evidence}）` : ""}`;
}

/** A text with no words cannot be compared; the message names the file. */
export function emptyProblem(file: CompareFile): string | null {
  return file.doc.text.trim() === "" ? `${file.name}：文件没有文字` : null;
}

/**
 * The plan alone: a file confidently recognised as something with no work to undertake (a court's report, a
 * speech), or a report with no tasks part. Null when it can serve as the plan.
 */
export function planProblem(name: string, plan: SideRecognition): string | null {
  if (plan.kind === "work-plan" || kindUncertain(plan.detection)) return null;
  if (REPORT_KINDS.includes(plan.kind) && plan.tasksHeading !== null) return null;
  const tail = REPORT_KINDS.includes(plan.kind) ? "，也没有可作为工作要点的任务部分" : "";
  return `${name}：看起来是${looksLike(plan)}，不是工作要点${tail}。请给出工作要点，或上一年的工作报告（取其任务部分）。`;
}

/** The pair: swapped files, a report that is not an earlier year's, or a plan where the report belongs. */
export function pairProblem(
  plan: CompareFile & { side: SideRecognition },
  report: CompareFile & { side: SideRecognition },
): { file: string; message: string } | null {
  const p = plan.side;
  const r = report.side;
  const reportIsPlan = r.kind === "work-plan" && !kindUncertain(r.detection);
  if (REPORT_KINDS.includes(p.kind) && !kindUncertain(p.detection)) {
    if (reportIsPlan)
      return {
        file: plan.name,
        message: `${plan.name}：看起来是${looksLike(p)}，而“${report.name}”看起来是${looksLike(r)}：两个文件可能放反了。请先给工作要点，再给工作报告。`,
      };
    if (p.year !== null && r.year !== null && p.year >= r.year)
      return {
        file: plan.name,
        message: `${plan.name}：看起来是${looksLike(p)}，不是工作要点。用上一年的工作报告（取其任务部分）对照时，它的年份（${p.year}年）应早于“${report.name}”的年份（${r.year}年）。`,
      };
  }
  if (reportIsPlan && p.kind === "work-plan")
    return {
      file: report.name,
      message: `${report.name}：看起来是${looksLike(r)}，不是工作报告。请给出要对照的工作报告。`,
    };
  return null;
}

/**
 * Compares two files after the checks above, or throws an InputError in Chinese that names the file: an empty
 * text, a pair that would be compared wrongly, a plan with no items.
 */
export function comparePair(
  plan: CompareFile,
  report: CompareFile,
  options: CompareOptions = {},
): CheckedComparison {
  for (const f of [plan, report]) {
    const empty = emptyProblem(f);
    if (empty) throw new InputError(empty, f.name);
  }
  const planRead = readForCompare(plan.doc, options.planKind, options.planYear);
  const reportRead = readForCompare(report.doc, options.reportKind, options.reportYear);
  const planSide = sideOf(planRead);
  const alone = planProblem(plan.name, planSide);
  if (alone) throw new InputError(alone, plan.name);
  const pair = pairProblem({ ...plan, side: planSide }, { ...report, side: sideOf(reportRead) });
  if (pair) throw new InputError(pair.message, pair.file);
  const result = compareRead(planRead, reportRead);
  if (result.items.length === 0)
    throw new InputError(
      `${plan.name}：没有找到工作要点的事项（编号的“1.”“（一）”等条目或各段工作）；请确认它是工作要点`,
      plan.name,
    );
  const notes: string[] = [];
  if (planSide.kind !== "work-plan" && planSide.tasksHeading !== null) {
    const from = planSide.tasksHeading ? `（“${planSide.tasksHeading}”起）` : "";
    notes.push(`${plan.name} 看起来是${kindName(planSide.kind)}，按其任务部分${from}作为工作要点对照`);
  }
  return { result, notes };
}
