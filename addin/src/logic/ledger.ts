/**
 * The ledger as the Excel adapter reads it (cell values per sheet) fed to core's validator, the same checks
 * `renda ledger check` runs on a file; and the summary / export built from the validated rows.
 */
import {
  IssueCollector,
  LEDGER_TABLES,
  LedgerData,
  type LedgerIssue,
  type LedgerTableName,
  LedgerValidator,
} from "../core.ts";
import type { SheetData } from "../ports.ts";

export interface SheetCheck {
  issues: LedgerIssue[];
  counts: { error: number; warning: number; info: number };
  year: number | null;
  rowCounts: Record<LedgerTableName, number>;
  data: LedgerData;
}

export async function checkSheets(sheets: readonly SheetData[], year?: number): Promise<SheetCheck> {
  const collector = new IssueCollector(20);
  const validator = new LedgerValidator(collector);
  validator.plan(sheets.map((s) => ({ name: s.name, path: s.name, tables: s.tables, merges: s.merges })));
  for (const s of sheets) {
    await validator.readSheet({
      name: s.name,
      rows: (async function* () {
        for (const [i, row] of s.values.entries()) {
          // core reads exceljs rows: 1-based sparse arrays indexed by worksheet column.
          const values: unknown[] = [];
          row.forEach((v, j) => {
            values[s.firstColumn + j] = v;
          });
          yield { number: s.firstRow + i, values: values as never };
        }
      })(),
    });
  }
  const decided = validator.finish(year);
  return {
    issues: collector.issues,
    counts: {
      error: collector.count("error"),
      warning: collector.count("warning"),
      info: collector.count("info"),
    },
    year: decided?.year ?? null,
    rowCounts: validator.rowCounts,
    data: validator.data,
  };
}

export interface SheetIssues {
  sheet: string;
  issues: LedgerIssue[];
}

/** Problems grouped by sheet, in the ledger's sheet order, workbook-level ones first; errors first within. */
export function groupBySheet(issues: readonly LedgerIssue[]): SheetIssues[] {
  const order = new Map<string, number>(LEDGER_TABLES.map((t, i) => [t.sheet, i + 1]));
  const groups = new Map<string, LedgerIssue[]>();
  for (const i of issues) {
    const key = i.sheet ?? "";
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const rank = { error: 0, warning: 1, info: 2 };
  return [...groups.entries()]
    .sort((a, b) => (order.get(a[0]) ?? (a[0] ? 99 : 0)) - (order.get(b[0]) ?? (b[0] ? 99 : 0)))
    .map(([sheet, list]) => ({
      sheet,
      issues: [...list].sort((a, b) => rank[a.severity] - rank[b.severity]),
    }));
}

/** The first cell of an issue's cell or range ("A5:A7" → "A5"), for select-on-click. */
export function firstCell(issue: LedgerIssue): string | null {
  return issue.cell ? (issue.cell.split(":")[0] ?? null) : null;
}

/**
 * The 汇总 sheet: rows per table and, for every drop-down column, how many rows hold each allowed value.
 * It is driven by the ledger schema, so a column added there shows up here without code.
 */
export function summaryRows(check: SheetCheck): (string | number)[][] {
  const rows: (string | number)[][] = [
    [`台账汇总${check.year ? `（${check.year}年）` : ""}`],
    ["本表由人大报告助手生成，每次“生成汇总表”时重写，请勿在此表中填写数据。"],
    [`检查结果：错误${check.counts.error}处，警告${check.counts.warning}处，提示${check.counts.info}处`],
    [],
    ["工作表", "项目", "数量"],
  ];
  for (const def of LEDGER_TABLES) {
    const table = def.table as LedgerTableName;
    const data = check.data[table] as Record<string, unknown>[];
    rows.push([def.sheet, "记录行数", check.rowCounts[table]]);
    for (const c of def.columns) {
      if (c.type !== "enum" || !c.values) continue;
      for (const v of c.values) {
        const n = data.filter((r) => r[c.key] === v).length;
        if (n) rows.push([def.sheet, `${c.header}：${v}`, n]);
      }
    }
    for (const c of def.columns.filter((x) => x.type === "integer")) {
      const sum = data.reduce((s, r) => s + (typeof r[c.key] === "number" ? (r[c.key] as number) : 0), 0);
      rows.push([def.sheet, `${c.header}合计`, sum]);
    }
  }
  return rows;
}

export const EXPORT_FORMAT = "renda-ledger-export";

/** What Excel hands to Word: the validated rows (core's LedgerData), so Word computes the same slots as renda fill. */
export interface LedgerExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  year: number | null;
  errors: number;
  data: LedgerData;
}

export function exportLedger(check: SheetCheck): LedgerExport {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    year: check.year,
    errors: check.counts.error,
    data: check.data,
  };
}

/** Validates an exported file at the boundary; the message names what is wrong. */
export function parseExport(text: string): LedgerExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error("文件不是有效的 JSON，请选择 Excel 加载项“导出统计数据”生成的文件");
  }
  const r = raw as Partial<LedgerExport>;
  if (r?.format !== EXPORT_FORMAT || r.version !== 1)
    throw new Error("这不是人大报告助手导出的台账数据文件（format 不符）");
  const data = LedgerData.safeParse(r.data);
  if (!data.success) throw new Error(`台账数据不完整或格式不符：${data.error.issues[0]?.message ?? ""}`);
  return {
    format: EXPORT_FORMAT,
    version: 1,
    year: r.year ?? null,
    errors: Number(r.errors ?? 0),
    data: data.data,
  };
}
