import { expect, it } from "vitest";
import { INSERT_AFTER } from "./draft.ts";
import { PAGES } from "./pages.ts";
import { withExtension } from "./with-extension.ts";

const { browser, server } = withExtension({ contenteditable: PAGES.contenteditable! });

const counters = (page: import("playwright-core").Page) =>
  page.evaluate(`(() => {
    const h = document.querySelector('[data-renda-badge][data-renda-adapter="contenteditable"]');
    return h ? { runs: Number(h.getAttribute("data-renda-runs")), reread: Number(h.getAttribute("data-renda-reread")) } : null;
  })()`) as Promise<{ runs: number; reread: number } | null>;

it("typing re-reads only the edited paragraph, and an IME composition is checked only once committed", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/contenteditable.html`);
  await page.waitForFunction("window.__test !== undefined");
  await expect.poll(async () => (await counters(page))?.runs ?? 0).toBeGreaterThanOrEqual(1);
  const first = (await counters(page))!;
  // The first check reads every paragraph of the draft.
  expect(first.reread).toBeGreaterThan(20);

  await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`);
  await page.keyboard.type("共");
  await expect.poll(async () => (await counters(page))!.runs).toBe(first.runs + 1);
  expect((await counters(page))!.reread).toBe(1);

  // A pinyin composition in progress: the text in the editor changes, but nothing is checked.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "daibiao", selectionStart: 7, selectionEnd: 7 });
  await expect.poll(() => page.evaluate("window.__test.content()")).toContain("daibiao");
  await page.waitForTimeout(900);
  expect((await counters(page))!.runs).toBe(first.runs + 1);

  // Committing the composition (compositionend) triggers exactly one check.
  await cdp.send("Input.insertText", { text: "代表" });
  await expect.poll(() => page.evaluate("window.__test.content()")).toContain("共代表");
  await expect.poll(async () => (await counters(page))!.runs).toBe(first.runs + 2);
  await page.waitForTimeout(500);
  expect((await counters(page))!.runs).toBe(first.runs + 2);
  await page.close();
}, 60_000);
