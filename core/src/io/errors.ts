/**
 * Input a user gave that cannot be used: the message is Chinese, names the file (and sheet, cell, line or
 * paragraph where it can), and is printed as is — never a stack trace. The CLI exits with 2 on it.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    /** The file the problem is in, when known. */
    readonly file?: string,
  ) {
    super(message);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof Error && e.name === "InputError";
}
