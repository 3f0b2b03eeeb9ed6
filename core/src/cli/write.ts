import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../io/errors.ts";

/**
 * The one way the CLI writes a file (DESIGN "never write over what the user has"):
 *  - an output that is any input (same path after realpath, or the same device and inode: symlinks, hard
 *    links) is refused, so a typo in -o cannot replace the draft, the ledger or the config;
 *  - an existing output is replaced only with --force (or --in-place for the input itself);
 *  - bytes go to a temporary file in the target's folder, are fsync'd, and are renamed over the target, so a
 *    crash or kill -9 leaves either the old file or the new one, never a truncated one;
 *  - an input edited in place through a symlink updates the file the link points to (the link stays a link).
 * Every failure is an InputError in Chinese naming the file and what to do (CLI exit 2, no stack trace).
 */

export interface OutputRequest {
  /** The path the user gave (or the default name the command chose). */
  target: string;
  /** Every file the command reads: the draft, the ledger, the slots JSON, the config. */
  inputs: readonly string[];
  /** The user said --force: an existing output (that is not an input) may be replaced. */
  force?: boolean;
  /** The target is the input itself and the user said --in-place. */
  inPlace?: boolean;
  /** How to name the override in the message (e.g. "--force"); commands without one say "换一个文件名". */
  forceFlag?: string | null;
}

/** Where the bytes will actually go: the target, or for in-place the real file behind a symlink. */
export interface OutputPlan {
  target: string;
  path: string;
}

function statOrNull(path: string, follow = true): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return null;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: resolve the folder (it may be a symlink itself) and keep the name.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Checks an output before any work is done (and again right before the write). Throws InputError. */
export function planOutput(req: OutputRequest): OutputPlan {
  const { target } = req;
  const targetStat = statOrNull(target);
  const targetReal = realOrResolved(target);
  for (const input of req.inputs) {
    if (req.inPlace && resolve(input) === resolve(target)) continue;
    const inputStat = statOrNull(input);
    const same =
      realOrResolved(input) === targetReal ||
      (targetStat !== null &&
        inputStat !== null &&
        targetStat.dev === inputStat.dev &&
        targetStat.ino === inputStat.ino);
    if (same) {
      throw new InputError(
        `输出文件“${target}”就是输入文件“${input}”（同一文件或其链接），写入会毁掉原文件，已停止。请用 -o 另指定一个输出文件名${req.inPlace === undefined ? "" : "；如确要改写原文件，请用 --in-place"}。`,
        target,
      );
    }
  }
  if (targetStat?.isDirectory()) {
    throw new InputError(`输出“${target}”是一个文件夹，请给出文件名，如 ${join(target, "输出文件")}`, target);
  }
  if (targetStat && !targetStat.isFile()) {
    throw new InputError(
      `输出“${target}”不是普通文件（设备、管道或套接字），不能写入，请换一个文件名。`,
      target,
    );
  }
  if (targetStat && !req.inPlace && !req.force) {
    const how =
      req.forceFlag === null ? "请换一个文件名" : `请换一个文件名，或加 ${req.forceFlag ?? "--force"}`;
    throw new InputError(`输出文件“${target}”已存在；为免覆盖已有内容，未写入。${how}。`, target);
  }
  const folder = dirname(targetReal);
  const folderStat = statOrNull(folder);
  if (!folderStat)
    throw new InputError(
      `无法写入“${target}”：文件夹“${dirname(target)}”不存在，请先建立它或换一个位置。`,
      target,
    );
  if (!folderStat.isDirectory())
    throw new InputError(`无法写入“${target}”：“${dirname(target)}”不是文件夹。`, target);
  // In place through a symlink: write the file it points to, keep the link.
  return { target, path: req.inPlace ? targetReal : resolve(target) };
}

/** Plans (re-checking: time has passed since the first check) and writes atomically. Returns the plan. */
export function writeOutput(req: OutputRequest, bytes: Uint8Array | string): OutputPlan {
  const plan = planOutput(req);
  atomicWrite(plan.path, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, req.target);
  return plan;
}

/**
 * Temporary file in the same folder (rename is atomic only within one file system), fsync of the data,
 * rename, fsync of the folder so the rename itself survives a power cut. The temporary name is hidden and
 * unique per process, opened with O_EXCL so it never follows a planted symlink.
 */
export function atomicWrite(path: string, bytes: Uint8Array, shown = path): void {
  const folder = dirname(path);
  const tmp = join(folder, `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.renda-tmp`);
  const existing = statOrNull(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", existing ? existing.mode & 0o7777 : 0o666);
    for (let off = 0; off < bytes.length; )
      off += writeSync(fd, bytes, off, Math.min(bytes.length - off, 1 << 20));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {}
    }
    try {
      unlinkSync(tmp);
    } catch {}
    throw writeError(e, shown);
  }
  try {
    const dirFd = openSync(folder, "r");
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename has happened either way.
  }
}

function writeError(e: unknown, shown: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const where = `无法写入“${shown}”`;
  switch (code) {
    case "ENOENT":
      return new InputError(`${where}：文件夹“${dirname(shown)}”不存在，请先建立它或换一个位置。`, shown);
    case "EACCES":
    case "EPERM":
      return new InputError(`${where}：没有写入权限（文件夹或文件只读），请换一个位置或修改权限。`, shown);
    case "EROFS":
      return new InputError(`${where}：所在磁盘是只读的，请换一个位置。`, shown);
    case "ENOSPC":
    case "EDQUOT":
      return new InputError(`${where}：磁盘空间不足，原文件未改动；请腾出空间后再试。`, shown);
    case "ENOTDIR":
      return new InputError(`${where}：路径中的“${dirname(shown)}”不是文件夹。`, shown);
    case "ENAMETOOLONG":
      return new InputError(`${where}：文件名太长。`, shown);
    default:
      return new InputError(`${where}（${code ?? (e as Error).message}），原文件未改动。`, shown);
  }
}
