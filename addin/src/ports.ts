/**
 * What the panes ask of Office, as plain data. `office/word.ts` and `office/excel.ts` implement these against
 * the real host; tests and demos pass stand-ins. Components never see Word.*, Excel.* or Office.*.
 */

import type { SlotContent, SlotMap } from "../../core/src/draft/slots.ts";
import type { LedgerIssue } from "../../core/src/ledger/issues.ts";
import type { BlockInput, Fix } from "./core.ts";

/** One paragraph as the check sees it. */
export type WordParagraph = BlockInput;

export interface WordSnapshot {
  paragraphs: WordParagraph[];
  /** Findings the user chose to ignore for this document (keys from `findingKey`). */
  ignored: string[];
  /** Track changes is on: written text shows as revisions. */
  tracking: boolean;
  /** The document's file name, when it has been saved (messages name it); absent for a new document. */
  name?: string;
}

/** A fix located in one paragraph; the adapter replaces the k-th occurrence of `find` in it. */
export interface LocatedEdit {
  paragraph: number;
  /** Paragraph text when the document was checked, to refuse an edit on a paragraph changed since. */
  paragraphText: string;
  /** Offset of the change inside the paragraph (UTF-16). */
  offset: number;
  length: number;
  text: string;
}

export interface EditResult {
  applied: number;
  /** Edits not made, with the reason in Chinese. */
  skipped: { edit: LocatedEdit; reason: string }[];
}

export interface SkeletonParagraph {
  text: string;
  /** Word built-in style: "Title", "Heading1", "Normal"… */
  style: "Title" | "Heading1" | "Heading2" | "Normal" | "Subtitle";
  /** Present when the paragraph is a slot placeholder: wrapped in a content control tagged renda:<slot>. */
  slot?: string;
}

export interface FillReport {
  filled: string[];
  /** Slots with content but no control in the document (the user deleted it). */
  missing: string[];
  /** Controls that exist but could not be written, and why (locked, protected…). */
  failed: { slot: string; reason: string }[];
  /** Tagged controls in the document that the slot map has nothing for (left untouched). */
  untouched: string[];
  warnings: string[];
}

export interface Critique {
  paragraph: number;
  offset: number;
  length: number;
  severity: "error" | "warning" | "info";
}

/** A finding's comment, located in one paragraph; `length` 0 puts it on the whole paragraph. */
export interface LocatedComment {
  paragraph: number;
  /** Paragraph text when the document was checked, to refuse a paragraph changed since. */
  paragraphText: string;
  offset: number;
  length: number;
  /** The comment's words (core's reviewCommentText, the same as in the review copy). */
  text: string;
}

export interface CommentResult {
  inserted: number;
  /** Comments not written, with the reason in Chinese. */
  skipped: { comment: LocatedComment; reason: string }[];
}

export interface WordPort {
  readDocument(): Promise<WordSnapshot>;
  select(edit: Pick<LocatedEdit, "paragraph" | "paragraphText" | "offset" | "length">): Promise<void>;
  applyEdits(edits: LocatedEdit[]): Promise<EditResult>;
  saveIgnored(keys: string[]): Promise<void>;
  insertSkeleton(paragraphs: SkeletonParagraph[]): Promise<void>;
  fillSlots(slots: SlotMap): Promise<FillReport>;
  insertSlotAtCursor(slot: string, content: SlotContent): Promise<void>;
  /** Writes the findings as Word comments (WordApi 1.4), all in one batch. */
  insertComments(comments: LocatedComment[]): Promise<CommentResult>;
  /** Native squiggles; resolves false when the host lacks WordApi 1.7 (the list is shown anyway). */
  showCritiques(critiques: Critique[]): Promise<boolean>;
}

/** A sheet as the ledger check needs it: values by row, tables and merged areas. */
export interface SheetData {
  name: string;
  tables: { name: string; ref: string }[];
  merges: string[];
  /** Worksheet row number of values[0]. */
  firstRow: number;
  /** Worksheet column number (1-based) of values[r][0]. */
  firstColumn: number;
  /** Cell values; dates as Date objects (the adapter reads number formats to tell them from numbers). */
  values: (string | number | boolean | Date | null)[][];
}

export interface TemplateResult {
  created: boolean;
  /** Sheets of the template's names that already exist (nothing is written unless `replace` was passed). */
  conflicts: string[];
}

export interface ExcelPort {
  readLedger(): Promise<SheetData[]>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Inserts the template workbook's sheets; refuses when a sheet of the same name exists unless `replace`. */
  createTemplate(workbookBase64: string, sheetNames: string[], replace: boolean): Promise<TemplateResult>;
  /** Writes the add-in's own summary sheet 汇总 (created or cleared), nothing else. */
  writeSummary(rows: (string | number)[][]): Promise<void>;
}

/** Values saved inside the open document or workbook (Office document settings), shared by both hosts. */
export interface SettingsPort {
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<void>;
}

export type { LedgerIssue, SlotContent, SlotMap, Fix };
