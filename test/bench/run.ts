import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * `npm run bench`: runs every benchmark module (each exports `run(): Promise<string>` returning a Markdown
 * section) and writes test/bench/RESULTS.md. Figures are medians of warm runs; the machine is shared and
 * noisy, so compare ratios measured in the same run rather than absolute times across runs.
 * `npm run bench -- extension phrasing` runs only the modules whose file names contain those words and replaces
 * only their sections; the others keep the figures of their own run (the header says which sections were re-run).
 */
const MODULES = [
  "./structure.ts",
  "./phrasing.ts",
  "./ledger.ts",
  "./draft.ts",
  "./addin-syncs.ts",
  "./extension.ts",
  "./startup.ts",
  "./compare.ts",
];

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
  const machine = `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`;
  const when = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const file = resolve(REPO_ROOT, "test/bench/RESULTS.md");
  if (only.length > 0 && existsSync(file)) {
    writeFileSync(file, mergeSections(readFileSync(file, "utf8"), sections, `${machine} Run: ${when}.`));
    return;
  }
  const header = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (test/bench/run.ts); do not edit by hand.",
    "",
    `${machine} Run: ${when}.`,
    "",
  ];
  writeFileSync(file, `${[...header, ...sections].join("\n")}`);
}

/** A partial run: each new section replaces the one with the same heading (or is appended), the rest stay. */
function mergeSections(old: string, fresh: string[], stamp: string): string {
  const parts = old.split(/^(?=## )/m);
  const header = parts.shift()!.replace(/\nPartial re-run:[^\n]*\n/g, "\n");
  const title = (section: string) => section.slice(0, section.indexOf("\n"));
  const titles = fresh.map(title);
  const kept = parts.map((p) => {
    const i = titles.indexOf(title(p));
    return (i === -1 ? p : fresh[i]!).trim();
  });
  for (const [i, t] of titles.entries()) if (!parts.some((p) => title(p) === t)) kept.push(fresh[i]!.trim());
  const names = titles.map((t) => `“${t.slice(3)}”`).join(", ");
  const note = `Partial re-run: ${names} (${stamp})`;
  return `${[header.trim(), note, ...kept].join("\n\n")}\n`;
}

await main();
