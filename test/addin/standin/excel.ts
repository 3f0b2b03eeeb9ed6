/**
 * An Excel host stand-in: sheets of cell values and number formats, tables and merged areas, behind the slice
 * of the Excel API the add-in uses, built on office-addin-mock. Writes are logged with their ranges.
 */
import { Batch, type SyncCounter } from "./mock.ts";

export type Cell = string | number | boolean | null;
export interface XSheet {
  name: string;
  /** Rows from A1; ragged rows are padded when read. */
  cells: Cell[][];
  formats: string[][];
  tables: { name: string; ref: string }[];
  merges: string[];
}
export interface ExcelModel {
  sheets: XSheet[];
  active: string | null;
  selection: string | null;
  sets: Record<string, string>;
  writes: string[];
  inserted: { base64: string; names: string[] }[];
}

export function newExcelModel(
  sheets: XSheet[] = [],
  sets: Record<string, string> = { ExcelApi: "1.13" },
): ExcelModel {
  return { sheets, active: null, selection: null, sets, writes: [], inserted: [] };
}

export function letters(col1: number): string {
  let n = col1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function versionAtLeast(have: string | undefined, want: string): boolean {
  if (!have) return false;
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

export function excelOffice(model: ExcelModel) {
  return {
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      requirements: { isSetSupported: (set: string, v: string) => versionAtLeast(model.sets[set], v) },
      document: {
        settings: {
          get: () => null,
          set: () => {},
          saveAsync: (cb: (r: unknown) => void) => cb({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
  };
}

export function excelHost(model: ExcelModel, counter: SyncCounter = { syncs: 0 }) {
  return {
    counter,
    run: async <T>(cb: (context: never) => Promise<T>): Promise<T> =>
      cb(buildContext(model, counter) as never),
  };
}

function buildContext(model: ExcelModel, counter: SyncCounter) {
  const batch = new Batch(counter);
  const ctx = batch.context({ workbook: { name: "台账.xlsx" } });
  const wb = (ctx as unknown as Record<string, Record<string, unknown>>).workbook!;

  const rangeProxy = (sheet: XSheet, address: string | null) => ({
    select() {
      model.active = sheet.name;
      model.selection = `${sheet.name}!${address ?? "A1"}`;
    },
    clear() {
      sheet.cells = [];
      sheet.formats = [];
      model.writes.push(`clear ${sheet.name}!${address ?? "(all)"}`);
    },
    getMergedAreasOrNullObject() {
      return batch.tracked({
        isNullObject: sheet.merges.length === 0,
        address: sheet.merges.map((m) => `${sheet.name}!${m}`).join(","),
      });
    },
  });

  const sheetProxy = (sheet: XSheet) => ({
    name: sheet.name,
    activate() {
      model.active = sheet.name;
    },
    delete() {
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      model.writes.push(`delete sheet ${sheet.name}`);
    },
    getRange(address?: string) {
      return rangeProxy(sheet, address ?? null);
    },
    getUsedRangeOrNullObject() {
      const rows = sheet.cells.length;
      const cols = Math.max(0, ...sheet.cells.map((r) => r.length));
      const pad = <T>(m: T[][], fill: T) =>
        Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => m[i]?.[j] ?? fill));
      return batch.tracked({
        isNullObject: rows === 0,
        address: rows ? `${sheet.name}!A1:${letters(cols)}${rows}` : "",
        values: pad<Cell>(sheet.cells, ""),
        numberFormat: pad(sheet.formats, "General"),
      });
    },
    getRangeByIndexes(row: number, col: number, h: number, w: number) {
      return {
        set values(v: Cell[][]) {
          for (let i = 0; i < h; i++) {
            sheet.cells[row + i] ??= [];
            for (let j = 0; j < w; j++) sheet.cells[row + i]![col + j] = v[i]![j]!;
          }
          model.writes.push(
            `values ${sheet.name}!${letters(col + 1)}${row + 1}:${letters(col + w)}${row + h}`,
          );
        },
        format: { autofitColumns() {} },
      };
    },
  });

  const newSheet = (name: string): XSheet => ({ name, cells: [], formats: [], tables: [], merges: [] });
  const worksheets = batch.collection(
    model.sheets.map((s) => sheetProxy(s)),
    {
      getItem(name: string) {
        const s = model.sheets.find((x) => x.name === name);
        if (!s) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
        return sheetProxy(s);
      },
      getItemOrNullObject(name: string) {
        const s = model.sheets.find((x) => x.name === name);
        return batch.tracked({ isNullObject: !s, ...(s ? sheetProxy(s) : {}), name: s?.name ?? "" });
      },
      add(name?: string) {
        const s = newSheet(name ?? `Sheet${model.sheets.length + 1}`);
        model.sheets.push(s);
        model.writes.push(`add sheet ${s.name}`);
        return sheetProxy(s);
      },
    },
  );
  wb.worksheets = worksheets;
  wb.tables = batch.collection(
    model.sheets.flatMap((s) =>
      s.tables.map((t) => ({
        name: t.name,
        getRange: () => batch.tracked({ address: `${s.name}!${t.ref}` }),
        worksheet: batch.tracked({ name: s.name }),
      })),
    ),
  );
  wb.insertWorksheetsFromBase64 = (base64: string, options: { sheetNamesToInsert: string[] }) => {
    model.inserted.push({ base64, names: options.sheetNamesToInsert });
    for (const n of options.sheetNamesToInsert) {
      model.sheets.push(newSheet(n));
      model.writes.push(`insert sheet ${n}`);
    }
  };
  return ctx;
}
