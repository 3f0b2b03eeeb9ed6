import type { AdapterKind } from "../adapters/types.ts";

/** Typed messages between the side panel, the background worker and the content script. */

/**
 * Beyond this many characters the text is checked only when the reviewer asks (badge or panel): a full check
 * of a text this long takes long enough to stall typing if it ran at every pause.
 */
export const ON_DEMAND_CHARS = 200_000;

export interface FindingView {
  /** Index in the editor's current diagnostics; the content script resolves it against its own copy. */
  index: number;
  ruleId: string;
  severity: "error" | "warning" | "info";
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  section: string | null;
  sectionName: string;
  /** The flagged text (trimmed to a few dozen characters). */
  excerpt: string;
  expected: string[];
  /** What the safe fix writes, when there is one ("" = delete). */
  fixText: string | null;
  /** Labels of the suggestions (改为“…”), offered one button each; the user chooses. */
  suggestions: string[];
  /** The finding's kind in words, for the header of a group of same-kind findings. */
  kindLabel: string;
}

export interface SectionView {
  id: string;
  name: string;
}

export interface ResultView {
  kind: string;
  kindName: string;
  /** What the kind detection saw (标题含“政府工作报告”…), how sure it is (0..1), or that the user set it. */
  kindEvidence: string[];
  kindConfidence: number;
  kindForced: boolean;
  /** The kind has a section schema; false for 其他 (no structure checks). */
  structured: boolean;
  year: number | null;
  missing: SectionView[];
  found: string[];
  findings: FindingView[];
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Why the document was taken for its kind, in the reviewer's words: the evidence and how sure, or that the
 * options set it; a kind without a section schema (其他) says that only the wording is checked.
 */
export function kindEvidenceText(
  r: Pick<ResultView, "kindEvidence" | "kindConfidence" | "kindForced" | "structured">,
): string {
  const structure = r.structured ? "" : "此类文稿不检查章节结构，只检查表述。";
  if (r.kindForced) return `按选项中设定的文稿类型检查。${structure}`;
  return `识别依据：${r.kindEvidence.join("；")}（把握${Math.round(r.kindConfidence * 100)}%）。${structure}如识别有误，可在选项中设定文稿类型。`;
}

export interface EditorView {
  id: string;
  adapter: AdapterKind;
  adapterName: string;
  textLength: number;
  /** Too long to check on every keystroke: checked only when asked. */
  onDemand: boolean;
  /** On demand and edited since the last check: `result` describes an older text. */
  stale: boolean;
  result: ResultView | null;
}

export interface PageState {
  editors: EditorView[];
  activeId: string | null;
  /** The reviewer turned the extension off for this site (options → sites). */
  disabled?: boolean;
}

/** Side panel → content script (chrome.tabs.sendMessage). */
export type PanelRequest =
  | { type: "renda/get-state" }
  | { type: "renda/activate"; editorId: string }
  | { type: "renda/reveal"; editorId: string; index: number }
  /** The finding's safe fix, or with `suggestion` the one suggestion the user chose. */
  | { type: "renda/apply-fix"; editorId: string; index: number; suggestion?: number }
  /** "Fix all of this kind": the safe fixes of exactly these findings (the places the panel lists). */
  | { type: "renda/apply-fixes"; editorId: string; indices: number[] }
  | { type: "renda/check-now"; editorId: string };

/**
 * Content script → extension pages (chrome.runtime.sendMessage): the page's results changed. It carries no
 * state: an open panel asks for it (renda/get-state). Building and serialising every finding after every check
 * costs milliseconds on a long draft (the bench measured about a quarter of a check's main-thread time), and
 * usually no panel is open to read it.
 */
export type ContentEvent = { type: "renda/changed" };

/** Content script → background. */
export type BackgroundRequest = { type: "renda/open-panel" };

export type ApplyResult = { ok: true } | { ok: false; reason: string };

export function isPanelRequest(m: unknown): m is PanelRequest {
  if (!m || typeof m !== "object") return false;
  const t = (m as { type?: unknown }).type;
  if (t === "renda/get-state") return true;
  const id = (m as { editorId?: unknown }).editorId;
  if (typeof id !== "string") return false;
  if (t === "renda/activate" || t === "renda/check-now") return true;
  if (t === "renda/apply-fixes") {
    const indices = (m as { indices?: unknown }).indices;
    return Array.isArray(indices) && indices.every((i) => Number.isInteger(i));
  }
  if (t === "renda/apply-fix") {
    const suggestion = (m as { suggestion?: unknown }).suggestion;
    if (suggestion !== undefined && !Number.isInteger(suggestion)) return false;
  }
  return (
    (t === "renda/reveal" || t === "renda/apply-fix") && Number.isInteger((m as { index?: unknown }).index)
  );
}

export function isContentEvent(m: unknown): m is ContentEvent {
  return !!m && typeof m === "object" && (m as { type?: unknown }).type === "renda/changed";
}
