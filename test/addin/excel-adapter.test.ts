import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEDGER_TABLES, writeLedgerTemplate } from "../../addin/src/core.ts";
import { checkSheets, groupBySheet, summaryRows } from "../../addin/src/logic/ledger.ts";
import { excel, isDateFormat } from "../../addin/src/office/excel.ts";
import { type ExcelModel, excelHost, excelOffice, newExcelModel } from "./standin/excel.ts";
import { ledgerSheets } from "./standin/ledger-sheets.ts";

let model: ExcelModel;
let host: ReturnType<typeof excelHost>;
const g = globalThis as Record<string, unknown>;
function install(m: ExcelModel) {
  model = m;
  host = excelHost(m);
  g.Excel = host;
  g.Office = excelOffice(m);
}
beforeEach(() => install(newExcelModel(ledgerSheets(10))));
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe("excel adapter: readLedger", () => {
  it("reads every sheet's values, tables and merged areas in two syncs, dates as dates", async () => {
    model.sheets[0]!.merges.push("D2:D3");
    const sheets = await excel.readLedger();
    expect(host.counter.syncs).toBe(2);
    expect(sheets.map((s) => s.name)).toEqual(LEDGER_TABLES.map((t) => t.sheet));
    const meetings = sheets[0]!;
    expect(meetings.tables).toEqual([{ name: "Meetings", ref: "A1:D10" }]);
    expect(meetings.merges).toEqual(["D2:D3"]);
    expect(meetings.firstRow).toBe(1);
    expect(meetings.values[0]).toEqual(["日期", "会议类型", "会议名称", "备注"]);
    expect(meetings.values[1]![0]).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(model.writes).toEqual([]);
  });

  it("feeds core's ledger check: a clean ledger has no errors, a bad cell is named by sheet and cell", async () => {
    const clean = await checkSheets(await excel.readLedger(), 2025);
    expect(clean.counts.error).toBe(0);
    expect(clean.rowCounts.Suggestions).toBe(10);
    model.sheets[0]!.cells[3]![1] = "常委会";
    const bad = await checkSheets(await excel.readLedger(), 2025);
    const issue = bad.issues.find((i) => i.severity === "error")!;
    expect(issue).toMatchObject({ sheet: "会议", cell: "B4" });
    expect(groupBySheet(bad.issues)[0]!.sheet).toBe("会议");
  });

  it("tells date formats from number formats", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("m/d/yyyy")).toBe(true);
    expect(isDateFormat("0.00")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('0"人次"')).toBe(false);
  });
});

describe("excel adapter: selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    await excel.selectCell("代表建议", "F12");
    expect(model.active).toBe("代表建议");
    expect(model.selection).toBe("代表建议!F12");
    expect(host.counter.syncs).toBe(1);
  });

  it("names the operation when the sheet is gone", async () => {
    await expect(excel.selectCell("不存在", "A1")).rejects.toThrow(/^选中单元格失败：找不到要操作的对象/);
  });
});

describe("excel adapter: createTemplate", () => {
  const names = [...LEDGER_TABLES.map((t) => t.sheet)];

  it("refuses to touch sheets of the same name without confirmation", async () => {
    const r = await excel.createTemplate("AAAA", names, false);
    expect(r).toEqual({ created: false, conflicts: names });
    expect(model.writes).toEqual([]);
    expect(host.counter.syncs).toBe(1);
  });

  it("inserts core's template workbook (same tables and validation lists as renda ledger template)", async () => {
    install(newExcelModel([{ name: "Sheet1", cells: [["x"]], formats: [], tables: [], merges: [] }]));
    const bytes = await writeLedgerTemplate({ year: 2025 });
    const base64 = Buffer.from(bytes).toString("base64");
    const r = await excel.createTemplate(base64, ["说明", ...names], false);
    expect(r).toEqual({ created: true, conflicts: [] });
    expect(host.counter.syncs).toBe(2);
    expect(model.writes).toEqual(["说明", ...names].map((n) => `insert sheet ${n}`));
    expect(model.sheets[0]!.cells).toEqual([["x"]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(model.inserted[0]!.base64, "base64") as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", ...names]);
  });

  it("replaces the sheets of the same name when confirmed, nothing else", async () => {
    model.sheets.push({ name: "我的表", cells: [["保留"]], formats: [], tables: [], merges: [] });
    const r = await excel.createTemplate("AAAA", names, true);
    expect(r.created).toBe(true);
    expect(model.writes).toEqual([
      ...names.map((n) => `delete sheet ${n}`),
      ...names.map((n) => `insert sheet ${n}`),
    ]);
    expect(model.sheets[0]!.cells).toEqual([["保留"]]);
  });

  it("says the feature is unavailable without ExcelApi 1.13", async () => {
    install(newExcelModel([], { ExcelApi: "1.8" }));
    await expect(excel.createTemplate("AAAA", names, false)).rejects.toThrow(
      /建立台账失败：当前 Office 不支持 ExcelApi 1.13/,
    );
  });
});

describe("excel adapter: writeSummary", () => {
  it("creates 汇总 and writes exactly its rows, leaving every ledger sheet as it was", async () => {
    const before = JSON.stringify(model.sheets);
    const rows = summaryRows(await checkSheets(await excel.readLedger(), 2025));
    host.counter.syncs = 0;
    await excel.writeSummary(rows);
    expect(host.counter.syncs).toBe(2);
    expect(model.writes).toEqual(["add sheet 汇总", `values 汇总!A1:C${rows.length}`]);
    const summary = model.sheets.find((s) => s.name === "汇总")!;
    expect(summary.cells[0]![0]).toBe("台账汇总（2025年）");
    expect(summary.cells.some((r) => r[0] === "代表建议" && r[1] === "记录行数" && r[2] === 10)).toBe(true);
    expect(JSON.stringify(model.sheets.filter((s) => s.name !== "汇总"))).toBe(before);
  });

  it("clears and rewrites an existing 汇总 instead of adding another", async () => {
    await excel.writeSummary([["旧"], ["旧"], ["旧"]]);
    model.writes.length = 0;
    await excel.writeSummary([["新"]]);
    expect(model.writes).toEqual(["clear 汇总!(all)", "values 汇总!A1:A1"]);
    expect(model.sheets.filter((s) => s.name === "汇总")).toHaveLength(1);
    expect(model.sheets.find((s) => s.name === "汇总")!.cells).toEqual([["新"]]);
  });
});
