import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRADE_NAMES, type Grade } from "../../../core/src/compare/compare.ts";
import { TABLE_COLUMNS, TABLE_SHEET, UNPLANNED_SHEET } from "../../../core/src/compare/xlsx.ts";
import { renda } from "../../helpers/cli.ts";
import { libreOfficeSheets } from "../../helpers/csv.ts";
import { makeDocx } from "../../helpers/make-docx.ts";
import { REPO_ROOT } from "../../helpers/paths.ts";
import { shotPath } from "./harness.ts";
import { withExtension } from "./with-extension.ts";

/**
 * The workbench's 对照工作要点 in Chromium, held against the built `renda compare` on the same files: the rows
 * the page shows are the CLI's JSON items (text, grade, evidence and where it is), the downloaded 对照表.xlsx
 * is the CLI's `-o` table as exceljs and LibreOffice read it, and a wrongly placed file is refused by name.
 */

const { browser } = withExtension({});
const dir = mkdtempSync(join(tmpdir(), "renda-workbench-compare-"));
const FIXTURES = join(REPO_ROOT, "test/fixtures/compare");
/** Every request any context made while this file ran: the workbench must make none. */
const requests: string[] = [];
let page: Page;

const cli = (args: string[]) => renda(args, { cwd: dir });
const card = () => page.locator("[data-wb-compare-card]");

interface CliJson {
  items: {
    id: string;
    text: string;
    grade: Grade;
    evidence: { text: string; start: number; section: string | null }[];
  }[];
  unplanned: { text: string; start: number; section: string | null }[];
}

