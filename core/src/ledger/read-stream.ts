import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawRow, RawSheet } from "./read.ts";

/**
 * Streaming reader (Node only, so it is imported lazily by check.ts and never reaches the add-in bundle):
 * rows are parsed and handed over one at a time, so memory stays flat whatever the row count.
 *
 * exceljs names a streamed sheet only when it has already seen workbook.xml; files written by exceljs put
 * that part last, so the sheet is identified by its part number and named from our own directory scan.
 */
export async function* readStream(
  bytes: Uint8Array,
  namesByPath: ReadonlyMap<string, string>,
): AsyncGenerator<RawSheet> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  // exceljs looks up `model.sheets` for every sheet part; when workbook.xml comes after the sheets and the
  // shared strings before them (exceljs's own writer does this), the model is still undefined and it throws.
  // An empty model until workbook.xml arrives is harmless: we name the sheets ourselves.
  (reader as unknown as { model: unknown }).model = { sheets: [] };
  let lastSheetNo: string | undefined;
  (reader as unknown as NodeJS.EventEmitter).on("entry", (e: { type: string; id?: string }) => {
    if (e.type === "worksheet") lastSheetNo = e.id;
  });
  for await (const ws of reader) {
    const path = `xl/worksheets/sheet${lastSheetNo}.xml`;
    const name = namesByPath.get(path) ?? (ws as unknown as { name?: string }).name ?? path;
    yield { name, rows: rowsOf(ws as unknown as AsyncIterable<ExcelJS.Row>) };
  }
}

async function* rowsOf(ws: AsyncIterable<ExcelJS.Row>): AsyncGenerator<RawRow> {
  for await (const row of ws) yield { number: row.number, values: row.values as ExcelJS.CellValue[] };
}
