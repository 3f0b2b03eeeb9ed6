import { DomEditorAdapter } from "./dom-editor.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * Quill 2: the editable is `.ql-editor`, one top-level element per line. Quill 2 handles a cancelable
 * beforeinput insertText itself (its Input module), so a fix becomes a Delta on Quill's history.
 * Tested on: test/e2e/extension pages "quill" (quill 2.0 npm package, snow theme).
 */
export const quillAdapter: AdapterFactory = {
  kind: "quill",
  find(doc) {
    return [...doc.querySelectorAll<HTMLElement>(".ql-editor")].filter((el) => el.isContentEditable);
  },
  create(el) {
    const anchor = el.closest<HTMLElement>(".ql-container") ?? el;
    return new DomEditorAdapter("quill", el, anchor, skip);
  },
};

function skip(el: Element): boolean {
  return el.classList.contains("ql-ui") || el.classList.contains("ql-cursor");
}
