import type ExcelJS from "exceljs";
import type { IssueCollector } from "../issues.ts";
import { type ColumnDef, columnLetter, type TableDef } from "../schema.ts";
import type { SheetInfo } from "../zip.ts";
import { cellText, isBlank, normalizeHeader, readCell } from "./cells.ts";
import { closest } from "./closest.ts";

/** A date cell as read, kept until the ledger year is known. */
export interface DateRef {
  sheet: string;
  cell: string;
  iso: string;
}

/** One sheet's pass: header row, then data rows, then the table-level checks. */
export class SheetState {
  private headerRow: number;
  private headerSeen = false;
  /** Worksheet column (1-based) → ledger column. */
  private readonly columns = new Map<number, ColumnDef>();
  private readonly uniqueSeen = new Map<string, number>();
  private readonly tableBottom: number | null;
  private outsideFirst = 0;
  private outsideLast = 0;
  dataRows = 0;

  constructor(
    private readonly def: TableDef,
    private readonly info: SheetInfo,
    private readonly issues: IssueCollector,
    private readonly dates: DateRef[],
  ) {
    const table = info.tables.find((t) => t.name === def.table) ?? info.tables[0];
    const ref = table ? parseRange(table.ref) : null;
    this.headerRow = ref?.top ?? 0;
    this.tableBottom = ref?.bottom ?? null;
    this.checkStructure();
  }

  letterOf(key: string): string | undefined {
    for (const [index, c] of this.columns) if (c.key === key) return columnLetter(index);
    return undefined;
  }

  private get sheet(): string {
    return this.info.name;
  }

  private checkStructure(): void {
    const { def, info } = this;
    if (info.tables.length === 0) {
      this.issues.add({
        severity: "warning",
        code: "table/missing",
        sheet: this.sheet,
        message: `工作表中没有Excel表格；请选中数据区域“插入—表格”，并命名为${def.table}（加载项按表格名读取台账）`,
        expected: [def.table],
      });
    } else if (!info.tables.some((t) => t.name === def.table)) {
      this.issues.add({
        severity: "warning",
        code: "table/name",
        sheet: this.sheet,
        cell: info.tables[0]!.ref,
        message: `表格名称为“${info.tables[0]!.name}”，应为“${def.table}”（“表格设计—表名称”）`,
        expected: [def.table],
      });
    }
    for (const range of info.merges) this.merged(range);
  }

  /**
   * Merged ranges a streaming reader found, reported at the sheet's end (they follow the cells in the file);
   * a range the workbook inspection already reported at the start is not reported twice.
   */
  merges(ranges: readonly string[]): void {
    const upFront = new Set(this.info.merges);
    for (const range of ranges) if (!upFront.has(range)) this.merged(range);
  }

  private merged(range: string): void {
    this.issues.add({
      severity: "error",
      code: "cell/merged",
      sheet: this.sheet,
      cell: range,
      message: `合并单元格${range}：台账不能合并单元格，合并区域只有左上角有值、其余按空白统计；请取消合并并逐格填写`,
    });
  }

  /** The typed row (not yet schema-checked; null for the header and blank rows) and whether it had no error. */
  row(
    number: number,
    values: readonly ExcelJS.CellValue[],
  ): { typed: Record<string, unknown> | null; ok: boolean } {
    if (!this.headerSeen) {
      if (this.headerRow === 0 && values.some((v) => !isBlank(v))) this.headerRow = number;
      if (number === this.headerRow) {
        this.header(number, values);
        this.headerSeen = true;
      }
      return { typed: null, ok: false };
    }
    if (values.every(isBlank)) return { typed: null, ok: false };
    this.dataRows++;
    if (this.tableBottom !== null && number > this.tableBottom) {
      if (!this.outsideFirst) this.outsideFirst = number;
      this.outsideLast = number;
    }
    const typed: Record<string, unknown> = { row: number };
    for (const c of this.def.columns) typed[c.key] = null;
    let ok = true;
    for (const [index, c] of this.columns) {
      const cell = `${columnLetter(index)}${number}`;
      const v = this.cell(cell, c, values[index]);
      if (v === undefined) ok = false;
      else typed[c.key] = v;
    }
    if (this.def.unique) this.checkUnique(number, typed);
    return { typed, ok };
  }

