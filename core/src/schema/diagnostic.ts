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
  fix: Fix.nullable(),
  /** Where the rule comes from: a law, a standard clause or an official date. */
  source: z.string().optional(),
  /** Several same-kind hits folded into one finding: their ranges, for a fix-all. */
  related: z.array(z.object({ start: z.number(), end: z.number(), fix: Fix.nullable() })).optional(),
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
  fix?: Fix | null;
  source?: string;
  related?: Diagnostic["related"];
}
