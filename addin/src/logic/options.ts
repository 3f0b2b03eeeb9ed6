/**
 * What the user tells the panes about the document or ledger in front of them, kept in that file's own
 * settings (Office document settings travel with the .docx/.xlsx), so the next person who opens it checks it
 * the same way. Stored values are read leniently: a value written by an older version, or edited by hand,
 * falls back to automatic detection rather than breaking the pane.
 */
import type { DocumentKindId, OwnKindId } from "../core.ts";

export type KindChoice = "auto" | DocumentKindId;

const KIND_IDS: readonly string[] = ["work-report", "work-plan", "gov-report", "other"];

/**
 * The kind a skeleton or a ledger fill is built for: only the office's own two documents have one, so a
 * document set to 政府工作报告 or 其他 (or 自动识别) starts from the 工作报告.
 */
export function ownKind(kind: KindChoice): OwnKindId {
  return kind === "work-plan" ? "work-plan" : "work-report";
}

export interface DocumentOptions {
  /** "auto": core detects the kind from the title and headings. */
  kind: KindChoice;
  /** null: core detects the year (reviewed year of a report, planned year of a plan). */
  year: number | null;
}

export const DOCUMENT_OPTIONS_SETTING = "renda.documentOptions";
export const LEDGER_YEAR_SETTING = "renda.ledgerYear";
export const DEFAULT_DOCUMENT_OPTIONS: DocumentOptions = { kind: "auto", year: null };

export const MIN_YEAR = 1980;
export const MAX_YEAR = 2100;

function isYear(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR;
}

export function readDocumentOptions(raw: unknown): DocumentOptions {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  return {
    kind: typeof r.kind === "string" && KIND_IDS.includes(r.kind) ? (r.kind as DocumentKindId) : "auto",
    year: isYear(r.year) ? r.year : null,
  };
}

export function readLedgerYear(raw: unknown): number | null {
  return isYear(raw) ? raw : null;
}

/**
 * A year typed in a field: blank means automatic; full-width digits (an IME's default) are accepted; anything
 * else gets a message for the field.
 */
export function parseYearInput(text: string): { year: number | null; error?: undefined } | { error: string } {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/年$/, "");
  if (!t) return { year: null };
  const n = Number(t);
  if (/^\d{4}$/.test(t) && isYear(n)) return { year: n };
  return { error: `请填写${MIN_YEAR}—${MAX_YEAR}之间的四位年份，或留空自动识别` };
}

/** The options core's lint() takes: automatic choices are left out so core detects them. */
export function lintOptions(o: DocumentOptions): { kind?: DocumentKindId; year?: number } {
  return {
    ...(o.kind === "auto" ? {} : { kind: o.kind }),
    ...(o.year === null ? {} : { year: o.year }),
  };
}
