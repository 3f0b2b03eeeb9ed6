import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { TABLE_SHEET } from "../../../core/src/compare/xlsx.ts";
import { EXTENSION_DIR, ensureExtensionBuilt } from "./harness.ts";

/**
 * The content script runs on every page the reviewer opens, so it must stay small: the file workbench's
 * .docx/.xlsx code (docx, exceljs, zip) lives in its own worker bundle and never enters it. Sizes of the
 * production build, recorded in extension/README.md.
 */

/** 771,433 bytes when the workbench arrived (2026-12); a little room for rule data, none for a file library. */
const CONTENT_SCRIPT_BUDGET = 800_000;

interface Manifest {
  content_scripts: { js: string[] }[];
}

/** Whether the bundle holds the text, as written or as esbuild writes non-ASCII (\u843D…, either case). */
function carries(code: string, text: string): boolean {
  const escaped = [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  return code.includes(text) || code.toLowerCase().includes(escaped);
}

const manifest = (): Manifest => JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));

it("keeps the content script within its budget and free of the file code", () => {
  ensureExtensionBuilt();
  const scripts = manifest().content_scripts.flatMap((c) => c.js);
  expect(scripts).toHaveLength(1);
  const path = join(EXTENSION_DIR, scripts[0]!);
  const size = statSync(path).size;
  expect(size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  const code = readFileSync(path, "utf8");
  // Strings only the .docx/.xlsx code carries: the OOXML package parts it reads and writes.
  for (const marker of ["[Content_Types].xml", "xl/workbook", "docProps/"])
    expect(code).not.toContain(marker);
  // Nor the workbench's 对照工作要点 (the 落实情况对照表 writer's sheet name).
  expect(carries(code, TABLE_SHEET)).toBe(false);
});

it("ships the file code in the workbench's worker, which does carry those parts", () => {
  ensureExtensionBuilt();
  const name = readdirSync(EXTENSION_DIR).find((f) => /^workbench-worker\.generated\.\w+\.js$/.test(f));
  expect(name).toBeDefined();
  const code = readFileSync(join(EXTENSION_DIR, name!), "utf8");
  for (const marker of ["[Content_Types].xml", "xl/workbook", "docProps/"]) expect(code).toContain(marker);
  expect(carries(code, TABLE_SHEET)).toBe(true);
});
