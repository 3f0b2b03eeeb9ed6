import { DomEditorAdapter } from "./dom-editor.ts";
import { editableBody } from "./iframe.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * TinyMCE (classic mode: an iframe whose body is `#tinymce`; inline mode: `.mce-content-body`).
 * TinyMCE watches the DOM and input events and records undo levels from them, so fixes go through the
 * iframe document's execCommand("insertText").
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
    return new DomEditorAdapter("tinymce", el, anchor, skip);
  },
};

function skip(el: Element): boolean {
  const bogus = el.getAttribute("data-mce-bogus");
  if (bogus === "all") return true;
  return bogus !== null && el.tagName === "BR";
}
