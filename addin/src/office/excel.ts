// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Excel, as plain data in and out, with a fixed number of context.sync() calls per operation: the whole ledger
 * (every used range, its number formats, tables and merged areas) is read in two round trips whatever its size.
 */
import type { ExcelPort, SheetData, TemplateResult } from "../ports.ts";
import { MissingRequirementError, operation } from "./errors.ts";
import { supports } from "./requirements.ts";

export const SUMMARY_SHEET = "汇总";

/** A number format that shows a date ("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yyyy"), not a number. */
export function isDateFormat(format: string): boolean {
  if (!format || format === "General" || format === "@") return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(bare) || /m.*[/-]|[/-].*m/i.test(bare);
}

/** Excel stores dates as day serials since 1899-12-30; core wants a Date at UTC midnight, as exceljs gives. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** "会议!A1:D11" → { row: 1, column: 1 } (1-based). */
export function topLeft(address: string): { row: number; column: number } {
  const cell = (address.split("!").pop() ?? "A1").split(":")[0]!.replace(/\$/g, "");
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return { row: 1, column: 1 };
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

function localAddress(address: string): string {
  return (address.split("!").pop() ?? "").replace(/\$/g, "");
}

export const excel: ExcelPort = {
  readLedger: () =>
    operation("读取台账", () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();

        const merges = supports("ExcelApi", "1.13");
        const perSheet = sheets.items.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("isNullObject,address,values,numberFormat");
          const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
          merged?.load("isNullObject,address");
          return { name: ws.name, used, merged };
        });
        const perTable = tables.items.map((t) => {
          const range = t.getRange();
          range.load("address");
          t.worksheet.load("name");
          return { name: t.name, range, sheet: t.worksheet };
        });
        await context.sync();

        return perSheet.map(({ name, used, merged }): SheetData => {
          const tablesHere = perTable
            .filter((t) => t.sheet.name === name)
            .map((t) => ({ name: t.name, ref: localAddress(t.range.address) }));
          const mergeList =
            merged && !merged.isNullObject
              ? merged.address
                  .split(",")
                  .map((a) => localAddress(a.trim()))
                  .filter(Boolean)
              : [];
          if (used.isNullObject)
            return { name, tables: tablesHere, merges: mergeList, firstRow: 1, firstColumn: 1, values: [] };
          const { row, column } = topLeft(used.address);
          const values = used.values.map((r, i) =>
            r.map((v, j) => {
              if (v === "" || v === null || v === undefined) return null;
              if (typeof v === "number" && isDateFormat(String(used.numberFormat[i]?.[j] ?? "")))
                return serialToDate(v);
              return v as string | number | boolean;
            }),
          );
          return { name, tables: tablesHere, merges: mergeList, firstRow: row, firstColumn: column, values };
        });
      }),
    ),

  selectCell: (sheet, cell) =>
    operation("选中单元格", () =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    ),

  createTemplate: (base64, names, replace) =>
    operation("建立台账", async () => {
      if (!supports("ExcelApi", "1.13")) throw new MissingRequirementError("建立台账", "ExcelApi", "1.13");
      return Excel.run(async (context): Promise<TemplateResult> => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const existing = new Set(sheets.items.map((s) => s.name));
        const conflicts = names.filter((n) => existing.has(n));
        // Nothing of the user's is touched without a yes: the pane asks and calls again with replace.
        if (conflicts.length && !replace) return { created: false, conflicts };
        if (conflicts.length === existing.size) {
          // Excel refuses to delete a workbook's last sheet: keep a blank one while the template goes in.
          sheets.add();
        }
        for (const n of conflicts) sheets.getItem(n).delete();
        context.workbook.insertWorksheetsFromBase64(base64, {
          positionType: "End",
          sheetNamesToInsert: names,
        });
        await context.sync();
        return { created: true, conflicts };
      });
    }),

  writeSummary: (rows) =>
    operation("生成汇总表", () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const found = sheets.getItemOrNullObject(SUMMARY_SHEET);
        found.load("isNullObject");
        await context.sync();
        // The summary is the add-in's own sheet: it is cleared and rewritten, and no other sheet is written.
        const ws = found.isNullObject ? sheets.add(SUMMARY_SHEET) : found;
        if (!found.isNullObject) ws.getRange().clear();
        const width = Math.max(1, ...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array(width - r.length).fill("")]);
        if (padded.length) {
          const target = ws.getRangeByIndexes(0, 0, padded.length, width);
          target.values = padded;
          target.format.autofitColumns();
        }
        await context.sync();
      }),
    ),
};
