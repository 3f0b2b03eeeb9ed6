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
 * The .docx package's ZIP reader/writer (the container format itself is in zip-format.ts, shared with the
 * ledger's .xlsx reader).
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
}

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

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntrySize: 200 * 1024 * 1024,
  maxTotalSize: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
};

/** A drafter's words for what is wrong with the container of their .docx. */
function docxProblem(problem: ZipFormatProblem, file: string, limits: ZipLimits): InputError {
  const label = `“${file}”`;
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
      return new InputError(`${label}已损坏：条目“${problem.name}”的数据位置无效（文件可能被截断）。`, file);
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
      return corrupt(label, problem.name, file);
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
  }
}

/** A hostile name shown without its control characters. */
export function escapeName(name: string): string {
  return name.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function reword<T>(file: string, limits: ZipLimits, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ZipFormatError) throw docxProblem(e.problem, file, limits);
    throw e;
  }
}

/** Reads the central directory; throws InputError (Chinese, naming the file) for anything unusable. */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let total = 0;
  reword(file, limits, () =>
    readCentralDirectory(bytes, limits.maxEntries, (record) => {
      if (record.size > 1024 * 1024 && record.size / Math.max(record.compressedSize, 1) > limits.maxRatio) {
        throw new InputError(
          `“${file}”中的“${record.name}”压缩比达 ${Math.round(record.size / Math.max(record.compressedSize, 1))}:1（正常文档不超过 ${limits.maxRatio}:1），疑似“压缩炸弹”，已拒绝读取。`,
          file,
        );
      }
      total += record.size;
      if (total > limits.maxTotalSize) {
        throw new InputError(
          `“${file}”解压后总大小超过 ${Math.round(limits.maxTotalSize / 1048576)} MB（疑似“压缩炸弹”），已拒绝读取。`,
          file,
        );
      }
      const { localHeaderOffset: _offset, ...fields } = record;
      entries.push({ ...fields, raw: entryData(bytes, record) });
    }),
  );
  return entries;
}

/** Inflates one entry, refusing before any work if its declared size is over the limit. */
export function inflateEntry(
  entry: ZipEntry,
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Uint8Array {
  const label = `“${file}”`;
  if (entry.flags & 1) {
    throw new InputError(`${label}中的“${entry.name}”已加密，请先取消密码保护再试。`, file);
  }
  if (entry.size > limits.maxEntrySize) {
    throw new InputError(
      `${label}中的“${entry.name}”解压后达 ${Math.round(entry.size / 1048576)} MB，超过上限 ${Math.round(limits.maxEntrySize / 1048576)} MB，已拒绝读取（疑似“压缩炸弹”）。`,
      file,
    );
  }
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw corrupt(label, entry.name, file);
  // Into a buffer of the declared size; more output than declared means a forged header.
  const out = new Uint8Array(entry.size);
  let written = 0;
  reword(file, limits, () => {
    for (const chunks of inflateSlices(entry.name, entry.raw, entry.method, entry.size, entry.crc32)) {
      for (const chunk of chunks) {
        out.set(chunk, written);
        written += chunk.length;
      }
    }
  });
  if (written !== entry.size) throw corrupt(label, entry.name, file);
  return out;
}

function corrupt(label: string, name: string, file: string): InputError {
  return new InputError(`${label}已损坏：条目“${name}”无法解压。`, file);
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
