import type { FileMeasure } from "./measure.ts";

/**
 * What the rules catch on the seed texts and the project's fixtures: rule id, severity and the text it points
 * at, per file. The recall test requires every entry to keep firing (same rule, same text, at least as severe).
 */
export interface RecallEntry {
  set: string;
  file: string;
  ruleId: string;
  severity: string;
  excerpt: string;
}

export function recallBaseline(measures: readonly FileMeasure[]): RecallEntry[] {
  const out: RecallEntry[] = [];
  const seen = new Set<string>();
  for (const m of measures) {
    if (m.file.set !== "seed" && m.file.set !== "fixtures") continue;
    for (const f of m.findings) {
      const e = {
        set: m.file.set,
        file: m.file.name,
        ruleId: f.ruleId,
        severity: f.severity,
        excerpt: f.excerpt,
      };
      const key = JSON.stringify(e);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Baseline entries no longer found in the measures (same file, rule and text, severity not lowered). */
export function lostRecall(
  baseline: readonly RecallEntry[],
  measures: readonly FileMeasure[],
): RecallEntry[] {
  return baseline.filter((b) => {
    const m = measures.find((x) => x.file.name === b.file && x.file.set === b.set);
    if (!m) return true;
    return !m.findings.some(
      (f) =>
        f.ruleId === b.ruleId &&
        f.excerpt === b.excerpt &&
        RANK[f.severity] >= RANK[b.severity as keyof typeof RANK],
    );
  });
}
