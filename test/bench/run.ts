import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * `npm run bench`: runs every benchmark module (each exports `run(): Promise<string>` returning a Markdown
 * section) and writes test/bench/RESULTS.md. Figures are medians of warm runs; the machine is shared and
 * noisy, so compare ratios measured in the same run rather than absolute times across runs.
 */
const MODULES = ["./structure.ts", "./phrasing.ts", "./ledger.ts", "./draft.ts", "./addin-syncs.ts"];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const sections: string[] = [];
  for (const spec of MODULES) {
    if (only.length > 0 && !only.some((o) => spec.includes(o))) continue;
    let mod: { run?: () => Promise<string> };
    try {
      mod = await import(spec);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String(e).includes(spec.slice(2)))
        continue;
      throw e;
    }
    if (typeof mod.run !== "function") throw new Error(`${spec} does not export run()`);
    process.stdout.write(`running ${spec}…\n`);
    const section = await mod.run();
    process.stdout.write(`${section}\n`);
    sections.push(section);
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const header = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (test/bench/run.ts); do not edit by hand.",
    "",
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
  ];
  writeFileSync(resolve(REPO_ROOT, "test/bench/RESULTS.md"), `${[...header, ...sections].join("\n")}`);
}

await main();
