import { InputError } from "./errors.ts";

/**
 * How big a file the product reads, shared by the command line (which reads from disk) and the extension's
 * file workbench (which reads a picked or dropped File): the same caps and the same message on both.
 */

/** Files larger than this are refused unless a command says otherwise: a report is a few hundred KB. */
export const DEFAULT_MAX_READ_BYTES = 50 * 1024 * 1024;

/** Ledgers are a few MB even at 100,000 rows; anything far larger is not a ledger and is not read. */
export const LEDGER_MAX_BYTES = 200 * 1024 * 1024;

/** How a ledger file is read by every command that takes one. */
export const LEDGER_READ = { maxBytes: LEDGER_MAX_BYTES, what: "台账（.xlsx）" } as const;

/** The refusal for a file over its cap, naming the file. */
export function tooBig(path: string, size: number, max: number): InputError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new InputError(
    `${path}：文件过大（至少 ${mb(size)}），超过 ${Math.round(max / 1024 / 1024)} MB 的上限，未读取`,
    path,
  );
}
