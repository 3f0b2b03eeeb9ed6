import { DEFAULT_DOCUMENT_PART } from "../io/docx-package.ts";
import { attributeValue as attr, MAX_XML_DEPTH, unescapeXml } from "../io/xml.ts";
import {
  escapeName,
  inflateEntrySlices,
  inflateWhole,
  type ReadZipEntry,
  readZipEntries,
  type ZipEntry,
  type ZipLimits,
  type ZipWording,
} from "../io/zip.ts";

/**
 * Looks at the bytes of a would-be ledger before any spreadsheet library touches them: what kind of file it
 * is (xlsx, old .xls, encrypted xlsx, csv/text, another zip format), whether its zip directory announces a
 * zip bomb, and the workbook's structure (sheet names → parts, Excel tables, merged cells).
 *
 * The directory is parsed here rather than through fflate's `unzipSync({ filter })`: the filter exposes the
 * sizes but not the local-header offsets, and the offsets let us inflate one part at a time as a stream, so
 * a 50 MB sheet is scanned in 64 KB slices and an entry that inflates past its declared size is stopped at
 * once (a lying header is the classic way around a directory-only check).
 */

/**
 * A ledger's limits: sheets of a big county's ledger run to tens of MB and repeat themselves more than a
 * report's XML does, so they are larger than a .docx's. Every entry is inflated when a ledger is read, so the
 * size of each is refused from the directory already.
 */
export const LEDGER_ZIP_LIMITS: ZipLimits = {
  maxTotalSize: 1024 * 1024 * 1024,
  maxEntrySize: 512 * 1024 * 1024,
  maxRatio: 1000,
  maxEntries: 10_000,
};
/** The name the ledger's callers have always used for its limits. */
export { LEDGER_ZIP_LIMITS as DEFAULT_ZIP_LIMITS };
export type { ZipEntry, ZipLimits };

/** A problem that makes the file unusable as a ledger (CLI exit code 2). */
export class LedgerFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "LedgerFileError";
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Names the kind of file for the error message, or returns "zip" for anything worth opening as xlsx. */
export function sniff(bytes: Uint8Array): "zip" | "cfb-encrypted" | "cfb" | "text" | "empty" | "unknown" {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // An encrypted .xlsx is an OLE compound file holding "EncryptionInfo" and "EncryptedPackage" streams;
    // the directory stores stream names in UTF-16LE.
    return indexOfUtf16(bytes, "EncryptedPackage") >= 0 || indexOfUtf16(bytes, "EncryptionInfo") >= 0
      ? "cfb-encrypted"
      : "cfb";
  }
  if (looksLikeText(bytes)) return "text";
  return "unknown";
}

