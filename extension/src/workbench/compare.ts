/**
 * The workbench's `renda compare`: a 工作要点 and a 工作报告 read exactly as the command line reads them (core's
 * loadDocument and readDocx, so offsets, line numbers and sections agree), compared by core's compareDocuments,
 * and the 落实情况对照表 written by core's writeCompareTable. Runs in the worker only: it carries exceljs.
 */
import { type LoadedDocument, loadDocument } from "../../../core/src/cli/load.ts";
import { type CompareResult, compareDocuments, GRADE_NAMES } from "../../../core/src/compare/compare.ts";
import { placeOf, writeCompareTable } from "../../../core/src/compare/xlsx.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { InputError } from "../../../core/src/io/errors.ts";
import { detectOutline } from "../../../core/src/outline/detect.ts";
import type { DocumentKindId, KindDetection } from "../../../core/src/schema/kinds.ts";
import { kindUncertain, recogniseKind } from "../../../core/src/sections/kind.ts";
import { kindName } from "../../../core/src/sections/kinds.ts";
import type { CompareSideView, CompareView, FileBytes } from "./protocol.ts";

interface Side {
  name: string;
  loaded: LoadedDocument;
  detection: KindDetection;
}

export interface Compared {
  plan: Side;
  report: Side;
  result: CompareResult;
}

/** One file as `renda compare` loads it (its private `load`): loadDocument, then refuse a text with no words. */
function readSide(file: FileBytes): Side {
  const loaded = loadDocument(file.bytes, file.name, readDocx);
  if (loaded.doc.text.trim() === "") throw new InputError(`${file.name}：文件没有文字`, file.name);
  return { name: file.name, loaded, detection: recogniseKind(loaded.doc, detectOutline(loaded.doc)) };
}

const REPORT_KINDS: readonly DocumentKindId[] = ["work-report", "gov-report"];

/** “2025年的工作报告（依据：标题含“常务委员会工作报告”、称呼“各位代表：”）”: what core took the file for, and why. */
function looksLike(side: Side, year: number | null): string {
  const evidence = side.detection.evidence.slice(0, 2).join("、");
  return `${year ? `${year}年的` : ""}${kindName(side.detection.kind)}${evidence ? `（依据：${evidence}）` : ""}`;
}

/**
 * A pair the comparison would grade wrongly without saying so: a report where the plan belongs, unless it is an
 * earlier year's report (the command line's “上一年的工作报告（取其任务部分）”: a 工作报告's year is the year it
 * reviews, so the report of year N holds the tasks that year N+1's plan or report answers), or a 工作要点 where
 * the report belongs, against a plan. Only a confident recognition counts: a text with no marks at all is taken
 * for a 工作报告 by default, and that guess must not turn a plain plan away.
 */
function kindProblem({ plan, report, result }: Compared): string | null {
  const planIsReport =
    REPORT_KINDS.includes(result.plan.kind) &&
    !kindUncertain(plan.detection) &&
    !(result.plan.year !== null && result.report.year !== null && result.plan.year < result.report.year);
  if (planIsReport) {
    if (result.report.kind === "work-plan" && !kindUncertain(report.detection))
      return `${plan.name}：看起来是${looksLike(plan, result.plan.year)}，而“${report.name}”看起来是${looksLike(report, result.report.year)}：两个文件可能放反了。请在“工作要点”处选择工作要点，在“工作报告”处选择工作报告。`;
    const years =
      result.plan.year !== null && result.report.year !== null
        ? `它的年份（${result.plan.year}年）应早于“${report.name}”的年份（${result.report.year}年）`
        : "须能识别出两份文稿的年份，且它的年份较早";
    return `${plan.name}：看起来是${looksLike(plan, result.plan.year)}，不是工作要点。请在“工作要点”处选择工作要点；如要用上一年的工作报告（取其任务部分）对照，${years}。`;
  }
  if (
    result.report.kind === "work-plan" &&
    result.plan.kind === "work-plan" &&
    !kindUncertain(report.detection)
  )
    return `${report.name}：看起来是${looksLike(report, result.report.year)}，不是工作报告。请在“工作报告”处选择工作报告。`;
  return null;
}

/** Both files read and compared; an unusable file or pair is an InputError in Chinese that names the file. */
export function compareFiles(planFile: FileBytes, reportFile: FileBytes): Compared {
  const plan = readSide(planFile);
  const report = readSide(reportFile);
  const result = compareDocuments(plan.loaded.doc, report.loaded.doc);
  const compared = { plan, report, result };
  const problem = kindProblem(compared);
  if (problem) throw new InputError(problem, plan.name);
  // The command line's refusal, word for word (core/src/cli/compare-command.ts).
  if (result.items.length === 0)
    throw new InputError(
      `${plan.name}：没有找到工作要点的事项（编号的“1.”“（一）”等条目或各段工作）；请确认第一个文件是工作要点`,
      plan.name,
    );
  return compared;
}

function sideView(side: Side, year: number | null, kind: DocumentKindId): CompareSideView {
  return { file: side.name, kind: kindName(kind), year, notice: side.loaded.notice ?? null };
}

export function compareView({ plan, report, result }: Compared): CompareView {
  const reportDoc = report.loaded.doc;
  const count = (g: keyof typeof GRADE_NAMES) => result.items.filter((i) => i.grade === g).length;
  return {
    plan: sideView(plan, result.plan.year, result.plan.kind),
    report: sideView(report, result.report.year, result.report.kind),
    items: result.items.map((item) => ({
      id: item.id,
      text: item.text,
      section: item.section,
      grade: item.grade,
      gradeName: GRADE_NAMES[item.grade],
      evidence: item.evidence.map((e) => ({
        text: e.text,
        section: e.section,
        place: placeOf(reportDoc, e.start, e.section),
      })),
    })),
    unplanned: result.unplanned.map((u) => ({
      text: u.text,
      section: u.section,
      place: placeOf(reportDoc, u.start, u.section),
    })),
    counts: { covered: count("covered"), partial: count("partial"), missing: count("missing") },
    gradeNames: { ...GRADE_NAMES },
  };
}

/** `renda compare PLAN REPORT -o 对照表.xlsx` with the file names as the paths: the same table, cell for cell. */
export function compareTable({ plan, report, result }: Compared): Promise<Uint8Array> {
  return writeCompareTable(result, {
    planPath: plan.name,
    reportPath: report.name,
    planDoc: plan.loaded.doc,
    reportDoc: report.loaded.doc,
  });
}
