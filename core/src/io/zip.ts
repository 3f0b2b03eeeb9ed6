import { Inflate } from "fflate";
import { InputError } from "./errors.ts";

/**
 * A small ZIP reader/writer for .docx packages.
 *
 * Why not fflate's unzipSync/zipSync: we need the entry sizes from the central directory BEFORE inflating
 * (zip bombs), the inflated output capped at the declared size (a lying header must not grow memory), and a
 * writer that copies untouched entries' compressed bytes and timestamps verbatim, so that filling a document
 * twice gives the same file and only word/document.xml ever changes. fflate still does the (de)compression.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** DOS time and date words, kept as found so a rewritten package keeps its timestamps. */
  dosTime: number;
  dosDate: number;
  /** General purpose flags (bit 0 = encrypted, bit 11 = UTF-8 names). */
  flags: number;
  /** The compressed bytes (a view into the package). */
  raw: Uint8Array;
}

export interface ZipLimits {
  /** Largest uncompressed size accepted for one entry that is read. */
  maxEntrySize: number;
  /** Largest sum of the uncompressed sizes of all entries. */
  maxTotalSize: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntrySize: 200 * 1024 * 1024,
  maxTotalSize: 1024 * 1024 * 1024,
  maxEntries: 10_000,
};

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** Reads the central directory; throws InputError (Chinese, naming the file) for anything unusable. */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const label = `“${file}”`;
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const startsLikeZip = bytes.length >= 4 && u32(bytes, 0) === LOC_SIG;
    throw new InputError(
      startsLikeZip
        ? `${label}不完整：文件像是被截断了（找不到 ZIP 目录），请重新保存或重新获取该文件。`
        : `${label}不是有效的 .docx 文件（不是 ZIP 压缩包）。`,
      file,
    );
  }
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new InputError(`${label}使用了 ZIP64 格式，文件过大，本工具不支持。`, file);
  }
  if (count > limits.maxEntries) {
    throw new InputError(
      `${label}包含 ${count} 个压缩条目，超过上限 ${limits.maxEntries}，已拒绝读取。`,
      file,
    );
  }
  if (cdOffset + cdSize > eocd) {
    throw new InputError(`${label}已损坏：ZIP 目录位置超出文件范围（文件可能被截断）。`, file);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CEN_SIG) {
      throw new InputError(`${label}已损坏：ZIP 目录第 ${n + 1} 项无法读取。`, file);
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const dosTime = u16(bytes, p + 12);
    const dosDate = u16(bytes, p + 14);
    const crc32 = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new InputError(`${label}使用了 ZIP64 格式，文件过大，本工具不支持。`, file);
    }
    total += size;
    if (total > limits.maxTotalSize) {
      throw new InputError(
        `${label}解压后总大小超过 ${Math.round(limits.maxTotalSize / 1048576)} MB（疑似“压缩炸弹”），已拒绝读取。`,
        file,
      );
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOC_SIG) {
      throw new InputError(`${label}已损坏：条目“${name}”的数据位置无效（文件可能被截断）。`, file);
    }
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) {
      throw new InputError(`${label}不完整：条目“${name}”的数据被截断了，请重新保存或重新获取该文件。`, file);
    }
    entries.push({
      name,
      method,
      crc32,
      compressedSize,
      size,
      dosTime,
      dosDate,
      flags,
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
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
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(label, entry.name, file);
    return entry.raw;
  }
  if (entry.method !== 8) {
    throw new InputError(`${label}中的“${entry.name}”使用了不支持的压缩方式（${entry.method}）。`, file);
  }
  // Inflate in chunks into a buffer of the declared size; more output than declared means a forged header.
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      throw new Error("overflow");
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const step = 64 * 1024;
  try {
    for (let i = 0; i < entry.raw.length; i += step) {
      const end = Math.min(i + step, entry.raw.length);
      inflater.push(entry.raw.subarray(i, end), end === entry.raw.length);
    }
    if (entry.raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    if (overflow) {
      throw new InputError(
        `${label}中的“${entry.name}”实际解压大小超过声明值（疑似“压缩炸弹”或文件损坏），已拒绝读取。`,
        file,
      );
    }
    throw corrupt(label, entry.name, file);
  }
  if (written !== entry.size) throw corrupt(label, entry.name, file);
  return out;
}

function corrupt(label: string, name: string, file: string): InputError {
  return new InputError(`${label}已损坏：条目“${name}”无法解压。`, file);
}

// ---------------------------------------------------------------- writing

let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

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