function indexOfUtf16(bytes: Uint8Array, s: string): number {
  const pattern = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pattern[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n / 100;
}

/** A statistician's words for what is wrong with the container of their 台账. */
const ledgerProblem: ZipWording = (problem, limits) => {
  switch (problem.kind) {
    case "no-directory":
      return corrupt("找不到压缩包目录（文件可能不完整或已损坏）");
    case "zip64":
      return problem.name
        ? new LedgerFileError(
            "file/too-large",
            `压缩包内“${problem.name}”使用ZIP64大小标记，超出台账文件的合理大小，未读取`,
          )
        : new LedgerFileError("file/too-large", "文件使用ZIP64格式，超出台账文件的合理大小，未读取");
    case "too-many-entries":
      return new LedgerFileError(
        "file/zip-bomb",
        `压缩包内有${problem.count}个文件，超过上限${limits.maxEntries}，疑似恶意文件，未解压`,
      );
    case "directory-out-of-range":
    case "bad-directory-entry":
      return corrupt("压缩包目录已损坏");
    case "bad-local-header":
      return corrupt(`“${problem.name}”的文件头已损坏`);
    case "truncated-entry":
      return corrupt(`“${problem.name}”的数据不完整`);
    case "unsupported-method":
      return corrupt(`“${problem.name}”使用了不支持的压缩方式${problem.method}`);
    case "overflow":
      return bomb(
        `压缩包内“${problem.name}”解压后超过目录中声明的${problem.declared}字节，疑似伪造的压缩炸弹`,
      );
    case "corrupt-data":
      return corrupt(`“${problem.name}”无法解压（${problem.detail}）`);
    case "bad-crc":
      return corrupt(`“${problem.name}”的校验值（CRC-32）不符，内容被改动或损坏`);
    case "bad-name":
      return corrupt(
        `压缩包内有名称不合规的条目“${escapeName(problem.name)}”（绝对路径、“..”或特殊字符），疑似恶意文件`,
      );
    case "duplicate-name":
      return corrupt(`压缩包内“${problem.name}”出现了两次`);
    case "overlap":
      return bomb(`压缩包内“${problem.name}”与“${problem.other}”的数据重叠，疑似伪造的压缩炸弹`);
    case "encrypted":
      return corrupt(`“${problem.name}”已加密，无法读取`);
    case "entry-too-large":
      return bomb(
        `压缩包内“${problem.name}”解压后为${mb(problem.size)}，超过单个文件上限${mb(limits.maxEntrySize)}`,
      );
    case "ratio":
      return bomb(`压缩包内“${problem.name}”压缩比为${problem.ratio}:1，疑似压缩炸弹`);
    case "total-too-large":
      return bomb(`压缩包解压后总大小超过${mb(limits.maxTotalSize)}，疑似压缩炸弹`);
  }
};

/** Reads the central directory, stopping at the first entry over a limit. Throws LedgerFileError. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = LEDGER_ZIP_LIMITS): ReadZipEntry[] {
  return readZipEntries(bytes, limits, ledgerProblem, "directory");
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const corrupt = (why: string) => new LedgerFileError("file/corrupt", `文件已损坏，无法作为.xlsx读取：${why}`);
const bomb = (why: string) => new LedgerFileError("file/zip-bomb", `${why}，未解压`);

/**
 * Streams one entry's uncompressed bytes to `onChunk`, in slices, never holding the whole part.
 * Stops with file/zip-bomb as soon as the output exceeds the size the directory declared.
 */
export function inflateLedgerEntry(
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  limits: ZipLimits = LEDGER_ZIP_LIMITS,
): void {
  for (const chunks of inflateLedgerSlices(entry, 64 * 1024, limits)) for (const c of chunks) onChunk(c);
}

/** The uncompressed chunks of each slice of compressed input, in the ledger's words (io/zip.ts does the work). */
export function inflateLedgerSlices(
  entry: ZipEntry,
  sliceSize: number,
  limits: ZipLimits = LEDGER_ZIP_LIMITS,
): Generator<Uint8Array[]> {
  return inflateEntrySlices(entry, limits, ledgerProblem, sliceSize);
}

/** Small parts (workbook.xml, rels, tables) read whole, as text. */
export function readEntryText(entry: ZipEntry, limits: ZipLimits = LEDGER_ZIP_LIMITS): string {
  return new TextDecoder().decode(inflateWhole(entry, limits, ledgerProblem));
}

export interface SheetInfo {
  name: string;
  /** Part name inside the zip, e.g. "xl/worksheets/sheet2.xml". */
  path: string;
  tables: { name: string; ref: string }[];
  /** Merged ranges, e.g. "A5:A7". */
  merges: string[];
}

export interface WorkbookInfo {
  entries: ZipEntry[];
  sheets: SheetInfo[];
  /** xl/workbook.xml as read here, so no reader inflates it again. */
  workbookXml: string;
  /** The limits the file was checked under, for the reader that inflates it next. */
  limits: ZipLimits;
}

/**
 * Checks the file kind and the zip directory, then reads the workbook's structure.
 *
 * `sheetParts` says who inflates the sheets. "scan" (for exceljs's whole-file reader): every sheet part is
 * inflated here once as a stream to find its merged cells and gauge its depth, which also proves that no
 * part inflates beyond its declared size before exceljs is given the file. "reader" (for the streaming
 * reader, read-stream.ts): the sheets are left alone and their `merges` empty, because that reader gauges
 * the depth and collects the merged cells in the same pass that reads the cells; inflating a sheet of tens
 * of MB twice doubled the work of the reader meant for big ledgers. The streaming reader reads the shared
 * strings and the styles as well, so those are left to it too, under the same checks (readPartText,
 * DepthGauge): with it, every part of the package is inflated once.
 */
export function inspectWorkbook(
  bytes: Uint8Array,
  limits: ZipLimits = LEDGER_ZIP_LIMITS,
  sheetParts: "scan" | "reader" = "scan",
): WorkbookInfo {
  const kind = sniff(bytes);
  if (kind === "empty") throw new LedgerFileError("file/empty", "文件为空（0字节）");
  if (kind === "cfb-encrypted")
    throw new LedgerFileError(
      "file/encrypted",
      "工作簿设有打开密码（已加密），无法读取。请在Excel中“文件—信息—保护工作簿—用密码进行加密”清除密码后另存，再检查",
    );
  if (kind === "cfb")
    throw new LedgerFileError(
      "file/xls",
      "这是旧版Excel 97-2003工作簿（.xls），请在Excel或WPS中“另存为”Excel工作簿（.xlsx），最好使用“renda ledger template”生成的模板",
    );
  if (kind === "text")
    throw new LedgerFileError(
      "file/csv",
      "这是文本文件（如CSV），不是Excel工作簿。CSV只能保存一张表，也没有下拉列表和日期格式；请把数据粘贴到模板（renda ledger template）中保存为.xlsx",
    );
  if (kind !== "zip") throw new LedgerFileError("file/not-xlsx", "不是Excel工作簿（.xlsx）文件，无法读取");

  const entries = readZipDirectory(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get("xl/workbook.xml");
  if (!workbookEntry) {
    if (byName.has(DEFAULT_DOCUMENT_PART))
      throw new LedgerFileError("file/not-xlsx", "这是Word文档（.docx），不是Excel工作簿；台账应为.xlsx文件");
    if (byName.has("content.xml") || byName.has("mimetype"))
      throw new LedgerFileError(
        "file/not-xlsx",
        "这是OpenDocument表格（.ods）或其他格式，请在WPS或LibreOffice中另存为Excel工作簿（.xlsx）",
      );
    throw new LedgerFileError(
      "file/not-xlsx",
      "压缩包中没有Excel工作簿内容（xl/workbook.xml），不是.xlsx文件",
    );
  }

  // The parts read here whole are checked as they are read (CRC-32, size, depth); none is inflated twice.
  const inflated = new Set<string>();
  const readPart = (entry: ZipEntry) => {
    inflated.add(entry.name);
    return readPartText(entry, limits);
  };
  const workbookXml = readPart(workbookEntry);
  const relsEntry = byName.get("xl/_rels/workbook.xml.rels");
  const rels = relsEntry ? parseRels(readPart(relsEntry)) : new Map<string, string>();
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1]!;
    const name = unescapeXml(attr(attrs, "name") ?? "");
    // A sheet the workbook lists but whose data cannot be reached is damage, never "0 rows": a ledger read
    // as empty would pass the check and drop its figures from the report without a word.
    const rid = attr(attrs, "r:id") ?? attr(attrs, "id");
    if (!rid) throw sheetDamaged(name, "工作簿中没有指向它的数据的关系编号（r:id）");
    const target = rels.get(rid);
    if (target === undefined)
      throw sheetDamaged(
        name,
        `关系“${rid}”在 xl/_rels/workbook.xml.rels 中${relsEntry ? "不存在" : "缺失（该文件不在压缩包中）"}`,
      );
    const path = resolvePart("xl/", target);
    if (path === null) throw sheetDamaged(name, `数据位置“${escapeName(target)}”指向压缩包之外`);
    if (!byName.has(path)) throw sheetDamaged(name, `数据部件“${path}”不在压缩包中`);
    sheets.push({ name, path, tables: [], merges: [] });
  }

  for (const sheet of sheets) {
    const entry = byName.get(sheet.path)!;
    const sheetRels = byName.get(sheet.path.replace(/([^/]+)$/, "_rels/$1.rels"));
    if (sheetRels) {
      for (const target of parseRels(readPart(sheetRels), "/table").values()) {
        const tablePath = resolvePart(sheet.path.replace(/[^/]+$/, ""), target);
        if (tablePath === null)
          throw sheetDamaged(sheet.name, `表格定义“${escapeName(target)}”指向压缩包之外`);
        const tableEntry = byName.get(tablePath);
        if (!tableEntry) throw sheetDamaged(sheet.name, `表格定义“${tablePath}”不在压缩包中`);
        const xml = readPart(tableEntry);
        const head = /<(?:\w+:)?table\b([^>]*)>/.exec(xml)?.[1] ?? "";
        const tname = attr(head, "displayName") ?? attr(head, "name");
        const ref = attr(head, "ref");
        if (tname && ref) sheet.tables.push({ name: unescapeXml(tname), ref });
      }
    }
    if (sheetParts === "scan") sheet.merges = scanMerges(entry, sheet.name, limits);
    inflated.add(sheet.path);
  }
  if (sheetParts === "reader") for (const name of STREAM_READER_PARTS) inflated.add(name);
  {
    // Every other part is inflated once, streaming and discarding: its CRC-32 and depth are checked for both
    // readers alike, so they give the same verdict on a damaged file. A library that inflates the whole file
    // at once (exceljs's xlsx.load) trusts the headers; prove every remaining part inflates within its
    // declared size first, streaming and discarding the output. The sheets are not among them: scanned
    // above, or left to the streaming reader, which checks them the same way.
    const decoder = new TextDecoder();
    for (const e of entries) {
      if (inflated.has(e.name) || e.size === 0) continue;
      // exceljs's parser reads a part nested thousands of levels deep as empty sheets; refuse it here, so
      // both readers give the same verdict.
      const gauge = e.name.endsWith(".xml") || e.name.endsWith(".rels") ? new DepthGauge(e.name) : null;
      inflateLedgerEntry(e, (c) => gauge?.push(decoder.decode(c, { stream: true })), limits);
    }
  }
  return { entries, sheets, workbookXml, limits };
}

