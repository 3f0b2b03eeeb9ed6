import {
  checkMeetingNumbering,
  checkMeetingRefs,
  checkSuggestionRow,
  checkYear,
  type Locate,
} from "./check/cross.ts";
import { type PlannedSheet, planSheets } from "./check/plan.ts";
import { type DateRef, SheetState } from "./check/sheet.ts";
import { IssueCollector, type LedgerIssue } from "./issues.ts";
import { type LedgerReader, type RawSheet, readFull } from "./read.ts";
import { readStream } from "./read-stream.ts";
import {
  columnLetter,
  emptyLedger,
  LEDGER_TABLES,
  type LedgerData,
  type LedgerTableName,
  ROW_SCHEMAS,
  type TableDef,
} from "./schema.ts";
import {
  DEFAULT_ZIP_LIMITS,
  inspectWorkbook,
  LedgerFileError,
  type SheetInfo,
  type ZipLimits,
} from "./zip.ts";

export { closest } from "./check/closest.ts";

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
    // The streaming reader inflates each sheet once, gauging depth and collecting merged cells as it reads
    // the cells; the whole-file reader needs both done here, before exceljs is given the file.
    const info = inspectWorkbook(
      bytes,
      options.limits ?? DEFAULT_ZIP_LIMITS,
      reader === "stream" ? "reader" : "scan",
    );
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

/**
 * Validates rows as any reader (or the Excel add-in, from Range values) feeds them: plan the sheets from the
 * workbook structure, then one pass over the rows of each sheet, then the cross-sheet checks in `finish`.
 * The concerns live apart: sheet planning (check/plan.ts), one sheet's header, rows and cells (check/sheet.ts,
 * check/cells.ts), checks across rows and sheets (check/cross.ts).
 */
export class LedgerValidator {
  readonly data: LedgerData = emptyLedger();
  readonly rowCounts = Object.fromEntries(LEDGER_TABLES.map((t) => [t.table, 0])) as Record<
    LedgerTableName,
    number
  >;
  private planned = new Map<string, PlannedSheet>();
  private readonly dates: DateRef[] = [];
  /** Every meeting name typed in the Meetings sheet, valid row or not, so one bad cell does not cascade. */
  private readonly meetingNames = new Set<string>();
  private readonly states = new Map<LedgerTableName, SheetState>();
  private readonly locate: Locate = {
    sheetOf: (table) => {
      for (const [name, p] of this.planned) if (p.def.table === table) return name;
      return LEDGER_TABLES.find((t) => t.table === table)!.sheet;
    },
    // The column letter where this workbook actually holds a column (statisticians reorder columns).
    letterOf: (table, key) => this.states.get(table)?.letterOf(key) ?? standardLetter(table, key),
  };

  constructor(private readonly issues: IssueCollector) {}

  /** Maps workbook sheets to ledger tables by sheet name, then table name, then the closest sheet name. */
  plan(sheets: readonly SheetInfo[]): void {
    this.planned = planSheets(sheets, this.issues);
  }

  async readSheet(sheet: RawSheet): Promise<void> {
    const plan = this.planned.get(sheet.name);
    if (!plan) {
      // Streaming readers must still drain the sheet before the next one arrives.
      for await (const _ of sheet.rows) void _;
      return;
    }
    const table = plan.def.table as LedgerTableName;
    const state = new SheetState(plan.def, plan.info, this.issues, this.dates);
    this.states.set(table, state);
    for await (const row of sheet.rows) {
      const { typed, ok } = state.row(row.number, row.values);
      if (typed && table === "Meetings" && typeof typed.name === "string") this.meetingNames.add(typed.name);
      if (typed && ok) {
        const parsed = ROW_SCHEMAS[table].safeParse(typed);
        if (parsed.success) (this.data[table] as unknown[]).push(parsed.data);
        if (table === "Suggestions") checkSuggestionRow(this.issues, this.locate, sheet.name, typed);
      }
    }
    // A streaming reader finds the merged cells after the rows (they follow the cells in the file).
    if (sheet.merges) state.merges(sheet.merges());
    state.end();
    this.rowCounts[table] = state.dataRows;
  }

  /** Cross-sheet checks; decides the ledger year. */
  finish(optionYear?: number): { year: number; source: "option" | "inferred" } | null {
    checkMeetingRefs(this.issues, this.locate, this.data, this.meetingNames);
    checkMeetingNumbering(this.issues, this.locate, this.data);
    return checkYear(this.issues, this.dates, optionYear);
  }
}

function standardLetter(table: LedgerTableName, key: string): string {
  const def = LEDGER_TABLES.find((t) => t.table === table)! as TableDef;
  return columnLetter(def.columns.findIndex((c) => c.key === key) + 1);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * A merged range before the other issues at its top-left cell: the whole-file reader and the add-in know the
 * merges before the rows, the streaming reader only after them, so insertion order alone would list
 * "备案审查!C2:C3 合并单元格" after "备案审查!C3 …为空" in one reader and before it in the other. Merged
 * first is the order statisticians have always seen: it explains the blank cells that follow.
 */
const mergedFirst = (issue: LedgerIssue) => (issue.code === "cell/merged" ? 0 : 1);

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
        mergedFirst(a.issue) - mergedFirst(b.issue) ||
        a.i - b.i
      );
    })
    .map((x) => x.issue);
}
