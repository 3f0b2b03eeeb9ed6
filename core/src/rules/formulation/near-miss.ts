import { foldedContext } from "../engine/invisible.ts";
import { amongSiblings, compile, nearMiss, occurrences, PUNCT } from "../engine/near-miss.ts";
import type { RulePack } from "../packs/schema.ts";
import type { Rule } from "../types.ts";

/**
 * formulation/near-miss: a fixed formulation with one character replaced or dropped. Built from the packs in
 * use (a factory, not a constant), so a local pack's formulations are guarded too; the matching itself
 * lives in engine/near-miss.ts, which the pack engine shares to keep near misses off exact terms.
 */
export function nearMissRule(packs: readonly RulePack[]): Rule {
  return {
    meta: {
      id: "formulation/near-miss",
      group: "formulation",
      description:
        "固定提法中错一字、漏一字（如“有错必究”应为“有错必纠”，“全过程人民主”应为“全过程人民民主”）",
      severity: "error",
      fixable: true,
      // A guessed restoration of damaged wording: the user confirms it.
      fixSafety: "suggestion",
      source: "规则包中的固定提法（core/src/rules/packs：fixed 与列举项目），各条依据见其出处",
    },
    check(outer) {
      // Damaged copies are looked for as if invisible characters were not there, like the exact terms.
      const ctx = foldedContext(outer);
      const { phrases, literals } = compile(packs);
      const text = ctx.doc.text;
      // Exact formulations: a window overlapping one is that formulation, not a damaged copy.
      const exact: [number, number][] = [];
      for (const ph of phrases)
        for (const i of occurrences(text, ph.text)) exact.push([i, i + ph.text.length]);
      // Sorted by start with a running maximum of ends: a window overlaps an exact formulation iff some one
      // starting before the window's end reaches past its start (binary search, not a scan per window).
      exact.sort((x, y) => x[0] - y[0]);
      const reach = new Int32Array(exact.length);
      for (let k = 0; k < exact.length; k++) reach[k] = Math.max(exact[k]![1], k > 0 ? reach[k - 1]! : -1);
      const overlapsExact = (s: number, e: number) => {
        let lo = 0;
        let hi = exact.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (exact[mid]![0] < e) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 && reach[lo - 1]! > s;
      };
      const seen = new Set<string>();
      for (const ph of phrases) {
        const p = ph.text;
        const n = p.length;
        const half = n >> 1;
        const item = ph.siblings !== undefined;
        const windows: [number, number][] = [];
        for (const s of occurrences(text, p.slice(0, half))) {
          for (let len = n; len >= (item ? n : n - 1); len--) windows.push([s, s + len]);
        }
        for (const t of occurrences(text, p.slice(half))) {
          const e = t + n - half;
          for (let len = n; len >= (item ? n : n - 1); len--) windows.push([e - len, e]);
        }
        for (const [s, e] of windows) {
          if (s < 0 || e > text.length) continue;
          const key = `${s}:${e}`;
          if (seen.has(key)) continue;
          const w = text.slice(s, e);
          if ([...w].some((ch) => PUNCT.test(ch) && !p.includes(ch))) continue;
          const miss = nearMiss(p, w, !item);
          if (!miss) continue;
          if (overlapsExact(s, e)) continue;
          if (literals.some((l) => w.includes(l) || l.includes(w))) continue;
          if (item && !amongSiblings(text, s, e, ph.siblings!)) continue;
          seen.add(key);
          ctx.report({
            message: `“${w}”疑为固定提法“${p}”${miss.dropped > 0 ? "漏字" : "错字"}`,
            start: s,
            end: e,
            expected: [p],
            fix: { start: s, end: e, text: p },
            source: ph.source,
          });
        }
      }
    },
  };
}
