import { DomEditorAdapter } from "./dom-editor.ts";
import type { AdapterFactory } from "./types.ts";

/**
 * A plain contenteditable element (hand-made OA editors, simple online documents). Only the outermost editable
 * element counts; the big editors are claimed by their own adapters first.
 * Tested on: test/e2e/extension pages "contenteditable" (a <div contenteditable> with <p>/<h2>/<br>).
 */
export const contenteditableAdapter: AdapterFactory = {
  kind: "contenteditable",
  find(doc) {
    return [...doc.querySelectorAll<HTMLElement>("[contenteditable]")].filter(
      (el) => el.isContentEditable && !el.parentElement?.isContentEditable && el !== doc.body,
    );
  },
  create(el) {
    return new DomEditorAdapter("contenteditable", el, el);
  },
};
