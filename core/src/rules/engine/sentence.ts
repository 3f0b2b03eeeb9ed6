import { positionsOf } from "./text-index.ts";

const STOPS = "。！？；\n!?;";

/**
 * The longest stretch read as one sentence. A real sentence of a report is far shorter (the longest in the
 * published reports checked is 500 characters); a longer run without a stop (a flattened table, a hostile
 * file) is read in pieces of this length, so the work per finding stays bounded and a whole lint linear.
 */
export const MAX_SENTENCE = 2000;

/** The sentence around an offset: from after the previous 。！？； or line break to before the next one. */
export function sentenceAround(text: string, offset: number): { start: number; end: number } {
  const stops = positionsOf(text, STOPS);
  // A stop at the offset itself ends the sentence before it, as a character-by-character walk would.
  let start = stops.before(offset) + 1;
  let end = stops.from(offset);
  if (end === -1) end = text.length;
  if (end - start > MAX_SENTENCE) {
    start += Math.floor((offset - start) / MAX_SENTENCE) * MAX_SENTENCE;
    end = Math.min(end, start + MAX_SENTENCE);
  }
  return { start, end };
}
