/**
 * The add-in's one door into core. core's package entry does not export the ledger, phrasing and io modules
 * (only "." , "./io", "./cli"), so they are imported by path here and nowhere else; when core exports them,
 * only this file changes.
 */
export {
  applyFixes,
  type BlockInput,
  commentAnchor,
  type Diagnostic,
  type Fix,
  fixesOf,
  getKind,
  groupSameKind,
  isKindGroup,
  type KindGroup,
  kindLabel,
  kindName,
  type LintResult,
  lint,
  reviewCommentText,
  type Suggestion,
  suggestionText,
} from "../../core/src/index.ts";
export { sectionOfSlot } from "../../core/src/io/docx-draft.ts";
export { planGuidance, reviewGuidance, tasksGuidance } from "../../core/src/io/draft-guidance.ts";
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
export type { SlotContent, SlotMap } from "../../core/src/phrasing/slots.ts";
export type { DocumentKindId, KindDetection, OwnKindId } from "../../core/src/schema/kinds.ts";
