import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEPUTIES_BODY,
  DEPUTIES_HEADING,
  DRAFT_HTML,
  DRAFT_LINES,
  escapeHtml,
  INSERT_AFTER,
} from "./draft.ts";
import {
  collectErrors,
  type ExtensionBrowser,
  inspectShadows,
  launchWithExtension,
  openPanel,
  type PageError,
  type PageServer,
  servePages,
  shotPath,
  type TestPage,
  type UnderlineView,
} from "./harness.ts";
import { DOM_CARET } from "./pages.ts";

/**
 * Pages that are hard on the extension: a huge editor, editors that come late or are replaced, a strict CSP,
 * a page that rewrites globals and DOM prototypes, two editors at once. Every page has its own behaviour
 * (a button, a load marker) that must keep working, and no page may show an error from any world.
 */

/** The draft with its 代表工作 chapter written and its outdated term fixed: nothing missing, one error fewer. */
const COMPLETE_LINES = DRAFT_LINES.flatMap((l) =>
  l.endsWith(INSERT_AFTER) ? [l, DEPUTIES_HEADING, DEPUTIES_BODY] : [l],
).map((l) => l.replace("“一府两院”", "“一府一委两院”"));
const COMPLETE_HTML = COMPLETE_LINES.map((l) => `<p>${escapeHtml(l)}</p>`).join("");

/** The page's own code: a button that answers, and a marker set at load. Checked after each story. */
const OWN_BUTTON = `<button id="own" type="button">页面按钮</button>`;
const OWN_SCRIPT = `
addEventListener("load", () => { window.__pageMarker = "loaded"; });
document.getElementById("own").addEventListener("click", (e) => { e.target.textContent = "页面脚本正常"; });
`;

/** Drafts repeated until the editor holds 500,000 characters (2.5 times the as-you-type limit). */
const HUGE_CHARS = 500_000;
const HUGE_HTML = (() => {
  const once = DRAFT_LINES.join("\n").length + 1;
  return DRAFT_HTML.repeat(Math.ceil(HUGE_CHARS / once));
})();

/** A textarea's draft with the outdated term in its first lines, so its underline is in view. */
const TEXTAREA_TEXT = escapeHtml(
  ["督促“一府两院”依法履职。", ...DRAFT_LINES.filter((l) => !l.includes("一府两院"))].join("\n"),
);

/** The textarea's underline for the outdated term, read from the mirror's closed shadow root. */
async function termUnderline(shadows: Awaited<ReturnType<typeof inspectShadows>>) {
  let found: UnderlineView | undefined;
  await expect
    .poll(async () => {
      found = (await shadows.underlines("一府两院"))[0];
      // No boxes while the textarea is out of view: the mirror is hidden then.
      return `${found?.decoration} ${found?.boxes.length ? "shown" : "hidden"}`;
    })
    .toBe("underline wavy shown");
  return found!;
}

const CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