/** The parts besides the sheets that read-stream.ts reads and checks itself. */
export const STREAM_READER_PARTS = ["xl/sharedStrings.xml", "xl/styles.xml"] as const;

/** Thrown for a sheet the workbook lists but whose data is missing or out of reach. */
function sheetDamaged(sheet: string, why: string): LedgerFileError {
  return new LedgerFileError(
    "file/sheet-damaged",
    `工作表“${sheet}”的数据无法读取：${why}。文件已损坏，请用Excel或WPS打开后另存，或从备份恢复后再检查`,
  );
}

/** A small part read whole (workbook, relationships, table definitions), refused when nested absurdly deep. */
export function readPartText(entry: ZipEntry, limits: ZipLimits): string {
  const text = readEntryText(entry, limits);
  new DepthGauge(entry.name).push(text);
  return text;
}

/**
 * Element depth across streamed chunks: a tail without its ">" is carried to the next chunk. Both readers
 * gauge every sheet with it (this file for the whole-file reader, read-stream.ts for the streaming one), so a
 * part nested absurdly deep is refused with the same message by either.
 */
export class DepthGauge {
  private depth = 0;
  private carry = "";
  constructor(
    private readonly part: string,
    private readonly sheet?: string,
  ) {}
  push(text: string): void {
    const s = this.carry + text;
    let i = s.indexOf("<");
    let done = 0;
    while (i !== -1) {
      const close = s.indexOf(">", i);
      if (close === -1) break;
      const next = s.charCodeAt(i + 1);
      if (next === 0x2f) this.depth--;
      else if (next !== 0x3f && next !== 0x21 && s.charCodeAt(close - 1) !== 0x2f) {
        if (++this.depth > MAX_XML_DEPTH) {
          const where = this.sheet ? `工作表“${this.sheet}”（${this.part}）` : `“${this.part}”`;
          throw corrupt(`${where}嵌套超过${MAX_XML_DEPTH}层，不是Excel或WPS正常保存的内容`);
        }
      }
      done = close + 1;
      i = s.indexOf("<", done);
    }
    this.carry = i === -1 ? "" : s.slice(i, i + (1 << 16));
  }
}

