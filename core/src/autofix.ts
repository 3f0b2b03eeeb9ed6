import { applyFixes, fixesOf } from "./fix.ts";
import { type LintOptions, lint } from "./lint.ts";
import type { Diagnostic, Fix } from "./schema/diagnostic.ts";
import { positionAt } from "./text/model.ts";

export interface AppliedFix {
  ruleId: string;
  /** Position in the text of the pass that applied it (pass 1: the original text). */
  line: number;
  column: number;
  before: string;
  after: string;
  pass: number;
}

export interface FixTextResult {
  /** The fixed text, with the input's line endings and BOM kept. */
  text: string;
  changed: boolean;
  applied: AppliedFix[];
  /** Findings left after the last pass (those without a fix, and any the passes could not settle). */
  remaining: Diagnostic[];
  /** Suggestions left unapplied in `remaining`: the user chooses them one by one. */
  suggestionsLeft: number;
  passes: number;
}

export interface FixTextOptions extends LintOptions {
  /** Apply each finding's first suggestion as well (`renda lint --fix-suggestions`). */
  suggestions?: boolean;
}

/**
 * `renda lint --fix` for .txt/.md: lint, apply every safe fix back to front, lint again until nothing changes
 * (overlapping fixes need a second pass), and say what was applied where — never silently. Suggestions are
 * left for the user unless `options.suggestions` asks for them.
 */
export function fixText(input: string, options: FixTextOptions = {}, maxPasses = 5): FixTextResult {
  const bom = input.startsWith("\uFEFF") ? "\uFEFF" : "";
  const crlf = input.includes("\r\n") && !/(^|[^\r])\n/.test(input);
  const applied: AppliedFix[] = [];
  let result = lint(input, options);
  let text = result.doc.text;
  let passes = 0;
  while (passes < maxPasses) {
    const owners = new Map<Fix, string>();
    for (const d of result.diagnostics) {
      const [fix] = fixesOf([d], { suggestions: options.suggestions === true });
      if (fix) owners.set(fix, d.ruleId);
    }
    if (owners.size === 0) break;
    const out = applyFixes(text, [...owners.keys()]);
    if (out.applied.length === 0) break;
    passes++;
    for (const f of out.applied) {
      const { line, column } = positionAt(result.doc, f.start);
      applied.push({
        ruleId: owners.get(f)!,
        line,
        column,
        before: text.slice(f.start, f.end),
        after: f.text,
        pass: passes,
      });
    }
    text = out.text;
    result = lint(text, options);
  }
  const restored = bom + (crlf ? text.replace(/\n/g, "\r\n") : text);
  const suggestionsLeft = result.diagnostics.filter((d) => d.suggestions && d.suggestions.length > 0).length;
  return {
    text: restored,
    changed: applied.length > 0,
    applied,
    remaining: result.diagnostics,
    suggestionsLeft,
    passes,
  };
}
