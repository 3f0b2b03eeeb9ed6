/**
 * Where a command writes. Its own file so that commands (lint, review, compare, draft/fill) can share it
 * without importing one another.
 */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  isTTY?: boolean;
}
