import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createLinter, loadTextlintrc } from "textlint";
import { run as zhlint } from "zhlint";
import { BUILTIN_PACKS, codeRules, lint } from "../../core/src/index.ts";
import { expandQuotes } from "../../core/src/rules/engine/compile.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { sampleReport } from "./sample-report.ts";
import { measure, ms } from "./stats.ts";

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

async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p90: times[Math.floor(runs * 0.9)]!, runs };
}

/**
 * The fixture report (full-width punctuation, as real drafts are) with corpus-style mistakes sprinkled in,
 * so that every tool has hits to report, not only a clean scan.
 */
export function benchText(): string {
  const base = sampleReport(29_000);
  // Half-width commas and a stray space too, as in pasted or NFKC-normalised text: work for zhlint as well.
  const mistakes = "督促“一府两院”依法履职,其它代表踊跃参加,精减普发性文件,开展法律检查 。";
  const lines = base.split("\n");
  for (let i = 10; i < lines.length; i += 40) lines[i] = `${lines[i]}${mistakes}`;
  let text = lines.join("\n");
  while (text.length < 30_000) text += `\n${mistakes}`;
  return text.slice(0, 30_000);
}

export async function run(): Promise<string> {
  const text = benchText();
  const rules = prhRules();
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

    const ours = measure(() => lint(text), { runs: 300 });
    const oursTypography = measure(
      () => lint(text, { rules: codeRules.filter((r) => r.meta.group === "typography") }),
      {
        runs: 300,
      },
    );
    const prh = await measureAsync(() => textlint.lintText(text, file), 40);
    const zh = measure(() => zhlint(text, ZHLINT), { runs: 20, warmup: 3 });

    const ourFindings = lint(text).diagnostics.length;
    const prhFindings = (await textlint.lintText(text, file)).messages.length;
    const zhFindings = zhlint(text, ZHLINT).validations.length;
    const ratio = prh.median / ours.median;
    const zhRatio = zh.median / oursTypography.median;
    return [
      "## Phrasing rules: one automaton vs textlint + prh, typography vs zhlint (issue 3)",
      "",
      `Input: ${text.length} characters, ${text.split("\n").length} lines (the fixture report with ${text.split("一府两院").length - 1} planted mistake sentences). Term list: ${rules.length} literal patterns with a replacement, generated from our packs into a prh dictionary (temp dir); our lint additionally runs context checks, ${BUILTIN_PACKS.flatMap((p) => p.entries).filter((e) => e.type === "enumeration").length} enumerations, the structure rules and ${codeRules.length} code rules. Warm medians.`,
      "",
      "| what | runs | median | p90 | findings |",
      "|---|---|---|---|---|",
      `| ours: full lint (all rules, one Aho–Corasick pass for all pack entries) | ${ours.runs} | ${ms(ours.median)} | ${ms(ours.p90)} | ${ourFindings} |`,
      `| peer: textlint 15 + textlint-rule-prh (same term list) | ${prh.runs} | ${ms(prh.median)} | ${ms(prh.p90)} | ${prhFindings} |`,
      `| ours: typography code rules only | ${oursTypography.runs} | ${ms(oursTypography.median)} | ${ms(oursTypography.p90)} | — |`,
      `| peer: zhlint 0.8 (punctuation and spacing) | ${zh.runs} | ${ms(zh.median)} | ${ms(zh.p90)} | ${zhFindings} |`,
      "",
      `Full lint vs textlint+prh: ${ratio.toFixed(1)}× faster (target ≥ 10×; full lint target < 5 ms: ${ours.median < 5 ? "met" : "missed"}). Typography vs zhlint: ${zhRatio.toFixed(0)}× faster (zhlint also formats, so this compares scanning cost only).`,
      "",
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${await run()}\n`);
}
