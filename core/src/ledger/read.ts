import ExcelJS from "exceljs";

/** A worksheet row as a reader yields it: 1-based `values[col]`, exceljs cell values (formulas as objects). */
export interface RawRow {
  number: number;
  values: readonly ExcelJS.CellValue[];
}

export interface RawSheet {
  /** Sheet name, or the zip part path when the reader cannot tell the name. */
  name: string;
  rows: AsyncIterable<RawRow>;
  /**
   * The merged ranges the reader found in the sheet itself, asked for once `rows` is drained: the streaming
   * reader sees `<mergeCells>` only after the cells. Absent when the workbook inspection found them up
   * front (SheetInfo.merges).
   */
  merges?: () => readonly string[];
}

/** The two ways of reading: whole file into exceljs's model, or its streaming reader. */
export type LedgerReader = "full" | "stream";

/**
 * Whole-file reader: exceljs builds the complete workbook model in memory (every cell an object), which is
 * simple and works in the browser, but costs memory proportional to the cell count.
 */
export async function* readFull(bytes: Uint8Array): AsyncGenerator<RawSheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want a Node Buffer; a Uint8Array view over the same memory is what it reads.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    yield { name: ws.name, rows: sheetRows(ws) };
  }
}

async function* sheetRows(ws: ExcelJS.Worksheet): AsyncGenerator<RawRow> {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const values: ExcelJS.CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs hands out the master's value for every cell of a merged area; the file (and the streaming
      // reader) hold it only in the top-left cell. Read it as stored, so both readers report the same.
      values[col] = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
    });
    rows.push({ number, values });
  });
  yield* rows;
}
