/**
 * Sorted positions of a few characters in a text, for "the last 《 before here" or "the next stop after here"
 * in O(log n). `text.lastIndexOf(c, at)` walks back to the previous occurrence, or to the start of the text
 * when there is none, so calling it once per finding is quadratic on a long paragraph full of findings (issue
 * 14: 3,000 hits of one term in one paragraph took 17 s). Built once per text and set of characters.
 */
export class PositionIndex {
  private readonly at: Int32Array;

  constructor(text: string, chars: string) {
    const wanted = new Set<number>();
    for (let i = 0; i < chars.length; i++) wanted.add(chars.charCodeAt(i));
    let n = 0;
    for (let i = 0; i < text.length; i++) if (wanted.has(text.charCodeAt(i))) n++;
    this.at = new Int32Array(n);
    n = 0;
    for (let i = 0; i < text.length; i++) if (wanted.has(text.charCodeAt(i))) this.at[n++] = i;
  }

  /** How many positions lie before `offset`: the index of the first position >= offset (binary search). */
  countBefore(offset: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last position < offset, or -1 (as `text.lastIndexOf(c, offset - 1)`). */
  before(offset: number): number {
    const k = this.countBefore(offset);
    return k > 0 ? this.at[k - 1]! : -1;
  }

  /** The first position >= offset, or -1 (as `text.indexOf(c, offset)`). */
  from(offset: number): number {
    const k = this.countBefore(offset);
    return k < this.at.length ? this.at[k]! : -1;
  }
}

let cachedText: string | null = null;
const cached = new Map<string, PositionIndex>();

/**
 * The index of `chars` in `text`. One text is linted at a time, so the cache holds the indexes of the last
 * text only (strings cannot key a WeakMap); comparing the text with the cached one is a pointer check when it
 * is the same string.
 */
export function positionsOf(text: string, chars: string): PositionIndex {
  if (cachedText !== text) {
    cachedText = text;
    cached.clear();
  }
  let index = cached.get(chars);
  if (!index) {
    index = new PositionIndex(text, chars);
    cached.set(chars, index);
  }
  return index;
}
