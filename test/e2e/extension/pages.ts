import { DRAFT_HTML, DRAFT_LINES, escapeHtml } from "./draft.ts";
import type { TestPage } from "./harness.ts";

/**
 * One page per editor. Each page defines `window.__test` in its own (main) world:
 *   content()          the editor's own idea of its content (getData(), getText(), value, …)
 *   caretAtEndOf(text) puts the caret at the end of the paragraph holding `text`, through the editor's API
 * so the tests read and drive each editor the way its users' code would.
 */

/** Caret placement for editors without a model: a DOM selection at the end of the paragraph. */
export const DOM_CARET = `
function domCaretAtEndOf(root, text) {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.includes(text)) continue;
    root.focus();
    const sel = doc.getSelection();
    const r = doc.createRange();
    r.setStart(n, n.data.length);
    sel.removeAllRanges();
    sel.addRange(r);
    return true;
  }
  return false;
}`;

const TEXT = DRAFT_LINES.join("\n");

export const PAGES: Record<string, TestPage> = {
  textarea: {
    body: `<h3>公文起草</h3><textarea id="ed" rows="28" cols="100">${escapeHtml(TEXT)}</textarea>
<script>
const ed = document.getElementById("ed");
window.__test = {
  content: () => ed.value,
  selected: () => ed.value.slice(ed.selectionStart, ed.selectionEnd),
  caretAtEndOf(text) { const i = ed.value.indexOf(text) + text.length; ed.focus(); ed.setSelectionRange(i, i); return true; },
};
</script>`,
  },
  contenteditable: {
    body: `<h3>在线文稿</h3><div id="ed" contenteditable="true" style="border:1px solid #999;padding:8px;min-height:300px">${DRAFT_HTML}</div>
<script>${DOM_CARET}
const ed = document.getElementById("ed");
window.__test = { content: () => ed.innerText, selected: () => String(getSelection()), caretAtEndOf: (t) => domCaretAtEndOf(ed, t) };
</script>`,
  },
  iframe: {
    // The UEditor/KindEditor pattern: an about:blank iframe written by script and switched to designMode.
    body: `<h3>OA 公文编辑器</h3><iframe id="fr" style="width:860px;height:560px;border:1px solid #999"></iframe>
<script>${DOM_CARET}
const fr = document.getElementById("fr");
const doc = fr.contentDocument;
doc.open();
doc.write(${JSON.stringify(`<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif}</style></head><body>${DRAFT_HTML}</body></html>`)});
doc.close();
doc.designMode = "on";
window.__test = { content: () => doc.body.innerText, selected: () => String(doc.getSelection()), caretAtEndOf: (t) => domCaretAtEndOf(doc.body, t) };
</script>`,
  },
  ckeditor5: {
    body: `<h3>CKEditor 5</h3><div id="ed"></div>`,
    bundle: `
import { ClassicEditor, Essentials, Paragraph, Heading, Bold } from "ckeditor5";
import "ckeditor5/ckeditor5.css";
const editor = await ClassicEditor.create(document.getElementById("ed"), {
  licenseKey: "GPL",
  plugins: [Essentials, Paragraph, Heading, Bold],
  toolbar: ["heading", "bold", "undo", "redo"],
  initialData: ${JSON.stringify(DRAFT_HTML)},
});
window.__editor = editor;
window.__test = {
  content: () => editor.getData(),
  selected: () => [...editor.model.document.selection.getFirstRange().getItems()].map((i) => i.data ?? "").join(""),
  caretAtEndOf(text) {
    const root = editor.model.document.getRoot();
    for (const p of root.getChildren()) {
      const t = [...p.getChildren()].map((c) => c.data ?? "").join("");
      if (!t.includes(text)) continue;
      editor.model.change((w) => w.setSelection(p, "end"));
      editor.editing.view.focus();
      return true;
    }
    return false;
  },
};`,
  },
  quill: {
    body: `<h3>Quill</h3><div id="ed" style="height:600px"></div>`,
    bundle: `
import Quill from "quill";
import "quill/dist/quill.snow.css";
const quill = new Quill("#ed", { theme: "snow" });
quill.setText(${JSON.stringify(`${TEXT}\n`)});
quill.history.clear();
window.__editor = quill;
window.__test = {
  content: () => quill.getText(),
  selected: () => { const r = quill.getSelection(); return r ? quill.getText(r.index, r.length) : ""; },
  caretAtEndOf(text) {
    const i = quill.getText().indexOf(text);
    if (i < 0) return false;
    quill.focus();
    quill.setSelection(i + text.length, 0);
    return true;
  },
};`,
  },
  tinymce: {
    // Classic mode over a <textarea>, as OA systems embed it; skins and icons come from the npm package.
    body: `<h3>TinyMCE</h3><textarea id="ed">${escapeHtml(DRAFT_HTML)}</textarea>
<script src="/tinymce/tinymce.min.js"></script>
<script>
tinymce.init({
  selector: "#ed", license_key: "gpl", menubar: false, toolbar: "undo redo bold", plugins: [],
  height: 600, promotion: false, branding: false, statusbar: false,
  content_style: 'body{font-family:"Noto Sans CJK SC",sans-serif}',
}).then(([editor]) => {
  window.__editor = editor;
  window.__test = {
    content: () => editor.getContent(),
    selected: () => editor.selection.getContent({ format: "text" }),
    caretAtEndOf(text) {
      for (const p of editor.getBody().querySelectorAll("p")) {
        if (!p.textContent.includes(text)) continue;
        editor.focus();
        editor.selection.select(p, true);
        editor.selection.collapse(false);
        return true;
      }
      return false;
    },
  };
});
</script>`,
  },
  tiptap: {
    body: `<h3>Tiptap</h3><div id="ed" style="border:1px solid #999;padding:8px"></div>`,
    bundle: `
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
const editor = new Editor({ element: document.getElementById("ed"), extensions: [StarterKit], content: ${JSON.stringify(DRAFT_HTML)} });
window.__editor = editor;
window.__test = {
  content: () => editor.getText(),
  selected: () => { const { from, to } = editor.state.selection; return editor.state.doc.textBetween(from, to); },
  caretAtEndOf(text) {
    let target = -1;
    editor.state.doc.descendants((node, pos) => {
      if (target < 0 && node.isTextblock && node.textContent.includes(text)) target = pos + node.nodeSize - 1;
      return target < 0;
    });
    if (target < 0) return false;
    editor.commands.focus(target);
    return true;
  },
};`,
  },
};
