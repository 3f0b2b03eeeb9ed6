import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_NAMES, type ParsedConfig, parseConfig } from "./parse.ts";

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

/** Reads and parses a config file; errors name the file as given, with line and column. */
export function loadConfig(file: string): ParsedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (e as Error).message;
    return {
      options: {},
      errors: [{ line: 1, column: 1, message: `${file}：无法读取配置文件（${reason}）` }],
    };
  }
  return parseConfig(text.replace(/^\uFEFF/, ""), file);
}
