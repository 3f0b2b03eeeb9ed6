/**
 * The add-in's one door into core. core's package entry does not export the ledger, phrasing and io modules
 * (only "." , "./io", "./cli"), so they are imported by path here and nowhere else; when core exports them,
 * only this file changes.
 */

export { loadDocument } from "../../core/src/cli/load.ts";
// compare.ts itself, not compare/index.ts: the pane needs the function and its labels, not the .xlsx writer.
export {
  type ComparedItem,
  type CompareResult,
  compareDocuments,
  type Evidence,
  GRADE_NAMES,
  type Grade,
  type Unplanned,
} from "../../core/src/compare/compare.ts";
export { comparePair, planProblem, recogniseSide } from "../../core/src/compare/pair.ts";
export { draftSkeleton, type SkeletonItem } from "../../core/src/draft/skeleton.ts";
export { SLOTS_BY_KIND, type SlotContent, type SlotMap } from "../../core/src/draft/slots.ts";
export {
  applyFixes,
  type BlockInput,
  commentAnchor,
  countsText,
  type Diagnostic,
  type Fix,
  fixesOf,
  fromBlocks,
  getKind,
  isKindGroup,
  type KindGroup,
  kindLabel,
  kindName,
  type LintResult,
  lint,
  MISSING_SECTIONS,
  presentFindings,
  reviewCommentText,
  SEVERITY_WORDS,
  type SeverityCounts,
  type Suggestion,
  sectionLabel,
  suggestionText,
  type TextDocument,
} from "../../core/src/index.ts";
export { readDocx } from "../../core/src/io/docx-read.ts";
export {
  checkLedger,
  columnLetter,
  computeMetrics,
  formatIssue,
  INSTRUCTIONS_SHEET,
  LEDGER_TABLES,
  type LedgerCheckResult,
  LedgerData,
  type LedgerIssue,
  type LedgerTableName,
  LedgerValidator,
  writeLedgerTemplate,
} from "../../core/src/ledger/index.ts";
export { IssueCollector } from "../../core/src/ledger/issues.ts";
export { buildSlots } from "../../core/src/phrasing/ledger.ts";
export type { DocumentKindId, KindDetection, OwnKindId } from "../../core/src/schema/kinds.ts";
