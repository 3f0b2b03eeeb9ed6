import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import type { Download, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { writeSampleLedger } from "../../../core/src/ledger/sample.ts";
import type { SlotContent } from "../../../core/src/phrasing/slots.ts";
import { commentsOf, documentXml, partOf } from "../../core/docx/review-xml.ts";
import { edit } from "../../core/ledger/fixtures.ts";
import { renda } from "../../helpers/cli.ts";
import { report } from "../../helpers/drafts.ts";
import { makeDocx } from "../../helpers/make-docx.ts";
import { EXTENSION_DIR, shotPath } from "./harness.ts";
import { withExtension } from "./with-extension.ts";

/**
 * The file workbench as a reviewer or statistician uses it: files picked from disk, results read off the page,
 * downloads saved and opened by LibreOffice; every result is held against what the `renda` command prints for
 * the same file.
 */

const { browser } = withExtension({});
const dir = mkdtempSync(join(tmpdir(), "renda-workbench-"));
/** Every request any context made while this file ran: the workbench must make none. */
const requests: string[] = [];
let page: Page;

const file = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};
const cli = (args: string[]) => renda(args, { cwd: dir });

// A 工作报告 without its 代表工作 chapter, with an outdated term and a half-width comma between Chinese.
const DRAFT_TEXT = report({ omit: ["deputies"] })
  .replace("听取和审议计划执行", "听取和审议一府两院,计划执行")
  .split("\n");