  private header(number: number, values: readonly ExcelJS.CellValue[]): void {
    const found = new Map<string, number>();
    const unmatched = new Map<number, string>();
    let lastCol = 0;
    values.forEach((v, index) => {
      const text = normalizeHeader(cellText(v));
      if (!text) return;
      lastCol = Math.max(lastCol, index);
      const c = this.def.columns.find((col) => col.header === text);
      if (c && !found.has(c.header)) {
        found.set(c.header, index);
        this.columns.set(index, c);
      } else if (c) {
        this.issues.add({
          severity: "error",
          code: "column/duplicate",
          sheet: this.sheet,
          cell: `${columnLetter(index)}${number}`,
          message: `列“${text}”重复（第一次出现在${columnLetter(found.get(c.header)!)}${number}），此列未检查`,
        });
      } else unmatched.set(index, text);
    });
    const rowRange = `A${number}:${columnLetter(Math.max(lastCol, this.def.columns.length))}${number}`;
    for (const c of this.def.columns) {
      if (found.has(c.header)) continue;
      const candidates = [...unmatched.values()];
      const close = closest(c.header, candidates);
      if (close) {
        const index = [...unmatched.entries()].find(([, t]) => t === close)![0];
        unmatched.delete(index);
        this.columns.set(index, c);
        this.issues.add({
          severity: c.requiredColumn ? "error" : "warning",
          code: "column/renamed",
          sheet: this.sheet,
          cell: `${columnLetter(index)}${number}`,
          message: `表头“${close}”不是标准列名，应为“${c.header}”；已按“${c.header}”检查此列，请改回标准名称`,
          expected: [c.header],
        });
      } else if (c.requiredColumn) {
        this.issues.add({
          severity: "error",
          code: "column/missing",
          sheet: this.sheet,
          cell: rowRange,
          message: `缺少必需列“${c.header}”`,
          expected: [c.header],
        });
      }
    }
    for (const [index, text] of unmatched) {
      this.issues.add({
        severity: "info",
        code: "column/extra",
        sheet: this.sheet,
        cell: `${columnLetter(index)}${number}`,
        message: `列“${text}”不是台账标准列，检查和统计时忽略`,
      });
    }
  }

  /** Converts one cell; undefined means an error was reported and the row is not usable. */
  private cell(cell: string, c: ColumnDef, raw: ExcelJS.CellValue | undefined): unknown {
    const letter = cell.replace(/\d+$/, "");
    const v = readCell(c, raw, (severity, code, message, expected) =>
      this.issues.add(
        { severity, code, sheet: this.sheet, cell, message, ...(expected ? { expected } : {}) },
        letter,
      ),
    );
    // Every date read feeds the year check, which runs once all sheets are in.
    if (c.type === "date" && typeof v === "string") this.dates.push({ sheet: this.sheet, cell, iso: v });
    return v;
  }

  private checkUnique(number: number, typed: Record<string, unknown>): void {
    const u = this.def.unique!;
    const parts = u.columns.map((k) => typed[k]);
    if (parts.some((p) => p === null || p === undefined)) return;
    const key = parts.map(String).join("\u0000");
    const first = this.uniqueSeen.get(key);
    if (first === undefined) {
      this.uniqueSeen.set(key, number);
      return;
    }
    const firstKey = u.columns[0]!;
    const index = [...this.columns.entries()].find(([, c]) => c.key === firstKey)?.[0] ?? 1;
    const headers = u.columns.map((k) => this.def.columns.find((c) => c.key === k)!.header);
    const what =
      u.columns.length === 1
        ? `${headers[0]}“${String(parts[0])}”重复`
        : `与第${first}行重复（${headers.join("、")}均相同）`;
    this.issues.add(
      {
        severity: u.severity,
        code: u.columns.length === 1 ? "row/duplicate-id" : "row/duplicate",
        sheet: this.sheet,
        cell: `${columnLetter(index)}${number}`,
        message: u.columns.length === 1 ? `${what}（第一次出现在第${first}行）` : what,
      },
      columnLetter(index),
    );
  }

  end(): void {
    if (!this.headerSeen) {
      this.issues.add({
        severity: "error",
        code: "column/missing",
        sheet: this.sheet,
        message: `工作表为空，没有表头行（应为：${this.def.columns.map((c) => c.header).join("、")}）`,
        expected: this.def.columns.map((c) => c.header),
      });
      return;
    }
    if (this.dataRows === 0) {
      this.issues.add({
        severity: "warning",
        code: "table/empty",
        sheet: this.sheet,
        message: "表中没有数据；如本年度确无此类事项可忽略，相应统计将不出现在报告中",
      });
    }
    if (this.outsideFirst) {
      const table = this.info.tables.find((t) => t.name === this.def.table) ?? this.info.tables[0]!;
      this.issues.add({
        severity: "warning",
        code: "table/outside",
        sheet: this.sheet,
        cell: `A${this.outsideFirst}:${columnLetter(this.def.columns.length)}${this.outsideLast}`,
        message: `第${this.outsideFirst}—${this.outsideLast}行在表格${table.name}（${table.ref}）之外：本次已检查，但加载项按表格读取时会漏掉；请“表格设计—调整表格大小”把这些行包括进来`,
      });
    }
  }
}

function parseRange(ref: string): { top: number; bottom: number } | null {
  const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(ref);
  if (!m) return null;
  return { top: Number(m[1]), bottom: Number(m[2] ?? m[1]) };
}
