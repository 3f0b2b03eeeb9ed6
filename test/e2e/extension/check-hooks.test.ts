import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { INSERT_AFTER } from "./draft.ts";
import { PAGES } from "./pages.ts";
import { withExtension } from "./with-extension.ts";

/**
 * The hooks the bench (test/bench/extension.ts) times are real: each check leaves one "renda:check" User Timing
 * measure that the page can observe, data-renda-runs moves with it, and data-renda-marks counts exactly the
 * ranges in CSS.highlights. Without this, a renamed measure or a missed paint would let the bench time nothing.
 */

const { browser, server } = withExtension({ contenteditable: PAGES.contenteditable! });

interface Seen {
  runs: number;
  marks: number;
  errors: number;
  /** Ranges per highlight name, read from the page's own world. */
  painted: Record<string, number>;
  /** "renda:check" measures a PerformanceObserver in the page saw, with their detail. */
  checks: { runs: number; reread: number; duration: number }[];
}

const seen = (page: Page) =>
  page.evaluate(`(() => {
    const h = document.querySelector('[data-renda-badge][data-renda-adapter="contenteditable"]');
    const painted = {};
    for (const k of ["renda-error", "renda-warning", "renda-info"]) painted[k] = CSS.highlights.get(k)?.size ?? 0;
    return {
      runs: Number(h?.getAttribute("data-renda-runs") ?? 0),
      marks: Number(h?.getAttribute("data-renda-marks") ?? 0),
      errors: Number(h?.getAttribute("data-renda-errors") ?? 0),
      painted,
      checks: window.__checks,
    };
  })()`) as Promise<Seen>;

const total = (s: Seen) => Object.values(s.painted).reduce((a, b) => a + b, 0);

it("every check leaves one observable measure, and the underline count the badge reports is what is painted", async () => {
  const page = await browser.context.newPage();
  // Registered before the page's scripts run, in the page's own world, as the bench's probes are.
  await page.addInitScript(`
    window.__checks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === "renda:check") window.__checks.push({ runs: e.detail.runs, reread: e.detail.reread, duration: e.duration });
    }).observe({ type: "measure" });`);
  await page.goto(`${server.origin}/contenteditable.html`);
  await page.waitForFunction("window.__test !== undefined");
  await expect.poll(async () => (await seen(page)).runs).toBeGreaterThanOrEqual(1);
  const first = await seen(page);
  expect(first.checks.map((c) => c.runs)).toEqual(Array.from({ length: first.runs }, (_, i) => i + 1));
  expect(first.checks.at(-1)!.duration).toBeGreaterThan(0);
  // The draft says “一府两院”: at least that one underline, and the badge's count is the painted count.
  expect(first.painted["renda-error"]).toBeGreaterThanOrEqual(1);
  expect(first.marks).toBe(total(first));

  // One input event adding one outdated term: one more check, one more error, one more error underline.
  // The sentence is typed with its full stop: a paragraph left mid-sentence makes the short heading after it
  // read as text (outline rule), which would drop the 自身建设 chapter and add a section/missing error.
  await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`);
  await page.keyboard.insertText("督促一府两院。");
  await expect.poll(async () => (await seen(page)).runs).toBe(first.runs + 1);
  const after = await seen(page);
  expect(after.checks.length).toBe(first.checks.length + 1);
  expect(after.checks.at(-1)).toMatchObject({ runs: after.runs, reread: 1 });
  expect(after.errors).toBe(first.errors + 1);
  expect(after.painted["renda-error"]).toBe(first.painted["renda-error"]! + 1);
  expect(after.marks).toBe(total(after));
  // User Timing keeps only the latest measure: a long editing session does not pile entries up.
  expect(await page.evaluate(`performance.getEntriesByName("renda:check").length`)).toBe(1);
  await page.close();
}, 60_000);
