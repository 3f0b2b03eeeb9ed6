import type { BlockInput } from "@renda/core";

/** Which editor an adapter drives; shown in the side panel and on the badge host (`data-renda-adapter`). */
export type AdapterKind =
  | "textarea"
  | "contenteditable"
  | "iframe"
  | "ckeditor5"
  | "tinymce"
  | "quill"
  | "prosemirror";

/** What an adapter hands to the linter: the editor's paragraphs, and how many had to be read from the DOM. */
export interface Extract {
  blocks: BlockInput[];
  /** Blocks whose DOM was walked this time (the rest came from the cache): the incremental-read measure. */
  reread: number;
}

/** Why the editor changed; composition changes are held back until the IME commits. */
export interface ChangeNote {
  composing: boolean;
}

export interface EditorAdapter {
  readonly kind: AdapterKind;
  /** The editable element (a textarea, an editable root, or an iframe's body). */
  readonly root: HTMLElement;
  /** What the badge sits beside, in the top document's coordinates (the iframe for iframe editors). */
  readonly anchor: HTMLElement;
  /** Reads the editor into blocks. Only parts changed since the last read are walked again. */
  read(): Extract;
  /**
   * DOM range of [start, end) in the last read text; null where no DOM range exists (a textarea, whose
   * offsets are its value's and which is underlined through a mirror overlay instead).
   */
  rangeOf(start: number, end: number): Range | null;
  /** Calls `onChange` after each edit until `signal` aborts. */
  watch(onChange: (note: ChangeNote) => void, signal: AbortSignal): void;
  /** Scrolls to [start, end) and selects it in the editor. */
  select(start: number, end: number): void;
  /**
   * Replaces [start, end) by `text` through the editor's own input path, so its model and undo stack see it.
   * Returns false when the range no longer holds what was read.
   */
  replace(start: number, end: number, text: string, expected: string): boolean;
}

/** One adapter module: which elements it claims and how to wrap one (Refined-GitHub-style feature file). */
export interface AdapterFactory {
  readonly kind: AdapterKind;
  /** Candidate elements in a document, before the generic ones (contenteditable, textarea) look. */
  find(doc: Document): HTMLElement[];
  create(el: HTMLElement): EditorAdapter | null;
}