beforeAll(async () => {
  browser.context.on("request", (r) => requests.push(r.url()));
  file(
    "草稿.docx",
    await makeDocx(DRAFT_TEXT.map((text, i) => (i === 0 ? { text, heading: "title" as const } : { text }))),
  );
  const sample = await writeSampleLedger({ year: 2025 });
  file("台账.xlsx", sample);
  // The same ledger with one wrong value: the check must name its sheet and cell.
  file(
    "有误台账.xlsx",
    await edit(sample, (wb) => {
      (wb as ExcelJS.Workbook).getWorksheet("代表建议")!.getCell("F12").value = "已办";
    }),
  );
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/tabs/workbench.html`);
  await page.locator("[data-renda-workbench]").waitFor();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openFile(path: string) {
  await page.setInputFiles("input[data-wb-open]", path);
}

async function saved(download: Download, name: string): Promise<string> {
  const path = join(dir, "downloads", name);
  await download.saveAs(path);
  return path;
}

/** LibreOffice's own reading of a .docx, as plain text (fresh profile: a shared one may be locked). */
function libreOfficeText(docx: string): string {
  const out = mkdtempSync(join(dir, "lo-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(out, "profile")}`,
      "--headless",
      "--convert-to",
      "txt:Text (encoded):UTF8",
      "--outdir",
      out,
      docx,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const txt = readdirSync(out).find((f) => f.endsWith(".txt"));
  if (!txt) throw new Error(`LibreOffice wrote no text for ${docx}`);
  return readFileSync(join(out, txt), "utf8");
}

/** Waits until the element's text contains (or with `exact`, equals) the expected text. */
async function textOf(locator: Locator, expected: string, timeout = 30_000, exact = false) {
  const poll = expect.poll(
    async () => ((await locator.count()) > 0 ? await locator.first().textContent() : null),
    {
      timeout,
    },
  );
  if (exact) await poll.toBe(expected);
  else await poll.toContain(expected);
}

const blocksOf = (path: string) => readDocx(new Uint8Array(readFileSync(path))).blocks.map((b) => b.text);

describe("the file workbench", () => {
  it("checks a .docx draft: the side panel's view, with the command line's findings", async () => {
    await openFile(join(dir, "草稿.docx"));
    const card = page.locator('[data-wb-draft-result="草稿.docx"]');
    await card.waitFor({ timeout: 30_000 });

    const lint = JSON.parse(cli(["lint", "--format", "json", "草稿.docx"]).stdout).files[0];
    expect(lint.missing ?? lint.sections.missing).toContain("deputies");
    expect(await card.locator("[data-renda-kind]").getAttribute("data-renda-kind")).toBe(lint.kind);
    expect(await card.locator("[data-renda-year]").getAttribute("data-renda-year")).toBe(String(lint.year));
    expect(
      (await card.locator("[data-renda-missing]").getAttribute("data-renda-missing"))?.split(","),
    ).toEqual(lint.sections.missing);
    // Every finding the CLI lists is on the page (missing sections are listed as sections, not as findings).
    const shown = await card
      .locator("li.finding[data-rule]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
    const expected = lint.diagnostics
      .map((d: { ruleId: string }) => d.ruleId)
      .filter((id: string) => id !== "section/missing");
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown).toContain("term/yifu-liangyuan");
    const count = (s: string) =>
      lint.diagnostics.filter((d: { severity: string }) => d.severity === s).length;
    await expect
      .poll(() => card.locator("h2", { hasText: "问题" }).textContent())
      .toBe(`问题（错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}）`);
    // A file is read-only here: no buttons that would try to select or fix text in an editor.
    expect(await card.locator("button.fix, button.suggestion").count()).toBe(0);
    await page.screenshot({ path: shotPath("workbench-draft"), fullPage: true });
  }, 90_000);

  it("downloads the draft's review copy: the command line's comments and tracked changes, and LibreOffice opens it", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-wb-review]"),
    ]);
    expect(download.suggestedFilename()).toBe("草稿.审校.docx");
    const path = await saved(download, "草稿.审校.docx");
    const got = new Uint8Array(readFileSync(path));
    expect(cli(["lint", "--review", "--no-config", "草稿.docx", "-o", "命令行审校稿.docx"]).code).toBe(1);
    const ref = new Uint8Array(readFileSync(join(dir, "命令行审校稿.docx")));
    // The same XML but for the time stamps (w:date is when the copy was made).
    const undated = (xml: string | undefined) => xml?.replace(/ w:date="[^"]*"/g, "");
    expect(undated(documentXml(got))).toBe(undated(documentXml(ref)));
    expect(undated(partOf(got, "word/comments.xml"))).toBe(undated(partOf(ref, "word/comments.xml")));
    const lint = JSON.parse(cli(["lint", "--format", "json", "--no-config", "草稿.docx"]).stdout).files[0];
    const comments = commentsOf(got);
    expect(comments).toHaveLength(lint.diagnostics.length);
    expect(comments.every((c) => c.author === "人大报告助手")).toBe(true);
    // The half-width comma is a safe fix: a tracked change, deleting "," and inserting "，".
    expect(documentXml(got)).toMatch(/<w:del\b[^>]*w:author="人大报告助手"/);
    expect(documentXml(got)).toMatch(/<w:ins\b[^>]*w:author="人大报告助手"[^>]*>.*?<w:t[^>]*>，<\/w:t>/);
    await textOf(page.locator("[data-wb-made]"), `批注 ${comments.length} 条，修订 1 处`);
    expect(libreOfficeText(path)).toContain("各位代表：");
  }, 180_000);

  it("checks a ledger cell by cell, with its figures, sentences and tables, as renda ledger prints them", async () => {
    await openFile(join(dir, "有误台账.xlsx"));
    const card = page.locator('[data-wb-ledger-result="有误台账.xlsx"]');
    await card.waitFor({ timeout: 60_000 });
    const check = JSON.parse(cli(["ledger", "check", "--format", "json", "有误台账.xlsx"]).stdout);
    const issues = await card
      .locator("[data-wb-issue]")
      .evaluateAll((els) => els.map((e) => e.querySelector(".issue-text")?.textContent));
    expect(issues).toEqual(check.issues.map((i: { text: string }) => i.text));
    expect(issues.some((t) => t?.startsWith("代表建议!F12："))).toBe(true);
    const { error, warning, info } = check.counts;
    expect(await card.locator("[data-wb-counts]").getAttribute("data-wb-counts")).toBe(
      `${error},${warning},${info}`,
    );

    // The sentences and tables are what `renda ledger slots --kind work-report` gives for the same file.
    const slots = JSON.parse(cli(["ledger", "slots", "有误台账.xlsx", "--kind", "work-report"]).stdout);
    expect(await card.locator("[data-wb-slot]").count()).toBe(Object.keys(slots).length);
    for (const [name, content] of Object.entries(slots) as [string, SlotContent][]) {
      const slot = card.locator(`[data-wb-slot="${name}"]`);
      if (content.kind === "paragraphs") {
        expect(await slot.locator("p").allTextContents()).toEqual(content.paragraphs);
      } else {
        expect(await slot.locator("thead th").allTextContents()).toEqual(content.header);
        const rows = await slot
          .locator("tbody tr")
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
        expect(rows).toEqual(content.rows);
      }
    }
    // The figures table carries the counts a report quotes (here: the standing-committee meetings).
    const overview = (slots.overview.paragraphs as string[])[0]!;
    const standing = /常委会会议(\d+)次/.exec(overview)![1];
    expect(await card.locator("[data-wb-figures] tr", { hasText: "常委会会议" }).first().textContent()).toBe(
      `常委会会议${standing}次`,
    );
    await card.screenshot({ path: shotPath("workbench-ledger") });
  }, 90_000);

  it("generates the GB/T 9704 skeleton with the ledger's figures in its slots", async () => {
    await page.setInputFiles("input[data-wb-make-ledger]", join(dir, "台账.xlsx"));
    await page.selectOption("select[data-wb-make-kind]", "work-report");
    await page.fill("input[data-wb-make-year]", "2025");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-wb-make-draft]"),
    ]);
    expect(download.suggestedFilename()).toBe("2025年工作报告草稿.docx");
    const got = await saved(download, "工作台草稿.docx");

    expect(
      cli([
        "draft",
        "--kind",
        "work-report",
        "--year",
        "2025",
        "--ledger",
        "台账.xlsx",
        "-o",
        "命令行草稿.docx",
      ]).code,
    ).toBe(0);
    expect(blocksOf(got)).toEqual(blocksOf(join(dir, "命令行草稿.docx")));
    const slots = JSON.parse(cli(["ledger", "slots", "台账.xlsx", "--kind", "work-report"]).stdout);
    const text = libreOfficeText(got);
    expect(text).toContain("常务委员会工作报告");
    for (const p of slots.overview.paragraphs as string[]) expect(text).toContain(p);
    for (const p of slots.suggestions.paragraphs as string[]) expect(text).toContain(p);
    await textOf(page.locator("[data-wb-made]"), "7 个自动填写插槽");
  }, 180_000);

  it("fills an existing draft's renda:* slots from a ledger, byte for byte as renda fill does", async () => {
    expect(cli(["draft", "--kind", "work-report", "--year", "2025", "-o", "空白框架.docx"]).code).toBe(0);
    expect(cli(["fill", "空白框架.docx", "--ledger", "台账.xlsx", "-o", "命令行已填写.docx"]).code).toBe(0);
    await page.setInputFiles("input[data-wb-fill-draft]", join(dir, "空白框架.docx"));
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-wb-fill]"),
    ]);
    expect(download.suggestedFilename()).toBe("空白框架.已填写.docx");
    const got = await saved(download, "空白框架.已填写.docx");
    expect(new Uint8Array(readFileSync(got))).toEqual(
      new Uint8Array(readFileSync(join(dir, "命令行已填写.docx"))),
    );
    const slots = JSON.parse(cli(["ledger", "slots", "台账.xlsx", "--kind", "work-report"]).stdout);
    const text = libreOfficeText(got);
    for (const p of slots.overview.paragraphs as string[]) expect(text).toContain(p);
  }, 180_000);

  it("refuses to fill from a ledger with errors unless asked, and lists the ledger's problems", async () => {
    await page.setInputFiles("input[data-wb-make-ledger]", join(dir, "有误台账.xlsx"));
    await page.click("button[data-wb-fill]");
    const error = page.locator("[data-wb-error]");
    await textOf(error, "台账“有误台账.xlsx”有 1 个错误", 60_000);
    await textOf(error.locator("[data-wb-issue]", { hasText: "代表建议!F12：" }), "办理结果");
    await page.check("input[data-wb-allow-errors]");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-wb-fill]"),
    ]);
    expect(download.suggestedFilename()).toBe("空白框架.已填写.docx");
    await textOf(page.locator("[data-wb-made]"), "含错误的行未计入统计");
    await page.uncheck("input[data-wb-allow-errors]");
  }, 120_000);

  it("says what is wrong with a damaged file in the command line's words", async () => {
    const good = readFileSync(join(dir, "草稿.docx"));
    file("损坏.docx", new Uint8Array(good.subarray(0, Math.floor(good.length / 2))));
    await openFile(join(dir, "损坏.docx"));
    const stderr = cli(["lint", "损坏.docx"]).stderr.trim();
    expect(stderr).toMatch(/^renda lint：.*损坏\.docx.*不完整/);
    await textOf(page.locator("[data-wb-error]"), stderr.replace(/^renda lint：/, ""), 30_000, true);

    file("坏台账.xlsx", new TextEncoder().encode("这不是Excel文件"));
    await openFile(join(dir, "坏台账.xlsx"));
    const card = page.locator('[data-wb-ledger-result="坏台账.xlsx"]');
    await card.waitFor({ timeout: 30_000 });
    const human = cli(["ledger", "check", "坏台账.xlsx"]).stdout;
    const line = human.split("\n")[1]!.replace(/^\s+错误\s+/, "");
    expect(line).toMatch(/^坏台账\.xlsx：/);
    expect(await card.locator(".issue-text").allTextContents()).toEqual([line]);
  }, 90_000);
});

