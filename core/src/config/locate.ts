import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_NAMES } from "./names.ts";

// Apart from find.ts's loadConfig: looking for a config must not load the parser and its zod schemas, which
// `renda lint` needs only when a config file is there.

/**
 * The nearest renda.config.json from `startDir` up to the file-system root (like .editorconfig), or null.
 * Kept apart from parse.ts: only this file touches node:fs, so the browser extension can parse configs it
 * keeps in its own storage.
 */
export function findConfig(startDir: string): string | null {
  let dir = path.resolve(startDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  while (true) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
