import { type MarkerStyle, parseMarker } from "../outline/markers.ts";
import type { Heading, Outline, OutlineNode } from "../outline/types.ts";
import type { TextDocument } from "../text/model.ts";

/** One thing a 工作要点 (or a report's tasks part) undertakes to do. */
export interface PlanItem {
  /** 1-based, in document order. */
  ordinal: number;
  /** The item's words without its number (“1.”), as written in the plan. */
  text: string;
  start: number;
  end: number;
  /** The chapter heading the item sits under, without its number; null when it sits under none. */
  section: string | null;
}

/** One sentence of a report: the unit evidence is cited in. */
export interface Passage {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (block) the sentence belongs to. */
  block: number;
  /** The sentence is a chapter heading, not an account of work in itself. */
  heading: boolean;
  section: string | null;
}

export interface Region {
  start: number;
  end: number;
}

/** Numbered items (1. （1） ①) and run-in leads are items; 一、 （一） and unnumbered lines are chapters. */
const ITEM_STYLES: ReadonlySet<MarkerStyle> = new Set(["num", "num-paren", "circled"]);

function isItemHeading(h: Heading): boolean {
  return h.form === "run-in" || (h.marker !== null && ITEM_STYLES.has(h.marker.style));
}

function* nodes(node: OutlineNode): Generator<OutlineNode> {
  for (const c of node.children) {
    yield c;
    yield* nodes(c);
  }
}

/** The title of the innermost chapter-level heading above a node (never a run-in lead or numbered item). */
function chapterOf(node: OutlineNode | null): string | null {
  let part: string | null = null;
  for (let n = node; n; n = n.parent) {
    const h = n.heading;
    if (h && !isItemHeading(h)) {
      if (!h.part) return h.title;
      part ??= h.title;
    }
  }
  // Directly under a part heading (“2014年工作回顾”, whose paragraphs open with run-in leads): the part is the place.
  return part;
}

/** Text of a range with the surrounding blank space cut off, and the offsets moved to match. */
function trimmed(
  doc: TextDocument,
  start: number,
  end: number,
): { text: string; start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(doc.text[s]!)) s++;
  while (e > s && /\s/.test(doc.text[e - 1]!)) e--;
  return { text: doc.text.slice(s, e), start: s, end: e };
}

const CJK_RE = /[\u3400-\u9fff]/g;
function cjkCount(s: string): number {
  return s.match(CJK_RE)?.length ?? 0;
}

/**
 * The items of a plan within a region: each numbered item or run-in lead with the text under it; under a chapter
 * heading that has no items, each paragraph (and a chapter with no paragraphs is an item by its heading alone:
 * “（一）听取县政府关于……的报告”). Paragraphs that open a chapter before its items frame them and are no item.
 */
