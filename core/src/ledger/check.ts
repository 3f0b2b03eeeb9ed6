import type ExcelJS from "exceljs";
import { chineseMeetingNumbering } from "./format.ts";
import { IssueCollector, type LedgerIssue } from "./issues.ts";
import { type LedgerReader, type RawSheet, readFull } from "./read.ts";
import { readStream } from "./read-stream.ts";
import {
  type ColumnDef,
  columnLetter,
  emptyLedger,
  LEDGER_TABLES,
  type LedgerData,
  type LedgerTableName,
  ROW_SCHEMAS,
  type TableDef,
} from "./schema.ts";
import { INSTRUCTIONS_SHEET } from "./template.ts";
import {
  DEFAULT_ZIP_LIMITS,
  inspectWorkbook,
  LedgerFileError,
  type SheetInfo,
  type ZipLimits,
} from "./zip.ts";

export interface CheckOptions {
  /** Ledger year; every date must fall in it. Inferred from the dates (most frequent year) when absent. */
  year?: number;
  /** Shown in messages about the file as a whole. */
  fileName?: string;
  /** "stream" keeps memory flat on big ledgers; "full" loads the whole workbook into exceljs's model. */
  reader?: LedgerReader;
  limits?: ZipLimits;
  /** Issues of one kind listed per sheet column before the rest are only counted. */
  maxIssuesPerKind?: number;
}

export interface LedgerCheckResult {
  file: string;
  /** False when the file could not be read as a ledger at all (CLI exit code 2). */
  usable: boolean;
  year: number | null;
  yearSource: "option" | "inferred" | "none";
  reader: LedgerReader;
  issues: LedgerIssue[];
  counts: { error: number; warning: number; info: number };
  /** Data rows read per table (rows with errors included). */
  rowCounts: Record<LedgerTableName, number>;
  /** Rows that passed validation, typed; what metrics are computed from. */
  data: LedgerData;
}

/** Sheets the checker knows are not ledger tables: our instructions and the add-in's summary sheet. */
const OWN_SHEETS = new Set([INSTRUCTIONS_SHEET, "汇总"]);

/**
 * Reads a ledger workbook from bytes and reports every problem with its sheet and cell. Never throws for bad
 * input: an unreadable file comes back as `usable: false` with one file-level issue.
 */
