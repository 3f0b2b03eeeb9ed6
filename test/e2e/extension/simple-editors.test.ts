import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSERT_AFTER } from "./draft.ts";
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPanel,
  type PageServer,
  servePages,
  waitForBadge,
} from "./harness.ts";
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

describe("the side panel groups same-kind findings for display", () => {
  it("lists each half-width mark under one group; its fix-all changes exactly those places", async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/textarea.html`);
      await page.waitForFunction("window.__test !== undefined");
      const content = () => page.evaluate("window.__test.content()") as Promise<string>;
      await waitForBadge(page, (b) => b.missing.includes("deputies"), "the first check", "textarea");
      expect(await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`)).toBe(true);
      await page.keyboard.type("开展调研,提出建议,督促整改,跟踪问效。");
      await expect.poll(content).toContain("开展调研,提出建议,督促整改,跟踪问效。");
      const before = await content();

      const panel = await openPanel(browser, page);
      const group = panel.locator('li[data-renda-kind-group="typography/halfwidth-punctuation"]');
      await group.waitFor({ timeout: 15_000 });
      await expect.poll(() => group.locator(".kind-title").textContent()).toMatch(/半角标点.*×3/);
      // Every place is its own finding with its own line and its own 改为 button.
      expect(await group.locator("li.finding").count()).toBe(3);
      await group.locator("button[data-renda-fix-all]").click();
      await expect.poll(content).toContain("开展调研，提出建议，督促整改，跟踪问效。");
      expect(await content()).toBe(
        before.replace("开展调研,提出建议,督促整改,跟踪问效。", "开展调研，提出建议，督促整改，跟踪问效。"),
      );
      // The rewording in the draft was not touched by the fix-all: it stays a suggestion.
      expect(await content()).toContain("一府两院");
      await panel.close();
    } finally {
      await page.close();
    }
  }, 60_000);
});
