import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { defaultOptions, OPTIONS_KEY } from "../../extension/src/lib/options.ts";
import { escapeHtml } from "../e2e/extension/draft.ts";
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  servePages,
} from "../e2e/extension/harness.ts";
import { benchText } from "./sample-report.ts";
import { ms, spread } from "./stats.ts";

/**
 * The extension in real Chromium on a 30,000-character draft in a contenteditable: how long after an input
 * event the underlines are updated, and how much main-thread time the checker spends per input event, for the
 * built extension (debounced, incremental paragraph reading) and for a naive checker on the same page and the
 * same keystrokes (a full re-read of the editor and a full lint() on every input event, no debounce, no cache).
 *
 * The naive peer is a small page script, not a mode of the content script: production code keeps one strategy
 * and no bench switch. It is built by esbuild from the extension's own parts — the same DOM reader
 * (IncrementalReader, new for every event so nothing is cached), the same vendored core bundle
 * (extension/vendor/core.generated.js), the same lint options and the same highlight painter — so the two differ
 * only in when they check and what they re-read. It does less besides than the extension (no badge to place,
 * no message to the side panel), which favours the peer. While it runs, the extension is switched off for the site
 * through its own options (sites → never), as a reviewer would.
 *
 * Hooks read here, both always on in the extension: the User Timing measure "renda:check" that every check
 * leaves (start and duration of the work after the debounce; User Timing is shared between the page and the
 * content script's isolated world), and the badge host's attributes. Main-thread time comes from the V8
 * sampling profiler (CDP Profiler on the page, 100 µs samples): a sample counts for a checker when its stack
 * holds a frame of the checker's script, which includes the DOM and builtin calls it makes, not the browser's
 * own editing, style or paint work. Garbage collection has no stack and is listed apart.
 */

/** Typed into the middle of the draft: 50 characters, one input event each (insertText). */
const TYPED =
  "督促政府依法履职，推动代表建议办理落实，全年办理代表建议一百二十六件，重点督办十件，满意率九成以上。";
/** Warm-up keystrokes before anything is measured (JIT, caches), typed the same way. */
const WARMUP = 5;
/** Gap between keystrokes in the typing burst: about 15 characters a second, a brisk typist. */
const BURST_GAP_MS = 65;
/** After a check lands: long enough for the extension's coalesced side-panel ping (50 ms) to be counted. */
const SETTLE_MS = 120;
const SAMPLING_US = 100;

/** Main-world probes on both pages: input event times and every "renda:check" measure, whoever made it. */
const PROBES = `<script>
window.__inputs = [];
window.__checks = [];
window.addEventListener("input", (e) => window.__inputs.push(e.timeStamp), true);
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if (e.name === "renda:check") window.__checks.push({ start: e.startTime, end: e.startTime + e.duration, reread: e.detail?.reread ?? -1 });
}).observe({ type: "measure" });
</script>`;

/** The naive checker: on every input event, read every paragraph, lint everything, repaint. */
const NAIVE = `
import { lint } from "./extension/vendor/core.generated.js";
import { IncrementalReader } from "./extension/src/adapters/dom-blocks.ts";
import { painterFor } from "./extension/src/content/highlights.ts";
import { defaultOptions, lintOptionsOf } from "./extension/src/lib/options.ts";
const root = document.getElementById("ed");
const state = document.getElementById("naive-state");
let runs = 0;
function check() {
  const startedAt = performance.now();
  const reader = new IncrementalReader(root, () => false);
  const { blocks } = reader.read();
  reader.disconnect();
  const result = lint({ blocks }, lintOptionsOf(defaultOptions()));
  const ranges = { error: [], warning: [], info: [] };
  for (const d of result.diagnostics) {
    if (d.ruleId === "section/missing" || d.end <= d.start) continue;
    const r = reader.rangeOf(d.start, d.end);
    if (r) ranges[d.severity].push(r);
  }
  painterFor(document).set("naive", ranges);
  runs++;
  state.setAttribute("data-renda-errors", String(result.diagnostics.filter((d) => d.severity === "error").length));
  state.setAttribute("data-renda-warnings", String(result.diagnostics.filter((d) => d.severity === "warning").length));
  state.setAttribute("data-renda-marks", String(ranges.error.length + ranges.warning.length + ranges.info.length));
  state.setAttribute("data-renda-runs", String(runs));
  performance.measure("renda:check", { start: startedAt, detail: { runs, reread: blocks.length } });
}
root.addEventListener("input", check);
check();
`;

