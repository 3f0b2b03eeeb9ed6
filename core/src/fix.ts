import type { Diagnostic, Fix, Suggestion } from "./schema/diagnostic.ts";

export interface FixResult {
  text: string;
  applied: Fix[];
  /** Fixes dropped because they overlapped one already applied; run lint again to get them. */
  skipped: Fix[];
}

export interface FixesOfOptions {
  /**
   * Also take each finding's first suggestion (`renda lint --fix-suggestions`): the user asked for the
   * rewordings in bulk, knowing they are not mechanical.
   */
  suggestions?: boolean;
}

/** The fixes of the given findings: their safe `fix` only, unless suggestions are asked for. */
export function fixesOf(diagnostics: readonly Diagnostic[], options: FixesOfOptions = {}): Fix[] {
  const out: Fix[] = [];
  for (const d of diagnostics) {
    if (d.fix) out.push(d.fix);
    else if (options.suggestions && d.suggestions && d.suggestions.length > 0)
      out.push(d.suggestions[0]!.fix);
  }
  return out;
}

/** The label of a suggestion's button or line: its own message, or what it changes. */
export function suggestionText(s: Suggestion, text?: string): string {
  if (s.message) return s.message;
  const before = text?.slice(s.fix.start, s.fix.end);
  if (s.fix.text === "") return before ? `删去“${before}”` : "删去";
  return `改为“${s.fix.text}”`;
}

/**
 * Applies fixes as if back to front (earlier offsets stay valid); overlapping fixes after the first are
 * skipped (ESLint and textlint do the same: a second pass picks them up). The output is built in one pass
 * over the kept fixes, so the work is n log n in the number of fixes, not one copy of the text per fix.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const sorted = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let floor = Number.POSITIVE_INFINITY;
  for (const f of sorted) {
    if (f.start > f.end || f.end > text.length || f.end > floor) {
      skipped.push(f);
      continue;
    }
    applied.push(f);
    floor = f.start;
  }
  applied.reverse();
  const parts: string[] = [];
  let at = 0;
  for (const f of applied) {
    parts.push(text.slice(at, f.start), f.text);
    at = f.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), applied, skipped };
}
