import { Inflate } from "fflate";

/**
 * The ZIP container format itself, shared by the .docx package reader (io/zip.ts) and the ledger's
 * streaming .xlsx reader (ledger/zip.ts): the central directory, where each entry's data starts, and
 * inflating with the output capped at the declared size. Problems come back as neutral ZipFormatError kinds;
 * each caller words them for its own users (a drafter's .docx, a statistician's 台账) and applies its own
 * limits. fflate does the decompression; it cannot give sizes and offsets before inflating (zip bombs).
 */

export interface ZipRecord {
  name: string;
  /** General purpose flags (bit 0 = encrypted, bit 11 = UTF-8 names). */
  flags: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** DOS time and date words, kept so a rewritten package keeps its timestamps. */
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export type ZipFormatProblem =
  | { kind: "no-directory"; startsLikeZip: boolean }
  | { kind: "zip64"; name?: string }
  | { kind: "too-many-entries"; count: number }
  | { kind: "directory-out-of-range" }
  | { kind: "bad-directory-entry"; index: number }
  | { kind: "bad-local-header"; name: string }
  | { kind: "truncated-entry"; name: string }
  | { kind: "unsupported-method"; name: string; method: number }
  | { kind: "overflow"; name: string; declared: number }
  | { kind: "corrupt-data"; name: string; detail: string }
  | { kind: "bad-crc"; name: string }
  | { kind: "bad-name"; name: string }
  | { kind: "duplicate-name"; name: string }
  | { kind: "overlap"; name: string; other: string };

export class ZipFormatError extends Error {
  constructor(readonly problem: ZipFormatProblem) {
    super(problem.kind);
    this.name = "ZipFormatError";
  }
}

export const EOCD_SIG = 0x06054b50;
export const CEN_SIG = 0x02014b50;
export const LOC_SIG = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/**
 * Reads the central directory. `onRecord` sees each entry as soon as it is read, so a caller's size limits
 * stop a zip bomb before the rest of a forged directory is even parsed.
 */
export function readCentralDirectory(
  bytes: Uint8Array,
  maxEntries: number,
  onRecord: (record: ZipRecord) => void = () => {},
): ZipRecord[] {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipFormatError({
      kind: "no-directory",
      startsLikeZip: bytes.length >= 4 && u32(bytes, 0) === LOC_SIG,
    });
  }
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError({ kind: "zip64" });
  if (count > maxEntries) throw new ZipFormatError({ kind: "too-many-entries", count });
  if (cdOffset + cdSize > eocd) throw new ZipFormatError({ kind: "directory-out-of-range" });
  const records: ZipRecord[] = [];
  const decoder = new TextDecoder("utf-8");
  const seen = new Set<string>();
  let p = cdOffset;
  for (let index = 0; index < count; index++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CEN_SIG) {
      throw new ZipFormatError({ kind: "bad-directory-entry", index });
    }
    const nameLen = u16(bytes, p + 28);
    const record: ZipRecord = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      dosTime: u16(bytes, p + 12),
      dosDate: u16(bytes, p + 14),
      crc32: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
    };
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
    if (
      record.compressedSize === 0xffffffff ||
      record.size === 0xffffffff ||
      record.localHeaderOffset === 0xffffffff
    ) {
      throw new ZipFormatError({ kind: "zip64", name: record.name });
    }
    if (!isPlainPartName(record.name)) throw new ZipFormatError({ kind: "bad-name", name: record.name });
    // Part names are case-insensitive (OPC): two entries that differ only in case are one part twice.
    const key = record.name.toLowerCase();
    if (seen.has(key)) throw new ZipFormatError({ kind: "duplicate-name", name: record.name });
    seen.add(key);
    onRecord(record);
    records.push(record);
  }
  checkNoOverlap(bytes, records, cdOffset);
  return records;
}

/**
 * A plain relative path: no absolute path, drive letter, backslash, "." or ".." segment, empty segment or
 * control character. Anything else is either a damaged directory or an attempt to make a tool that copies
 * entries (fill) write outside a folder or smuggle a second copy of a part.
 */
