import type ExcelJS from "exceljs";
import { attributeValue as attr, unescapeXml as decodeXml } from "../io/xml.ts";
import type { RawRow, RawSheet } from "./read.ts";
import {
  DepthGauge,
  inflateLedgerEntry,
  inflateLedgerSlices,
  MergeScanner,
  readPartText,
  STREAM_READER_PARTS,
  type WorkbookInfo,
  type ZipEntry,
  type ZipLimits,
} from "./zip.ts";

/**
 * Streaming reader: inflates each sheet part in slices (fflate) and scans its XML for cells, handing rows
 * over as they complete, so memory stays flat whatever the row count. Pure TypeScript over bytes, so it
 * runs in the browser as well.
 *
 * Each sheet part is inflated exactly once: the same pass gauges its depth (a sheet nested thousands of
 * levels deep is refused, as inspectWorkbook refuses it for the whole-file reader) and collects its merged
 * cells, which the sheet hands over once its rows are drained. The shared strings and the styles are read
 * (and gauged) here once too. Give it a WorkbookInfo from `inspectWorkbook(bytes, limits, "reader")`, which
 * leaves all of these to it: every part of the package is then inflated once.
 *
 * Why not exceljs's own streaming WorkbookReader: in our tests it lost small parts (workbook.xml,
 * styles.xml) depending on timing — dates then came back as plain numbers or parsing stopped with a
 * TypeError, on the same file from one run to the next. A ledger checker cannot be nondeterministic, and the
 * part of SpreadsheetML a ledger uses (shared strings, inline strings, numbers, booleans, errors, formulas
 * with cached results, date styles) is small enough to read directly.
 */
export async function* readStream(_bytes: Uint8Array, info: WorkbookInfo): AsyncGenerator<RawSheet> {
  // The entries hold views of the file's bytes already; the bytes stay in the signature callers know.
  const { limits } = info;
  const byName = new Map(info.entries.map((e) => [e.name, e]));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(info.workbookXml);
  const [sstPart, stylesPart] = STREAM_READER_PARTS;
  const stylesEntry = byName.get(stylesPart);
  const dateStyles = stylesEntry ? parseDateStyles(readPartText(stylesEntry, limits)) : [];
  const sstEntry = byName.get(sstPart);
  const sharedStrings = sstEntry ? readSharedStrings(sstEntry, limits) : [];
  for (const sheet of info.sheets) {
    const entry = byName.get(sheet.path);
    if (!entry) continue;
    const merges = new MergeScanner();
    const gauge = new DepthGauge(entry.name, sheet.name);
    yield {
      name: sheet.name,
      rows: sheetRows(entry, limits, { sharedStrings, dateStyles, date1904 }, gauge, merges),
      merges: () => merges.end(),
    };
  }
}

interface Context {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * Inflates the sheet a compressed slice at a time; yields the rows each slice completes. Every chunk of text
 * goes through the depth gauge first, then the merge scanner and the cell scanner: one inflation serves all
 * three.
 */
async function* sheetRows(
  entry: ZipEntry,
  limits: ZipLimits,
  ctx: Context,
  gauge: DepthGauge,
  merges: MergeScanner,
): AsyncGenerator<RawRow> {
  const scanner = new SheetScanner(ctx);
  const pending: RawRow[] = [];
  const decoder = new TextDecoder();
  const take = (text: string) => {
    gauge.push(text);
    merges.push(text);
    scanner.push(text, pending);
  };
  for (const chunks of inflateLedgerSlices(entry, 256 * 1024, limits)) {
    for (const c of chunks) take(decoder.decode(c, { stream: true }));
    while (pending.length) yield pending.shift()!;
  }
  take(decoder.decode());
  scanner.end(pending);
  while (pending.length) yield pending.shift()!;
}

/** Scans SpreadsheetML sheet text for rows and cells; keeps only an unfinished tail between pushes. */
class SheetScanner {
  private buf = "";
  private row: ExcelJS.CellValue[] = [];
  private rowNumber = 0;
  private nextCol = 1;
  private static readonly TOKEN =
    /<(?:\w+:)?row\b([^>]*?)(\/?)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

  constructor(private readonly ctx: Context) {}

