import { afterAll, beforeAll, describe, it } from "vitest";
import { type ExtensionBrowser, launchWithExtension, type PageServer, servePages } from "./harness.ts";
import { PAGES } from "./pages.ts";
import { reviewerStory } from "./scenario.ts";

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    ckeditor5: PAGES.ckeditor5!,
    quill: PAGES.quill!,
    tinymce: PAGES.tinymce!,
    tiptap: PAGES.tiptap!,
  });
  browser = await launchWithExtension();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the reviewer checks a draft in a rich-text editor installed from npm", () => {
  it("CKEditor 5 (getData)", () => reviewerStory(browser, server, "ckeditor5", "ckeditor5"), 60_000);
  it("Quill 2 (getText)", () => reviewerStory(browser, server, "quill", "quill"), 60_000);
  it("TinyMCE 8 (getContent)", () => reviewerStory(browser, server, "tinymce", "tinymce"), 60_000);
  it(
    "Tiptap 3 / ProseMirror (getText)",
    () => reviewerStory(browser, server, "tiptap", "prosemirror"),
    60_000,
  );
});
