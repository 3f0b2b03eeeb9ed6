import { anniversary } from "./consistency/anniversary.ts";
import { latestPlenum } from "./consistency/latest-plenum.ts";
import { percentageConsistency } from "./consistency/percentage.ts";
import { repeatedStatistic } from "./consistency/repeated-statistic.ts";
import { tasksYear } from "./consistency/tasks-year.ts";
import { packRule } from "./engine/pack-rule.ts";
import { nearMissRule } from "./formulation/near-miss.ts";
import { approxRedundant } from "./number/approx-redundant.ts";
import { chineseYearZero } from "./number/chinese-year-zero.ts";
import { meetingNumerals } from "./number/meeting-numerals.ts";
import { mixedNumerals } from "./number/mixed-numerals.ts";
import { rangeUnits } from "./number/range-units.ts";
import { numberingLevelOrder } from "./numbering/level-order.ts";
import { numberingMarker } from "./numbering/marker.ts";
import { numberingSequence } from "./numbering/sequence.ts";
import { BUILTIN_PACKS } from "./packs/builtin.ts";
import type { RulePack } from "./packs/schema.ts";
import { sectionDuplicate } from "./section/duplicate.ts";
import { sectionEmpty } from "./section/empty.ts";
import { sectionMissing } from "./section/missing.ts";
import { sectionOrder } from "./section/order.ts";
import type { Rule } from "./types.ts";
import { asciiQuotes } from "./typography/ascii-quotes.ts";
import { cjkSpace } from "./typography/cjk-space.ts";
import { halfwidthPunctuation } from "./typography/halfwidth-punctuation.ts";
import { interpunct } from "./typography/interpunct.ts";
import { invisibleChars } from "./typography/invisible-chars.ts";
import { timeRange } from "./typography/time-range.ts";

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

/** Damaged copies of the built-in fixed formulations; rebuilt with local packs in builtinRules. */
const builtinNearMiss = nearMissRule(BUILTIN_PACKS);

/** Phrasing rules written as code (issue 3): what data cannot express — pairing, counting, arithmetic. */
export const codeRules: readonly Rule[] = [
  halfwidthPunctuation,
  asciiQuotes,
  timeRange,
  interpunct,
  cjkSpace,
  invisibleChars,
  mixedNumerals,
  chineseYearZero,
  rangeUnits,
  approxRedundant,
  meetingNumerals,
  percentageConsistency,
  repeatedStatistic,
  tasksYear,
  anniversary,
  latestPlenum,
  builtinNearMiss,
];

const builtin: readonly Rule[] = [...structureRules, packRule(BUILTIN_PACKS), ...codeRules];
const withLocal = new WeakMap<readonly RulePack[], readonly Rule[]>();
const bySignature = new Map<string, readonly Rule[]>();

/**
 * Every built-in rule, in the order their findings are listed when offsets tie. Local packs (an office's own
 * entries, from renda.config.json) join the built-in ones in the same automaton; pass the same array again
 * and the compiled automaton is reused.
 */
export function builtinRules(localPacks?: readonly RulePack[]): readonly Rule[] {
  if (!localPacks || localPacks.length === 0) return builtin;
  let rules = withLocal.get(localPacks);
  if (rules) return rules;
  // A caller that rebuilds equal packs on every run (an extension reading its storage) still hits the cache.
  const key = JSON.stringify(localPacks);
  rules = bySignature.get(key);
  if (!rules) {
    const all = [...BUILTIN_PACKS, ...localPacks];
    const code = codeRules.map((r) => (r === builtinNearMiss ? nearMissRule(all) : r));
    rules = [...structureRules, packRule(all), ...code];
    if (bySignature.size >= 8) bySignature.delete(bySignature.keys().next().value!);
    bySignature.set(key, rules);
  }
  withLocal.set(localPacks, rules);
  return rules;
}
