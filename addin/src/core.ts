/**
 * The add-in's one door into core. core's package entry does not export the ledger, phrasing and io modules
 * (only "." , "./io", "./cli"), so they are imported by path here and nowhere else; when core exports them,
 * only this file changes.
 */

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
} from "../../core/src/index.ts";
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
