import { DomEditorAdapter } from "./dom-editor.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * The UEditor/KindEditor style: an <iframe> whose document is in designMode or whose <body> is contenteditable.
 * The body is the editor; the badge sits beside the iframe in the parent page. Only same-origin frames can be
 * read (the browser keeps cross-origin ones out of reach, which is what we want).
 * Tested on: test/e2e/extension pages "iframe" (designMode document written by the page script).
 */
export const iframeAdapter: AdapterFactory = {
  kind: "iframe",
  find(doc) {
    const out: HTMLElement[] = [];
    for (const frame of doc.querySelectorAll("iframe")) {
      const body = editableBody(frame);
      if (body) out.push(body);
    }
    return out;
  },
  create(el) {
    const frame = el.ownerDocument.defaultView?.frameElement as HTMLElement | null;
    if (!frame) return null;
    return new DomEditorAdapter("iframe", el, frame);
  },
};

export function editableBody(frame: HTMLIFrameElement): HTMLElement | null {
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    return null;
  }
  if (!doc?.body) return null;
  if (doc.designMode === "on" || doc.body.isContentEditable) return doc.body;
  return null;
}
