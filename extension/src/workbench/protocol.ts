import type { SlotMap } from "../../../core/src/phrasing/slots.ts";
import type { ResultView } from "../lib/messages.ts";

/**
 * Messages between the file workbench page and its worker. Files travel as bytes (transferred, not copied);
 * results come back as plain data the page renders. The worker does all of core's file work, so a
 * 100,000-row ledger or a 100-page draft never blocks the page.
 */

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

export type LintKindChoice = "auto" | "work-report" | "work-plan" | "gov-report" | "other";
export type DraftKind = "work-report" | "work-plan";

export type WorkRequest =
  | { op: "check-draft"; file: FileBytes; kind: LintKindChoice; year: number | null }
  /** `renda lint --review`: the draft with its findings as comments (批注) and safe fixes as tracked changes. */
  | { op: "review-copy"; file: FileBytes; kind: LintKindChoice; year: number | null }
  | { op: "check-ledger"; file: FileBytes; year: number | null }
  | {
      op: "make-draft";
      ledger: FileBytes | null;
      kind: DraftKind;
      year: number;
      organ: string;
      allowLedgerErrors: boolean;
    }
  | { op: "fill-draft"; draft: FileBytes; ledger: FileBytes; allowLedgerErrors: boolean }
  /** `renda compare 工作要点 工作报告`: each plan item, whether the report accounts for it, and where. */
  | { op: "compare"; plan: FileBytes; report: FileBytes }
  /** `renda compare … -o 对照表.xlsx`: the 落实情况对照表 of the same two files. */
  | { op: "compare-table"; plan: FileBytes; report: FileBytes };

/** What the page shows for a checked draft: the side panel's view of the same result. */
export interface DraftReport {
  file: string;
  textLength: number;
  /** Said about the input itself, e.g. that a .txt was read as GB18030. */
  notice: string | null;
  view: ResultView;
}

export interface LedgerIssueLine {
  severity: "error" | "warning" | "info";
  /** "代表建议!F12：办理结果……", as `renda ledger check` prints it. */
  text: string;
}

export interface LedgerFigure {
  label: string;
  value: string;
}

export interface LedgerReport {
  file: string;
  usable: boolean;
  year: number | null;
  yearSource: "option" | "inferred" | "none";
  counts: { error: number; warning: number; info: number };
  rows: { sheet: string; rows: number }[];
  issues: LedgerIssueLine[];
  /** `renda ledger check`'s own report, word for word. */
  human: string;
  figures: LedgerFigure[];
  /** The 工作报告's sentences and tables generated from the ledger (`renda ledger slots --kind work-report`). */
  slots: SlotMap;
}

/** One side of a comparison as the page names it: the file, what it was read as, and any note on reading it. */
export interface CompareSideView {
  file: string;
  kind: string;
  year: number | null;
  notice: string | null;
}

/** A sentence of the report, with where the user finds it (“第12行（监督工作）”, as the 对照表 writes it). */
export interface ComparePassageView {
  text: string;
  section: string | null;
  place: string;
}

export interface CompareItemView {
  id: string;
  text: string;
  section: string | null;
  grade: "covered" | "partial" | "missing";
  /** 已体现 / 部分体现 / 未见: core's own labels, the words `renda compare` prints. */
  gradeName: string;
  evidence: ComparePassageView[];
}

/** What the page shows for `renda compare`: the two sides, the items graded, and the report's unplanned work. */
export interface CompareView {
  plan: CompareSideView;
  report: CompareSideView;
  items: CompareItemView[];
  unplanned: ComparePassageView[];
  counts: { covered: number; partial: number; missing: number };
  /** core's grade labels (GRADE_NAMES), sent along so the page names the grades without importing core. */
  gradeNames: Record<CompareItemView["grade"], string>;
}

/** A file for the user to save, with what was done (the command line's stdout/stderr lines). */
export interface OutputFile {
  name: string;
  bytes: Uint8Array;
  summary: string;
  notes: string[];
  /** The ledger check shown when it has errors (so the user sees what was left out or what blocks). */
  ledger: LedgerReport | null;
}

export type WorkResponse =
  | { id: number; type: "progress"; step: number; steps: number; text: string }
  | { id: number; type: "draft"; report: DraftReport }
  | { id: number; type: "ledger"; report: LedgerReport }
  | { id: number; type: "output"; output: OutputFile }
  | { id: number; type: "compare"; view: CompareView }
  /** Unusable input or a refusal, in the command line's words; `ledger` when a ledger check explains it. */
  | { id: number; type: "error"; message: string; ledger: LedgerReport | null };

export type WorkMessage = WorkRequest & { id: number };
