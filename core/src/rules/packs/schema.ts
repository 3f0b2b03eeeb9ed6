import { z } from "zod";
import { Severity } from "../../schema/diagnostic.ts";

/**
 * The shape of a rule pack: reviewers read and write these entries without code (Vale, prh). Literal entries
 * and enumerations are matched by one automaton over all packs (engine/compile.ts); regular expressions appear
 * only as context checks on candidate hits.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期须写成 YYYY-MM-DD");

/**
 * When wording changed. Judged against what the text is about, not against today:
 * - `written`: the date the text was written (early in its tasks/plan year; a review of year Y is written
 *   early in Y+1). For names and slogans: 一府两院 is wrong in anything written after 2018-03-11.
 * - `period`: the year the passage describes (review part → review year, tasks part → tasks year, a plan →
 *   plan year). For activities: a 2020 review may report the 扫黑除恶专项斗争, a 2021 task may not.
 * `direction: "before"` inverts it: the term did not exist yet (习近平法治思想 before 2020-11).
 */
export const Dated = z
  .object({
    changed: IsoDate,
    judge: z.enum(["written", "period"]),
    /** period mode: first period year in which the entry applies; defaults to the year after `changed`. */
    fromYear: z.number().int().min(1949).max(2100).optional(),
    direction: z.enum(["after", "before"]).default("after"),
  })
  .strict();
export type Dated = z.infer<typeof Dated>;

/** Regular-expression sources checked around a candidate hit, inside its paragraph. */
export const Around = z
  .object({
    /** Must match the text just before the hit (anchored at the hit). */
    before: z.string().optional(),
    /** Must match the text just after the hit (anchored at the hit). */
    after: z.string().optional(),
  })
  .strict();
export type Around = z.infer<typeof Around>;

export const Part = z.enum(["review", "tasks", "plan", "other"]);

/** A spec text: a plan text describing `year` (default 2024); `output` is the text after the fix. */
export const SpecCase = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      year: z.number().int().optional(),
      output: z.string().optional(),
    })
    .strict(),
]);
export type SpecCase = z.infer<typeof SpecCase>;

export const Specs = z
  .object({
    fire: z.array(SpecCase).min(1, "至少一个必须触发的例句"),
    pass: z.array(SpecCase).min(1, "至少一个不得触发的例句"),
  })
  .strict();

const EntryId = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*\/[a-z0-9][a-z0-9-]*$/,
    "规则编号须为“组/名称”，小写字母、数字和连字符，如 term/yifu-liangyuan",
  );

const Common = {
  id: EntryId,
  /** Chinese message shown to the user. */
  message: z.string().min(1),
  severity: Severity,
  /** Law, standard clause or official date (with URL where known). */
  source: z.string().min(1),
  dated: Dated.optional(),
  /** Parts of the document the entry applies to; all when absent. */
  parts: z.array(Part).min(1).optional(),
  specs: Specs,
};

/**
 * A literal entry: any of `patterns` is wrong where the context holds. `“…”` in a pattern also matches the
 * same words without quotation marks (drafts quote slogans inconsistently).
 */
export const LiteralEntry = z
  .object({
    ...Common,
    type: z.literal("literal").default("literal"),
    patterns: z.array(z.string().min(1)).min(1),
    /** Replacement(s); the first is the fix when `fix` is true. "{found}" stands for the matched text. */
    expected: z.array(z.string()).default([]),
    /** Instead of `expected`: the matched text with `from` replaced by `to` (贫困户/贫困县 → 脱贫户/脱贫县). */
    substitute: z.tuple([z.string().min(1), z.string()]).optional(),
    /** Whether “…” in a pattern also matches unquoted and ASCII-quoted text (off where quoting is the error). */
    matchUnquoted: z.boolean().default(true),
    fix: z.boolean().default(true),
    /**
     * The fix is mechanical with one right answer (。。。 → ……) and `renda lint --fix` may apply it; absent
     * or false, it is a suggestion the user chooses (every rewording: terms, formulations, confusables).
     */
    safe: z.boolean().optional(),
    /** Fire only where these hold. */
    context: Around.optional(),
    /** Never fire where any of these holds. */
    unless: Around.optional(),
    /** Longer phrases containing a pattern that are right as they stand (法制工作委员会 for 法制). */
    exceptions: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type LiteralEntry = z.infer<typeof LiteralEntry>;

/**
 * Another way of writing an enumeration that is right as it stands: these items in this order, optionally
 * only where `after` follows the run (“…科学发展观，全面贯彻习近平新时代中国特色社会主义思想”) or only while
 * `dated` holds (the list before a party congress added an item).
 */
export const AcceptedForm = z
  .object({
    /** Item indexes, in the order written. */
    items: z.array(z.number().int().min(0)).min(1),
    /** Regular expression the text right after the run must match (anchored at the end of the run). */
    after: z.string().optional(),
    dated: Dated.optional(),
    /** Why this form is right (the official text that uses it). */
    source: z.string().min(1),
  })
  .strict();
export type AcceptedForm = z.infer<typeof AcceptedForm>;

/**
 * A fixed enumeration: items adjacent to one another (joined by 、，和 or nothing) form a list that must be
 * `exact` (all items, this order, joined by `separator`) or only in `order`.
 */
export const EnumerationEntry = z
  .object({
    ...Common,
    type: z.literal("enumeration"),
    /** Name of the formulation (四个意识). */
    name: z.string().min(1),
    items: z.array(z.string().min(1)).min(2),
    separator: z.string().default("、"),
    /** Fewest adjacent items that make a list worth checking (short items like 创新 need more). */
    minItems: z.number().int().min(2).default(2),
    mode: z.enum(["exact", "order"]).default("exact"),
    /** Other forms that are right as written (an earlier official list, a list continued by a verb). */
    accept: z.array(AcceptedForm).default([]),
  })
  .strict();
export type EnumerationEntry = z.infer<typeof EnumerationEntry>;

export const PackEntry = z.union([EnumerationEntry, LiteralEntry]);
export type PackEntry = z.infer<typeof PackEntry>;

/** A fixed formulation checked for damaged copies (a replaced or dropped character: formulation/near-miss). */
export const FixedFormulation = z
  .object({
    phrase: z.string().min(6, "固定提法至少6个字，过短易误报"),
    source: z.string().min(1),
  })
  .strict();
export type FixedFormulation = z.infer<typeof FixedFormulation>;

export const RulePack = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    description: z.string().optional(),
    entries: z.array(PackEntry),
    /** Fixed formulations whose damaged copies are errors; enumeration items are checked too. */
    fixed: z.array(FixedFormulation).default([]),
  })
  .strict();
export type RulePack = z.infer<typeof RulePack>;
export type RulePackInput = z.input<typeof RulePack>;
