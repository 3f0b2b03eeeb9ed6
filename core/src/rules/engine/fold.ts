import type { Fix, Report } from "../../schema/diagnostic.ts";

export interface Hit {
  start: number;
  end: number;
  fix: Fix | null;
  expected?: string[];
}

/** Same-kind hits at or above this count become one finding with a fix-all. */
export const FOLD_THRESHOLD = 3;

/**
 * Many same-kind hits (half-width marks all over a pasted or NFKC-normalised text) are one problem for the
 * reader: one finding listing every range in `related`, whose fixes apply together. Below the threshold each
 * hit is its own finding.
 */
export function foldHits(
  hits: readonly Hit[],
  single: (hit: Hit) => Omit<Report, "start" | "end" | "fix">,
  summary: (hits: readonly Hit[]) => Omit<Report, "start" | "end" | "fix" | "related">,
  threshold = FOLD_THRESHOLD,
): Report[] {
  if (hits.length === 0) return [];
  if (hits.length < threshold) {
    return hits.map((h) => ({ ...single(h), start: h.start, end: h.end, fix: h.fix }));
  }
  const first = hits[0]!;
  return [
    {
      ...summary(hits),
      start: first.start,
      end: first.end,
      fix: first.fix,
      related: hits.map((h) => ({ start: h.start, end: h.end, fix: h.fix })),
    },
  ];
}
