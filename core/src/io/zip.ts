import { InputError } from "./errors.ts";
import {
  CEN_SIG,
  crc32,
  EOCD_SIG,
  entryData,
  inflateSlices,
  LOC_SIG,
  readCentralDirectory,
  ZipFormatError,
  type ZipFormatProblem,
  type ZipRecord,
} from "./zip-format.ts";

/**
 * The one ZIP reader/writer of core, for the .docx package and the ledger's .xlsx alike (the container format
 * itself, the directory and the capped inflating, is in zip-format.ts). The limits and the refusals are the
 * same for both; only the words differ, a drafter's for a .docx and a statistician's for a 台账, so each
 * caller passes its wording (docxProblem below, the ledger's in ledger/zip.ts).
 *
 * Why not fflate's unzipSync/zipSync: we need the entry sizes from the central directory BEFORE inflating
 * (zip bombs), the inflated output capped at the declared size (a lying header must not grow memory), and a
 * writer that copies untouched entries' compressed bytes and timestamps verbatim, so that filling a document
 * twice gives the same file and only the main document part ever changes. fflate still does the (de)compression.
 */

/** An entry of a package as read (or to be written): its directory fields and its compressed bytes. */
export interface ZipEntry extends Omit<ZipRecord, "localHeaderOffset"> {
  /** The compressed bytes (a view into the package). */
  raw: Uint8Array;
  /** Where the entry's local header sits in the package it was read from; absent for one built to be written. */
  localHeaderOffset?: number;
}

/** An entry as read from a package: it knows where it came from. */
export type ReadZipEntry = ZipEntry & { localHeaderOffset: number };

export interface ZipLimits {
  /** Largest uncompressed size accepted for one entry that is read. */
  maxEntrySize: number;
  /** Largest sum of the uncompressed sizes of all entries. */
  maxTotalSize: number;
  maxEntries: number;
  /**
   * Largest uncompressed/compressed ratio of an entry over 1 MB. Word's XML deflates 5–30:1; a part far above
   * that is repetition built to make the checker work (40 MB of findings from a 172 KB file), not a report.
   */
  maxRatio: number;
}

/** The limits for a .docx (a ledger's, in ledger/zip.ts, allow larger sheets). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntrySize: 200 * 1024 * 1024,
  maxTotalSize: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
};

/** What can be wrong with a package: the container's own problems and the limits' refusals. */
export type ZipProblem =
  | ZipFormatProblem
  | { kind: "encrypted"; name: string }
  | { kind: "entry-too-large"; name: string; size: number }
  | { kind: "ratio"; name: string; ratio: number }
  | { kind: "total-too-large" };

/** A caller's words for a problem, for the people who use that kind of file. */
export type ZipWording = (problem: ZipProblem, limits: ZipLimits) => Error;

/** A drafter's words for what is wrong with the container of their .docx. */
function docxProblem(file: string): ZipWording {
  const label = `“${file}”`;
  return (problem, limits) => {
    switch (problem.kind) {
      case "no-directory":
        return new InputError(
          problem.startsLikeZip
            ? `${label}不完整：文件像是被截断了（找不到 ZIP 目录），请重新保存或重新获取该文件。`
            : `${label}不是有效的 .docx 文件（不是 ZIP 压缩包）。`,
          file,
        );
      case "zip64":
        return new InputError(`${label}使用了 ZIP64 格式，文件过大，本工具不支持。`, file);
      case "too-many-entries":
        return new InputError(
          `${label}包含 ${problem.count} 个压缩条目，超过上限 ${limits.maxEntries}，已拒绝读取。`,
          file,
        );
      case "directory-out-of-range":
        return new InputError(`${label}已损坏：ZIP 目录位置超出文件范围（文件可能被截断）。`, file);
      case "bad-directory-entry":
        return new InputError(`${label}已损坏：ZIP 目录第 ${problem.index + 1} 项无法读取。`, file);
      case "bad-local-header":
        return new InputError(
          `${label}已损坏：条目“${problem.name}”的数据位置无效（文件可能被截断）。`,
          file,
        );
      case "truncated-entry":
        return new InputError(
          `${label}不完整：条目“${problem.name}”的数据被截断了，请重新保存或重新获取该文件。`,
          file,
        );
      case "unsupported-method":
        return new InputError(
          `${label}中的“${problem.name}”使用了不支持的压缩方式（${problem.method}）。`,
          file,
        );
      case "overflow":
        return new InputError(
          `${label}中的“${problem.name}”实际解压大小超过声明值（疑似“压缩炸弹”或文件损坏），已拒绝读取。`,
          file,
        );
      case "corrupt-data":
        return new InputError(`${label}已损坏：条目“${problem.name}”无法解压。`, file);
      case "bad-crc":
        return new InputError(
          `${label}已损坏：条目“${problem.name}”的校验值（CRC-32）不符，内容被改动或损坏，已拒绝读取。请重新保存或重新获取该文件。`,
          file,
        );
      case "bad-name":
        return new InputError(
          `${label}中有名称不合规的条目“${escapeName(problem.name)}”（绝对路径、“..”或特殊字符），疑似恶意文件，已拒绝读取。`,
          file,
        );
      case "duplicate-name":
        return new InputError(`${label}已损坏：条目“${problem.name}”出现了两次，已拒绝读取。`, file);
      case "overlap":
        return new InputError(
          `${label}已损坏：条目“${problem.name}”与“${problem.other}”的数据重叠（疑似“压缩炸弹”或伪造文件），已拒绝读取。`,
          file,
        );
      case "encrypted":
        return new InputError(`${label}中的“${problem.name}”已加密，请先取消密码保护再试。`, file);
      case "entry-too-large":
        return new InputError(
          `${label}中的“${problem.name}”解压后达 ${Math.round(problem.size / 1048576)} MB，超过上限 ${Math.round(limits.maxEntrySize / 1048576)} MB，已拒绝读取（疑似“压缩炸弹”）。`,
          file,
        );
      case "ratio":
        return new InputError(
          `${label}中的“${problem.name}”压缩比达 ${problem.ratio}:1（正常文档不超过 ${limits.maxRatio}:1），疑似“压缩炸弹”，已拒绝读取。`,
          file,
        );
      case "total-too-large":
        return new InputError(
          `${label}解压后总大小超过 ${Math.round(limits.maxTotalSize / 1048576)} MB（疑似“压缩炸弹”），已拒绝读取。`,
          file,
        );
    }
  };
}

