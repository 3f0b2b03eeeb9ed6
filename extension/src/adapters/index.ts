import { ckeditor5Adapter } from "./ckeditor5.ts";
import { contenteditableAdapter } from "./contenteditable.ts";
import { iframeAdapter } from "./iframe.ts";
import { prosemirrorAdapter } from "./prosemirror.ts";
import { quillAdapter } from "./quill.ts";
import { textareaAdapter } from "./textarea.ts";
import { tinymceAdapter } from "./tinymce.ts";
import type { AdapterFactory } from "./types.ts";

/** Specific editors first: an element claimed by one is not offered to the generic ones after it. */
export const ADAPTERS: readonly AdapterFactory[] = [
  ckeditor5Adapter,
  tinymceAdapter,
  quillAdapter,
  prosemirrorAdapter,
  iframeAdapter,
  contenteditableAdapter,
  textareaAdapter,
];

export const ADAPTER_LABELS: Record<AdapterFactory["kind"], string> = {
  textarea: "文本框",
  contenteditable: "网页编辑区",
  iframe: "框架编辑器",
  ckeditor5: "CKEditor 5",
  tinymce: "TinyMCE",
  quill: "Quill",
  prosemirror: "ProseMirror/Tiptap",
};
