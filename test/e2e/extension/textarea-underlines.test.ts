import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DRAFT_LINES, escapeHtml } from "./draft.ts";
import {
  collectErrors,
  type ExtensionBrowser,
  inspectShadows,
  launchWithExtension,
  type PageServer,
  servePages,
  shotPath,
  type UnderlineView,
  waitForBadge,
} from "./harness.ts";

/**
 * A textarea cannot be painted by the CSS Custom Highlight API; its underlines come from a mirror overlay in
 * the extension's shadow root. The proof that an underline sits under the right characters does not reuse
 * the mirror's own measuring: a click at the underline's centre goes through the overlay to the textarea,
 * and the browser's own caret placement says which character is there.
 */

const TERM = "一府两院";
const TEXT = DRAFT_LINES.join("\n");

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    "textarea-styled": {
      // Padding, border, a serif face, wide lines and a small height: the term is below the fold and wraps
      // only where the textarea's own metrics say.
      body: `<h3>公文起草</h3><div id="wrap"><textarea id="ed" style="width:720px;height:260px;padding:14px 18px;border:3px solid #789;font:17px/1.9 'Noto Serif CJK SC',serif;letter-spacing:0.5px">${escapeHtml(TEXT)}</textarea></div>`,
    },
  });
  browser = await launchWithExtension();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Box = { x: number; y: number; width: number; height: number };

/** The textarea's padding box (where it draws text) in viewport coordinates. */
const textBox = (page: Page) =>
  page.evaluate(`(() => {
    const ta = document.getElementById("ed");
    const r = ta.getBoundingClientRect();
    return { x: r.left + ta.clientLeft, y: r.top + ta.clientTop, width: ta.clientWidth, height: ta.clientHeight };
  })()`) as Promise<Box>;

const inside = (b: Box, area: Box) =>
  b.x >= area.x - 1 &&
  b.y >= area.y - 1 &&
  b.x + b.width <= area.x + area.width + 1 &&
  b.y + b.height <= area.y + area.height + 1;

it("a textarea's flagged term is underlined in place, follows scrolling, resizing and typing, and the value is untouched", async () => {
  const page = await browser.context.newPage();
  const errors = await collectErrors(browser, page);
  await page.goto(`${server.origin}/textarea-styled.html`);
  const shadows = await inspectShadows(browser, page);
  // A late web font would re-flow the text under the test's feet.
  await page.evaluate("document.fonts.ready.then(() => true)");
  await waitForBadge(page, (b) => b.errors >= 2, "the draft's errors", "textarea");
  const original = (await page.evaluate(`document.getElementById("ed").value`)) as string;
  const before = await page.evaluate("document.body.innerHTML");

  const termUnderline = async (): Promise<UnderlineView> => {
    let found: UnderlineView | undefined;
    await expect
      .poll(async () => {
        found = (await shadows.underlines(TERM))[0];
        return found?.severity;
      })
      .toBe("error");
    return found!;
  };

  /**
   * Scrolls the textarea so the term's underline is in view, waits for the mirror to follow, clicks the
   * underline's centre and returns where the textarea put its caret.
   */
  const clickUnderline = async (): Promise<{ caret: number; box: Box; scrolled: number }> => {
    const area = await textBox(page);
    const first = (await termUnderline()).boxes[0]!;
    const by = Math.round(first.y - (area.y + area.height / 2));
    const scrolled = (await page.evaluate(
      `(() => { const ta = document.getElementById("ed"); const was = ta.scrollTop; ta.scrollTop += ${by}; return ta.scrollTop - was; })()`,
    )) as number;
    let box: Box = first;
    // The mirror follows the textarea's scrolling: the underline moves up by exactly the scrolled distance.
    await expect
      .poll(async () => {
        box = (await termUnderline()).boxes[0]!;
        return Math.abs(box.y - (first.y - scrolled));
      })
      .toBeLessThan(1);
    expect(inside(box, area)).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const caret = (await page.evaluate(`document.getElementById("ed").selectionStart`)) as number;
    return { caret, box, scrolled };
  };

  // In place: the caret lands inside the term, i.e. the underline is over its characters.
  const at = original.indexOf(TERM);
  const one = await clickUnderline();
  expect(one.scrolled).not.toBe(0);
  expect(one.caret).toBeGreaterThanOrEqual(at);
  expect(one.caret).toBeLessThanOrEqual(at + TERM.length);
  await page.evaluate(`document.getElementById("ed").blur()`);
  // The mirror is the extension's own element outside <body>: the page's markup and the value are as loaded.
  expect(await page.evaluate("document.body.innerHTML")).toBe(before);
  expect(await page.evaluate(`document.getElementById("ed").value`)).toBe(original);
  const area = await textBox(page);
  await page.screenshot({
    path: shotPath("textarea-underline"),
    clip: { x: area.x - 3, y: Math.max(0, one.box.y - 90), width: area.width + 6, height: 200 },
  });

  // Resized narrower: lines wrap elsewhere, the underline moves with its characters.
  const wide = (await termUnderline()).boxes[0]!;
  await page.evaluate(`document.getElementById("ed").style.width = "430px"`);
  // The lines re-wrap and push the term down; the mirror follows the textarea's new size by itself.
  await expect.poll(async () => (await termUnderline()).boxes[0]!.y).toBeGreaterThan(wide.y + 20);
  const two = await clickUnderline();
  expect(two.caret).toBeGreaterThanOrEqual(at);
  expect(two.caret).toBeLessThanOrEqual(at + TERM.length);

  expect(await page.evaluate(`document.getElementById("ed").value`)).toBe(original);

  // Typing before the term: the underline stays under it (and after the re-check too).
  await page.evaluate(
    `(() => { const ta = document.getElementById("ed"); ta.focus(); ta.setSelectionRange(0, 0); })()`,
  );
  await page.keyboard.type("某某");
  await waitForBadge(page, (b) => b.errors >= 2, "the re-check", "textarea");
  const three = await clickUnderline();
  expect(three.caret).toBeGreaterThanOrEqual(at + 2);
  expect(three.caret).toBeLessThanOrEqual(at + 2 + TERM.length);

  // Fixing the term by hand: its underline goes.
  await page.evaluate(
    `(() => { const ta = document.getElementById("ed"); const i = ta.value.indexOf("${TERM}"); ta.focus(); ta.setSelectionRange(i, i + ${TERM.length}); })()`,
  );
  await page.keyboard.type("一府一委两院");
  await expect.poll(async () => (await shadows.underlines(TERM)).length > 0, { timeout: 5_000 }).toBe(false);

  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
