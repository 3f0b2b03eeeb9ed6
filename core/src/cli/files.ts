import { readFile } from "node:fs/promises";
import { InputError } from "../io/errors.ts";

/** Reads a file the user named; every failure becomes an InputError that names the file in Chinese. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${path}：文件不存在（找不到文件）`, path);
    if (code === "EISDIR") throw new InputError(`${path}：这是文件夹，请给出文件`, path);
    if (code === "EACCES") throw new InputError(`${path}：没有读取权限`, path);
    throw new InputError(`${path}：无法读取（${code ?? (e as Error).message}）`, path);
  }
}
