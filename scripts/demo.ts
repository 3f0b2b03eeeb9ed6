import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { main } from "../core/src/cli/main.ts";
import { REPO_ROOT } from "../test/helpers/paths.ts";

/**
 * `npm run demo`: what the product does today, on the bundled sample drafts. It lints every sample with
 * `renda lint` (the same code path as the command line), prints the Chinese report, and writes the JSON
 * and SARIF reports under out/demo/.
 */
const OUT = resolve(REPO_ROOT, "out/demo");
const SAMPLES = resolve(REPO_ROOT, "test/fixtures/drafts");

async function capture(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
  });
  return { code, stdout };
}

async function demo(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(SAMPLES)
    .filter((f) => /\.(txt|md|docx)$/.test(f))
    .sort()
    .map((f) => relative(process.cwd(), resolve(SAMPLES, f)));

  process.stdout.write("人大报告助手 · 演示\n\n一、检查示例文稿（renda lint）\n\n");
  const stylish = await capture(["lint", ...files]);
  process.stdout.write(stylish.stdout);
  const json = await capture(["lint", "--format", "json", ...files]);
  writeFileSync(resolve(OUT, "lint-report.json"), json.stdout);
  const sarif = await capture(["lint", "--format", "sarif", ...files]);
  writeFileSync(resolve(OUT, "lint-report.sarif"), sarif.stdout);
  writeFileSync(resolve(OUT, "lint-report.txt"), stylish.stdout.replace(/\x1b\[[0-9;]*m/g, ""));

  process.stdout.write(`\n生成的文件：\n`);
  for (const f of ["lint-report.txt", "lint-report.json", "lint-report.sarif"]) {
    process.stdout.write(`  ${relative(process.cwd(), resolve(OUT, f))}\n`);
  }
}

await demo();
