// @vitest-environment jsdom
/// <reference lib="dom" />
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { coreSlots } from "../../addin/src/logic/slots.ts";
import { App } from "../../addin/src/ui/App.ts";
import { h } from "../../addin/src/ui/h.ts";
import { fakeExcel, fakeSettings, installDomGaps, sheetData } from "./fakes.ts";
import { ledgerSheets } from "./standin/ledger-sheets.ts";

installDomGaps();
afterEach(cleanup);

/**
 * Building the template writes a whole workbook with ExcelJS: well under a second alone, but over the
 * 1 s default of findBy* when the full suite loads both cores (the pane is seen busy, buttons disabled).
 * The waits for its notice and the tests that build one get more time; nothing else changes.
 */
const TEMPLATE_WAIT = { timeout: 15_000 };
const TEMPLATE_TEST_TIMEOUT = 30_000;

function renderExcel(existing: string[] = [], badCell = true, settings = fakeSettings()) {
  const sheets = ledgerSheets(3);
  if (badCell) sheets[0]!.cells[3]![1] = "常委会";
  const excel = fakeExcel(sheetData(sheets), existing);
  const downloads: [string, string][] = [];
  render(
    h(App, {
      host: "excel",
      excel: excel.port,
      settings: settings.port,
      services: { buildSlots: coreSlots, download: (n: string, t: string) => void downloads.push([n, t]) },
      features: [],
      defaultYear: 2025,
    }),
  );
  return { ...excel, downloads, settings };
}

describe("Excel pane", () => {
  it("validates the ledger, groups problems by sheet, and a click selects the cell", async () => {
    const { calls } = renderExcel();
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    const meetings = await screen.findByRole("region", { name: "会议" });
    const item = within(meetings)
      .getAllByRole("button")
      .find((b) => b.getAttribute("data-cell") === "B4")!;
    expect(item.textContent).toMatch(/会议!B4：.*常委会/);
    fireEvent.click(item);
    await waitFor(() => expect(calls.selected).toEqual(["会议!B4"]));
    expect(screen.getByRole("button", { name: "重新检查" })).toBeTruthy();
  });

  it(
    "asks before replacing sheets of the same name, and replaces only on 替换",
    async () => {
      const { calls } = renderExcel(["会议"]);
      fireEvent.click(screen.getByRole("button", { name: "建立台账" }));
      await screen.findByText(/工作簿中已有同名工作表：会议/);
      expect(calls.templates).toMatchObject([
        { names: expect.arrayContaining(["说明", "会议", "信访"]), replace: false },
      ]);
      fireEvent.click(screen.getByRole("button", { name: "替换" }));
      await screen.findByText(/已建立台账工作表/, undefined, TEMPLATE_WAIT);
      expect(calls.templates[1]!.replace).toBe(true);
    },
    TEMPLATE_TEST_TIMEOUT,
  );

  it("writes the summary sheet and exports the metrics JSON for Word", async () => {
    const { calls, downloads } = renderExcel([], false);
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表" }));
    await screen.findByText(/已生成“汇总”工作表/);
    expect(calls.summary[0]).toEqual(["台账汇总（2025年）"]);
    fireEvent.click(screen.getByRole("button", { name: "导出统计数据" }));
    await screen.findByText(/已导出统计数据/);
    expect(downloads[0]![0]).toBe("台账数据-2025.json");
    const json = JSON.parse(downloads[0]![1]);
    expect(json).toMatchObject({ format: "renda-ledger-export", version: 1, year: 2025, errors: 0 });
    expect(json.data.Suggestions).toHaveLength(3);
  });

  it("台账年度 is saved in the workbook and checks every date against it; blank infers it from the dates", async () => {
    const { settings } = renderExcel([], false);
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    await screen.findByText("检查完成（2025年，按日期推定）：错误0处，警告0处，提示1处。");
    fireEvent.change(screen.getByRole("textbox", { name: "台账年度" }), { target: { value: "2024" } });
    await waitFor(() => expect(settings.values.get("renda.ledgerYear")).toBe(2024));
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    await screen.findByText(/^检查完成（2024年）：错误[1-9]\d*处/);
    expect(screen.getAllByText(/不在2024年内/).length).toBeGreaterThan(0);
  });

  it(
    "opens with the year stored in the workbook and uses it for the template",
    async () => {
      const { calls } = renderExcel([], false, fakeSettings({ "renda.ledgerYear": 2026 }));
      expect((screen.getByRole("textbox", { name: "台账年度" }) as HTMLInputElement).value).toBe("2026");
      fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
      await screen.findByText(/^检查完成（2026年）/);
      fireEvent.click(screen.getByRole("button", { name: "建立台账" }));
      await screen.findByText(/已建立台账工作表/, undefined, TEMPLATE_WAIT);
      // The inserted workbook is the template for that year: its title says so and date cells only take 2026.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(calls.templates[0]!.base64, "base64") as never);
      const text = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
      expect(text).toContain("人大常委会工作台账（2026年）");
    },
    TEMPLATE_TEST_TIMEOUT,
  );

  it("shows an Office failure in Chinese with the operation named", async () => {
    const { port } = renderExcel();
    port.readLedger = async () => {
      throw new Error("读取台账失败：找不到要操作的对象，可能已被删除或改名（ItemNotFound）");
    };
    fireEvent.click(screen.getByRole("button", { name: "检查台账" }));
    await screen.findByText("读取台账失败：找不到要操作的对象，可能已被删除或改名（ItemNotFound）");
  });
});
