import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../io/errors.ts";
import { DEFAULT_MAX_READ_BYTES, tooBig } from "../io/read-limits.ts";

export { DEFAULT_MAX_READ_BYTES, LEDGER_MAX_BYTES, LEDGER_READ } from "../io/read-limits.ts";

/**
 * Reads a file the user named; every failure becomes an InputError that names the file in Chinese.
 *
 * Only regular files: /dev/zero would grow memory without end and a FIFO would block forever, so the file is
 * opened non-blocking (a FIFO then opens at once) and refused unless fstat says it is a regular file. The size
 * cap is checked on fstat before reading and again while reading (a file that grows under us, or a /proc file
 * whose size says 0, is stopped at the cap, not after it has filled memory).
 */
export async function readUserFile(
  path: string,
  options: { maxBytes?: number; what?: string } = {},
): Promise<Uint8Array> {
  return readUserFileSync(path, options);
}

export function readUserFileSync(
  path: string,
  options: { maxBytes?: number; what?: string } = {},
): Uint8Array {
  const max = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
  const what = options.what ?? "文件";
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(e, path);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${path}：这是文件夹，请给出文件`, path);
    if (!st.isFile()) {
      throw new InputError(
        `${path}：不是普通文件（设备、管道或套接字），不读取；请给出保存在磁盘上的${what}。`,
        path,
      );
    }
    if (st.size > max) throw tooBig(path, st.size, max);
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (true) {
      const chunk = new Uint8Array(Math.min(1 << 20, max + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw openError(e, path);
      }
      if (n === 0) break;
      total += n;
      if (total > max) throw tooBig(path, total, max);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

function openError(e: unknown, path: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError(`${path}：文件不存在（找不到文件）`, path);
  if (code === "EISDIR") return new InputError(`${path}：这是文件夹，请给出文件`, path);
  if (code === "EACCES" || code === "EPERM")
    return new InputError(`${path}：没有读取权限，请修改文件权限后再试`, path);
  if (code === "ELOOP") return new InputError(`${path}：符号链接循环，无法打开`, path);
  if (code === "ENXIO") return new InputError(`${path}：不是普通文件（套接字或设备），不读取`, path);
  return new InputError(`${path}：无法读取（${code ?? (e as Error).message}）`, path);
}
