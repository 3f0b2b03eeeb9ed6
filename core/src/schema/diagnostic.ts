import { z } from "zod";

/** error: must be corrected before the text goes out; warning: a reviewer should look; info: for the record. */
export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** A replacement of text[start, end) by `text`. Offsets are UTF-16 code units into the linted plain text. */
export const Fix = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Fix = z.infer<typeof Fix>;

/**
 * A change the user chooses (ESLint's `suggest`): a rewording, or a mark whose right form depends on the
 * sentence. Never applied by `--fix` or a fix-all; each is offered on its own.
 */
export const Suggestion = z.object({
  fix: Fix,
  /** What choosing it does, in Chinese ("改为“其他”"); surfaces derive one from the fix when absent. */
  message: z.string().optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/**
 * The one message shape every surface shows (CLI, add-in, extension).
 * `line`/`column` are 1-based; `column` counts UTF-16 code units like `start`.
 */
export const Diagnostic = z.object({
  ruleId: z.string().min(1),
  severity: Severity,
  message: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Id of the section the range sits in (e.g. "supervision", "tasks.deputies"), or null outside any section. */
  section: z.string().nullable(),
  expected: z.array(z.string()),
  /** Only a safe fix: a mechanical change with one right answer, applied by `--fix` and fix-alls. */
  fix: Fix.nullable(),
  /** Changes offered one by one for the user to choose; never applied in bulk. */
  suggestions: z.array(Suggestion).optional(),
  /** Where the rule comes from: a law, a standard clause or an official date. */
  source: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** What a rule reports; the engine stamps line/column/section and the rule's own id/source. */
export interface Report {
  ruleId?: string;
  severity?: Severity;
  message: string;
  start: number;
  end: number;
  expected?: string[];
  /** The change the rule proposes; the engine keeps it as `fix` when safe, else offers it as a suggestion. */
  fix?: Fix | null;
  /** Overrides the rule's `fixSafety` for this report (a mark whose context makes it ambiguous). */
  fixSafe?: boolean;
  /** Further changes to offer, one by one (alternatives the fix does not cover). */
  suggestions?: Suggestion[];
  source?: string;
}
