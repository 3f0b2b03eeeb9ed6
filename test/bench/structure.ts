import { builtinRules, lint, structureRules } from "../../core/src/index.ts";
import { sampleReport } from "./sample-report.ts";
import { measure, ms } from "./stats.ts";

/**
 * Lint time for a 30,000-character report, warm: the structure pass alone (outline, sections, numbering)
 * and the whole built-in rule set. The naive peer re-detects the outline once per rule, as a design with
 * one independent pass per rule would; it shows what sharing one outline between rules is worth.
 */
export async function run(): Promise<string> {
  const text = sampleReport(30_000);
  const structure = measure(() => lint(text, { rules: structureRules }));
  const full = measure(() => lint(text));
  const perRule = measure(
    () => {
      for (const rule of structureRules) lint(text, { rules: [rule] });
    },
    { runs: 100 },
  );
  const diagnostics = lint(text).diagnostics.length;
  return [
    "## Lint of a 30,000-character report (issue 2)",
    "",
    `Input: ${text.length} characters, ${text.split("\n").length} lines (the fixture report, its review chapters grown to a long county report by repeating their paragraphs). Warm, median of ${structure.runs} runs after 20 warm-up runs.`,
    "",
    "| what | median | p90 |",
    "|---|---|---|",
    `| structure rules (outline + sections + numbering, ${structureRules.length} rules) | ${ms(structure.median)} | ${ms(structure.p90)} |`,
    `| all built-in rules (${builtinRules().length} rules, ${diagnostics} findings) | ${ms(full.median)} | ${ms(full.p90)} |`,
    `| peer: one independent lint pass per structure rule | ${ms(perRule.median)} | ${ms(perRule.p90)} |`,
    "",
    `Shared outline vs one pass per rule: ${(perRule.median / structure.median).toFixed(1)}× faster.`,
    "",
  ].join("\n");
}
