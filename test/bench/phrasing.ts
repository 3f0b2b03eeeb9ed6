import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createLinter, loadTextlintrc } from "textlint";
import { run as zhlint } from "zhlint";
import {
  BUILTIN_PACKS,
  builtinRules,
  codeRules,
  fromPlainText,
  lint,
  type Report,
  type RuleContext,
  structureRules,
} from "../../core/src/index.ts";
import { expandQuotes } from "../../core/src/rules/engine/compile.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { benchText } from "./sample-report.ts";
import { ms } from "./stats.ts";

/**
 * Issue 3 speed: on the same 30,000-character report and the same term list, our full lint (structure, one
 * automaton pass for every pack entry, the code rules) against textlint + textlint-rule-prh with a prh
 * dictionary generated from our packs, and our typography rules against zhlint (the comparable part: zhlint
 * checks CJK punctuation and spacing, not wording). `npm run bench` calls run(); `npx tsx test/bench/phrasing.ts`
 * runs it alone and prints the section without touching RESULTS.md.
 */

/** zhlint lints nothing without a preset. */
const ZHLINT = { rules: { preset: "default" } };

interface PrhRule {
  expected: string;
  pattern: string;
}

/** Every literal pattern with a replacement becomes one prh rule (prh needs `expected`; enumerations have none). */
export function prhRules(): PrhRule[] {
  const rules: PrhRule[] = [];
  const seen = new Set<string>();
  for (const pack of BUILTIN_PACKS) {
    for (const e of pack.entries) {
      if (e.type !== "literal") continue;
      for (const raw of e.patterns) {
        for (const pattern of e.matchUnquoted ? expandQuotes(raw) : [raw]) {
          const expected = e.substitute
            ? pattern.replaceAll(e.substitute[0], e.substitute[1])
            : e.expected[0]?.replaceAll("{found}", pattern);
          if (!expected || expected === pattern || seen.has(pattern)) continue;
          seen.add(pattern);
          rules.push({ expected, pattern });
        }
      }
    }
  }
  return rules;
}

/** YAML by hand (no YAML dependency): JSON strings are valid YAML scalars. */
export function prhYaml(rules: readonly PrhRule[]): string {
  const lines = ["version: 1", "rules:"];
  for (const r of rules) {
    lines.push(`  - expected: ${JSON.stringify(r.expected)}`, `    pattern: ${JSON.stringify(r.pattern)}`);
  }
  return `${lines.join("\n")}\n`;
}

interface Timing {
  runs: number;
  median: number;
  p90: number;
  /** Median CPU time of this process per run: less disturbed than wall time when other jobs share the cores. */
  cpu: number;
}

/** Warm runs, then wall-clock and CPU-time medians (works for sync and async functions alike). */
async function time(fn: () => unknown, runs: number, warmup = 10): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = fn();
    if (r instanceof Promise) await r;
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sorted = [...wall].sort((a, b) => a - b);
  return { runs, median: mid(wall), p90: sorted[Math.floor(runs * 0.9)]!, cpu: mid(cpu) };
}

