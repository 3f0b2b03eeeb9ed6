import type { Report } from "../../schema/diagnostic.ts";
import { computeLineStarts, type TextDocument } from "../../text/model.ts";
import type { RuleContext } from "../types.ts";

/**
 * Characters that take no room on the page but sit in the text: zero-width and format characters (Unicode
 * Standard §23.2 "Layout Controls"; U+FEFF inside a text is a zero-width no-break space, not a byte order
 * mark) and the explicit bidirectional controls of Unicode UAX #9 §2. Web pages and chat tools leave them in
 * copied text; they split a term for every search (一府\u200B两院 is not 一府两院 to a search), and bidi
 * controls make the text shown differ from the text stored (Unicode TR #36 §2.3 "Bidirectional Text
 * Spoofing"; CVE-2021-42574, "Trojan Source"). Chinese report text needs none of them.
 *
 * Left out on purpose: U+180E (Mongolian vowel separator, part of Mongolian spelling, which reports of Inner
 * Mongolia may quote), U+034F (combining grapheme joiner) and variation selectors (they change glyphs).
 */
export const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, "软连字符"],
  [0x061c, "阿拉伯文字母标记"],
  [0x200b, "零宽空格"],
  [0x200c, "零宽不连字"],
  [0x200d, "零宽连字"],
  [0x200e, "从左至右标记"],
  [0x200f, "从右至左标记"],
  [0x202a, "从左至右嵌入"],
  [0x202b, "从右至左嵌入"],
  [0x202c, "嵌入结束"],
  [0x202d, "从左至右强制"],
  [0x202e, "从右至左强制"],
  [0x2060, "零宽不断行"],
  [0x2066, "从左至右隔离"],
  [0x2067, "从右至左隔离"],
  [0x2068, "首字隔离"],
  [0x2069, "隔离结束"],
  [0xfeff, "零宽不断空格（字节顺序标记）"],
]);

/** The same set as a character class, for one linear scan. */
export const INVISIBLE_RE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

export function isInvisible(code: number): boolean {
  return INVISIBLE_NAMES.has(code);
}

/** Bidirectional controls (UAX #9 §2): they reorder what is shown, the others only hide. */
export function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * The text without its invisible characters, and where each of its characters came from:
 * `toOriginal[i]` is the offset in the original text of folded character i; `toOriginal[folded.length]` is
 * the original length (the end).
 */
export interface FoldedText {
  text: string;
  toOriginal: Int32Array;
}

/** Null when the text holds no invisible character (the usual case: nothing is copied). */
export function foldInvisible(text: string): FoldedText | null {
  if (!INVISIBLE_RE.test(text)) return null;
  const toOriginal = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInvisible(text.charCodeAt(i))) {
      toOriginal[n++] = i;
      continue;
    }
    if (i > runStart) parts.push(text.slice(runStart, i));
    runStart = i + 1;
  }
  parts.push(text.slice(runStart));
  toOriginal[n] = text.length;
  return { text: parts.join(""), toOriginal: toOriginal.subarray(0, n + 1) };
}

/** Maps a range of the folded text back: it covers the invisible characters inside it, none outside. */
export function originalRange(f: FoldedText, start: number, end: number): { start: number; end: number } {
  const s = f.toOriginal[start]!;
  return { start: s, end: end > start ? f.toOriginal[end - 1]! + 1 : s };
}

/** The folded offset of an original offset: how many visible characters precede it (binary search). */
export function foldedOffset(f: FoldedText, original: number): number {
  const map = f.toOriginal;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const folds = new WeakMap<TextDocument, { doc: TextDocument; fold: FoldedText } | null>();

/** The document without invisible characters (paragraph breaks are kept), computed once per text. */
function foldedDocument(doc: TextDocument): { doc: TextDocument; fold: FoldedText } | null {
  const cached = folds.get(doc);
  if (cached !== undefined) return cached;
  const fold = foldInvisible(doc.text);
  let out: { doc: TextDocument; fold: FoldedText } | null = null;
  if (fold) {
    const blocks = doc.blocks.map((b) => {
      const start = foldedOffset(fold, b.start);
      const end = foldedOffset(fold, b.end);
      return { ...b, start, end, text: fold.text.slice(start, end) };
    });
    out = { doc: { text: fold.text, blocks, lineStarts: computeLineStarts(fold.text) }, fold };
  }
  folds.set(doc, out);
  return out;
}

/**
 * The context a term-matching rule runs in: the same context when the text has no invisible character, else
 * one over the folded text whose reports are mapped back to the original offsets. So 一府\u200B两院 is found
 * as 一府两院, its finding covers the original characters (the invisible one included), and its fix replaces
 * them all, which also removes the invisible character.
 */
export function foldedContext(ctx: RuleContext): RuleContext {
  const folded = foldedDocument(ctx.doc);
  if (!folded) return ctx;
  const { doc, fold } = folded;
  const back = (start: number, end: number) => originalRange(fold, start, end);
  const parts = Object.fromEntries(
    Object.entries(ctx.sections.parts).map(([k, node]) => [
      k,
      node ? { ...node, start: foldedOffset(fold, node.start), end: foldedOffset(fold, node.end) } : node,
    ]),
  ) as typeof ctx.sections.parts;
  return {
    ...ctx,
    doc,
    sections: { ...ctx.sections, parts },
    sectionAt: (offset) => ctx.sectionAt(fold.toOriginal[offset]!),
    partAt: (offset) => ctx.partAt(fold.toOriginal[offset]!),
    report: (r: Report) => {
      const mapped: Report = { ...r, ...back(r.start, r.end) };
      if (r.fix) mapped.fix = { ...r.fix, ...back(r.fix.start, r.fix.end) };
      if (r.suggestions)
        mapped.suggestions = r.suggestions.map((s) => ({
          ...s,
          fix: { ...s.fix, ...back(s.fix.start, s.fix.end) },
        }));
      ctx.report(mapped);
    },
  };
}