export async function checkLedger(bytes: Uint8Array, options: CheckOptions = {}): Promise<LedgerCheckResult> {
  const file = options.fileName ?? "台账";
  const reader = options.reader ?? "full";
  const collector = new IssueCollector(options.maxIssuesPerKind ?? 20);
  const validator = new LedgerValidator(collector);
  const result = (usable: boolean): LedgerCheckResult => {
    const year = usable ? validator.finish(options.year) : null;
    const issues = sortIssues(collector.issues);
    return {
      file,
      usable,
      year: year?.year ?? null,
      yearSource: year?.source ?? "none",
      reader,
      issues,
      counts: {
        error: collector.count("error"),
        warning: collector.count("warning"),
        info: collector.count("info"),
      },
      rowCounts: validator.rowCounts,
      data: validator.data,
    };
  };

  try {
    const info = inspectWorkbook(bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
    validator.plan(info.sheets);
    const sheets = reader === "stream" ? readStream(bytes, info) : fullAsPlanned(bytes, info.sheets);
    for await (const sheet of sheets) await validator.readSheet(sheet);
    return result(true);
  } catch (e) {
    const issue: LedgerIssue =
      e instanceof LedgerFileError
        ? { severity: "error", code: e.code, message: `${file}：${e.message}` }
        : {
            severity: "error",
            code: "file/corrupt",
            message: `${file}：文件无法作为Excel工作簿读取（${firstLine(e)}）。请确认它是Excel或WPS保存的.xlsx文件且未损坏`,
          };
    collector.issues.length = 0;
    collector.add(issue);
    return result(false);
  }
}

/**
 * The whole-file reader, held to the sheets the workbook lists: a sheet exceljs drops (it skips what it
 * cannot parse) is an error naming the sheet, as it is for the streaming reader, never "0 rows".
 */
async function* fullAsPlanned(bytes: Uint8Array, planned: readonly SheetInfo[]): AsyncGenerator<RawSheet> {
  const seen = new Set<string>();
  for await (const sheet of readFull(bytes)) {
    seen.add(sheet.name);
    yield sheet;
  }
  const lost = planned.filter((s) => !seen.has(s.name));
  if (lost.length > 0) {
    throw new LedgerFileError(
      "file/sheet-damaged",
      `工作表${lost.map((s) => `“${s.name}”`).join("、")}的数据无法读取（${lost.map((s) => s.path).join("、")}）。文件已损坏，请用Excel或WPS打开后另存，或从备份恢复后再检查`,
    );
  }
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return (msg.split("\n")[0] ?? "").slice(0, 200) || "未知错误";
}

interface PlannedSheet {
  def: TableDef;
  info: SheetInfo;
}

interface DateRef {
  sheet: string;
  cell: string;
  iso: string;
}

/**
 * Validates rows as any reader (or the Excel add-in, from Range values) feeds them: plan the sheets from the
 * workbook structure, then one pass over the rows of each sheet, then the cross-sheet checks in `finish`.
 */
export class LedgerValidator {
  readonly data: LedgerData = emptyLedger();
  readonly rowCounts = Object.fromEntries(LEDGER_TABLES.map((t) => [t.table, 0])) as Record<
    LedgerTableName,
    number
  >;
  private readonly planned = new Map<string, PlannedSheet>();
  private readonly dates: DateRef[] = [];
  /** Every meeting name typed in the Meetings sheet, valid row or not, so one bad cell does not cascade. */
  private readonly meetingNames = new Set<string>();
  private readonly states = new Map<LedgerTableName, SheetState>();

  constructor(private readonly issues: IssueCollector) {}

  /** Maps workbook sheets to ledger tables by sheet name, then table name, then the closest sheet name. */
  plan(sheets: readonly SheetInfo[]): void {
    const free = new Map(sheets.map((s) => [s.name, s]));
    const missing: TableDef[] = [];
    for (const def of LEDGER_TABLES) {
      const s = free.get(def.sheet);
      if (s) {
        this.planned.set(s.name, { def, info: s });
        free.delete(s.name);
      } else missing.push(def);
    }
    for (const def of missing) {
      const byTable = [...free.values()].find((s) => s.tables.some((t) => t.name === def.table));
      if (byTable) {
        this.issues.add({
          severity: "warning",
          code: "sheet/renamed",
          sheet: byTable.name,
          message: `工作表名称应为“${def.sheet}”（其中的表格${def.table}已按“${def.sheet}”检查）`,
          expected: [def.sheet],
        });
        this.planned.set(byTable.name, { def, info: byTable });
        free.delete(byTable.name);
        continue;
      }
      const close = closest(
        def.sheet,
        [...free.keys()].filter((n) => !OWN_SHEETS.has(n)),
      );
      if (close) {
        this.issues.add({
          severity: "error",
          code: "sheet/renamed",
          sheet: close,
          message: `缺少工作表“${def.sheet}”；工作表“${close}”像是它，已按“${def.sheet}”检查，请改回标准名称`,
          expected: [def.sheet],
        });
        this.planned.set(close, { def, info: free.get(close)! });
        free.delete(close);
        continue;
      }
      this.issues.add({
        severity: "error",
        code: "sheet/missing",
        sheet: def.sheet,
        message: `缺少工作表“${def.sheet}”（表格${def.table}）；可用“renda ledger template”生成的模板补上`,
        expected: [def.sheet],
      });
    }
    for (const name of free.keys()) {
      if (OWN_SHEETS.has(name)) continue;
      this.issues.add({
        severity: "info",
        code: "sheet/extra",
        sheet: name,
        message: "不是台账标准工作表，检查和统计时忽略",
      });
    }
  }

  async readSheet(sheet: RawSheet): Promise<void> {
    const plan = this.planned.get(sheet.name);
    if (!plan) {
      // Streaming readers must still drain the sheet before the next one arrives.
      for await (const _ of sheet.rows) void _;
      return;
    }
    const state = new SheetState(plan.def, plan.info, this.issues, this.dates);
    this.states.set(plan.def.table as LedgerTableName, state);
    for await (const row of sheet.rows) {
      const { typed, ok } = state.row(row.number, row.values);
      if (typed && plan.def.table === "Meetings" && typeof typed.name === "string")
        this.meetingNames.add(typed.name);
      if (typed && ok) {
        const parsed = ROW_SCHEMAS[plan.def.table as LedgerTableName].safeParse(typed);
        if (parsed.success) (this.data[plan.def.table as LedgerTableName] as unknown[]).push(parsed.data);
        if (plan.def.table === "Suggestions") this.checkSuggestionRow(sheet.name, typed);
      }
    }
    state.end();
    this.rowCounts[plan.def.table as LedgerTableName] = state.dataRows;
  }

  /** A result needs a reply, and feedback needs a result: otherwise the rates disagree with each other. */
  private checkSuggestionRow(sheet: string, r: Record<string, unknown>): void {
    const at = (key: string) => `${this.letterOf("Suggestions", key)}${r.row}`;
    if (r.result && !r.answeredOn)
      this.issues.add(
        {
          severity: "warning",
          code: "row/result-without-reply",
          sheet,
          cell: at("answeredOn"),
          message: `已填写办理结果“${String(r.result)}”，但没有答复日期（按已答复统计）`,
        },
        "answeredOn",
      );
    if (r.satisfaction && !r.result && !r.answeredOn)
      this.issues.add(
        {
          severity: "warning",
          code: "row/feedback-without-reply",
          sheet,
          cell: at("satisfaction"),
          message: `已填写满意度“${String(r.satisfaction)}”，但没有办理结果和答复日期`,
        },
        "satisfaction",
      );
  }

  /** Cross-sheet checks; decides the ledger year. */
  finish(optionYear?: number): { year: number; source: "option" | "inferred" } | null {
    this.checkMeetingRefs();
    this.checkMeetingNumbering();
    const year = optionYear ?? inferYear(this.dates);
    if (year === null) return null;
    const source = optionYear ? "option" : "inferred";
    if (source === "inferred")
      this.issues.add({
        severity: "info",
        code: "year/inferred",
        message: `未指定年度，按台账中的日期推定为${year}年`,
      });
    for (const d of this.dates) {
      if (!d.iso.startsWith(`${year}-`))
        this.issues.add(
          {
            severity: "error",
            code: "cell/date-out-of-year",
            sheet: d.sheet,
            cell: d.cell,
            message: `日期${d.iso}不在${year}年内`,
          },
          d.cell.replace(/\d+$/, ""),
        );
    }
    return { year, source };
  }

  /** The column letter where this workbook actually holds a column (statisticians reorder columns). */
  private letterOf(table: LedgerTableName, key: string): string {
    return this.states.get(table)?.letterOf(key) ?? standardLetter(table, key);
  }

  private sheetOf(table: LedgerTableName): string {
    for (const [name, p] of this.planned) if (p.def.table === table) return name;
    return tableDefSheet(table);
  }

  private checkMeetingRefs(): void {
    if (this.meetingNames.size === 0) return;
    const names = this.meetingNames;
    const byNumbering = new Map([...names].map((n) => [chineseMeetingNumbering(n), n]));
    for (const table of ["Agenda", "Appointments"] as const) {
      const sheet = this.sheetOf(table);
      const letter = this.letterOf(table, "meeting");
      for (const r of this.data[table]) {
        if (names.has(r.meeting)) continue;
        const close = byNumbering.get(chineseMeetingNumbering(r.meeting)) ?? closest(r.meeting, [...names]);
        this.issues.add(
          {
            severity: "warning",
            code: "ref/unknown-meeting",
            sheet,
            cell: `${letter}${r.row}`,
            message: `会议名称“${r.meeting}”在“会议”表中找不到${close ? `，是否为“${close}”？` : ""}（统计批次和一览表按会议名称对应）`,
            ...(close ? { expected: [close] } : {}),
          },
          letter,
        );
      }
    }
  }

  private checkMeetingNumbering(): void {
    const sheet = this.sheetOf("Meetings");
    const letter = this.letterOf("Meetings", "name");
    for (const m of this.data.Meetings) {
      const fixed = chineseMeetingNumbering(m.name);
      if (fixed === m.name) continue;
      this.issues.add(
        {
          severity: "warning",
          code: "cell/meeting-numbering",
          sheet,
          cell: `${letter}${m.row}`,
          message: `会议名称“${m.name}”的届次、会次应使用汉字数字，如“${fixed}”（GB/T 15835-2011）`,
          expected: [fixed],
        },
        letter,
      );
    }
  }
}

function tableDefSheet(table: LedgerTableName): string {
  return LEDGER_TABLES.find((t) => t.table === table)!.sheet;
}

function standardLetter(table: LedgerTableName, key: string): string {
  const def = LEDGER_TABLES.find((t) => t.table === table)! as TableDef;
  return columnLetter(def.columns.findIndex((c) => c.key === key) + 1);
}

function inferYear(dates: readonly DateRef[]): number | null {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.iso.slice(0, 4), (counts.get(d.iso.slice(0, 4)) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best === null ? null : Number(best);
}

/** One sheet's pass: header row, then data rows, then the table-level checks. */
class SheetState {
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
    for (const range of info.merges) {
      this.issues.add({
        severity: "error",
        code: "cell/merged",
        sheet: this.sheet,
        cell: range,
        message: `合并单元格${range}：台账不能合并单元格，合并区域只有左上角有值、其余按空白统计；请取消合并并逐格填写`,
      });
    }
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
    const report = (severity: LedgerIssue["severity"], code: string, message: string, expected?: string[]) =>
      this.issues.add(
        { severity, code, sheet: this.sheet, cell, message, ...(expected ? { expected } : {}) },
        letter,
      );

    let v: unknown = raw ?? null;
    if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      const o = v as Record<string, unknown>;
      if ("formula" in o || "sharedFormula" in o) {
        const formula = String(o.formula ?? o.sharedFormula ?? "");
        if (o.result === undefined || o.result === null) {
          report(
            "error",
            "cell/formula-no-result",
            `单元格为公式（=${formula}），文件中没有保存计算结果；请在Excel中打开并保存后再检查，或改为填写数值`,
          );
          return undefined;
        }
        const r = o.result as Record<string, unknown>;
        if (typeof r === "object" && r !== null && "error" in r) {
          report("error", "cell/error-value", `公式（=${formula}）的结果为错误值${String(r.error)}`);
          return undefined;
        }
        report(
          "info",
          "cell/formula",
          `单元格为公式（=${formula}），已按保存的计算结果“${displayValue(o.result)}”读取；台账宜直接填写数值`,
        );
        v = o.result;
      } else if ("error" in o) {
        report("error", "cell/error-value", `单元格为错误值${String(o.error)}`);
        return undefined;
      } else if ("richText" in o || "text" in o) {
        v = cellText(v as ExcelJS.CellValue);
      }
    }
    if (typeof v === "string") {
      v = v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
      if (v === "") v = null;
    }
    if (v === null) {
      if (c.requiredCell) {
        report("error", "cell/required", `${c.header}为必填项，此处为空`);
        return undefined;
      }
      return null;
    }
    switch (c.type) {
      case "text":
        if (v instanceof Date) return isoOf(v);
        return String(v);
      case "enum": {
        const s = String(v);
        if (c.values!.includes(s)) return s;
        const compact = s.replace(/[\s\u3000]/g, "");
        if (c.values!.includes(compact)) return compact;
        const close = closest(s, c.values!);
        report(
          "error",
          "cell/not-in-list",
          `${c.header}“${s}”不在允许值中（${c.values!.join("/")}）`,
          close ? [close] : [...c.values!],
        );
        return undefined;
      }
      case "integer": {
        if (typeof v === "number") {
          if (Number.isInteger(v) && v >= 0) return v;
          report("error", "cell/type", `${c.header}应为不小于0的整数，此处为${v}`);
          return undefined;
        }
        const s = toHalfWidthDigits(String(v));
        if (/^\d+$/.test(s)) {
          report(
            "warning",
            "cell/number-as-text",
            `数字“${String(v)}”以文本形式存储，已按${Number(s)}读取；请转换为数字（Excel：选中单元格—“转换为数字”）`,
          );
          return Number(s);
        }
        report("error", "cell/type", `${c.header}应为整数，此处为“${String(v)}”`);
        return undefined;
      }
      case "date": {
        let iso: string | null = null;
        if (v instanceof Date) iso = isoOf(v);
        else if (typeof v === "number") {
          if (v >= 1 && v < 2958466) {
            iso = isoOf(new Date(Math.round((v - 25569) * 86400000)));
            report(
              "warning",
              "cell/date-serial",
              `日期以数字${v}存储、未设置日期格式，已按${iso}读取；请把单元格格式设为日期`,
            );
          }
        } else if (typeof v === "string") {
          iso = parseDateText(toHalfWidthDigits(v));
          if (iso)
            report(
              "warning",
              "cell/date-as-text",
              `日期“${v}”以文本形式存储，已按${iso}读取；请改为日期格式（如${iso}）`,
            );
        }
        if (!iso) {
          report("error", "cell/type", `${c.header}应为日期，此处为“${displayValue(v)}”`);
          return undefined;
        }
        this.dates.push({ sheet: this.sheet, cell, iso });
        return iso;
      }
    }
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

function isBlank(v: ExcelJS.CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.trim() === "";
  if (typeof v === "object" && !(v instanceof Date) && "richText" in v)
    return v.richText.every((r) => r.text.trim() === "");
  return false;
}

function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoOf(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
  return "";
}

function displayValue(v: unknown): string {
  if (v instanceof Date) return isoOf(v);
  if (typeof v === "object" && v !== null) return cellText(v as ExcelJS.CellValue);
  return String(v);
}

function normalizeHeader(s: string): string {
  return s.replace(/[\s\u3000]/g, "");
}

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

/** Calendar date of an exceljs date (which stores dates as UTC midnight). */
function isoOf(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** "2025-3-28", "2025/03/28", "2025.3.28", "2025年3月28日" → "2025-03-28"; anything else → null. */
function parseDateText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoOf(date);
}

function parseRange(ref: string): { top: number; bottom: number } | null {
  const m = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(ref);
  if (!m) return null;
  return { top: Number(m[1]), bottom: Number(m[2] ?? m[1]) };
}

/** Edit distance, for "did you mean" on headers, sheet names and list values. */
function distance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * The candidate a person most likely meant: containment ("代表建议表" for "代表建议"), or an edit distance of
 * at most half the name (Chinese headers are short: "答复时间" vs "答复日期" differ by two characters).
 */
export function closest(target: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (!c) continue;
    const d = distance(target, c);
    const contains = c.includes(target) || target.includes(c);
    const limit = Math.max(1, Math.floor([...target].length / 2));
    if (!contains && d > limit) continue;
    const score = contains ? d - 0.5 : d;
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** File-level first, then by sheet as the workbook orders them (by first appearance), row, column. */
function sortIssues(issues: LedgerIssue[]): LedgerIssue[] {
  const sheetRank = new Map<string, number>();
  for (const def of LEDGER_TABLES) sheetRank.set(def.sheet, sheetRank.size);
  const pos = (cell?: string) => {
    const m = cell ? /^([A-Z]+)(\d+)/.exec(cell) : null;
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => {
      const sa = a.issue.sheet === undefined ? -1 : (sheetRank.get(a.issue.sheet) ?? 100);
      const sb = b.issue.sheet === undefined ? -1 : (sheetRank.get(b.issue.sheet) ?? 100);
      if (sa !== sb) return sa - sb;
      if ((a.issue.sheet ?? "") !== (b.issue.sheet ?? ""))
        return (a.issue.sheet ?? "").localeCompare(b.issue.sheet ?? "");
      const [ra, ca] = pos(a.issue.cell);
      const [rb, cb] = pos(b.issue.cell);
      return (
        ra! - rb! ||
        ca! - cb! ||
        SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
        a.i - b.i
      );
    })
    .map((x) => x.issue);
}