export async function run(): Promise<string> {
  const text = benchText();
  const rules = prhRules();
  // Ours first, before textlint and zhlint load: their modules would otherwise tax our runs with their heap.
  // The engine alone, as prh is an engine: the text model, one automaton pass, context checks and reports for
  // every pack entry. The rule context (parts, years) is taken from one full lint of the same text.
  const pack = builtinRules().find((r) => r.meta.id === "pack/literal")!;
  let captured: RuleContext | undefined;
  const capture = (ctx: RuleContext) => {
    captured = ctx;
  };
  lint(text, { rules: [{ meta: pack.meta, check: capture }] });
  const engineRun = () => {
    const reports: Report[] = [];
    pack.check({ ...captured!, doc: fromPlainText(text), report: (r) => reports.push(r) });
    return reports;
  };
  const phrasingRules = builtinRules().filter((r) => !structureRules.includes(r));
  const typographyRules = codeRules.filter((r) => r.meta.group === "typography");
  const engine = await time(engineRun, 300);
  const ours = await time(() => lint(text), 300);
  const oursPhrasing = await time(() => lint(text, { rules: phrasingRules }), 300);
  const oursTypography = await time(() => lint(text, { rules: typographyRules }), 300);
  const dir = mkdtempSync(path.join(tmpdir(), "renda-bench-prh-"));
  try {
    const dict = path.join(dir, "prh.yml");
    writeFileSync(dict, prhYaml(rules));
    const rc = path.join(dir, ".textlintrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [dict] } } }));
    const descriptor = await loadTextlintrc({
      configFilePath: rc,
      node_modulesDir: path.join(REPO_ROOT, "node_modules"),
    });
    const textlint = createLinter({ descriptor });
    const file = path.join(dir, "report.txt");

    const prh = await time(() => textlint.lintText(text, file), 40, 5);
    const zh = await time(() => zhlint(text, ZHLINT), 20, 3);

    const engineFindings = engineRun().length;
    const ourFindings = lint(text).diagnostics.length;
    const phrasingFindings = lint(text, { rules: phrasingRules }).diagnostics.length;
    const prhFindings = (await textlint.lintText(text, file)).messages.length;
    const typographyFindings = lint(text, { rules: typographyRules }).diagnostics.length;
    const zhFindings = zhlint(text, ZHLINT).validations.length;
    const row = (what: string, t: Timing, findings: number | string) =>
      `| ${what} | ${t.runs} | ${ms(t.median)} | ${ms(t.p90)} | ${ms(t.cpu)} | ${findings} |`;
    const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    return [
      "## Phrasing rules: one automaton vs textlint + prh, typography vs zhlint (issue 3)",
      "",
      `Input: ${text.length} characters, ${text.split("\n").length} lines: the fixture report with ${text.split("一府两院").length - 1} planted mistake sentences (half-width commas, 一府两院, 其它, 精减, 法律检查, a stray space). Term list: ${rules.length} literal patterns with a replacement, generated from our packs into a prh dictionary (temp dir); our lint also runs context checks, ${BUILTIN_PACKS.flatMap((p) => p.entries).filter((e) => e.type === "enumeration").length} enumerations, ${codeRules.length} code rules and, in the full lint, the structure rules. Warm runs; wall-clock median and p90, and the median CPU time of the process (the machine is shared: load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores during this run).`,
      "",
      "| what | runs | median | p90 | CPU median | findings |",
      "|---|---|---|---|---|---|",
      row(
        "ours: the engine — text model, one Aho–Corasick pass, context checks and reports for every pack entry",
        engine,
        engineFindings,
      ),
      row(
        "ours: full lint (outline, sections, all rules; one Aho–Corasick pass for every pack entry)",
        ours,
        ourFindings,
      ),
      row("ours: phrasing rules only (packs + code rules, outline included)", oursPhrasing, phrasingFindings),
      row("peer: textlint 15 + textlint-rule-prh, same text, same term list", prh, prhFindings),
      row("ours: typography code rules only", oursTypography, typographyFindings),
      row("peer: zhlint 0.8, default preset (punctuation and spacing)", zh, zhFindings),
      "",
      `Engine vs textlint+prh (same text, same term list): ${x(prh.median, engine.median)} faster by wall-clock median, ${x(prh.cpu, engine.cpu)} by CPU time (target ≥ 10×: ${prh.median / engine.median >= 10 ? "met" : "missed"}). Full lint vs textlint+prh: ${x(prh.median, ours.median)} (wall), ${x(prh.cpu, ours.cpu)} (CPU); phrasing rules in a full lint: ${x(prh.median, oursPhrasing.median)} (wall). Full lint < 5 ms median: ${ours.median < 5 ? "met" : "missed"} by wall clock, ${ours.cpu < 5 ? "met" : "missed"} by CPU time (the outline and section matching that every lint does take about half of it: see the typography-only row). Typography vs zhlint: ${x(zh.median, oursTypography.median)} faster (zhlint also rewrites the text, so this compares checking cost only; its findings count every mark it would change).`,
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${await run()}\n`);
}
