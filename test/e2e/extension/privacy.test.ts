import { expect, it } from "vitest";
import { DEPUTIES_HEADING, INSERT_AFTER } from "./draft.ts";
import { openPanel, waitForBadge } from "./harness.ts";
import { PAGES } from "./pages.ts";
import { withExtension } from "./with-extension.ts";

const { browser, server } = withExtension({ contenteditable: PAGES.contenteditable! });

it("drafts never leave the machine: no request from any context while the extension lints and fixes", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/contenteditable.html`);
  await page.waitForFunction("window.__test !== undefined");
  await waitForBadge(page, (b) => b.missing.includes("deputies"), "the first check", "contenteditable");

  // From here on the page itself is idle: every request would come from the extension.
  const requests: string[] = [];
  browser.context.on("request", (r) => requests.push(r.url()));

  await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`);
  await page.keyboard.press("Enter");
  await page.keyboard.type(DEPUTIES_HEADING);
  await waitForBadge(
    page,
    (b) => !b.missing.includes("deputies"),
    "a re-check after typing",
    "contenteditable",
  );
  const panel = await openPanel(browser, page);
  await panel.locator('button[data-renda-suggestion="term/yifu-liangyuan"]').click();
  await expect.poll(() => page.evaluate("window.__test.content()")).toContain("一府一委两院");
  await page.waitForTimeout(500);

  // The extension's own packaged files (the panel page and its script) are not network traffic.
  const network = requests.filter((u) => !u.startsWith(`chrome-extension://${browser.extensionId}/`));
  expect(network).toEqual([]);

  // The recorder is live for both the page and the extension's service worker: canaries are seen.
  await page.evaluate(`fetch("${server.origin}/canary-page").catch(() => {})`);
  await browser.worker.evaluate(`fetch("${server.origin}/canary-worker").catch(() => {})`);
  await expect
    .poll(() => requests.filter((u) => u.includes("/canary-")).sort())
    .toEqual([`${server.origin}/canary-page`, `${server.origin}/canary-worker`]);
  await panel.close();
  await page.close();
}, 60_000);
