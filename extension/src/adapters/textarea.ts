import type { AdapterFactory, ChangeNote, EditorAdapter, Extract } from "./types.ts";

/**
 * <textarea>: the plainest editor, used by many OA forms. One paragraph per line, so offsets in the checked
 * text are offsets in `value`. Its text has no DOM ranges: the session underlines it through a mirror overlay
 * (content/textarea-underlines.ts) instead of CSS highlights. Fixes go through execCommand("insertText"),
 * which keeps the textarea's own undo history.
 * Tested on: test/e2e/extension pages "textarea".
 */
export const textareaAdapter: AdapterFactory = {
  kind: "textarea",
  find(doc) {
    return [...doc.querySelectorAll<HTMLTextAreaElement>("textarea")].filter(
      (t) => !t.disabled && !t.readOnly && t.offsetWidth >= 120 && t.offsetHeight >= 40,
    );
  },
  create(el) {
    return el instanceof el.ownerDocument.defaultView!.HTMLTextAreaElement ? new TextareaAdapter(el) : null;
  },
};

class TextareaAdapter implements EditorAdapter {
  readonly kind = "textarea" as const;
  private lines: string[] = [];
  private text = "";

  constructor(readonly root: HTMLTextAreaElement) {}

  get anchor(): HTMLElement {
    return this.root;
  }

  read(): Extract {
    const text = this.root.value;
    const lines = text.split("\n");
    // Only lines that differ from the last read count as re-read; splitting itself is one native call.
    let reread = 0;
    for (let i = 0; i < lines.length; i++) if (lines[i] !== this.lines[i]) reread++;
    this.lines = lines;
    this.text = text;
    return { blocks: lines.map((t) => ({ text: t })), reread };
  }

  rangeOf(): Range | null {
    return null;
  }

  watch(onChange: (note: ChangeNote) => void, signal: AbortSignal): void {
    let composing = false;
    const ta = this.root;
    ta.addEventListener(
      "compositionstart",
      () => {
        composing = true;
      },
      { signal },
    );
    ta.addEventListener(
      "compositionend",
      () => {
        composing = false;
        onChange({ composing: false });
      },
      { signal },
    );
    ta.addEventListener("input", (e) => onChange({ composing: composing || (e as InputEvent).isComposing }), {
      signal,
    });
    // Pages that set .value from script fire no input event; "change" catches the blur after such edits.
    ta.addEventListener("change", () => onChange({ composing: false }), { signal });
  }

  select(start: number, end: number): void {
    const ta = this.root;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    // Textareas do not scroll to a programmatic selection: estimate the line's position.
    const line = this.text.slice(0, start).split("\n").length - 1;
    const lineHeight = Number.parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, line * lineHeight - ta.clientHeight / 2);
    ta.scrollIntoView({ block: "nearest" });
  }

  replace(start: number, end: number, text: string, expected: string): boolean {
    const ta = this.root;
    if (ta.value.slice(start, end) !== expected) return false;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(start, end);
    if (ta.ownerDocument.execCommand("insertText", false, text)) return true;
    ta.setRangeText(text, start, end, "end");
    ta.dispatchEvent(new InputEvent("input", { inputType: "insertText", data: text, bubbles: true }));
    return true;
  }
}