  push(text: string, out: RawRow[]): void {
    this.buf += text;
    const re = SheetScanner.TOKEN;
    re.lastIndex = 0;
    let consumed = 0;
    for (let m = re.exec(this.buf); m; m = re.exec(this.buf)) {
      if (m[0].startsWith("<c") || /^<\w+:c\b/.test(m[0])) {
        // A cell whose closing tag is not here yet matches nothing; a complete one is safe to take.
        this.cell(m[3] ?? "", m[4]);
      } else {
        this.flush(out);
        const r = attr(m[1] ?? "", "r");
        this.rowNumber = r ? Number(r) : this.rowNumber + 1;
        this.nextCol = 1;
      }
      consumed = re.lastIndex;
    }
    this.buf = this.buf.slice(consumed);
    // Cells are never longer than a shared-string index or a number and a formula: a long tail with no match
    // is sheet furniture (merge lists, validations), not a cell to wait for.
    if (this.buf.length > 1 << 20 && !this.buf.includes("<c")) this.buf = this.buf.slice(-1024);
  }

  end(out: RawRow[]): void {
    this.flush(out);
  }

  private flush(out: RawRow[]): void {
    if (this.rowNumber > 0 && this.row.length > 0) out.push({ number: this.rowNumber, values: this.row });
    this.row = [];
  }

  private cell(attrs: string, inner: string | undefined): void {
    const ref = attr(attrs, "r");
    let col = this.nextCol;
    if (ref) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (m) {
        col = 0;
        for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
        const r = Number(m[2]);
        if (r !== this.rowNumber && this.rowNumber !== 0 && this.row.length === 0) this.rowNumber = r;
      }
    }
    this.nextCol = col + 1;
    const value = this.decode(attr(attrs, "t"), Number(attr(attrs, "s") ?? 0), inner ?? "");
    if (value !== null) this.row[col] = value;
  }

  private decode(type: string | undefined, style: number, inner: string): ExcelJS.CellValue {
    const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
    let value: ExcelJS.CellValue = null;
    if (type === "inlineStr") value = texts(inner);
    else if (v !== undefined) {
      if (type === "s") value = this.ctx.sharedStrings[Number(v)] ?? "";
      else if (type === "str") value = unescapeXml(v);
      else if (type === "b") value = v !== "0" && v !== "false";
      else if (type === "e") value = { error: unescapeXml(v) } as ExcelJS.CellErrorValue;
      else if (type === "d") value = new Date(unescapeXml(v));
      else {
        const n = Number(v);
        value = this.ctx.dateStyles[style] ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
    if (f) {
      const formula = unescapeXml(f[2] ?? "");
      return { formula: formula || "（共享公式）", result: value ?? undefined } as ExcelJS.CellFormulaValue;
    }
    return value;
  }
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/**
 * Shared strings, read as a stream: each <si> becomes one string (phonetic runs <rPh> left out). Gauged like
 * every other XML part, since inspectWorkbook leaves this part to this reader.
 */
function readSharedStrings(entry: ZipEntry, limits: ZipLimits): string[] {
  const out: string[] = [];
  const decoder = new TextDecoder();
  const gauge = new DepthGauge(entry.name);
  let buf = "";
  const re = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g;
  const take = (final: boolean) => {
    re.lastIndex = 0;
    let consumed = 0;
    for (let m = re.exec(buf); m; m = re.exec(buf)) {
      out.push(texts((m[1] ?? "").replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")));
      consumed = re.lastIndex;
    }
    buf = final ? "" : buf.slice(consumed);
  };
  inflateLedgerEntry(
    entry,
    (c) => {
      const text = decoder.decode(c, { stream: true });
      gauge.push(text);
      buf += text;
      take(false);
    },
    limits,
  );
  const rest = decoder.decode();
  gauge.push(rest);
  buf += rest;
  take(true);
  return out;
}

function texts(xml: string): string {
  let s = "";
  for (const m of xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    s += unescapeXml(m[1] ?? "");
  return s;
}

/** Which cell style indexes (cellXfs order) carry a date or time number format. */
function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, "numFmtId");
    const code = attr(m[1]!, "formatCode");
    if (id && code) custom.set(Number(id), unescapeXml(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    out.push(isDateFormat(id, custom.get(id)));
  }
  return out;
}

/** Built-in date formats (ECMA-376 18.8.30, with the CJK ids 27–36 and 50–58), or a custom code with y/m/d. */
function isDateFormat(id: number, code: string | undefined): boolean {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return true;
  if (!code) return false;
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymdhs年月日]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Cell text: SpreadsheetML's _xHHHH_ escapes (ECMA-376 Part 1 §22.9.2.19, ST_Xstring), then the XML's own. */
function unescapeXml(s: string): string {
  return decodeXml(
    s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
  );
}
