import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureCoreDist } from "../helpers/core-dist.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { prhRules, prhYaml } from "./phrasing.ts";
import { ms, spread } from "./stats.ts";

/**
 * Issue 13: what a user waits for `npx renda lint` on one small file — a fresh Node process each time — against
 * textlint's CLI (with textlint-rule-prh and our term list, as in the phrasing section) on the same file, and
 * against the old start-up that compiled the TypeScript sources through tsx (RENDA_FROM_SOURCES=1 still does).
 * The three run interleaved, so the machine's load falls on each alike. `/usr/bin/time` gives each process's
 * CPU time and peak RSS. `npx tsx test/bench/startup.ts` prints the section without touching RESULTS.md.
 */

const RUNS = 15;
const FILE = resolve(REPO_ROOT, "test/fixtures/drafts/report-full-numbered.txt");
const BIN = resolve(REPO_ROOT, "core/bin/renda.js");

interface Sample {
  wall: number;
  cpu: number;
  rssMiB: number;
}

/** One process: wall time from here, CPU time and peak RSS from /usr/bin/time (written to a scratch file). */
function once(args: string[], env: NodeJS.ProcessEnv, timeFile: string): Sample {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%U %S %M", process.execPath, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  const wall = performance.now() - t;
  // renda and textlint both exit 1 when they find something; anything else is a broken run.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  const last = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!;
  const [user, sys, rss] = last.split(" ").map(Number);
  return { wall, cpu: (user! + sys!) * 1000, rssMiB: rss! / 1024 };
}

export async function run(): Promise<string> {
  // dist/ must be current, or the bin would quietly fall back to the sources and this would measure tsx.
  ensureCoreDist((t) => process.stdout.write(t));
  const dir = mkdtempSync(join(tmpdir(), "renda-bench-startup-"));
  try {
    const rules = prhRules();
    const dict = join(dir, "prh.yml");
    writeFileSync(dict, prhYaml(rules));
    const rc = join(dir, ".textlintrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [dict] } } }));
    const timeFile = join(dir, "time.txt");
    // The package as `npm pack` ships it (package.json, bin/, dist/; no src/), its dependencies where an install
    // puts them: the bin then runs dist/ without first checking that no source is newer (a checkout's check).
    const pkg = join(dir, "pkg");
    mkdirSync(pkg);
    copyFileSync(resolve(REPO_ROOT, "core/package.json"), join(pkg, "package.json"));
    cpSync(resolve(REPO_ROOT, "core/bin"), join(pkg, "bin"), { recursive: true });
    cpSync(resolve(REPO_ROOT, "core/dist"), join(pkg, "dist"), { recursive: true, preserveTimestamps: true });
    symlinkSync(resolve(REPO_ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
    const peers = [
      {
        name: "ours: `renda lint` as installed (the npm pack layout: bin/ and dist/, no src/)",
        args: [join(pkg, "bin/renda.js"), "lint", FILE],
        env: {},
      },
      {
        name: "ours in the repository checkout (the bin first checks that dist/ is newer than every source)",
        args: [BIN, "lint", FILE],
        env: {},
      },
      {
        name: "before: `renda lint` compiling the sources through tsx (RENDA_FROM_SOURCES=1)",
        args: [BIN, "lint", FILE],
        env: { RENDA_FROM_SOURCES: "1" },
      },
      {
        name: "peer: `textlint` CLI with textlint-rule-prh and our term list",
        args: [resolve(REPO_ROOT, "node_modules/textlint/bin/textlint.js"), "--config", rc, FILE],
        env: {},
      },
      { name: "floor: `node -e 0` (Node's own start-up)", args: ["-e", "0"], env: {} },
    ];
    const samples = peers.map(() => [] as Sample[]);
    // Two warm-up rounds fill the file cache; then the peers take turns.
    for (let i = 0; i < RUNS + 2; i++) {
      for (const [k, p] of peers.entries()) {
        const s = once(p.args, p.env, timeFile);
        if (i >= 2) samples[k]!.push(s);
      }
    }
    const stats = samples.map((xs) => ({
      wall: spread(xs.map((s) => s.wall)),
      cpu: spread(xs.map((s) => s.cpu)).median,
      rss: spread(xs.map((s) => s.rssMiB)).median,
    }));
    type Stat = (typeof stats)[number];
    const seconds = (x: number) => `${(x / 1000).toFixed(3)} s`;
    const [ours, checkout, before, textlint, floor] = stats as [Stat, Stat, Stat, Stat, Stat];
    const chars = readFileSync(FILE, "utf8").length;
    return [
      "## Start-up: `renda lint` on one small file vs textlint's CLI (issue 13)",
      "",
      `Input: test/fixtures/drafts/report-full-numbered.txt (${chars} characters). Each run is a fresh Node process, as from \`npx renda lint\`; ${RUNS} runs of each after 2 warm-up rounds, interleaved. Wall-clock median and p95 measured here; CPU time (user + system) and peak RSS of the process from /usr/bin/time. textlint lints with textlint-rule-prh and the ${rules.length}-pattern term list of the phrasing section. The machine is shared: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end of this run.`,
      "",
      "| what | wall median | wall p95 | CPU median | peak RSS median |",
      "|---|---|---|---|---|",
      ...peers.map(
        (p, k) =>
          `| ${p.name} | ${seconds(stats[k]!.wall.median)} | ${seconds(stats[k]!.wall.p95)} | ${ms(stats[k]!.cpu)} | ${stats[k]!.rss.toFixed(0)} MiB |`,
      ),
      "",
      `renda vs textlint: ${(textlint.wall.median / ours.wall.median).toFixed(2)}× by wall-clock median, ${(textlint.cpu / ours.cpu).toFixed(2)}× by CPU time (${((textlint.cpu - floor.cpu) / (ours.cpu - floor.cpu)).toFixed(2)}× above Node's own start-up); built vs tsx: ${(before.wall.median / ours.wall.median).toFixed(1)}× faster by wall clock, ${(before.cpu / ours.cpu).toFixed(1)}× less CPU time, ${(before.rss - ours.rss).toFixed(0)} MiB less memory; in the repository checkout, with its freshness check, ${ms(checkout.cpu)} of CPU time against ${ms(ours.cpu)} as installed. Target under 0.25 s: ${ours.wall.median < 250 ? "met" : "missed"} by wall clock, ${ours.cpu < 250 ? "met" : "missed"} by CPU time here. The target is for an idle machine, where issue 13 measured textlint's CLI at 0.48 s: at this run's wall-clock ratio that is ${(0.48 / (textlint.wall.median / ours.wall.median)).toFixed(2)} s for renda, at its CPU-time ratio ${(0.48 / (textlint.cpu / ours.cpu)).toFixed(2)} s (estimates, not measurements; on this shared machine even \`node -e 0\` took ${seconds(floor.wall.median)}).`,
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${await run()}\n`);
}
