import type { EnumerationEntry, RulePack } from "../packs/schema.ts";
import { mergeEntries } from "./compile.ts";

/**
 * Fixed formulations damaged by OCR or typing: one character replaced (有错必究 for 有错必纠), or one
 * character dropped (全过程人民主 for 全过程人民民主). Two dropped characters are not a near miss: they leave
 * real terms (中国社会主义 is not 中国特色社会主义, 科学社会主义价值观 not 社会主义核心价值观). Guards keep it off other real words:
 * - a standalone formulation (the packs' `fixed` list) has at least 6 characters and is damaged inside,
 *   never at its first or last character (人民代表大会制定 is not 人民代表大会制度);
 * - an item of an enumeration (有错必纠 in 有件必备、有备必审、有错必纠) counts only in a list with two exact
 *   sibling items of the same formulation, and only a replaced character counts;
 * - the damaged text holds no punctuation the formulation lacks, overlaps no exact formulation, and contains
 *   no pattern another pack entry already reports (当家做主).
 */

const MIN_FIXED = 6;
const MIN_ITEM = 4;
export const PUNCT = /[，。；、：！？,.;:!?（）()《》“”"\n\s]/;
/** List marks between two items of one enumeration (as in the pack rule). */
const GAPS = ["", "、", "，", ",", "；", "和", "及", "与", "以及"];

interface Phrase {
  text: string;
  source: string;
  /** Sibling items for an enumeration item; undefined for a standalone formulation. */
  siblings?: string[];
}

interface Compiled {
  phrases: Phrase[];
  literals: string[];
}

const cache = new WeakMap<readonly RulePack[], Compiled>();

export function compile(packs: readonly RulePack[]): Compiled {
  let c = cache.get(packs);
  if (c) return c;
  const phrases: Phrase[] = [];
  const literals: string[] = [];
  for (const p of packs) {
    for (const f of p.fixed)
      if (f.phrase.length >= MIN_FIXED) phrases.push({ text: f.phrase, source: f.source });
  }
  for (const { entry } of mergeEntries(packs)) {
    if (entry.type === "enumeration") {
      phrases.push(...itemPhrases(entry));
    } else {
      for (const pat of entry.patterns) literals.push(pat.replace(/[“”]/g, ""));
    }
  }
  c = { phrases, literals };
  cache.set(packs, c);
  return c;
}

function itemPhrases(e: EnumerationEntry): Phrase[] {
  if (e.mode !== "exact") return [];
  return e.items
    .filter((item) => item.length >= MIN_ITEM && !PUNCT.test(item))
    .map((item) => ({ text: item, source: e.source, siblings: e.items.filter((s) => s !== item) }));
}

/** How `w` differs from `p`: the damaged span inside `p`, or null when it is not a near miss. */
export function nearMiss(
  p: string,
  w: string,
  interiorOnly: boolean,
): { at: number; dropped: number } | null {
  const n = p.length;
  if (w === p) return null;
  if (w.length === n) {
    let at = -1;
    for (let i = 0; i < n; i++) {
      if (p[i] === w[i]) continue;
      if (at !== -1) return null;
      at = i;
    }
    if (interiorOnly && (at === 0 || at === n - 1)) return null;
    return { at, dropped: 0 };
  }
  const k = n - w.length;
  if (k !== 1) return null;
  for (let at = 1; at + k <= n - 1; at++) {
    if (p.slice(0, at) + p.slice(at + k) === w) return { at, dropped: k };
  }
  return null;
}

export function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  if (!s) return out;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

/** A sibling item right before `start` (joined by a list mark): where it starts, or -1. */
function siblingBefore(text: string, start: number, siblings: readonly string[]): number {
  for (const s of siblings) {
    for (const gap of GAPS) {
      const at = start - s.length - gap.length;
      if (at >= 0 && text.startsWith(s + gap, at)) return at;
    }
  }
  return -1;
}

/** A sibling item right after `end` (joined by a list mark): where it ends, or -1. */
function siblingAfter(text: string, end: number, siblings: readonly string[]): number {
  for (const s of siblings) {
    for (const gap of GAPS) if (text.startsWith(gap + s, end)) return end + gap.length + s.length;
  }
  return -1;
}

/**
 * Is the damaged item part of a list of its exact siblings? Two of them (all, for a list of two) must stand
 * next to it, so that the list is recognisably the formulation (更加公平、更有质量的教育 is not 更高质量).
 */
export function amongSiblings(
  text: string,
  start: number,
  end: number,
  siblings: readonly string[],
): boolean {
  const need = Math.min(2, siblings.length);
  let found = 0;
  for (let at = siblingBefore(text, start, siblings); at !== -1 && found < need; ) {
    found++;
    at = siblingBefore(text, at, siblings);
  }
  for (let to = siblingAfter(text, end, siblings); to !== -1 && found < need; ) {
    found++;
    to = siblingAfter(text, to, siblings);
  }
  return found >= need;
}
