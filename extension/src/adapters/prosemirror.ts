import { DomEditorAdapter } from "./dom-editor.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * ProseMirror and editors built on it (Tiptap, Remirror, many online-document products): the editable is
 * `.ProseMirror`. ProseMirror reads back what execCommand("insertText") does to its DOM into a transaction,
 * so the fix lands in its state and history.
 * Tested on: test/e2e/extension pages "tiptap" (@tiptap/core 3 with StarterKit).
 */
export const prosemirrorAdapter: AdapterFactory = {
  kind: "prosemirror",
  find(doc) {
    return [...doc.querySelectorAll<HTMLElement>(".ProseMirror")].filter((el) => el.isContentEditable);
  },
  create(el) {
    return new DomEditorAdapter("prosemirror", el, el, skip);
  },
};

function skip(el: Element): boolean {
  return (
    el.classList.contains("ProseMirror-widget") ||
    el.classList.contains("ProseMirror-separator") ||
    el.classList.contains("ProseMirror-trailingBreak")
  );
}