export function isPlainPartName(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return false;
  if (/[\\\x00-\x1f\x7f]/.test(name) || name.startsWith("/") || /^[A-Za-z]:/.test(name)) return false;
  const segments = (name.endsWith("/") ? name.slice(0, -1) : name).split("/");
  return segments.every((seg) => seg !== "" && seg !== "." && seg !== "..");
}

/**
 * Each entry's local header and data must lie before the next entry and before the directory: overlapping
 * entries are the trick behind non-recursive zip bombs (one deflate stream shared by thousands of entries)
 * and behind files that read differently in different programs.
 */
function checkNoOverlap(bytes: Uint8Array, records: readonly ZipRecord[], cdOffset: number): void {
  const sorted = [...records].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (const [i, r] of sorted.entries()) {
    const h = r.localHeaderOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== LOC_SIG) {
      throw new ZipFormatError({ kind: "bad-local-header", name: r.name });
    }
    const end = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28) + r.compressedSize;
    const next = sorted[i + 1];
    if (next && next.localHeaderOffset < end) {
      throw new ZipFormatError({ kind: "overlap", name: r.name, other: next.name });
    }
    if (!next && end > cdOffset) {
      throw new ZipFormatError({
        kind: end > bytes.length ? "truncated-entry" : "overlap",
        name: r.name,
        other: "ZIP 目录",
      });
    }
  }
}

/** The compressed bytes of an entry, found through its local header. */
export function entryData(bytes: Uint8Array, record: ZipRecord): Uint8Array {
  const h = record.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== LOC_SIG) {
    throw new ZipFormatError({ kind: "bad-local-header", name: record.name });
  }
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + record.compressedSize > bytes.length) {
    throw new ZipFormatError({ kind: "truncated-entry", name: record.name });
  }
  return bytes.subarray(start, start + record.compressedSize);
}

/**
 * Inflates `data` in slices of `sliceSize` compressed bytes, yielding the output each slice produced, so a
 * caller can consume and drop it. Output beyond `declared` bytes stops at once: a lying header is the
 * classic way around a directory-only size check.
 */
export function* inflateSlices(
  name: string,
  data: Uint8Array,
  method: number,
  declared: number,
  expectedCrc: number,
  sliceSize = 64 * 1024,
): Generator<Uint8Array[]> {
  let produced = 0;
  let crc = 0xffffffff;
  const out: Uint8Array[] = [];
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > declared) throw new ZipFormatError({ kind: "overflow", name, declared });
    crc = crc32Update(crc, chunk);
    out.push(chunk);
  };
  // Checked once the last byte is out: a tampered or bit-rotted part is refused, never read silently.
  const finish = () => {
    if (produced !== declared) {
      throw new ZipFormatError({
        kind: "corrupt-data",
        name,
        detail: `解压后 ${produced} 字节，声明为 ${declared} 字节`,
      });
    }
    if ((crc ^ 0xffffffff) >>> 0 !== expectedCrc >>> 0) throw new ZipFormatError({ kind: "bad-crc", name });
  };
  if (method === 0) {
    take(data);
    finish();
    yield out.splice(0);
    return;
  }
  if (method !== 8) throw new ZipFormatError({ kind: "unsupported-method", name, method });
  const inflater = new Inflate((chunk) => take(chunk));
  for (let i = 0; i < Math.max(data.length, 1); i += sliceSize) {
    try {
      inflater.push(data.subarray(i, i + sliceSize), i + sliceSize >= data.length);
    } catch (e) {
      if (e instanceof ZipFormatError) throw e;
      throw new ZipFormatError({ kind: "corrupt-data", name, detail: (e as Error).message });
    }
    if (i + sliceSize >= data.length) finish();
    yield out.splice(0);
  }
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as ZIP uses it) continued over `data`; start with 0xffffffff, finish with ^ 0xffffffff. */
export function crc32Update(crc: number, data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let c = crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c >>> 0;
}

export function crc32(data: Uint8Array): number {
  return (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0;
}