function cliJson(plan: string, report: string): CliJson {
  const r = cli(["compare", "--format", "json", plan, report]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  browser.context.on("request", (r) => requests.push(r.url()));
  for (const f of [
    "qingxi-plan-2025.txt",
    "qingxi-report-2025.txt",
    "qingshan-plan-2024.md",
    "qingshan-report-2024.md",
  ])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  const lines = readFileSync(join(FIXTURES, "qingxi-plan-2025.txt"), "utf8").trimEnd().split("\n");
  writeFileSync(join(dir, "清溪要点.docx"), await makeDocx(lines.map((text) => ({ text }))));
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/tabs/workbench.html`);
  await page.locator("[data-renda-workbench]").waitFor();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Picks the two files and presses 对照; resolves once the result for this pair (or an error) is on the page. */
async function compare(plan: string, report: string): Promise<Locator> {
  await page.setInputFiles("input[data-wb-compare-plan]", join(dir, plan));
  await page.setInputFiles("input[data-wb-compare-report]", join(dir, report));
  await page.click("button[data-wb-compare]");
  const result = card().locator("[data-wb-compare-result]");
  const error = card().locator("[data-wb-error]");
  await expect
    .poll(
      async () =>
        (await error.count()) > 0 ||
        ((await result.count()) > 0 &&
          ((await result.locator(".compare-sides").textContent()) ?? "").includes(`工作要点：${plan}（`)),
      { timeout: 60_000 },
    )
    .toBe(true);
  return result;
}

/** The rows as the page shows them: number, item text, grade (attribute and words), evidence place and text. */
function shownRows(result: Locator) {
  return result.locator("tr[data-wb-compare-item]").evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute("data-wb-compare-item"),
      number: tr.querySelector("td.num")?.textContent,
      text: tr.querySelector("td.item-text")?.textContent,
      grade: tr.getAttribute("data-grade"),
      gradeName: tr.querySelector(".grade")?.textContent,
      evidence: [...tr.querySelectorAll("[data-wb-evidence]")].map((li) => ({
        place: li.querySelector(".place")?.textContent,
        text: li.querySelector(".evidence-text")?.textContent,
      })),
    })),
  );
}

/** The CLI's JSON as those rows: places are the report's line (1-based) and section, as the 对照表 writes them. */
function expectedRows(json: CliJson, report: string) {
  const text = readFileSync(join(dir, report), "utf8");
  const place = (start: number, section: string | null) =>
    `第${text.slice(0, start).split("\n").length}行${section ? `（${section}）` : ""}`;
  return json.items.map((i) => ({
    id: i.id,
    number: i.id,
    text: i.text,
    grade: i.grade,
    gradeName: GRADE_NAMES[i.grade],
    evidence: i.evidence.map((e) => ({ place: place(e.start, e.section), text: e.text })),
  }));
}

async function expectSameAsCli(plan: string, report: string) {
  const result = await compare(plan, report);
  expect(await card().locator("[data-wb-error]").count()).toBe(0);
  const json = cliJson(plan, report);
  const rows = await shownRows(result);
  expect(rows).toEqual(expectedRows(json, report));
  // Not vacuous: the pair has items of every grade and evidence to show.
  expect(new Set(rows.map((r) => r.grade))).toEqual(new Set(["covered", "partial", "missing"]));
  expect(rows.some((r) => r.evidence.length > 0)).toBe(true);
  const count = (g: Grade) => json.items.filter((i) => i.grade === g).length;
  expect(await result.locator("[data-wb-compare-counts]").getAttribute("data-wb-compare-counts")).toBe(
    `${count("covered")},${count("partial")},${count("missing")}`,
  );
  expect(await result.locator("[data-wb-compare-counts]").textContent()).toBe(
    `共 ${json.items.length} 项：已体现 ${count("covered")} 项，部分体现 ${count("partial")} 项，未见 ${count("missing")} 项`,
  );
  expect(await result.locator("[data-wb-unplanned-item] .evidence-text").allTextContents()).toEqual(
    json.unplanned.map((u) => u.text),
  );
  return { result, json };
}

/** Every sheet's cell values as exceljs reads them, sheet by sheet. */
async function excelRows(path: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    out[ws.name] = rows;
  }
  return out;
}

describe("对照工作要点 in the file workbench", () => {
  it("shows the CLI's items, grades, evidence and unplanned work for a .txt pair", async () => {
    await expectSameAsCli("qingxi-plan-2025.txt", "qingxi-report-2025.txt");
  }, 120_000);

  it("downloads 对照表.xlsx: the CLI's -o table, as exceljs and LibreOffice read it", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-wb-compare-download]"),
    ]);
    expect(download.suggestedFilename()).toBe("对照表.xlsx");
    mkdirSync(join(dir, "downloads"), { recursive: true });
    const got = join(dir, "downloads", "对照表.xlsx");
    await download.saveAs(got);
    const ref = join(dir, "命令行对照表.xlsx");
    expect(cli(["compare", "qingxi-plan-2025.txt", "qingxi-report-2025.txt", "-o", ref]).code).toBe(0);

    // Part for part the same bytes (the zip entries' own times are the writing clock's, not the table's).
    const parts = (p: string) => unzipSync(new Uint8Array(readFileSync(p)));
    const [gotParts, refParts] = [parts(got), parts(ref)];
    expect(Object.keys(gotParts).sort()).toEqual(Object.keys(refParts).sort());
    for (const name of Object.keys(refParts)) expect(gotParts[name], name).toEqual(refParts[name]);

    // exceljs: the same sheets and cells, and the rows are the CLI's items.
    const json = cliJson("qingxi-plan-2025.txt", "qingxi-report-2025.txt");
    const mine = await excelRows(got);
    expect(mine).toEqual(await excelRows(ref));
    expect(Object.keys(mine)).toEqual([TABLE_SHEET, UNPLANNED_SHEET]);
    expect(mine[TABLE_SHEET]![1]).toEqual([...TABLE_COLUMNS]);
    const itemRows = mine[TABLE_SHEET]!.slice(2).filter((r) => r[0] !== "" && r[0] !== undefined);
    expect(itemRows.map((r) => [String(r[0]), r[2], r[3]])).toEqual(
      json.items.map((i) => [i.id, i.text, GRADE_NAMES[i.grade]]),
    );

    // LibreOffice: both files converted to CSV sheet by sheet give the same rows, the CLI's items again.
    const sheets = libreOfficeSheets([got, ref], join(dir, "downloads"));
    for (const sheet of [TABLE_SHEET, UNPLANNED_SHEET])
      expect(sheets(got, sheet), sheet).toEqual(sheets(ref, sheet));
    const csv = sheets(got, TABLE_SHEET);
    expect(csv[0]![0]).toBe(
      "工作要点：qingxi-plan-2025.txt（工作要点，2025年）；工作报告：qingxi-report-2025.txt（工作报告，2025年）",
    );
    expect(
      csv
        .slice(2)
        .filter((r) => r[0] !== "")
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual(json.items.map((i) => [i.id, i.text, GRADE_NAMES[i.grade]]));
    expect(
      sheets(got, UNPLANNED_SHEET)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(json.unplanned.map((u) => u.text));
    expect(await card().locator("[data-wb-made]").getAttribute("data-wb-made")).toBe("对照表.xlsx");
  }, 240_000);

  it("reads .md and .docx files as the CLI does", async () => {
    const { result } = await expectSameAsCli("qingshan-plan-2024.md", "qingshan-report-2024.md");
    // The previous pair's download notice went with its result.
    expect(await card().locator("[data-wb-made]").count()).toBe(0);
    await page.setViewportSize({ width: 1100, height: 900 });
    await result.evaluate((el) => el.closest("[data-wb-compare-card]")?.scrollIntoView());
    await card().screenshot({ path: shotPath("workbench-compare") });
    await expectSameAsCli("清溪要点.docx", "qingxi-report-2025.txt");
  }, 120_000);

  it("refuses a report given as the plan, saying what it looks like, in the compare card", async () => {
    const result = await compare("qingxi-report-2025.txt", "qingxi-plan-2025.txt");
    expect(await result.count()).toBe(0);
    const error = card().locator("[data-wb-error]");
    const message = (await error.textContent()) ?? "";
    expect(message).toMatch(
      /^qingxi-report-2025\.txt：看起来是2025年的工作报告（依据：标题含“常务委员会工作报告”/,
    );
    expect(message).toContain("“qingxi-plan-2025.txt”看起来是2025年的工作要点");
    expect(message).toContain("两个文件可能放反了");
    // The page's top holds no copy of it: the message is next to the files it is about.
    expect(await page.locator("[data-wb-error]").count()).toBe(1);

    await compare("qingxi-report-2025.txt", "qingxi-report-2025.txt");
    await expect
      .poll(() => error.textContent())
      .toMatch(/^qingxi-report-2025\.txt：看起来是2025年的工作报告（依据：.*），不是工作要点。/);
  }, 120_000);

  it("says an empty or unreadable file is unusable, in the CLI's words and naming it", async () => {
    writeFileSync(join(dir, "空白.txt"), "");
    writeFileSync(join(dir, "损坏.docx"), "这不是 Word 文件");
    for (const [plan, report] of [
      ["空白.txt", "qingxi-report-2025.txt"],
      ["qingxi-plan-2025.txt", "损坏.docx"],
    ] as const) {
      const r = cli(["compare", plan, report]);
      expect(r.code).toBe(2);
      const expected = r.stderr.trim().replace(/^renda compare：/, "");
      expect(expected).toMatch(/空白\.txt|损坏\.docx/);
      await compare(plan, report);
      await expect.poll(() => card().locator("[data-wb-error]").textContent()).toBe(expected);
    }
  }, 120_000);
});

// Last, so it covers every file compared and written above.
it("sent nothing over the network while comparing and writing files", () => {
  expect(requests.filter((u) => !u.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
  expect(requests.some((u) => u.includes("/tabs/workbench.html"))).toBe(true);
});
