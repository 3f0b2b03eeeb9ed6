const STOPS = new Set(["。", "！", "？", "；", "\n", "!", "?", ";"]);

/** The sentence around an offset: from after the previous 。！？； or line break to before the next one. */
export function sentenceAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && !STOPS.has(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !STOPS.has(text[end]!)) end++;
  return { start, end };
}