export function planItems(doc: TextDocument, outline: Outline, region: Region): PlanItem[] {
  const out: Omit<PlanItem, "ordinal">[] = [];
  const inRegion = (start: number) => start >= region.start && start < region.end;
  const push = (start: number, end: number, section: string | null) => {
    if (!inRegion(start)) return;
    const t = trimmed(doc, start, Math.min(end, region.end));
    if (cjkCount(t.text) >= 4) out.push({ ...t, section });
  };
  /**
   * Paragraphs under one heading, split where a paragraph opens with an item number: the outline reads a run of
   * “5.听取审议……的报告。” lines as a list inside the item above them, but in a 工作要点 each is an item.
   * `first` is where the heading's own item starts (null under a chapter heading, whose words are no item).
   */
  const split = (first: number | null, blocks: readonly number[], section: string | null, each: boolean) => {
    let start = first;
    let end = first === null ? -1 : (doc.blocks[blocks[0] ?? -1]?.start ?? -1);
    for (const b of blocks) {
      const block = doc.blocks[b]!;
      const m = parseMarker(block.text);
      const opens = each || (m !== null && ITEM_STYLES.has(m.style));
      if (opens) {
        if (start !== null) push(start, end, section);
        start = block.start + (m && ITEM_STYLES.has(m.style) ? m.length : 0);
      }
      end = block.end;
    }
    if (start !== null) push(start, end, section);
  };
  for (const node of nodes(outline.root)) {
    const h = node.heading!;
    if (h.annex || node.children.length > 0) continue;
    const headEnd = doc.blocks[h.block]!.end;
    if (isItemHeading(h)) {
      // The item runs from its words to the end of its own paragraph, then on through its unnumbered paragraphs.
      const blocks = node.bodyBlocks;
      const firstNumbered = blocks.findIndex((b) => {
        const m = parseMarker(doc.blocks[b]!.text);
        return m !== null && ITEM_STYLES.has(m.style);
      });
      const own = firstNumbered < 0 ? blocks : blocks.slice(0, firstNumbered);
      const ownEnd = own.length > 0 ? doc.blocks[own[own.length - 1]!]!.end : headEnd;
      push(h.titleStart, ownEnd, chapterOf(node.parent));
      if (firstNumbered >= 0) split(null, blocks.slice(firstNumbered), chapterOf(node.parent), false);
      continue;
    }
    if (node.bodyBlocks.length === 0) {
      if (!h.part) push(h.titleStart, h.titleEnd, chapterOf(node.parent));
      continue;
    }
    // Under a chapter heading, each paragraph is an item (a 政府工作报告's task paragraphs, a plan's
    // unnumbered list); a numbered paragraph gathers the unnumbered ones after it.
    const numbered = node.bodyBlocks.some((b) => {
      const m = parseMarker(doc.blocks[b]!.text);
      return m !== null && ITEM_STYLES.has(m.style);
    });
    split(null, node.bodyBlocks, h.part ? chapterOf(node.parent) : h.title, !numbered);
  }
  // Items arrive in tree order, which is document order; the sort keeps that true for any tree shape.
  out.sort((a, b) => a.start - b.start);
  return out.map((it, i) => ({ ordinal: i + 1, ...it }));
}

/** Sentence ends: a full stop, a question or exclamation mark, or a semicolon between two pieces of work. */
const SENTENCE_END_RE = /[。！？；!?;][”’」』）)]*/g;

/**
 * The sentences of a report within a region, with the paragraph and chapter each sits in. Headings count as
 * sentences too (a chapter heading “（三）依法开展执法检查” is itself an account of work), without their number.
 */
export function reportPassages(doc: TextDocument, outline: Outline, region: Region): Passage[] {
  const nodeOfBlock = new Map<number, OutlineNode>();
  const walk = (n: OutlineNode) => {
    if (n.heading) nodeOfBlock.set(n.heading.block, n);
    for (const b of n.bodyBlocks) nodeOfBlock.set(b, n);
    for (const c of n.children) walk(c);
  };
  walk(outline.root);
  const out: Passage[] = [];
  for (const block of doc.blocks) {
    if (block.end <= region.start || block.start >= region.end) continue;
    const role = outline.roles[block.index];
    if (role !== "body" && role !== "heading") continue;
    const node = nodeOfBlock.get(block.index) ?? null;
    const heading = outline.headingByBlock.get(block.index);
    // A heading block belongs to the chapter it opens (its own title), a body block to the chapter above it.
    const section = heading && !isItemHeading(heading) ? heading.title : chapterOf(node);
    // A numbered chapter heading (“（二）密切联系群众，支持代表履职”) names a field of work (its own words only:
    // a 政府工作报告 runs the chapter's text on in the heading's paragraph); an unnumbered short
    // line in a 政府工作报告 (“放宽非公有制经济市场准入。”) is a sentence of work that the outline reads as a heading.
    const isChapter = heading !== undefined && !isItemHeading(heading) && heading.form !== "line";
    let from = heading?.form === "marker" ? heading.titleStart : block.start;
    from = Math.max(from, region.start);
    const to = Math.min(block.end, region.end);
    const text = doc.text.slice(from, to);
    let last = 0;
    const cut = (endInText: number) => {
      const t = trimmed(doc, from + last, from + endInText);
      last = endInText;
      if (cjkCount(t.text) >= 4)
        out.push({
          index: out.length,
          ...t,
          block: block.index,
          section,
          heading: isChapter && t.start < heading!.titleEnd,
        });
    };
    SENTENCE_END_RE.lastIndex = 0;
    for (let m = SENTENCE_END_RE.exec(text); m; m = SENTENCE_END_RE.exec(text)) cut(m.index + m[0].length);
    if (last < text.length) cut(text.length);
  }
  return out;
}
