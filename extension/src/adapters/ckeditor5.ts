import { DomEditorAdapter } from "./dom-editor.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * CKEditor 5 (classic, inline, balloon and decoupled builds): the editable is `.ck-editor__editable`.
 * CKEditor owns its DOM and re-renders from its model, so fixes go in as a cancelable beforeinput
 * (insertText with target ranges), which its Input plugin turns into a model change on its undo stack.
 * Tested on: test/e2e/extension pages "ckeditor5" (ClassicEditor from the ckeditor5 48 npm package).
 */
export const ckeditor5Adapter: AdapterFactory = {
  kind: "ckeditor5",
  find(doc) {
    return [...doc.querySelectorAll<HTMLElement>(".ck-editor__editable")].filter(
      (el) => el.isContentEditable,
    );
  },
  create(el) {
    const anchor = el.closest<HTMLElement>(".ck-editor") ?? el;
    return new DomEditorAdapter("ckeditor5", el, anchor, skip);
  },
};

function skip(el: Element): boolean {
  if (el.tagName === "BR" && el.hasAttribute("data-cke-filler")) return true;
  return (
    el.classList.contains("ck-fake-selection-container") ||
    el.classList.contains("ck-widget__type-around") ||
    el.classList.contains("ck-widget__resizer") ||
    el.classList.contains("ck-reset_all")
  );
}