interface Check {
  start: number;
  end: number;
  reread: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of samples whose stack holds a frame of `url`, and of garbage collection. */
export function attribute(profile: Profile, url: string): { script: number; gc: number } {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const memo = new Map<number, boolean>();
  const inScript = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const p = parent.get(id);
    const yes = n.callFrame.url === url || (p !== undefined && inScript(p));
    memo.set(id, yes);
    return yes;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let script = 0;
  let gc = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one (as DevTools counts it); the last one for one interval.
    const dt = (deltas[i + 1] ?? SAMPLING_US) / 1000;
    const id = samples[i]!;
    if (inScript(id)) script += dt;
    else if (byId.get(id)!.callFrame.functionName === "(garbage collector)") gc += dt;
  }
  return { script, gc };
}

interface Keystroke {
  latency: number;
  debounce: number;
  work: number;
  script: number;
  gc: number;
  reread: number;
}

interface ModeResult {
  keys: Keystroke[];
  burst: { inputs: number; checks: number; script: number; gc: number; lastToPainted: number };
  final: { errors: number; warnings: number; marks: number };
  paragraphs: number;
}

const count = (page: Page, what: "__inputs" | "__checks") =>
  page.evaluate(`window.${what}.length`) as Promise<number>;

async function lastOf<T>(page: Page, what: "__inputs" | "__checks"): Promise<T> {
  return page.evaluate(`window.${what}.at(-1)`) as Promise<T>;
}

/** Types one character and waits for the check it causes; returns its timings and the profile of the window. */
async function keystroke(page: Page, cdp: CDPSession, ch: string, url: string): Promise<Keystroke> {
  const checksBefore = await count(page, "__checks");
  await cdp.send("Profiler.start");
  await page.keyboard.type(ch);
  await page.waitForFunction(`window.__checks.length > ${checksBefore}`, undefined, { timeout: 10_000 });
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  const input = await lastOf<number>(page, "__inputs");
  const check = await lastOf<Check>(page, "__checks");
  if ((await count(page, "__checks")) !== checksBefore + 1)
    throw new Error("one keystroke ran several checks");
  const { script, gc } = attribute(profile, url);
  return {
    latency: check.end - input,
    debounce: check.start - input,
    work: check.end - check.start,
    script,
    gc,
    reread: check.reread,
  };
}

