import { DomEditorAdapter } from "./dom-editor.ts";
import { editableBody } from "./iframe.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * TinyMCE (classic mode: an iframe whose body is `#tinymce`; inline mode: `.mce-content-body`).
 * Fixes go through the iframe document's execCommand("insertText"), followed by the input event a browser
 * spell-checker replacement fires (inputType "insertReplacementText"): TinyMCE's UndoManager records an undo
 * level for exactly that event, so Ctrl+Z takes the fix back like any other edit.
 * Tested on: test/e2e/extension pages "tinymce" (tinymce 8 npm package, classic iframe mode).
 */
export const tinymceAdapter: AdapterFactory = {
  kind: "tinymce",
  find(doc) {
    const out: HTMLElement[] = [];
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>("iframe.tox-edit-area__iframe")) {
      const body = editableBody(frame);
      if (body) out.push(body);
    }
    for (const el of doc.querySelectorAll<HTMLElement>(".mce-content-body")) {
      if (el.isContentEditable && el !== doc.body) out.push(el);
    }
    return out;
  },
  create(el) {
    const frame = el.ownerDocument.defaultView?.frameElement as HTMLElement | null;
    const anchor = frame ? (frame.closest<HTMLElement>(".tox-tinymce") ?? frame) : el;
    return new DomEditorAdapter("tinymce", el, anchor, skip, recordUndoLevel);
  },
};

function skip(el: Element): boolean {
  const bogus = el.getAttribute("data-mce-bogus");
  if (bogus === "all") return true;
  return bogus !== null && el.tagName === "BR";
}

function recordUndoLevel(root: HTMLElement, text: string): void {
  const win = root.ownerDocument.defaultView ?? window;
  root.dispatchEvent(
    new win.InputEvent("input", { inputType: "insertReplacementText", data: text, bubbles: true }),
  );
}