/** A hostile name shown without its control characters. */
export function escapeName(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

class Refusal extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
  }
}

function reword<T>(word: ZipWording, limits: ZipLimits, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof Refusal) throw word(e.problem, limits);
    throw e;
  }
}

/**
 * Reads the central directory under the limits, stopping at the first entry over one: the total and the
 * ratio always, each entry's own size too when `entrySizes` is "directory" (a reader that will inflate every
 * entry anyway refuses at once; a .docx reader, which never inflates media, refuses only what it inflates).
 */
export function readZipEntries(
  bytes: Uint8Array,
  limits: ZipLimits,
  word: ZipWording,
  entrySizes: "directory" | "inflate" = "inflate",
): ReadZipEntry[] {
  const entries: ReadZipEntry[] = [];
  let total = 0;
  reword(word, limits, () =>
    readCentralDirectory(bytes, limits.maxEntries, (record) => {
      if (entrySizes === "directory" && record.size > limits.maxEntrySize) {
        throw new Refusal({ kind: "entry-too-large", name: record.name, size: record.size });
      }
      const ratio = record.size / Math.max(record.compressedSize, 1);
      if (record.size > 1024 * 1024 && ratio > limits.maxRatio) {
        throw new Refusal({ kind: "ratio", name: record.name, ratio: Math.round(ratio) });
      }
      total += record.size;
      if (total > limits.maxTotalSize) throw new Refusal({ kind: "total-too-large" });
      entries.push({ ...record, raw: entryData(bytes, record) });
    }),
  );
  return entries;
}

/**
 * Inflates an entry a slice of `sliceSize` compressed bytes at a time, yielding what each slice produced, so
 * a caller can consume and drop it. Refused before any work when encrypted or declared over the limit; the
 * output is capped at the declared size and its CRC-32 checked at the end.
 */
export function* inflateEntrySlices(
  entry: ZipEntry,
  limits: ZipLimits,
  word: ZipWording,
  sliceSize = 64 * 1024,
): Generator<Uint8Array[]> {
  if (entry.flags & 1) throw word({ kind: "encrypted", name: entry.name }, limits);
  if (entry.size > limits.maxEntrySize) {
    throw word({ kind: "entry-too-large", name: entry.name, size: entry.size }, limits);
  }
  // A stored entry is its own data: sizes that disagree mean a damaged or forged header.
  if (entry.method === 0 && entry.compressedSize !== entry.size) {
    throw word({ kind: "corrupt-data", name: entry.name, detail: "存储条目的两个大小不一致" }, limits);
  }
  const slices = inflateSlices(entry.name, entry.raw, entry.method, entry.size, entry.crc32, sliceSize);
  while (true) {
    const next = reword(word, limits, () => slices.next());
    if (next.done) return;
    yield next.value;
  }
}

/** An entry inflated whole, into a buffer of its declared size. */
export function inflateWhole(entry: ZipEntry, limits: ZipLimits, word: ZipWording): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  for (const chunks of inflateEntrySlices(entry, limits, word)) {
    for (const chunk of chunks) {
      out.set(chunk, written);
      written += chunk.length;
    }
  }
  return out;
}

/** Reads a .docx's central directory; throws InputError (Chinese, naming the file) for anything unusable. */
export function readZip(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ReadZipEntry[] {
  return readZipEntries(bytes, limits, docxProblem(file));
}

/** Inflates one entry of a .docx, refusing before any work if its declared size is over the limit. */
export function inflateEntry(
  entry: ZipEntry,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Uint8Array {
  return inflateWhole(entry, limits, docxProblem(file));
}

// ---------------------------------------------------------------- writing

export { crc32 };

/**
 * Writes a package. Entries keep their order, names, timestamps and compressed bytes; no data descriptors
 * and no extra fields, so the output depends only on the entries (deterministic).
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  for (const [i, e] of entries.entries()) size += 30 + 46 + 2 * names[i]!.length + e.raw.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    offsets.push(p);
    view.setUint32(p, LOC_SIG, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.dosTime, true);
    view.setUint16(p + 12, e.dosDate, true);
    view.setUint32(p + 14, e.crc32, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    out.set(e.raw, p + 30 + name.length);
    p += 30 + name.length + e.raw.length;
  }
  const cdStart = p;
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    view.setUint32(p, CEN_SIG, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.dosTime, true);
    view.setUint16(p + 14, e.dosDate, true);
    view.setUint32(p + 16, e.crc32, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, name.length, true);
    // extra, comment, disk, internal attributes, external attributes: zero
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  }
  view.setUint32(p, EOCD_SIG, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
