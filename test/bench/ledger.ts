import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkLedger } from "../../core/src/ledger/check.ts";
import { computeMetrics } from "../../core/src/ledger/metrics.ts";
import { writeSampleLedger } from "../../core/src/ledger/sample.ts";

/**
 * Read + validate + aggregate a ledger with 100,000 代表建议 rows: our streaming reader against exceljs's
 * whole-file reader on the same file. Each measurement runs in its own Node process, so its peak resident
 * memory (maxRSS) is its own and not what an earlier run left behind.
 */
const ROWS = 100_000;
const RUNS = 3;
const HERE = dirname(fileURLToPath(import.meta.url));

interface Measurement {
  ms: number;
  maxRssMiB: number;
  rows: number;
  errors: number;
  suggestions: number;
}

async function measureOnce(file: string, reader: "stream" | "full"): Promise<Measurement> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const r = await checkLedger(bytes, { year: 2025, reader });
  const m = computeMetrics(r.data, { year: 2025 });
  const ms = performance.now() - t0;
  return {
    ms,
    // resourceUsage().maxRSS is in KiB.
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    rows: Object.values(r.rowCounts).reduce((a, b) => a + b, 0),
    errors: r.counts.error,
    suggestions: m.suggestions.total,
  };
}

function child(file: string, reader: "stream" | "full"): Measurement {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--child", reader, file],
    {
      cwd: resolve(HERE, "../.."),
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "renda-bench-ledger-"));
  const file = join(dir, "ledger-100k.xlsx");
  const t0 = performance.now();
  writeFileSync(file, await writeSampleLedger({ suggestions: ROWS }));
  const writeMs = performance.now() - t0;
  const size = statSync(file).size;

  const results: Record<"stream" | "full", Measurement[]> = { stream: [], full: [] };
  // Interleave the two readers so drift on a shared machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    results.stream.push(child(file, "stream"));
    results.full.push(child(file, "full"));
  }
  const row = (name: string, ms: Measurement[]) =>
    `| ${name} | ${(median(ms.map((m) => m.ms)) / 1000).toFixed(2)} s | ${Math.max(...ms.map((m) => m.maxRssMiB)).toFixed(0)} MiB | ${ms[0]!.rows} | ${ms[0]!.errors} |`;
  const s = median(results.stream.map((m) => m.ms));
  const f = median(results.full.map((m) => m.ms));
  const sm = Math.max(...results.stream.map((m) => m.maxRssMiB));
  const fm = Math.max(...results.full.map((m) => m.maxRssMiB));
  const same =
    results.stream[0]!.suggestions === results.full[0]!.suggestions &&
    results.stream[0]!.rows === results.full[0]!.rows;
  return [
    "## Ledger: read + validate + aggregate 100,000 suggestion rows (issue 4)",
    "",
    `Input: sample county ledger with ${ROWS.toLocaleString("en")} 代表建议 rows plus the other seven tables, ${(size / 2 ** 20).toFixed(1)} MiB .xlsx (written by the template writer in ${(writeMs / 1000).toFixed(1)} s). Each run is a fresh Node process (checkLedger + computeMetrics from the file's bytes); median time of ${RUNS} runs, peak RSS of the process.`,
    "",
    "| reader | median time | peak RSS | data rows | errors |",
    "|---|---|---|---|---|",
    row("streaming (fflate slices + SpreadsheetML scanner)", results.stream),
    row("peer: exceljs whole-file reader (`xlsx.load`)", results.full),
    "",
    `Streaming vs whole-file: ${(f / s).toFixed(1)}× faster, ${(fm / sm).toFixed(1)}× less peak memory; both read the same rows (${same ? "checked" : "MISMATCH"}). exceljs's own streaming WorkbookReader is not measured: it lost workbook.xml/styles.xml depending on timing (see core/src/ledger/read-stream.ts).`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") {
    const m = await measureOnce(process.argv[4]!, process.argv[3] as "stream" | "full");
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return;
  }
  const section = await run();
  process.stdout.write(`${section}\n`);
  // Run alone: replace (or append) this section in RESULTS.md, leaving the other benchmarks' figures.
  const results = resolve(HERE, "RESULTS.md");
  const old = existsSync(results) ? readFileSync(results, "utf8") : "# Benchmark results\n\n";
  const start = old.indexOf("## Ledger: ");
  const next = start < 0 ? -1 : old.indexOf("\n## ", start + 1);
  const updated =
    start < 0
      ? `${old.trimEnd()}\n\n${section}`
      : `${old.slice(0, start)}${section}${next < 0 ? "" : old.slice(next + 1)}`;
  writeFileSync(results, updated);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
