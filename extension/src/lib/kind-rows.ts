import type { FindingView } from "./messages.ts";

/** Same-kind findings of a section at or above this count are shown as one group (core's GROUP_AT). */
const KIND_AT = 3;

export type Row = FindingView | { ruleId: string; items: FindingView[] };

/** The section's list with a rule's findings gathered where its first one was, when there are KIND_AT or more. */
export function kindRows(list: readonly FindingView[]): Row[] {
  const byRule = new Map<string, FindingView[]>();
  for (const f of list) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const rows: Row[] = [];
  const placed = new Set<string>();
  for (const f of list) {
    const same = byRule.get(f.ruleId)!;
    if (same.length < KIND_AT) rows.push(f);
    else if (!placed.has(f.ruleId)) {
      placed.add(f.ruleId);
      rows.push({ ruleId: f.ruleId, items: same });
    }
  }
  return rows;
}
