import { builtinRules } from "./rules/registry.ts";
import type { Diagnostic } from "./schema/diagnostic.ts";

/** Same-kind findings at or above this count are shown as one group (display only). */
export const GROUP_AT = 3;

/** Several findings of one rule, shown together where the first of them was. */
export interface KindGroup<D extends Diagnostic = Diagnostic> {
  ruleId: string;
  items: D[];
}

/**
 * Grouping is presentation (DESIGN "fix safety"): every place stays its own finding with its own location
 * and fix; a surface that lists findings may show a rule's findings of one list as a group (“半角标点 ×12”)
 * with each place under it, and a "fix all of this kind" on a group changes exactly its items. Missing
 * sections (a different section each time, at no text of their own) are never grouped.
 */
export function groupSameKind<D extends Diagnostic>(
  diagnostics: readonly D[],
  at: number = GROUP_AT,
): (D | KindGroup<D>)[] {
  const byRule = new Map<string, D[]>();
  for (const d of diagnostics) {
    if (d.ruleId.startsWith("section/") || d.end <= d.start) continue;
    const list = byRule.get(d.ruleId) ?? [];
    list.push(d);
    byRule.set(d.ruleId, list);
  }
  const out: (D | KindGroup<D>)[] = [];
  const placed = new Set<string>();
  for (const d of diagnostics) {
    const list = byRule.get(d.ruleId);
    if (!list || list.length < at || !list.includes(d)) out.push(d);
    else if (!placed.has(d.ruleId)) {
      placed.add(d.ruleId);
      out.push({ ruleId: d.ruleId, items: list });
    }
  }
  return out;
}

export function isKindGroup<D extends Diagnostic>(x: D | KindGroup<D>): x is KindGroup<D> {
  return "items" in x;
}

let descriptions: Map<string, string> | null = null;

/** A group's title: the rule's one-line description, or (a pack entry, a local rule) its first message. */
export function kindLabel(group: KindGroup): string {
  descriptions ??= new Map(builtinRules().map((r) => [r.meta.id, r.meta.description]));
  return descriptions.get(group.ruleId) ?? group.items[0]!.message;
}
