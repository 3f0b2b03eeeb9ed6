import { IncrementalReader, type SkipPredicate } from "./dom-blocks.ts";
import type { AdapterKind, ChangeNote, EditorAdapter, Extract } from "./types.ts";

/**
 * The shared body of every adapter whose text lives in the DOM (contenteditable, iframe bodies, CKEditor 5,
 * TinyMCE, Quill, ProseMirror). The editor-specific files say which element is the root, what to skip, and
 * what the badge sits beside.
 */
export class DomEditorAdapter implements EditorAdapter {
  private reader: IncrementalReader;

  constructor(
    readonly kind: AdapterKind,
    readonly root: HTMLElement,
    readonly anchor: HTMLElement,
    skip: SkipPredicate = () => false,
    /** Runs after a fix went in through execCommand (an editor that records undo levels from events). */
    private readonly afterReplace: (root: HTMLElement, text: string) => void = () => {},
  ) {
    this.reader = new IncrementalReader(root, skip);
  }

  read(): Extract {
    return this.reader.read();
  }

  rangeOf(start: number, end: number): Range | null {
    return this.reader.rangeOf(start, end);
  }

  watch(onChange: (note: ChangeNote) => void, signal: AbortSignal): void {
    const root = this.root;
    let composing = false;
    const MO = root.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new MO(() => onChange({ composing }));
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    signal.addEventListener("abort", () => {
      observer.disconnect();
      this.reader.disconnect();
    });
    const opts = { signal, capture: true };
    root.addEventListener(
      "compositionstart",
      () => {
        composing = true;
      },
      opts,
    );
    root.addEventListener(
      "compositionend",
      () => {
        composing = false;
        onChange({ composing: false });
      },
      opts,
    );
    root.addEventListener(
      "input",
      (e) => onChange({ composing: composing || (e as InputEvent).isComposing }),
      opts,
    );
  }

  select(start: number, end: number): void {
    const range = this.rangeOf(start, end);
    if (!range) return;
    const doc = this.root.ownerDocument;
    this.root.focus({ preventScroll: true });
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    this.reader.elementAt(start)?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
    // An editor inside an iframe: bring the iframe itself into view in the top page too.
    doc.defaultView?.frameElement?.scrollIntoView({ block: "nearest" });
  }

  replace(start: number, end: number, text: string, expected: string): boolean {
    this.read();
    if (this.reader.text.slice(start, end) !== expected) return false;
    const range = this.rangeOf(start, end);
    if (!range) return false;
    const doc = this.root.ownerDocument;
    const win = doc.defaultView ?? window;
    this.root.focus({ preventScroll: true });
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    // Editors with their own model (CKEditor 5, Quill 2) take text from a cancelable beforeinput and cancel it;
    // the others get the browser's own insertText, which their DOM observers and undo stacks understand.
    const before = new win.InputEvent("beforeinput", {
      inputType: "insertText",
      data: text,
      bubbles: true,
      cancelable: true,
      composed: true,
      targetRanges: [new win.StaticRange(range)],
    });
    if (!this.root.dispatchEvent(before)) return true;
    if (doc.execCommand("insertText", false, text)) {
      this.afterReplace(this.root, text);
      return true;
    }
    range.deleteContents();
    range.insertNode(doc.createTextNode(text));
    this.root.dispatchEvent(
      new win.InputEvent("input", { inputType: "insertText", data: text, bubbles: true }),
    );
    return true;
  }
}
