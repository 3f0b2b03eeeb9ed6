import type { BlockHint, BlockInput } from "@renda/core";

/**
 * Turns an editable DOM subtree into paragraphs with a map from text offsets back to DOM positions.
 * Block elements and <br> end paragraphs (the way the editor shows them); heading tags and bold become hints.
 * Whitespace inside a text node is kept one for one (so offsets map back without a table), except leading and
 * trailing whitespace of a paragraph, which the browser does not render and HTML source indentation adds.
 */

/** A run of one text node inside a paragraph. */
export interface Segment {
  node: Text;
  /** Offset of the run's first character in the paragraph text. */
  at: number;
  /** Offset of the run's first character in the text node. */
  from: number;
  length: number;
}

export interface DomBlock {
  text: string;
  hint?: BlockHint;
  segments: Segment[];
  /** The paragraph's element, for scrolling and for an empty paragraph's caret. */
  el: Element;
}

const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IMG", "SVG", "svg", "VIDEO", "AUDIO"]);
const HINT_TAGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P", "LI"]);
const SPACE = /[\t\n\r\f ]/;

export function isBlockElement(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

/** Editor-specific nodes that are not text (UI widgets, filler <br>s, placeholders). */
export type SkipPredicate = (el: Element) => boolean;

interface Builder {
  el: Element;
  text: string;
  segments: Segment[];
  /** An element of its own (a <p>) or a line after a <br>: kept even when empty. */
  keepEmpty: boolean;
  blockChildren: boolean;
}

/** Walks one subtree (an editor's top-level child, or the whole root) into paragraphs. */
export function extractBlocks(unit: Node, skip: SkipPredicate): DomBlock[] {
  const out: DomBlock[] = [];
  let cur: Builder | null = null;
  let pendingBreaks = 0;

  const open = (el: Element, keepEmpty: boolean) => {
    cur = { el, text: "", segments: [], keepEmpty, blockChildren: false };
  };
  const close = () => {
    const b = cur;
    cur = null;
    if (!b) return;
    // Trailing whitespace is not rendered; drop it from the text and from the last runs.
    let end = b.text.length;
    while (end > 0 && SPACE.test(b.text[end - 1]!)) end--;
    if (end < b.text.length) {
      b.text = b.text.slice(0, end);
      b.segments = b.segments
        .filter((s) => s.at < end)
        .map((s) => (s.at + s.length > end ? { ...s, length: end - s.at } : s));
    }
    if (b.text.length === 0 && !(b.keepEmpty && !b.blockChildren)) return;
    out.push(finish(b));
  };
  const addText = (node: Text) => {
    const data = node.data;
    let from = 0;
    if (!cur) open(node.parentElement ?? (unit as Element), false);
    // Leading whitespace of a paragraph (HTML indentation) is not rendered.
    if (cur!.text.length === 0) while (from < data.length && SPACE.test(data[from]!)) from++;
    if (from >= data.length) return;
    while (pendingBreaks > 0) {
      const el = cur!.el;
      close();
      open(el, true);
      pendingBreaks--;
    }
    const piece = data.slice(from).replace(/[\t\n\r\f]/g, " ");
    cur!.segments.push({ node, at: cur!.text.length, from, length: piece.length });
    cur!.text += piece;
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      addText(node as Text);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || skip(el)) return;
    if (el.tagName === "BR") {
      if (!cur) open(el.parentElement ?? el, true);
      pendingBreaks++;
      return;
    }
    if (isBlockElement(el)) {
      const parent: Builder | null = cur;
      if (parent) (parent as Builder).blockChildren = true;
      close();
      pendingBreaks = 0;
      open(el, true);
      for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
      close();
      pendingBreaks = 0;
      // Inline content after a nested block continues its parent as an anonymous paragraph.
      if (parent) open((parent as Builder).el, false);
      return;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  };

  if (isBlockElement(unit)) {
    walk(unit);
    return out;
  }
  const container: Node = unit;
  for (let c = container.firstChild; c; c = c.nextSibling) walk(c);
  close();
  return out;
}

function finish(b: Builder): DomBlock {
  const hint: BlockHint = {};
  const tag = b.el.tagName.toUpperCase();
  if (HINT_TAGS.has(tag)) hint.tag = tag.toLowerCase();
  if (b.el.closest("td,th")) hint.inTable = true;
  if (b.text.length > 0 && b.segments.every((s) => isBold(s.node, b.el))) hint.bold = true;
  const block: DomBlock = { text: b.text, segments: b.segments, el: b.el };
  if (Object.keys(hint).length > 0) block.hint = hint;
  return block;
}

function isBold(node: Text, block: Element): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement) {
    if (el.tagName === "B" || el.tagName === "STRONG") return true;
    const w = (el as HTMLElement).style?.fontWeight;
    if (w === "bold" || w === "bolder" || Number(w) >= 600) return true;
  }
  return false;
}

