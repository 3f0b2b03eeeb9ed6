import ExcelJS from "exceljs";
import { kindName } from "../sections/kinds.ts";
import { positionAt, type TextDocument } from "../text/model.ts";
import { type CompareResult, GRADE_NAMES } from "./compare.ts";

/** The table's sheets and columns, named as an office names them (the 落实情况 list a report annexes). */
export const TABLE_SHEET = "落实情况对照表";
export const UNPLANNED_SHEET = "计划外工作";
export const TABLE_COLUMNS = [
  "序号",
  "所在部分",
  "工作要点事项",
  "落实情况",
  "报告中的依据",
  "依据位置",
  "相似度",
  "备注",
] as const;

export interface TableSides {
  planPath: string;
  reportPath: string;
  planDoc: TextDocument;
  reportDoc: TextDocument;
}

/** “第12行（监督工作）”: where the evidence is, as the user finds it in the report. */
export function placeOf(doc: TextDocument, offset: number, section: string | null): string {
  const { line } = positionAt(doc, offset);
  return section ? `第${line}行（${section}）` : `第${line}行`;
}

/**
 * The 落实情况对照表 as .xlsx bytes: one row per plan item with its grade, its first evidence and where that is,
 * further evidence in the rows under it, and an empty 备注 column for the office's own remarks; the report's
 * unplanned work on a second sheet. Fixed timestamps: the same comparison gives the same bytes.
 */
export async function writeCompareTable(result: CompareResult, sides: TableSides): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "人大报告助手";
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(TABLE_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.addRow([
    `工作要点：${sides.planPath}（${kindName(result.plan.kind)}${result.plan.year ? `，${result.plan.year}年` : ""}）；工作报告：${sides.reportPath}（${kindName(result.report.kind)}${result.report.year ? `，${result.report.year}年` : ""}）`,
  ]);
  ws.mergeCells(1, 1, 1, TABLE_COLUMNS.length);
  const header = ws.addRow([...TABLE_COLUMNS]);
  header.font = { bold: true };
  for (const item of result.items) {
    const [first, ...more] = item.evidence;
    ws.addRow([
      Number(item.id),
      item.section ?? "",
      item.text,
      GRADE_NAMES[item.grade],
      first?.text ?? "",
      first ? placeOf(sides.reportDoc, first.start, first.section) : "",
      first ? first.score : "",
      "",
    ]);
    for (const e of more) {
      ws.addRow(["", "", "", "", e.text, placeOf(sides.reportDoc, e.start, e.section), e.score, ""]);
    }
  }
  const widths = [6, 18, 48, 10, 60, 22, 8, 24];
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.alignment = { wrapText: true, vertical: "top" };
  });
  const un = wb.addWorksheet(UNPLANNED_SHEET);
  un.addRow(["序号", "所在部分", "报告中的工作", "位置", "备注"]).font = { bold: true };
  result.unplanned.forEach((u, i) => {
    un.addRow([i + 1, u.section ?? "", u.text, placeOf(sides.reportDoc, u.start, u.section), ""]);
  });
  [6, 18, 70, 22, 24].forEach((w, i) => {
    const col = un.getColumn(i + 1);
    col.width = w;
    col.alignment = { wrapText: true, vertical: "top" };
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
