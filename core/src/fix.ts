import type { Diagnostic, Fix } from "./schema/diagnostic.ts";

export interface FixResult {
  text: string;
  applied: Fix[];
  /** Fixes dropped because they overlapped one already applied; run lint again to get them. */
  skipped: Fix[];
}

/** Every fix a diagnostic carries: its own, and those of the hits folded into it (a grouped fix-all). */
export function fixesOf(diagnostics: readonly Diagnostic[]): Fix[] {
  const out: Fix[] = [];
  for (const d of diagnostics) {
    if (d.related && d.related.length > 0) {
      for (const r of d.related) if (r.fix) out.push(r.fix);
    } else if (d.fix) out.push(d.fix);
  }
  return out;
}

/**
 * Applies fixes back to front so earlier offsets stay valid; overlapping fixes after the first are skipped
 * (ESLint and textlint do the same: a second pass picks them up).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const sorted = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const f of sorted) {
    if (f.start > f.end || f.end > text.length) {
      skipped.push(f);
      continue;
    }
    if (f.end > floor) {
      skipped.push(f);
      continue;
    }
    out = out.slice(0, f.start) + f.text + out.slice(f.end);
    applied.push(f);
    floor = f.start;
  }
  applied.reverse();
  return { text: out, applied, skipped };
}
