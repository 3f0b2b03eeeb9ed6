import { expect } from "vitest";
import { DEPUTIES_BODY, DEPUTIES_HEADING, INSERT_AFTER } from "./draft.ts";
import { type ExtensionBrowser, openPanel, type PageServer, shotPath, waitForBadge } from "./harness.ts";

/**
 * The reviewer's story, the same for every editor: the draft lacks 代表工作 and says “一府两院”; the badge and
 * the side panel say so; the fix goes in through the editor (its own content and undo stack see it); typing
 * the missing chapter clears the missing section.
 */
export async function reviewerStory(
  browser: ExtensionBrowser,
  server: PageServer,
  name: string,
  adapter: string,
): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${server.origin}/${name}.html`);
    await page.waitForFunction("window.__test !== undefined");
    const content = () => page.evaluate("window.__test.content()") as Promise<string>;

    // The editor may show an empty or half-loaded document first; wait for the draft's own findings.
    const badge = await waitForBadge(
      page,
      (b) => b.missing.join(",") === "deputies" && b.errors >= 2,
      "the draft's missing 代表工作",
      adapter,
    );
    expect(badge.adapter).toBe(adapter);
    expect(badge.missing).toContain("deputies");
    expect(badge.errors).toBeGreaterThanOrEqual(2);

    const panel = await openPanel(browser, page);
    const missingList = panel.locator("[data-renda-missing]");
    await missingList.waitFor({ timeout: 10_000 });
    expect((await missingList.getAttribute("data-renda-missing"))?.split(",")).toContain("deputies");
    await expect.poll(() => panel.locator(".missing li").allTextContents()).toContain("代表工作");
    await expect.poll(() => panel.locator("[data-renda-kind]").textContent()).toBe("工作报告");
    const fix = panel.locator('button[data-renda-suggestion="term/yifu-liangyuan"]');
    await fix.waitFor();
    await panel.screenshot({ path: shotPath(`${name}-panel`), fullPage: true });
    // Clicking the finding selects the flagged words in the editor and scrolls them into view.
    await panel.locator('li[data-rule="term/yifu-liangyuan"] button.reveal').click();
    await expect.poll(() => page.evaluate("String(window.__test.selected?.() ?? '')")).toBe("一府两院");
    await page.screenshot({ path: shotPath(`${name}-editor`) });

    // Apply the fix, then undo it in the editor: both must reach the editor's own model.
    await fix.click();
    await expect.poll(content).toContain("一府一委两院");
    expect(await content()).not.toContain("一府两院");
    await page.bringToFront();
    await page.keyboard.press("Control+z");
    await expect.poll(content).toContain("一府两院");
    await waitForBadge(page, (b) => b.errors >= 2, "the outdated term back after undo", adapter);
    await panel.bringToFront();
    await fix.click();
    await expect.poll(content).toContain("一府一委两院");
    const fixed = await waitForBadge(
      page,
      (b) => b.missing.includes("deputies") && b.errors === badge.errors - 1,
      "one error fewer",
      adapter,
    );
    expect(fixed.missing).toContain("deputies");

    // The reviewer writes the missing chapter; the badge follows.
    await page.bringToFront();
    expect(await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`)).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.type(DEPUTIES_HEADING);
    await page.keyboard.press("Enter");
    await page.keyboard.type(DEPUTIES_BODY);
    await expect.poll(content).toContain(DEPUTIES_BODY);
    const after = await waitForBadge(
      page,
      (b) => !b.missing.includes("deputies"),
      "deputies no longer missing",
      adapter,
    );
    expect(after.missing).not.toContain("deputies");
    await expect.poll(() => panel.locator("[data-renda-missing]").count(), { timeout: 5_000 }).toBe(0);
    await panel.close();
  } finally {
    await page.close();
  }
}
