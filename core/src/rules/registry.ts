import { numberingLevelOrder, numberingMarker, numberingSequence } from "./structure/numbering.ts";
import { sectionDuplicate, sectionEmpty, sectionMissing, sectionOrder } from "./structure/sections.ts";
import type { Rule } from "./types.ts";

/** Structure rules (issue 2): sections and numbering. */
export const structureRules: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionEmpty,
  sectionDuplicate,
  numberingSequence,
  numberingLevelOrder,
  numberingMarker,
];

/** Every built-in rule, in the order their findings are listed when offsets tie. */
export function builtinRules(): readonly Rule[] {
  return structureRules;
}
