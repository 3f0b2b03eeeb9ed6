import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { type ParsedConfig, parseConfig } from "./parse.ts";

export { findConfig } from "./locate.ts";

/** A config is a few KB; a larger one is not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and parses a config file; errors name the file as given, with line and column. */
export function loadConfig(file: string): ParsedConfig {
  let text: string;
  const fail = (reason: string): ParsedConfig => ({
    options: {},
    errors: [{ line: 1, column: 1, message: `${file}：无法读取配置文件（${reason}）` }],
  });
  let fd: number;
  try {
    // Non-blocking: a FIFO named renda.config.json must not hang lint; it is refused below as not a file.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : (code ?? (e as Error).message),
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail(st.isDirectory() ? "这是文件夹" : "不是普通文件");
    if (st.size > MAX_CONFIG_BYTES) return fail(`文件过大，超过 ${MAX_CONFIG_BYTES / 1024} KB`);
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (let r = 1; r > 0 && n <= MAX_CONFIG_BYTES; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_CONFIG_BYTES) return fail(`文件过大，超过 ${MAX_CONFIG_BYTES / 1024} KB`);
    text = buf.subarray(0, n).toString("utf8");
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  } finally {
    closeSync(fd);
  }
  return parseConfig(text.replace(/^\uFEFF/, ""), file);
}
