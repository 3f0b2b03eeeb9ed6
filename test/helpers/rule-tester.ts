import { describe, expect, it } from "vitest";
import {
  applyFixes,
  type Diagnostic,
  fixesOf,
  type LintOptions,
  lint,
  type Rule,
} from "../../core/src/index.ts";

/** A text that must produce no finding of the rule under test. */
export interface ValidCase {
  name?: string;
  text: string;
  options?: LintOptions;
}

/** What one expected finding must match; unspecified fields are not checked. */
export interface ExpectedFinding {
  message?: string | RegExp;
  line?: number;
  column?: number;
  severity?: Diagnostic["severity"];
  section?: string | null;
  expected?: string[];
}

/** A text that must produce exactly these findings of the rule (in order), and, if given, this fixed output. */
export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  output?: string;
}

/**
 * ESLint's RuleTester, reduced to what we need: each case runs the whole lint() with only the rule under test,
 * so detection of kind, year and outline is exercised as in real use. Duplicate cases are rejected because
 * they hide a missing case.
 */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const key = c.text + JSON.stringify(c.options ?? {});
    if (seen.has(key)) throw new Error(`duplicate test case for ${rule.meta.id}: ${c.text.slice(0, 40)}`);
    seen.add(key);
  }
  const run = (c: ValidCase) => lint(c.text, { ...c.options, rules: [rule] }).diagnostics;

  describe(rule.meta.id, () => {
    for (const [i, c] of cases.valid.entries()) {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        expect(run(c).map((d) => d.message)).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        const found = run(c);
        expect(
          found.map((d) => d.message),
          "number of findings",
        ).toHaveLength(c.errors.length);
        c.errors.forEach((want, k) => {
          const got = found[k]!;
          expect(got.ruleId).toBe(rule.meta.id);
          if (typeof want.message === "string") expect(got.message).toBe(want.message);
          else if (want.message) expect(got.message).toMatch(want.message);
          if (want.line !== undefined) expect(got.line).toBe(want.line);
          if (want.column !== undefined) expect(got.column).toBe(want.column);
          if (want.severity !== undefined) expect(got.severity).toBe(want.severity);
          if (want.section !== undefined) expect(got.section).toBe(want.section);
          if (want.expected !== undefined) expect(got.expected).toEqual(want.expected);
        });
        if (c.output !== undefined) {
          const fixed = applyFixes(c.text, fixesOf(found)).text;
          expect(fixed).toBe(c.output);
          // A fixed text must not raise the same findings again.
          expect(run({ ...c, text: fixed }).filter((d) => d.fix)).toEqual([]);
        }
      });
    }
  });
}