async function measureMode(
  browser: ExtensionBrowser,
  server: PageServer,
  name: "ours" | "naive",
  url: string,
): Promise<ModeResult> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${server.origin}/${name}.html`);
    await page.waitForFunction("window.__checks.length >= 1", undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    // The caret at the end of a body paragraph in the middle of the draft.
    const paragraphs = (await page.evaluate(`(() => {
      const ps = document.querySelectorAll("#ed p");
      const p = ps[Math.floor(ps.length / 2)];
      const r = document.createRange();
      r.selectNodeContents(p);
      r.collapse(false);
      document.getElementById("ed").focus();
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      return ps.length;
    })()`)) as number;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLING_US });
    for (const ch of TYPED.slice(0, WARMUP)) await keystroke(page, cdp, ch, url);
    const keys: Keystroke[] = [];
    for (const ch of TYPED) keys.push(await keystroke(page, cdp, ch, url));

    // A burst: the same sentence at typing speed, profiled as a whole until its last check has landed.
    const inputsBefore = await count(page, "__inputs");
    const checksBefore = await count(page, "__checks");
    await cdp.send("Profiler.start");
    await page.keyboard.type(TYPED, { delay: BURST_GAP_MS });
    await page.waitForFunction(
      "window.__checks.length > 0 && window.__checks.at(-1).start >= window.__inputs.at(-1)",
      undefined,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(SETTLE_MS);
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
    const inputs = (await count(page, "__inputs")) - inputsBefore;
    const checks = (await count(page, "__checks")) - checksBefore;
    const lastInput = await lastOf<number>(page, "__inputs");
    const lastCheck = await lastOf<Check>(page, "__checks");
    const { script, gc } = attribute(profile, url);
    await cdp.detach();

    const final = (await page.evaluate(`(() => {
      const h = document.querySelector(${JSON.stringify(name === "ours" ? "[data-renda-badge]" : "#naive-state")});
      const n = (a) => Number(h.getAttribute(a));
      return { errors: n("data-renda-errors"), warnings: n("data-renda-warnings"), marks: n("data-renda-marks") };
    })()`)) as ModeResult["final"];
    const painted = (await page.evaluate(
      `["renda-error", "renda-warning", "renda-info"].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0)`,
    )) as number;
    if (painted !== final.marks || painted === 0)
      throw new Error(`${name}: ${painted} ranges in CSS.highlights, ${final.marks} reported`);
    return {
      keys,
      burst: { inputs, checks, script, gc, lastToPainted: lastCheck.end - lastInput },
      final,
      paragraphs,
    };
  } finally {
    await page.close();
  }
}

/** The extension's own switch: options → sites → never run on 127.0.0.1 (the content script then stays idle). */
async function setSiteOff(browser: ExtensionBrowser, off: boolean): Promise<void> {
  const options = defaultOptions();
  if (off) options.sites.deny = ["127.0.0.1"];
  await browser.worker.evaluate(
    async ([key, value]) => {
      // biome-ignore lint/suspicious/noExplicitAny: chrome.* inside the extension's service worker
      await (globalThis as any).chrome.storage.local.set({ [key]: value });
    },
    [OPTIONS_KEY, options] as const,
  );
}

export async function run(): Promise<string> {
  const text = benchText();
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const html = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("");
  const editor = `<div id="ed" contenteditable="true" style="border:1px solid #999;padding:8px">${html}</div>`;
  const server = await servePages({
    ours: { body: `${editor}${PROBES}` },
    naive: { body: `<div id="naive-state"></div>${editor}${PROBES}`, bundle: NAIVE },
  });
  const browser = await launchWithExtension();
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8")) as {
    content_scripts: { js: string[] }[];
  };
  const contentScript = `chrome-extension://${browser.extensionId}/${manifest.content_scripts[0]!.js[0]}`;
  let ours: ModeResult;
  let naive: ModeResult;
  try {
    ours = await measureMode(browser, server, "ours", contentScript);
    await setSiteOff(browser, true);
    naive = await measureMode(browser, server, "naive", `${server.origin}/bundles/naive.js`);
    await setSiteOff(browser, false);
  } finally {
    await browser.close();
    await server.close();
  }
  if (JSON.stringify(ours.final) !== JSON.stringify(naive.final))
    throw new Error(`the checkers disagree: ${JSON.stringify(ours.final)} vs ${JSON.stringify(naive.final)}`);

  const col = (r: ModeResult, k: keyof Keystroke) => spread(r.keys.map((x) => x[k]));
  const cell = (s: { median: number; p95: number }) => `${ms(s.median)} / ${ms(s.p95)}`;
  const row = (label: string, r: ModeResult) =>
    `| ${label} | ${cell(col(r, "latency"))} | ${cell(col(r, "debounce"))} | ${cell(col(r, "work"))} | ${cell(col(r, "script"))} | ${cell(col(r, "gc"))} | ${col(r, "reread").median} |`;
  const burstRow = (label: string, r: ModeResult) =>
    `| ${label} | ${r.burst.inputs} | ${r.burst.checks} | ${ms(r.burst.script / r.burst.inputs)} | ${ms(r.burst.gc / r.burst.inputs)} | ${ms(r.burst.lastToPainted)} |`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const oursKey = col(ours, "script").median;
  const naiveKey = col(naive, "script").median;
  const oursBurst = ours.burst.script / ours.burst.inputs;
  const naiveBurst = naive.burst.script / naive.burst.inputs;
  return [
    "## Extension in Chromium: input to underlines on a 30,000-character draft (issue 6)",
    "",
    `Input: the phrasing bench's report (${text.length} characters, ${ours.paragraphs} paragraphs, ${ours.final.errors} errors and ${ours.final.warnings} warnings at the end, ${ours.final.marks} underlined ranges) in a \`<div contenteditable>\`, one \`<p>\` per paragraph; Debian Chromium (headless=new) with the built extension; ${TYPED.length} characters typed at the end of the middle paragraph, one input event each (after ${WARMUP} warm-up keystrokes). The machine is shared: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end of this run.`,
    "",
    "- **ours**: the built extension's content script — checks 300 ms after the last input event, re-reads only the paragraphs a MutationObserver marked as changed, then one lint() of the whole text, underlines, badge and a coalesced “results changed” ping to the side panel.",
    "- **peer (naive)**: a page script built from the same reader, vendored core bundle, lint options and highlight painter, which on every input event re-reads every paragraph and runs lint() at once (no debounce, no paragraph cache); the extension is switched off for the site while it runs. See test/bench/extension.ts.",
    "",
    "Isolated keystrokes (each waits until its check has painted): median / p95 over the typed characters. Latency: from the input event's timestamp to the end of the check that registered the new underlines (`CSS.highlights`), split into the wait before the check starts (the debounce, plus the timer's own lateness) and the check itself (User Timing measure `renda:check`). Main-thread time: V8 profiler samples (100 µs) whose stack holds the checker's script, from the keystroke until the check has landed and settled; garbage collection has no stack, so it is listed apart: all of the page's collections in the window, whoever allocated (a collection may also reclaim earlier checks' garbage).",
    "",
    "| checker | latency | of which wait | of which check | main-thread time of the checker | GC in the window (whole page) | paragraphs read per check |",
    "|---|---|---|---|---|---|---|",
    row("ours (extension)", ours),
    row("peer: naive full re-read + lint per input", naive),
    "",
    `Typing burst: the same ${TYPED.length} characters ${BURST_GAP_MS} ms apart (about ${Math.round(1000 / BURST_GAP_MS)} characters a second), profiled as a whole until the last check landed.`,
    "",
    "| checker | input events | checks run | main-thread time per input event | GC in the window (whole page) per input event | last input → underlines |",
    "|---|---|---|---|---|---|",
    burstRow("ours (extension)", ours),
    burstRow("peer: naive full re-read + lint per input", naive),
    "",
    `Main-thread time per input event, naive ÷ ours: ${ratio(naiveKey, oursKey)} for isolated keystrokes, ${ratio(naiveBurst, oursBurst)} while typing. An isolated keystroke costs both about one check: ours reads one paragraph instead of ${naive.paragraphs}, but reading is the small part; the lint() of the whole text, which both run, dominates, and ours also places its badge. While typing, ours checks once per pause instead of once per input event. Latency is the price of the debounce: an isolated keystroke reaches the underlines about ${ms(col(ours, "latency").median - col(naive, "latency").median)} later than with the naive checker, of which ${ms(col(ours, "debounce").median)} is the wait. Both checkers end with the same findings and the same ${ours.final.marks} underlined ranges (checked).`,
    "",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${await run()}\n`);
