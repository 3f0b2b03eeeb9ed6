import ExcelJS from "exceljs";
import {
  type ColumnDef,
  columnLetter,
  LEDGER_TABLES,
  type LedgerInput,
  type LedgerTableName,
  type TableDef,
} from "./schema.ts";

export interface TemplateOptions {
  /** Ledger year: date cells then only accept dates of that year (Excel data validation). */
  year?: number;
  /** Rows the drop-down lists and date checks cover below the header (Excel tables extend on their own). */
  validationRows?: number;
}

export const INSTRUCTIONS_SHEET = "说明";
const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Writes the ledger workbook: the instructions sheet, then one sheet per table holding a real Excel table.
 * With no rows it is the empty template a statistician starts from; with rows (sample data, tests) the same
 * layout filled in. Returns bytes so the CLI (to a file) and the add-in (to Excel) share it.
 */
export async function writeLedgerWorkbook(
  input: LedgerInput = {},
  options: TemplateOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "人大报告助手";
  // Fixed timestamps: the same input gives the same bytes, which keeps fixtures and diffs stable.
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;

  addInstructions(wb, options);
  for (const def of LEDGER_TABLES) {
    const rows = (input[def.table as LedgerTableName] ?? []) as Record<string, unknown>[];
    addTableSheet(wb, def, rows, options);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The empty template (`renda ledger template`). */
export function writeLedgerTemplate(options: TemplateOptions = {}): Promise<Uint8Array> {
  return writeLedgerWorkbook({}, options);
}

function addTableSheet(
  wb: ExcelJS.Workbook,
  def: TableDef,
  rows: Record<string, unknown>[],
  options: TemplateOptions,
) {
  const ws = wb.addWorksheet(def.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({ width: c.width }));

  // An Excel table needs at least one body row; an empty one is what Excel itself creates for a new table.
  const body = rows.length
    ? rows.map((r) => def.columns.map((c) => toCell(c, r[c.key])))
    : [def.columns.map(() => null)];
  ws.addTable({
    name: def.table,
    displayName: def.table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: def.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: body,
  });

  const last = Math.max(body.length + 1, (options.validationRows ?? 2000) + 1);
  def.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const column = ws.getColumn(i + 1);
    if (c.type === "date") column.numFmt = DATE_FORMAT;
    const validation = validationFor(c, options.year);
    if (validation)
      (ws as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${last}`, validation);
  });
  // Column styles do not reach cells that already exist: stamp the date format on the written rows too.
  def.columns.forEach((c, i) => {
    if (c.type !== "date") return;
    for (let r = 2; r <= body.length + 1; r++) ws.getCell(r, i + 1).numFmt = DATE_FORMAT;
  });
}

interface WithValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

function validationFor(c: ColumnDef, year: number | undefined): ExcelJS.DataValidation | null {
  const prompt = c.help.slice(0, 250);
  if (c.type === "enum" && c.values) {
    return {
      type: "list",
      allowBlank: !c.requiredCell,
      // An inline list: the values are short and fixed, and no hidden sheet can get out of step with the schema.
      formulae: [`"${c.values.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "不在允许值中",
      error: `请从下拉列表中选择：${c.values.join("/")}`,
      showInputMessage: true,
      promptTitle: c.header,
      prompt,
    };
  }
  if (c.type === "date") {
    const from = year ? new Date(Date.UTC(year, 0, 1)) : new Date(Date.UTC(1990, 0, 1));
    const to = year ? new Date(Date.UTC(year, 11, 31)) : new Date(Date.UTC(2100, 11, 31));
    return {
      type: "date",
      operator: "between",
      allowBlank: !c.requiredCell,
      formulae: [from, to],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "日期无效",
      error: year ? `请填写${year}年内的日期，格式为${year}-03-28` : "请填写日期，格式为2025-03-28",
      showInputMessage: true,
      promptTitle: c.header,
      prompt,
    };
  }
  if (c.type === "integer") {
    return {
      type: "whole",
      operator: "greaterThanOrEqual",
      allowBlank: !c.requiredCell,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "应为整数",
      error: "请填写不小于0的整数",
      showInputMessage: true,
      promptTitle: c.header,
      prompt,
    };
  }
  return null;
}

function toCell(c: ColumnDef, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (c.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v as ExcelJS.CellValue;
}

function addInstructions(wb: ExcelJS.Workbook, options: TemplateOptions) {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 18 }, { width: 16 }, { width: 90 }];
  const lines: (string | [string, string, string])[] = [
    `人大常委会工作台账${options.year ? `（${options.year}年）` : ""}`,
    "",
    "填写须知",
    "1. 每个工作表中有一个Excel表格，请在表格内逐行填写，不要改动表头、工作表名称和表格名称；新增一行时表格会自动扩展。",
    "2. 带下拉箭头的列请从列表中选择；日期列填写如2025-03-28的日期，不要写成文字；人次、件次等填写整数。",
    "3. 不要合并单元格，不要插入小计、合计行，不要使用公式（统计由工具完成）。",
    "4. 同一次会议的名称在“会议”“议题”“任免”三个表中应完全一致，届次、会次用汉字（如“第二十一次会议”）。",
    "5. 代表建议每件一行，编号不得重复；“办理结果”“满意度”在答复和反馈后填写。",
    "6. 填好后可运行“renda ledger check 台账.xlsx”检查，或在Excel加载项中点击“检查台账”，问题会定位到单元格。",
    "",
    "各表及列说明",
  ];
  for (const def of LEDGER_TABLES) {
    lines.push(["", "", ""]);
    lines.push([`${def.sheet}（${def.table}）`, "", def.purpose]);
    for (const c of def.columns) {
      const allowed = c.values ? `可选值：${c.values.join("/")}。` : "";
      const need = c.requiredCell ? "必填。" : c.requiredColumn ? "可空。" : "可选列。";
      lines.push(["", c.header, `${need}${allowed}${c.help}`]);
    }
  }
  for (const line of lines) ws.addRow(typeof line === "string" ? [line] : line);
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A3").font = { bold: true };
  ws.getCell("A11").font = { bold: true };
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top" };
}