const BAD_PAGES: Record<string, TestPage> = {
  huge: {
    body: `${OWN_BUTTON}<div id="ed" contenteditable="true" style="border:1px solid #999;padding:8px;height:600px;overflow:auto">${HUGE_HTML}</div>`,
    scripts: {
      main: `${OWN_SCRIPT}${DOM_CARET}
const ed = document.getElementById("ed");
window.__test = { content: () => ed.innerText, caretAtEndOf: (t) => domCaretAtEndOf(ed, t) };`,
    },
  },
  "huge-textarea": {
    body: `${OWN_BUTTON}<textarea id="ta" cols="100" rows="24">${escapeHtml(`${DRAFT_LINES.join("\n")}\n`.repeat(Math.ceil(HUGE_CHARS / (DRAFT_LINES.join("\n").length + 1))))}</textarea>`,
    scripts: { main: OWN_SCRIPT },
  },
  late: {
    // An SPA: the editor is created two seconds after load, and later replaced by a new element.
    body: `${OWN_BUTTON}<div id="app"><p>正在加载编辑器…</p></div>`,
    scripts: {
      main: `${OWN_SCRIPT}
const app = document.getElementById("app");
const editor = (html, style) => {
  const ed = document.createElement("div");
  ed.contentEditable = "true";
  ed.className = "ed";
  ed.style.cssText = "border:1px solid #999;padding:8px;height:400px;overflow:auto;" + style;
  ed.innerHTML = html;
  return ed;
};
window.__inserted = false;
setTimeout(() => { app.replaceChildren(editor(${JSON.stringify(DRAFT_HTML)}, "width:800px")); window.__inserted = true; }, 2000);
window.__test = {
  replace: () => app.replaceChildren(editor(${JSON.stringify(COMPLETE_HTML)}, "width:500px;margin-left:200px")),
  remove: () => app.replaceChildren(Object.assign(document.createElement("p"), { textContent: "编辑器已关闭" })),
};`,
    },
  },
  csp: {
    // Everything from files: under this policy the page may run no inline script and apply no inline style.
    headers: { "content-security-policy": CSP },
    body: `${OWN_BUTTON}<div id="ed" contenteditable="true">${DRAFT_HTML}</div><textarea id="ta" cols="90" rows="12">${TEXTAREA_TEXT}</textarea>`,
    scripts: {
      main: `${OWN_SCRIPT}
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`,
    },
  },
  globals: {
    body: `${OWN_BUTTON}<div id="ed" contenteditable="true" style="border:1px solid #999;padding:8px;height:300px;overflow:auto">${DRAFT_HTML}</div><textarea id="ta" cols="90" rows="12">${TEXTAREA_TEXT}</textarea>`,
    scripts: {
      // The first script keeps the real objects for the test's own checks; the second breaks them.
      keep: `window.__native = { CSS: window.CSS, qsa: Document.prototype.querySelectorAll };`,
      break: `
var CSS = 1;
window.Highlight = undefined;
Element.prototype.querySelector = function () { return null; };
Element.prototype.querySelectorAll = function () { return []; };
Document.prototype.querySelectorAll = function () { return []; };
Element.prototype.attachShadow = function () { throw new Error("页面禁止 attachShadow"); };
const append = Node.prototype.appendChild;
Node.prototype.appendChild = function (child) { window.__appended = (window.__appended || 0) + 1; return append.call(this, child); };
const listen = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, fn, opts) { window.__listeners = (window.__listeners || 0) + 1; return listen.call(this, type, fn, opts); };
window.MutationObserver = function () { throw new Error("页面禁止 MutationObserver"); };
window.getComputedStyle = function () { throw new Error("页面禁止 getComputedStyle"); };
window.requestAnimationFrame = function () { throw new Error("页面禁止 requestAnimationFrame"); };
window.ResizeObserver = function () { throw new Error("页面禁止 ResizeObserver"); };
window.CSSStyleSheet = function () { throw new Error("页面禁止 CSSStyleSheet"); };`,
      main: `${OWN_SCRIPT}
document.body.appendChild(Object.assign(document.createElement("p"), { id: "page-own", textContent: "页面自己添加的段落" }));`,
    },
  },
  two: {
    body: `${OWN_BUTTON}
<div id="a" contenteditable="true" style="border:1px solid #999;padding:8px;height:300px;overflow:auto">${DRAFT_HTML}</div>
<div id="b" contenteditable="true" style="border:1px solid #999;padding:8px;height:300px;overflow:auto;margin-top:40px;width:600px">${COMPLETE_HTML}</div>`,
    scripts: {
      main: `${OWN_SCRIPT}${DOM_CARET}
window.__test = { caretAtEndOf: (id, t) => domCaretAtEndOf(document.getElementById(id), t) };`,
    },
  },
};

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages(BAD_PAGES);
  browser = await launchWithExtension();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface BadgeAttrs {
  editor: string;
  adapter: string;
  missing: string[];
  errors: number;
  runs: number;
  length: number;
  onDemand: boolean;
  stale: boolean;
  checking: boolean;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/**
 * Every badge host on the page, read through Playwright's own isolated world: the "globals" page has broken
 * querySelectorAll and friends in its main world, where page.evaluate would run.
 */
async function badges(page: Page): Promise<BadgeAttrs[]> {
  const hosts = page.locator("[data-renda-badge]");
  const out: BadgeAttrs[] = [];
  for (let i = 0, n = await hosts.count(); i < n; i++) {
    const h = hosts.nth(i);
    const attr = async (name: string) => h.getAttribute(name, { timeout: 2_000 });
    const missing = (await attr("data-renda-missing")) ?? "";
    out.push({
      editor: (await attr("data-renda-editor")) ?? "",
      adapter: (await attr("data-renda-adapter")) ?? "",
      missing: missing ? missing.split(",") : [],
      errors: Number(await attr("data-renda-errors")),
      runs: Number(await attr("data-renda-runs")),
      length: Number(await attr("data-renda-length")),
      onDemand: (await attr("data-renda-on-demand")) !== null,
      stale: (await attr("data-renda-stale")) !== null,
      checking: (await attr("data-renda-checking")) !== null,
      rect: await h.boundingBox({ timeout: 2_000 }),
    });
  }
  return out;
}

async function waitForBadges(
  page: Page,
  ok: (all: BadgeAttrs[]) => boolean,
  what: string,
  timeout = 15_000,
): Promise<BadgeAttrs[]> {
  const until = Date.now() + timeout;
  let last: BadgeAttrs[] = [];
  while (Date.now() < until) {
    last = await badges(page).catch(() => []);
    if (ok(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`badges never showed ${what}; last: ${JSON.stringify(last)}`);
}

/** The page's own code still runs: its load marker is set and its button answers a click. */
async function expectPageWorks(page: Page): Promise<void> {
  expect(await page.evaluate("window.__pageMarker")).toBe("loaded");
  await page.locator("#own").click();
  await expect.poll(() => page.locator("#own").textContent()).toBe("页面脚本正常");
}

/** The end of every case: the page's own script still works, no JS world logged an error, the page closes. */
async function closeUnharmed(page: Page, errors: unknown[]): Promise<void> {
  await expectPageWorks(page);
  expect(errors).toEqual([]);
  await page.close();
}

/** Where the badge for an editor should sit: its top-right corner, 6px in (badge.ts `place`). */
async function expectBadgeBeside(page: Page, badge: BadgeAttrs, editor: string): Promise<void> {
  const box = await page.locator(editor).boundingBox();
  expect(box && badge.rect).toBeTruthy();
  expect(Math.abs(badge.rect!.x + badge.rect!.width - (box!.x + box!.width - 6))).toBeLessThan(2);
  expect(Math.abs(badge.rect!.y - (box!.y + 6))).toBeLessThan(2);
}

/** Puts the caret at the end of the paragraph holding `text` in the editor with id `id` (DOM calls only). */
async function caretAtEndOf(page: Page, id: string, text: string): Promise<void> {
  const fn = DOM_CARET.trim().replace(/^function domCaretAtEndOf/, "function");
  expect(await page.evaluate(`(${fn})(document.getElementById("${id}"), ${JSON.stringify(text)})`)).toBe(
    true,
  );
}

async function open(name: string): Promise<{ page: Page; errors: PageError[] }> {
  const page = await browser.context.newPage();
  const errors = await collectErrors(browser, page);
  await page.goto(`${server.origin}/${name}.html`);
  return { page, errors };
}

describe("bad input", () => {
  it("the error collector hears the extension's world: an exception thrown in an isolated world is recorded", async () => {
    // Without this, "no errors" below could mean "not listening to content scripts".
    const { page, errors } = await open("two");
    const cdp = await browser.context.newCDPSession(page);
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId } = await cdp.send("Page.createIsolatedWorld", {
      frameId: frameTree.frame.id,
      worldName: "probe",
    });
    await cdp.send("Runtime.evaluate", {
      contextId: executionContextId,
      expression: `setTimeout(() => { throw new Error("isolated-world probe"); })`,
    });
    await expect.poll(() => errors.map((e) => e.text).join("\n")).toContain("isolated-world probe");
    expect(errors.find((e) => e.text.includes("isolated-world probe"))?.world).toBe("extension");
    await page.close();
  }, 30_000);

  it("a 500,000-character editor is checked only on demand, says so, and checks when asked", async () => {
    const { page, errors } = await open("huge");
    const shadows = await inspectShadows(browser, page);
    await page.waitForFunction("window.__test !== undefined");
    const [first] = await waitForBadges(page, (b) => b.length === 1 && b[0]!.onDemand, "on demand");
    expect(first!.length).toBeGreaterThanOrEqual(HUGE_CHARS);
    expect(first!.runs).toBe(0);
    expect(first!.checking).toBe(false);
    const [label] = await shadows.badges();
    expect(label!.label).toBe("按需检查 · 文稿过长，点击检查");
    expect(label!.title).toContain("按需检查");

    // Typing: the edit is read (the length follows) but no check runs. A whole sentence with its full stop:
    // a paragraph left mid-sentence makes the short heading after it read as text (outline rule), and the
    // 自身建设 chapter would then be missing too.
    const sentence = "开展视察5次。";
    await page.evaluate(`window.__test.caretAtEndOf(${JSON.stringify(INSERT_AFTER)})`);
    await page.keyboard.type(sentence);
    const typed = await waitForBadges(
      page,
      (b) => b[0]?.length === first!.length + sentence.length,
      "the edit read",
    );
    expect(typed[0]!.runs).toBe(0);
    expect(typed[0]!.onDemand).toBe(true);
    expect(typed[0]!.errors).toBe(0);
    // The page answers at once after the typing: nothing heavy is queued behind it.
    expect(await page.evaluate("window.__pageMarker")).toBe("loaded");
    expect(await page.evaluate("window.__test.content().length")).toBeGreaterThanOrEqual(HUGE_CHARS);

    // Asking (a click on the badge) runs the check: results, underlines, still labelled as on demand.
    await page.locator("[data-renda-badge]").click();
    const checked = await waitForBadges(page, (b) => b[0]?.runs === 1, "the requested check");
    expect(checked[0]!.missing).toContain("deputies");
    expect(checked[0]!.errors).toBeGreaterThan(0);
    expect(checked[0]!.stale).toBe(false);
    expect(await page.evaluate(`CSS.highlights.get("renda-error")?.size ?? 0`)).toBeGreaterThan(0);
    expect((await shadows.badges())[0]!.label).toMatch(/^按需检查 · 缺 1 个章节 · 错误 \d+/);

    // More typing keeps the last result but marks it as older than the text; still no automatic check.
    await page.keyboard.type("项");
    const stale = await waitForBadges(page, (b) => b[0]?.stale === true, "the result marked stale");
    expect(stale[0]!.runs).toBe(1);
    expect(stale[0]!.errors).toBe(checked[0]!.errors);
    expect((await shadows.badges())[0]!.label).toContain("已改动，点击重新检查");
    await page.screenshot({ path: shotPath("huge-on-demand") });

    // The side panel says the same and its button checks again.
    const panel = await openPanel(browser, page);
    const note = panel.locator(".on-demand");
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toContain("按需检查");
    expect(await note.textContent()).toContain("可能已过时");
    await panel.screenshot({ path: shotPath("huge-on-demand-panel") });
    // Thousands of findings: a group lists the first 200 until the reviewer asks for the rest.
    const more = panel.locator("button[data-renda-more]").first();
    await more.waitFor({ timeout: 10_000 });
    const rest = Number(await more.getAttribute("data-renda-more"));
    const name = (await panel.locator(".group", { has: more }).locator("h3").textContent())!;
    const group = panel.locator(".group").filter({ has: panel.getByRole("heading", { name, exact: true }) });
    expect(await group.locator("li.finding").count()).toBe(200);
    await more.click();
    await expect.poll(() => group.locator("li.finding").count(), { timeout: 10_000 }).toBe(200 + rest);
    await panel.locator("button[data-renda-check-now]").click();
    const again = await waitForBadges(page, (b) => b[0]?.runs === 2 && !b[0].stale, "the panel's check");
    expect(again[0]!.onDemand).toBe(true);
    await expect.poll(() => note.textContent()).toContain("最近一次检查的结果");
    await panel.close();

    await closeUnharmed(page, errors);
  }, 120_000);

  it("a 500,000-character textarea: on demand too, and its underlines keep up with typing after a check", async () => {
    const { page, errors } = await open("huge-textarea");
    const shadows = await inspectShadows(browser, page);
    const [first] = await waitForBadges(page, (b) => b.length === 1 && b[0]!.onDemand, "on demand");
    expect(first!.length).toBeGreaterThanOrEqual(HUGE_CHARS);
    expect(first!.runs).toBe(0);
    expect(await shadows.underlines()).toEqual([]);

    await page.evaluate(
      `(() => { const ta = document.getElementById("ta"); ta.focus(); ta.setSelectionRange(0, 0); })()`,
    );
    await page.keyboard.type("共计");
    const typed = await waitForBadges(page, (b) => b[0]?.length === first!.length + 2, "the edit read");
    expect(typed[0]!.runs).toBe(0);

    await page.locator("[data-renda-badge]").click();
    const checked = await waitForBadges(page, (b) => b[0]?.runs === 1, "the requested check");
    expect(checked[0]!.errors).toBeGreaterThan(0);
    const occurrences = (await page.evaluate(
      `document.getElementById("ta").value.split("一府两院").length - 1`,
    )) as number;
    const terms = async () => (await shadows.underlines("一府两院")).length;
    await expect.poll(terms).toBe(occurrences);

    // Typing before every finding: the stale underlines move with their words, none is lost or torn.
    await page.evaluate(
      `(() => { const ta = document.getElementById("ta"); ta.focus(); ta.setSelectionRange(0, 0); })()`,
    );
    await page.keyboard.type("项目");
    expect(await page.evaluate("window.__pageMarker")).toBe("loaded");
    await waitForBadges(page, (b) => b[0]?.stale === true, "the result marked stale");
    await expect.poll(terms).toBe(occurrences);
    expect(await page.evaluate(`document.getElementById("ta").value.startsWith("项目共计")`)).toBe(true);
    // Typing inside one flagged term: that underline goes (the words changed), the others stay.
    await page.evaluate(
      `(() => { const ta = document.getElementById("ta"); const i = ta.value.indexOf("一府两院") + 2; ta.focus(); ta.setSelectionRange(i, i); })()`,
    );
    await page.keyboard.type("和");
    await expect.poll(terms).toBe(occurrences - 1);

    await closeUnharmed(page, errors);
  }, 120_000);

  it("an editor created late and then replaced: the badge follows, none is left for the removed one", async () => {
    const { page, errors } = await open("late");
    const early = (await page.evaluate(
      `({ inserted: window.__inserted, count: document.querySelectorAll("[data-renda-badge]").length })`,
    )) as { inserted: boolean; count: number };
    if (!early.inserted) expect(early.count).toBe(0);

    const [late] = await waitForBadges(
      page,
      (b) => b.length === 1 && b[0]!.missing.includes("deputies"),
      "the late editor's draft",
    );
    await expectBadgeBeside(page, late!, "#app .ed");

    // The SPA swaps the editor for a new element with the finished draft.
    await page.evaluate("window.__test.replace()");
    const [replaced] = await waitForBadges(
      page,
      (b) => b.length === 1 && b[0]!.editor !== late!.editor && !b[0]!.checking,
      "a badge for the new editor",
    );
    expect(replaced!.missing).not.toContain("deputies");
    expect(replaced!.errors).toBeLessThan(late!.errors);
    await expectBadgeBeside(page, replaced!, "#app .ed");
    // Every underline left is in the new editor: none points into the removed one.
    const strays = `(() => {
      const ed = document.querySelector("#app .ed");
      let all = 0, outside = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith("renda-")) for (const r of h) { all++; if (!ed.contains(r.startContainer)) outside++; }
      return { all, outside };
    })()`;
    expect(await page.evaluate(strays)).toMatchObject({ outside: 0 });

    // The editor goes away for good: so does its badge and every underline.
    await page.evaluate("window.__test.remove()");
    await waitForBadges(page, (b) => b.length === 0, "no badge");
    expect(await page.evaluate(`[...CSS.highlights.keys()].filter((k) => k.startsWith("renda-"))`)).toEqual(
      [],
    );

    await closeUnharmed(page, errors);
  }, 60_000);

  it("under a strict Content-Security-Policy the badge is styled and the underlines are drawn", async () => {
    const { page, errors } = await open("csp");
    const shadows = await inspectShadows(browser, page);
    const all = await waitForBadges(
      page,
      (b) => b.length === 2 && b.every((x) => x.missing.includes("deputies")),
      "both editors' findings",
    );
    const badge = all.find((b) => b.adapter === "contenteditable");
    expect(badge!.errors).toBeGreaterThanOrEqual(2);
    // The badges are on screen and styled (red rounded pills), not bare grey buttons.
    expect(badge!.rect!.width).toBeGreaterThan(40);
    for (const view of await shadows.badges()) {
      expect(view.label).toMatch(/^缺 \d+ 个章节/);
      expect(view.background).toBe("rgb(200, 16, 46)");
      expect(view.borderRadius).toBe("12px");
    }
    // The textarea's mirror is styled too: a wavy underline over the term.
    await page.locator("#ta").scrollIntoViewIfNeeded();
    const under = await termUnderline(shadows);
    const ta = (await page.locator("#ta").boundingBox())!;
    expect(under.boxes[0]!.y).toBeGreaterThan(ta.y);
    expect(under.boxes[0]!.y + under.boxes[0]!.height).toBeLessThan(ta.y + ta.height);
    // The underlines: ranges registered, and their ::highlight() sheet adopted by the document.
    expect(await page.evaluate(`CSS.highlights.get("renda-error")?.size ?? 0`)).toBeGreaterThan(0);
    expect(
      await page.evaluate(
        `[...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes("renda-error")))`,
      ),
    ).toBe(true);
    await page.screenshot({ path: shotPath("csp-page") });

    // Editing still re-checks under the policy.
    await caretAtEndOf(page, "ed", INSERT_AFTER);
    await page.keyboard.press("Enter");
    await page.keyboard.type(DEPUTIES_HEADING);
    await waitForBadges(
      page,
      (b) => b.find((x) => x.adapter === "contenteditable")?.missing.includes("deputies") === false,
      "the re-check",
    );

    await expectPageWorks(page);
    expect(await page.evaluate("window.__violations")).toEqual([]);
    expect(errors).toEqual([]);

    // Last, as it logs a violation of its own: the policy really is in force, the page cannot style inline.
    expect(
      await page.evaluate(`(() => {
        const s = document.createElement("style");
        s.textContent = "#own { color: rgb(1, 2, 3); }";
        document.head.append(s);
        const blocked = getComputedStyle(document.getElementById("own")).color !== "rgb(1, 2, 3)";
        s.remove();
        return blocked;
      })()`),
    ).toBe(true);
    await expect.poll(() => page.evaluate("window.__violations.length")).toBeGreaterThan(0);

    await page.close();
  }, 60_000);

  it("a page that redefines CSS and breaks DOM prototypes neither breaks the extension nor is broken by it", async () => {
    const { page, errors } = await open("globals");
    // The page's own world really is broken as written.
    expect(await page.evaluate("typeof CSS")).toBe("number");
    expect(await page.evaluate(`document.querySelectorAll("p").length`)).toBe(0);
    expect(
      await page.evaluate(
        `(() => { try { document.body.attachShadow({ mode: "open" }); return "no"; } catch (e) { return e.message; } })()`,
      ),
    ).toBe("页面禁止 attachShadow");

    const shadows = await inspectShadows(browser, page);
    const all = await waitForBadges(
      page,
      (b) => b.length === 2 && b.every((x) => x.missing.includes("deputies")),
      "both editors' findings",
    );
    const badge = all.find((b) => b.adapter === "contenteditable");
    expect(badge!.errors).toBeGreaterThanOrEqual(2);
    // The textarea's mirror needs getComputedStyle, ResizeObserver, requestAnimationFrame and attachShadow,
    // all broken in the page's world and whole in the extension's.
    await termUnderline(shadows);
    await expectBadgeBeside(page, all.find((b) => b.adapter === "textarea")!, "#ta");
    // The content script's world has its own CSS, Highlight and prototypes: the underlines went into the
    // document's real highlight registry, which the page can only reach through the object it saved.
    expect(
      await page.evaluate(`window.__native.CSS.highlights.get("renda-error")?.size ?? 0`),
    ).toBeGreaterThan(0);
    await expectBadgeBeside(page, badge!, "#ed");

    // Typing is followed too (the extension's MutationObserver and timers are its own).
    await caretAtEndOf(page, "ed", INSERT_AFTER);
    await page.keyboard.press("Enter");
    await page.keyboard.type(DEPUTIES_HEADING);
    await waitForBadges(
      page,
      (b) => b.find((x) => x.adapter === "contenteditable")?.missing.includes("deputies") === false,
      "the re-check",
    );

    // The page's own code, which goes through its wrapped appendChild and addEventListener, still works.
    expect(await page.locator("#page-own").textContent()).toBe("页面自己添加的段落");
    expect(await page.evaluate("window.__appended")).toBeGreaterThanOrEqual(1);
    await closeUnharmed(page, errors);
  }, 60_000);

  it("two editors on one page: a badge each, each with its own counts, told apart", async () => {
    const { page, errors } = await open("two");
    const all = await waitForBadges(
      page,
      (b) => b.length === 2 && b.every((x) => !x.checking && x.runs > 0),
      "two checked badges",
    );
    const ids = all.map((b) => b.editor);
    expect(new Set(ids).size).toBe(2);
    // Which badge is which: the one beside #a and the one beside #b.
    const boxA = (await page.locator("#a").boundingBox())!;
    const byTop = [...all].sort((x, y) => x.rect!.y - y.rect!.y);
    const [a, b] = Math.abs(byTop[0]!.rect!.y - (boxA.y + 6)) < 2 ? byTop : [byTop[1]!, byTop[0]!];
    await expectBadgeBeside(page, a!, "#a");
    await expectBadgeBeside(page, b!, "#b");
    expect(a!.missing).toContain("deputies");
    expect(b!.missing).not.toContain("deputies");
    expect(a!.errors).toBeGreaterThanOrEqual(2);
    expect(b!.errors).toBe(0);

    // Typing in #b re-checks #b only.
    await page.evaluate(`window.__test.caretAtEndOf("b", ${JSON.stringify(DEPUTIES_BODY)})`);
    await page.keyboard.type("共");
    const after = await waitForBadges(
      page,
      (x) => x.find((y) => y.editor === b!.editor)?.runs === b!.runs + 1,
      "a re-check of #b",
    );
    expect(after.find((y) => y.editor === a!.editor)?.runs).toBe(a!.runs);

    // The side panel offers both.
    const panel = await openPanel(browser, page);
    await expect.poll(() => panel.locator(".chooser option").count(), { timeout: 10_000 }).toBe(2);
    await panel.close();

    await closeUnharmed(page, errors);
  }, 60_000);
});