/** The merged ranges of a sheet part, in file order: one streamed pass with the depth gauge. */
function scanMerges(entry: ZipEntry, sheet: string, limits: ZipLimits): string[] {
  const gauge = new DepthGauge(entry.name, sheet);
  const merges = new MergeScanner();
  const decoder = new TextDecoder();
  inflateLedgerEntry(
    entry,
    (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      gauge.push(text);
      merges.push(text);
    },
    limits,
  );
  merges.push(decoder.decode());
  return merges.end();
}

/**
 * Collects `<mergeCell ref="A5:A7"/>` from sheet text pushed in chunks. SpreadsheetML puts `<mergeCells>`
 * after `<sheetData>` (ECMA-376 Part 1, sml.xsd, the sequence of CT_Worksheet), so the ranges are known only
 * once the whole sheet has been read. Shared by both readers so they find the same ranges.
 */
export class MergeScanner {
  private readonly ranges: string[] = [];
  private carry = "";
  private static readonly MERGE = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;

  push(text: string): void {
    const s = this.carry + text;
    const re = MergeScanner.MERGE;
    let lastEnd = 0;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      this.ranges.push(m[1]!);
      lastEnd = re.lastIndex;
    }
    // Keep a short tail so a tag split across two chunks is still seen, but never re-match a found one.
    this.carry = s.slice(Math.max(lastEnd, s.length - 80));
  }

  /** The ranges found, once the last chunk is in. */
  end(): string[] {
    this.carry = "";
    return this.ranges;
  }
}

function parseRels(xml: string, typeSuffix?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    const type = attr(m[1]!, "Type") ?? "";
    // An external target (TargetMode="External") is a link out of the package, never a part of it.
    const external = attr(m[1]!, "TargetMode") === "External";
    if (id && target && (!typeSuffix || type.endsWith(typeSuffix)))
      out.set(id, external ? `external:${unescapeXml(target)}` : unescapeXml(target));
  }
  return out;
}

/** The part a relationship target names, or null when it leaves the package (a URL, "..", past the root). */
function resolvePart(base: string, target: string): string | null {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || target.startsWith("//") || target.includes("\\"))
    return null;
  const parts = target.startsWith("/") ? target.slice(1).split("/") : (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else if (p !== "." && p !== "") out.push(p);
  }
  return out.length > 0 ? out.join("/") : null;
}
