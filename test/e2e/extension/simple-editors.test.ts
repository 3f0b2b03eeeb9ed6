import { afterAll, beforeAll, describe, it } from "vitest";
import { type ExtensionBrowser, launchWithExtension, type PageServer, servePages } from "./harness.ts";
import { PAGES } from "./pages.ts";
import { reviewerStory } from "./scenario.ts";

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    textarea: PAGES.textarea!,
    contenteditable: PAGES.contenteditable!,
    iframe: PAGES.iframe!,
  });
  browser = await launchWithExtension();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the reviewer checks a draft in a plain web editor", () => {
  it("textarea", () => reviewerStory(browser, server, "textarea", "textarea"), 60_000);
  it("contenteditable", () => reviewerStory(browser, server, "contenteditable", "contenteditable"), 60_000);
  it(
    "iframe in designMode (UEditor/KindEditor style)",
    () => reviewerStory(browser, server, "iframe", "iframe"),
    60_000,
  );
});
