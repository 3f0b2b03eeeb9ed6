/**
 * 对照工作要点 in the Word pane: the plan is a file the user opens, the report is the open document. The report's
 * text is built from the paragraphs exactly as the check builds it (core's fromBlocks over the adapter's
 * paragraphs), so every offset here is the one `renda lint` and `renda compare` give for the same text, and
 * the checker's `locate` maps evidence back to a paragraph.
 */
import {
  type CompareResult,
  comparePair,
  fromBlocks,
  GRADE_NAMES,
  type Grade,
  loadDocument,
  planProblem,
  readDocx,
  recogniseSide,
  type TextDocument,
} from "../core.ts";
import type { LocatedEdit, WordParagraph } from "../ports.ts";
import { locate } from "./findings.ts";
import { type DocumentOptions, lintOptions } from "./options.ts";

/** The formats core reads a document from (cli/load.ts): Word's own, plain text and Markdown. */
const PLAN_FORMATS = /\.(docx|txt|md|markdown)$/i;

export interface PlanFile {
  name: string;
  doc: TextDocument;
  /** How the file was read or taken, for the user (GB18030 text, a report's tasks part used as the plan). */
  notes: string[];
}

/** A message that names the file it is about, as every surface's messages do. */
function named(name: string, message: string): string {
  return message.includes(name) ? message : `${name}：${message}`;
}

/**
 * A picked file's bytes → the plan's text, or an Error naming the file: a format core cannot read, a file it
 * cannot decode, or a document that is not a plan (with the kind it looks like and why). A 工作报告 or
 * 政府工作报告 with a tasks part is accepted as `renda compare` accepts it: its tasks are what it undertook.
 */
export function readPlan(bytes: Uint8Array, name: string): PlanFile {
  if (!PLAN_FORMATS.test(name))
    throw new Error(
      `${name}：工作要点应是 .docx、.txt 或 .md 文件（旧版 .doc、.wps 请先在 Word 或 WPS 中另存为 .docx）`,
    );
  let loaded: ReturnType<typeof loadDocument>;
  try {
    loaded = loadDocument(bytes, name, readDocx);
  } catch (e) {
    throw new Error(named(name, e instanceof Error ? e.message : String(e)));
  }
  const notes = loaded.notice ? [`${name}：${loaded.notice}`] : [];
  // The check every surface makes on the plan alone (core's compare/pair.ts), at once when the file is opened.
  const problem = planProblem(name, recogniseSide(loaded.doc));
  if (problem) throw new Error(problem);
  return { name, doc: loaded.doc, notes };
}

export interface CompareView {
  result: CompareResult;
  /** The open document's text as compared: evidence offsets point into it. */
  report: TextDocument;
  counts: Record<Grade, number>;
  /** How the plan was taken (a report's tasks part), in core's words. */
  notes: string[];
}

/**
 * Compares the plan with the document's paragraphs. The document's kind and year, when the user set them in
 * 文稿类型/年份, are used as the check uses them; 自动识别 leaves them to core, as `renda compare` does.
 */
export function compareWithDocument(
  plan: PlanFile,
  paragraphs: readonly WordParagraph[],
  options: DocumentOptions,
  documentName?: string,
): CompareView {
  const where = documentName ? `当前文稿“${documentName}”` : "当前文稿";
  if (paragraphs.every((p) => p.text.trim() === ""))
    throw new Error(`${where}没有正文文字：请在 Word 中打开要对照的工作报告，再对照“${plan.name}”`);
  const report = fromBlocks(paragraphs);
  const o = lintOptions(options);
  // core's comparePair: the pair checks and messages of `renda compare` and the workbench (swapped files, a
  // report that is not an earlier year's, a plan with no items).
  const { result, notes } = comparePair(
    { name: plan.name, doc: plan.doc },
    { name: documentName ?? "当前文稿", doc: report },
    { ...(o.kind ? { reportKind: o.kind } : {}), ...(o.year ? { reportYear: o.year } : {}) },
  );

  const counts: Record<Grade, number> = { covered: 0, partial: 0, missing: 0 };
  for (const item of result.items) counts[item.grade]++;
  return { result, report, counts, notes };
}

/** The counts line, in the words of `renda compare`'s table (core's GRADE_NAMES). */
export function countsLine(view: CompareView): string {
  const grades: Grade[] = ["covered", "partial", "missing"];
  return `共 ${view.result.items.length} 项：${grades.map((g) => `${GRADE_NAMES[g]} ${view.counts[g]} 项`).join("，")}`;
}

/** Where a passage of the report is in the document, for Word to select it; null across a paragraph break. */
export function locatePassage(
  view: CompareView,
  passage: { start: number; end: number },
): Omit<LocatedEdit, "text"> | null {
  return locate({ doc: view.report }, passage);
}
