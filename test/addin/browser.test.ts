/**
 * The built task pane in Debian Chromium, with office.js replaced by the office-addin-mock stand-in: the
 * drafter's path (import ledger → fill → check → apply fix), 对照工作要点 with a .docx plan, and the
 * statistician's (validate → select cell).
 * No Office host runs here; screenshots go to test/artifacts/ for a person to look at.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "../../core/src/cli/load.ts";
import { compareDocuments } from "../../core/src/compare/compare.ts";
import { writeLedgerWorkbook } from "../../core/src/ledger/template.ts";
import { makeDocx } from "../helpers/make-docx.ts";
import { SAMPLE_REPORT } from "./fakes.ts";
import type { ExcelModel } from "./standin/excel.ts";
import { ledgerSheets } from "./standin/ledger-sheets.ts";
import type { WordModel } from "./standin/word.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const ADDIN = join(ROOT, "addin");
const OUT = join(ROOT, "out", "addin-e2e");
const ARTIFACTS = join(ROOT, "test", "artifacts");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: Server;
let base: string;
let browser: Browser;
let standin: string;

interface ViteBuild {
  build(config: Record<string, unknown>): Promise<unknown>;
}

beforeAll(async () => {
  // The add-in's own Vite (addin/node_modules), the one `npm run build -w addin` uses.
  const vite = createRequire(join(ADDIN, "package.json")).resolve("vite");
  const { build } = (await import(pathToFileURL(vite).href)) as ViteBuild;
  if (!existsSync(CHROMIUM))
    throw new Error(`需要 Debian 的 chromium（${CHROMIUM}）：apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  await build({
    configFile: join(ADDIN, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: join(OUT, "pane") },
  });
  await build({
    configFile: false,
    logLevel: "warn",
    resolve: {
      alias: {
        "office-addin-manifest": join(import.meta.dirname, "standin", "office-addin-manifest-shim.ts"),
      },
    },
    build: {
      outDir: join(OUT, "standin"),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: join(import.meta.dirname, "standin", "browser.ts"),
        formats: ["iife"],
        name: "RendaStandin",
        fileName: () => "office.js",
      },
    },
  });
  standin = readFileSync(join(OUT, "standin", "office.js"), "utf8");
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".png": "image/png",
    ".css": "text/css",
  };
  server = createServer((req, res) => {
    const path = join(OUT, "pane", decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!path.startsWith(join(OUT, "pane")) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": `${types[extname(path)] ?? "application/octet-stream"}; charset=utf-8`,
    });
    res.end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(config: unknown): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Nothing leaves the machine: the CDN script is the stand-in, anything else external is refused.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: standin });
    if (url.startsWith(base)) return route.continue();
    return route.abort();
  });
  await page.addInitScript((c) => {
    (window as unknown as Record<string, unknown>).__RENDA_STANDIN__ = c;
  }, config);
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(errors).toEqual([]);
  return page;
}

const model = <T>(page: Page) =>
  page.evaluate(() => (window as unknown as { __model: unknown }).__model) as Promise<T>;
const paragraphsOf = (m: WordModel) =>
  m.blocks.flatMap((b) =>
    "para" in b
      ? [b.para.text]
      : [
          ...b.control.paragraphs.map((p) => p.text),
          ...(b.control.table ?? []).flat(),
          ...b.control.after.map((p) => p.text),
        ],
  );

describe("built task pane in Chromium with the Office stand-in", () => {
  it("Word: import ledger → fill → check → apply fix changes exactly the slot and the fixed text", async () => {
    const doc = [...SAMPLE_REPORT.slice(0, 4), "（统计概述）", ...SAMPLE_REPORT.slice(4)];
    const page = await open({
      host: "word",
      paragraphs: doc,
      controls: { 4: "overview" },
      sets: { WordApi: "1.7" },
    });

    await page.getByRole("tab", { name: "填入台账" }).click();
    const xlsx = await writeLedgerWorkbook({
      Meetings: [
        { date: "2025-02-10", type: "常委会会议", name: "县十八届人大常委会第二十一次会议", note: null },
        { date: "2025-03-05", type: "主任会议", name: "县十八届人大常委会主任会议第四十次会议", note: null },
      ],
      Agenda: [
        {
          date: "2025-02-10",
          meeting: "县十八届人大常委会第二十一次会议",
          item: "听取和审议县人民政府关于生态环境状况的报告",
          category: "环境状况",
          reporter: "政府",
          resolution: "否",
        },
      ],
    });
    await page.getByLabel("选择台账文件").setInputFiles({
      name: "台账.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(xlsx),
    });
    await page.getByText("renda:overview").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "addin-word-fill.png"), fullPage: true });
    await page.getByRole("button", { name: "填入文稿" }).click();
    await page.getByText("已填入1处：overview").waitFor();
    // The document has no control for the table: reported, with the offer to insert it at the cursor.
    await page.getByText("文稿中找不到内容控件 renda:meetings-table（可能已被删除）").waitFor();

    const filled = await model<WordModel>(page);
    const expectedOverview = "2025年，共召开常委会会议1次、主任会议1次，听取和审议环境状况报告1个。";
    expect(paragraphsOf(filled)).toEqual(doc.map((p) => (p === "（统计概述）" ? expectedOverview : p)));
    expect(filled.writes).toEqual(["clear renda:overview", `text renda:overview Start ${expectedOverview}`]);

    await page.getByRole("tab", { name: "检查文稿" }).click();
    await page.getByRole("button", { name: "检查全文" }).click();
    await page.getByRole("region", { name: "缺少的章节" }).waitFor();
    const finding = page.locator("[data-rule='numbering/marker']");
    await finding.getByRole("button", { name: "修正" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "addin-word-check.png"), fullPage: true });
    expect((await model<WordModel>(page)).annotations.length).toBeGreaterThan(0);

    await finding.getByRole("button", { name: "修正" }).click();
    await page.getByText(/已修正1处/).waitFor();
    const fixed = await model<WordModel>(page);
    expect(fixed.writes.filter((w) => w.startsWith("replace"))).toEqual(["replace ¶6 “1、”→“1.”"]);
    expect(paragraphsOf(fixed)).toEqual(
      paragraphsOf(filled).map((p) => (p.startsWith("1、加强") ? p.replace("1、", "1.") : p)),
    );
    await page.close();
  }, 120_000);

  it("Word: 对照工作要点 reads a .docx plan, lists the grades, and a click selects the evidence", async () => {
    const read = (p: string) => readFileSync(join(ROOT, "test", "fixtures", "compare", p), "utf8");
    const planLines = read("qingxi-plan-2025.txt").trimEnd().split("\n");
    const reportText = read("qingxi-report-2025.txt");
    const report = loadDocument(Buffer.from(reportText), "r.txt", () => ({ blocks: [] })).doc;
    const expected = compareDocuments({ blocks: planLines.map((text) => ({ text })) }, report);
    const page = await open({
      host: "word",
      paragraphs: report.blocks.map((b) => b.text),
      sets: { WordApi: "1.3" },
    });
    await page.getByRole("tab", { name: "对照工作要点" }).click();
    await page.getByLabel("选择工作要点文件").setInputFiles({
      name: "2025年工作要点.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(await makeDocx(planLines.map((text) => ({ text })))),
    });
    await page.getByRole("heading", { name: "对照结果" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "addin-word-compare.png"), fullPage: true });
    const grades = await page
      .locator("[data-item]")
      .evaluateAll((els) =>
        els.map((e) => [(e as HTMLElement).dataset.item, (e as HTMLElement).dataset.grade]),
      );
    expect(grades).toEqual(expected.items.map((i) => [i.id, i.grade]));
    const first = expected.items.find((i) => i.evidence.length > 0)!;
    await page.locator(`[data-item="${first.id}"] button[data-start]`).first().click();
    await expect
      .poll(async () => {
        const m = await model<WordModel>(page);
        const sel = m.selection;
        return sel ? paragraphsOf(m)[sel.paragraph]!.slice(sel.start, sel.end) : null;
      })
      .toBe(first.evidence[0]!.text);
    const after = await model<WordModel>(page);
    expect(after.writes).toEqual([]);
    expect(paragraphsOf(after)).toEqual(report.blocks.map((b) => b.text));
    await page.close();
  }, 120_000);

  it("Excel: validate ledger → click a problem selects its cell", async () => {
    const sheets = ledgerSheets(10);
    sheets[0]!.cells[3]![1] = "常委会";
    const page = await open({ host: "excel", sheets, sets: { ExcelApi: "1.13" } });
    await page.getByRole("button", { name: "检查台账" }).click();
    const item = page.getByRole("region", { name: "会议" }).locator("[data-cell='B4']");
    await item.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "addin-excel-check.png"), fullPage: true });
    await item.click();
    await expect.poll(async () => (await model<ExcelModel>(page)).selection).toBe("会议!B4");
    const m = await model<ExcelModel>(page);
    expect(m.active).toBe("会议");
    expect(m.writes).toEqual([]);
    await page.close();
  }, 120_000);
});
