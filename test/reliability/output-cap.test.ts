import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { capDiagnostics, MAX_LISTED, omittedNote } from "../../core/src/cli/lint-command.ts";
import { lint } from "../../core/src/lint.ts";
import { renda } from "../helpers/cli.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * Issue 14: "a 40 MB document full of findings yields a summary, not 594 MB of JSON". lint keeps the first
 * findings up to the cap and counts the rest per check (memory bounded by the cap, not by the findings); the
 * CLI lists at most --max-findings per file (1,000 by default) and says how many it left out, of which
 * checks, and how to list them all (--max-findings 0).
 */
const UNIT = "开展调研,提出建议;督促“一府两院”整改。";

describe("lint keeps the first findings and counts the rest", () => {
  const text = `2025年工作回顾\n${UNIT.repeat(300)}`;
  const all = lint(text, { year: 2025 }).diagnostics;

  it("keeps exactly the first ones an uncapped run lists, in the same order", () => {
    const capped = lint(text, { year: 2025, maxDiagnostics: 50 });
    expect(all.length).toBeGreaterThan(600);
    expect(capped.diagnostics).toEqual(all.slice(0, 50));
    const byRule: Record<string, number> = {};
    for (const d of all.slice(50)) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
    expect(capped.omitted).toEqual({
      count: all.length - 50,
      errors: all.slice(50).filter((d) => d.severity === "error").length,
      byRule,
    });
    expect(lint(text, { year: 2025 }).omitted).toBeUndefined();
  });

  it("says how many were left out, of which checks, and how to list them all", () => {
    const { listed, omitted } = capDiagnostics(all, 5);
    expect(listed).toEqual(all.slice(0, 5));
    const note = omittedNote(listed.length, omitted!);
    expect(note).toMatch(
      new RegExp(
        `^共发现 ${all.length} 处问题，只列出前 5 处；未列出的 ${all.length - 5} 处，其中错误 \\d+ 处：`,
      ),
    );
    expect(note).toContain("typography/halfwidth-punctuation ");
    expect(note).toContain("--max-findings 0");
    expect(capDiagnostics(all, all.length).omitted).toBeNull();
  });
});

describe("renda lint on a 40 MB text full of findings", () => {
  const dir = mkdtempSync(join(tmpdir(), "renda-cap-"));
  const file = join(dir, "满篇问题.txt");
  // 40 MB: about 1.4 million ASCII marks between Chinese characters and 680,000 outdated terms.
  writeFileSync(file, `2025年工作回顾\n${UNIT.repeat(Math.ceil((40 << 20) / Buffer.byteLength(UNIT)))}`);
  const size = statSync(file).size;

  it("prints a summary of bounded size with a Chinese message, in bounded memory", () => {
    // GNU time reports the child's peak resident memory; the bound is generous (the issue saw 3.5 GB).
    const r = spawnSync(
      "/usr/bin/time",
      [
        "-v",
        process.execPath,
        resolve(REPO_ROOT, "core/bin/renda.js"),
        "lint",
        "--no-config",
        "--format",
        "json",
        file,
      ],
      { encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(size).toBeGreaterThan(40 << 20);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      files: { diagnostics: unknown[]; omitted: { count: number; byRule: Record<string, number> } }[];
    };
    expect(out.files[0]!.diagnostics).toHaveLength(MAX_LISTED);
    expect(out.files[0]!.omitted.count).toBeGreaterThan(1_000_000);
    expect(out.files[0]!.omitted.byRule["typography/halfwidth-punctuation"]).toBeGreaterThan(1_000_000);
    expect(r.stdout.length).toBeLessThan(2 << 20);
    expect(r.stderr).toMatch(
      /只列出前 1000 处；未列出的 \d+ 处，其中错误 \d+ 处：typography\/halfwidth-punctuation \d+ 处/,
    );
    expect(r.stderr).toContain("要全部列出，请加 --max-findings 0");
    const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]);
    console.log(`40 MB text: peak RSS ${Math.round(peakKb / 1024)} MB, JSON ${r.stdout.length} bytes`);
    expect(peakKb * 1024).toBeLessThan(10 * size + (300 << 20));
  }, 600_000);

  it("rejects a --max-findings that is not a count, and lists everything with 0", () => {
    const bad = renda(["lint", "--no-config", "--max-findings", "很多", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-findings 应为不小于 0 的整数");
    const small = join(dir, "小.txt");
    writeFileSync(small, UNIT.repeat(3));
    const listed = (args: string[]) =>
      (
        JSON.parse(renda(["lint", "--no-config", "--format", "json", ...args, small]).stdout) as {
          files: { diagnostics: unknown[]; omitted?: unknown }[];
        }
      ).files[0]!;
    const every = listed(["--max-findings", "0"]);
    expect(every.omitted).toBeUndefined();
    const two = listed(["--max-findings", "2"]);
    expect(two.diagnostics).toHaveLength(2);
    expect(every.diagnostics.length).toBeGreaterThan(2);
  }, 120_000);
});
