/**
 * The workbench's `renda compare`: a 工作要点 and a 工作报告 read exactly as the command line reads them (core's
 * loadDocument and readDocx, so offsets, line numbers and sections agree), compared by core's compareDocuments,
 * and the 落实情况对照表 written by core's writeCompareTable. Runs in the worker only: it carries exceljs.
 */
import { type LoadedDocument, loadDocument } from "../../../core/src/cli/load.ts";
import { type CompareResult, GRADE_NAMES } from "../../../core/src/compare/compare.ts";
import { comparePair } from "../../../core/src/compare/pair.ts";
import { placeOf, writeCompareTable } from "../../../core/src/compare/xlsx.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import type { DocumentKindId } from "../../../core/src/schema/kinds.ts";
import { kindName } from "../../../core/src/sections/kinds.ts";
import type { CompareSideView, CompareView, FileBytes } from "./protocol.ts";

interface Side {
  name: string;
  loaded: LoadedDocument;
}

export interface Compared {
  plan: Side;
  report: Side;
  result: CompareResult;
  /** How a file was taken (a report's tasks part used as the plan), as `renda compare` prints it. */
  notes: string[];
}

/**
 * Both files read as `renda compare` reads them, then core's comparePair: the same checks as the command line
 * and the Word add-in (an empty file, swapped files, a report that is not an earlier year's, a plan with no
 * items), each an InputError in Chinese that names the file.
 */
export function compareFiles(planFile: FileBytes, reportFile: FileBytes): Compared {
  const plan = { name: planFile.name, loaded: loadDocument(planFile.bytes, planFile.name, readDocx) };
  const report = { name: reportFile.name, loaded: loadDocument(reportFile.bytes, reportFile.name, readDocx) };
  const { result, notes } = comparePair(
    { name: plan.name, doc: plan.loaded.doc },
    { name: report.name, doc: report.loaded.doc },
  );
  return { plan, report, result, notes };
}

function sideView(
  side: Side,
  year: number | null,
  kind: DocumentKindId,
  notes: readonly string[] = [],
): CompareSideView {
  const notice = [side.loaded.notice, ...notes].filter((n): n is string => !!n).join("；");
  return { file: side.name, kind: kindName(kind), year, notice: notice || null };
}

export function compareView({ plan, report, result, notes }: Compared): CompareView {
  const reportDoc = report.loaded.doc;
  const count = (g: keyof typeof GRADE_NAMES) => result.items.filter((i) => i.grade === g).length;
  return {
    plan: sideView(plan, result.plan.year, result.plan.kind, notes),
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