describe("the way in", () => {
  it("opens from the toolbar popup and from the side panel", async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
    expect(manifest.action.default_popup).toBe("popup.html");
    for (const [from, button] of [
      ["popup.html", "[data-renda-popup=workbench]"],
      ["sidepanel.html", "[data-renda-open-workbench]"],
    ] as const) {
      const opener = await browser.context.newPage();
      await opener.goto(`chrome-extension://${browser.extensionId}/${from}`);
      const [opened] = await Promise.all([
        browser.context.waitForEvent("page", { timeout: 15_000 }),
        opener.click(button),
      ]);
      await opened.waitForURL(`chrome-extension://${browser.extensionId}/tabs/workbench.html`);
      await opened.locator("[data-renda-workbench]").waitFor();
      await opened.close();
      if (!opener.isClosed()) await opener.close();
    }
  }, 60_000);
});

describe("a 100,000-row ledger", () => {
  it("is checked in the worker with progress shown, while the page keeps responding", async () => {
    const big = file("大台账.xlsx", await writeSampleLedger({ year: 2025, suggestions: 100_000 }));
    // Longest gap between timer ticks on the page's main thread while the check runs.
    await page.evaluate(() => {
      const w = globalThis as unknown as { __gap: number; __last: number; __timer: unknown };
      w.__gap = 0;
      w.__last = performance.now();
      w.__timer = setInterval(() => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - w.__last);
        w.__last = now;
      }, 20);
    });
    const started = Date.now();
    await openFile(big);
    await page.locator("[data-wb-progress]").waitFor({ timeout: 10_000 });
    await textOf(page.locator("[data-wb-progress]"), "大台账.xlsx");
    await page.locator('[data-wb-ledger-result="大台账.xlsx"]').waitFor({ timeout: 240_000 });
    const took = Date.now() - started;
    const gap = await page.evaluate(() => (globalThis as unknown as { __gap: number }).__gap);
    expect(took).toBeGreaterThan(1000);
    expect(gap).toBeLessThan(500);
    await textOf(
      page.locator('[data-wb-ledger-result="大台账.xlsx"] [data-wb-figures]'),
      "代表建议件数100000件",
    );
  }, 300_000);
});

// Last, so it covers every file checked and written above, the 100,000-row ledger included.
it("sent nothing over the network while checking and writing files", () => {
  expect(requests.filter((u) => !u.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
  // The recorder saw the workbench's own files load: it was listening.
  expect(requests.some((u) => u.includes("/tabs/workbench.html"))).toBe(true);
});
