import type { Groupable, KindGroup } from "./present.ts";
import { builtinRules } from "./rules/registry.ts";
import type { Diagnostic } from "./schema/diagnostic.ts";

// Grouping itself lives with the rest of the presentation (present.ts, free of the rule engine); the group's
// title needs the rules' descriptions, so it stays here.
export { GROUP_AT, groupSameKind, isKindGroup, type KindGroup } from "./present.ts";

let descriptions: Map<string, string> | null = null;

/** A group's title: the rule's one-line description, or (a pack entry, a local rule) its first message. */
export function kindLabel(group: KindGroup<Groupable & Pick<Diagnostic, "message">>): string {
  descriptions ??= new Map(builtinRules().map((r) => [r.meta.id, r.meta.description]));
  return descriptions.get(group.ruleId) ?? group.items[0]!.message;
}
