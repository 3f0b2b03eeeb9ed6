/** Edit distance, for "did you mean" on headers, sheet names and list values. */
function distance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * The candidate a person most likely meant: containment ("代表建议表" for "代表建议"), or an edit distance of
 * at most half the name (Chinese headers are short: "答复时间" vs "答复日期" differ by two characters).
 */
export function closest(target: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (!c) continue;
    const d = distance(target, c);
    const contains = c.includes(target) || target.includes(c);
    const limit = Math.max(1, Math.floor([...target].length / 2));
    if (!contains && d > limit) continue;
    const score = contains ? d - 0.5 : d;
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