/**
 * Paragraphs of an editable root, re-reading only the top-level children that changed since the last read.
 * Rich-text editors keep one top-level element per paragraph, so an edit re-reads one paragraph; roots with
 * loose text or <br> at the top level (a bare contenteditable) are read whole, which is still correct.
 */
export class IncrementalReader {
  private cache = new WeakMap<Element, DomBlock[]>();
  private observer: MutationObserver;
  blocks: DomBlock[] = [];
  starts: number[] = [];
  text = "";

  constructor(
    readonly root: HTMLElement,
    private readonly skip: SkipPredicate,
  ) {
    const MO = root.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new MO((records) => this.invalidate(records));
    this.observer.observe(root, { childList: true, characterData: true, subtree: true });
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private invalidate(records: MutationRecord[]): void {
    for (const r of records) {
      let n: Node | null = r.target;
      while (n && n.parentNode !== this.root) n = n.parentNode;
      if (n && n.nodeType === 1) this.cache.delete(n as Element);
    }
  }

  read(): { blocks: BlockInput[]; reread: number } {
    this.invalidate(this.observer.takeRecords());
    const root = this.root;
    let blocks: DomBlock[] = [];
    let reread = 0;
    if (this.hasLooseContent()) {
      blocks = extractBlocks(root, this.skip);
      reread = blocks.length;
    } else {
      for (let c = root.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        let got = this.cache.get(el);
        if (!got) {
          got = extractBlocks(el, this.skip);
          this.cache.set(el, got);
          reread += Math.max(1, got.length);
        }
        for (const b of got) blocks.push(b);
      }
    }
    this.blocks = blocks;
    this.starts = [];
    let offset = 0;
    const parts: string[] = [];
    for (const b of blocks) {
      this.starts.push(offset);
      parts.push(b.text);
      offset += b.text.length + 1;
    }
    this.text = parts.join("\n");
    return {
      blocks: blocks.map((b) => (b.hint ? { text: b.text, hint: b.hint } : { text: b.text })),
      reread,
    };
  }

  private hasLooseContent(): boolean {
    for (let c = this.root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && /\S/.test((c as Text).data)) return true;
      if (c.nodeType === 1 && !isBlockElement(c) && !SKIP_TAGS.has((c as Element).tagName)) {
        if (!this.skip(c as Element)) return true;
      }
    }
    return false;
  }

  /** DOM position of a text offset; `end` prefers the end of the run before a boundary. */
  position(offset: number, end: boolean): { node: Node; offset: number } | null {
    const starts = this.starts;
    if (starts.length === 0) return null;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const block = this.blocks[lo]!;
    const inBlock = Math.min(offset - starts[lo]!, block.text.length);
    const segs = block.segments;
    if (segs.length === 0) return { node: block.el, offset: 0 };
    for (const s of segs) {
      const inside = end
        ? inBlock > s.at && inBlock <= s.at + s.length
        : inBlock >= s.at && inBlock < s.at + s.length;
      if (inside) return { node: s.node, offset: s.from + inBlock - s.at };
    }
    const last = segs[segs.length - 1]!;
    if (inBlock >= last.at + last.length) return { node: last.node, offset: last.from + last.length };
    const first = segs[0]!;
    return { node: first.node, offset: first.from };
  }

  rangeOf(start: number, end: number): Range | null {
    const a = this.position(start, false);
    const b = this.position(end, true);
    if (!a || !b) return null;
    const range = this.root.ownerDocument.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return range;
  }

  elementAt(offset: number): Element | null {
    const p = this.position(offset, false);
    if (!p) return null;
    return p.node.nodeType === 1 ? (p.node as Element) : p.node.parentElement;
  }
}
