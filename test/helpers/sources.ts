import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every TypeScript source file below `dir`, for the tests that read core's code as text. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}
