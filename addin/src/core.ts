/**
 * The add-in's one door into core. core's package entry does not export the ledger and io modules yet, so they
 * are imported by path here and nowhere else; when core exports them, only this file changes.
 */
export {
  applyFixes,
  type BlockInput,
  type Diagnostic,
  type Fix,
  fixesOf,
  getKind,
  type LintResult,
  lint,
} from "../../core/src/index.ts";
export { sectionOfSlot } from "../../core/src/io/docx-draft.ts";
export { planGuidance, reviewGuidance, tasksGuidance } from "../../core/src/io/draft-guidance.ts";
export { checkLedger, type LedgerCheckResult, LedgerValidator } from "../../core/src/ledger/check.ts";
export { formatIssue, IssueCollector, type LedgerIssue } from "../../core/src/ledger/issues.ts";
export {
  columnLetter,
  LEDGER_TABLES,
  LedgerData,
  type LedgerTableName,
} from "../../core/src/ledger/schema.ts";
export { INSTRUCTIONS_SHEET, writeLedgerTemplate } from "../../core/src/ledger/template.ts";
export type { SlotContent, SlotMap } from "../../core/src/phrasing/slots.ts";
export type { DocumentKindId } from "../../core/src/schema/kinds.ts";
