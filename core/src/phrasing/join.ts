/**
 * Joining list items as a drafter writes them: counted items with 、 ("常委会会议7次、主任会议12次"), names with
 * 、 and 和 before the last ("执法检查、视察和调研"), clauses with ，. Empty items are dropped first, so a zero
 * that was never written leaves no stray punctuation behind.
 */

/** "A、B、C" — for counted items, where 和 would read oddly between figures. */
export function joinCounted(items: readonly (string | null | undefined)[]): string {
  return items.filter((s): s is string => !!s).join("、");
}

/** "A、B和C" / "A和B" / "A" — for lists of names. */
export function joinNames(items: readonly (string | null | undefined)[]): string {
  const xs = items.filter((s): s is string => !!s);
  if (xs.length <= 1) return xs[0] ?? "";
  return `${xs.slice(0, -1).join("、")}和${xs[xs.length - 1]}`;
}

/** Clauses of one sentence, ，-separated, closed with 。; "" when every clause is empty. */
export function sentence(clauses: readonly (string | null | undefined)[]): string {
  const xs = clauses.filter((s): s is string => !!s);
  return xs.length ? `${xs.join("，")}。` : "";
}

/** "常委会会议7次" or null for a zero count, so zero items drop out of every list. */
export function counted(label: string, n: number, unit: string): string | null {
  return n > 0 ? `${label}${n}${unit}` : null;
}
