import type { Fix, Report } from "../../schema/diagnostic.ts";

export interface Hit {
  start: number;
  end: number;
  fix: Fix | null;
  expected?: string[];
  /** Overrides the rule's fix safety for this hit (see Report.fixSafe). */
  fixSafe?: boolean;
}

/**
 * One finding per place: a finding is located where its words are, so every place is listed in the JSON, the
 * side panel and the task pane, and a fix-all changes exactly the places listed. Many same-kind hits (marks
 * all over a pasted or NFKC-normalised text) are grouped by the surfaces for display, not here.
 */
export function eachHit(
  hits: readonly Hit[],
  single: (hit: Hit) => Omit<Report, "start" | "end" | "fix">,
): Report[] {
  return hits.map((h) => {
    const r: Report = { ...single(h), start: h.start, end: h.end, fix: h.fix };
    if (h.fixSafe !== undefined) r.fixSafe = h.fixSafe;
    return r;
  });
}
