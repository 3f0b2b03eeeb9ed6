/**
 * Hints a host may give about a block: Word (outline level, style name), HTML (h1–h6), bold runs.
 * Detection works without them (plain .txt), but when present they beat guessing. A plain interface: no
 * caller validated hints against a schema, and a zod schema here loaded zod on every `renda lint` start.
 */
export interface BlockHint {
  /** Word outline level, 1-based (Heading 1 → 1). 0 or absent = body text. */
  outlineLevel?: number;
  /** Style name as the host shows it ("Heading 1", "标题 1", "Title"). */
  style?: string;
  /** HTML tag of the block element ("h2", "p", "li"). */
  tag?: string;
  /** The whole block is bold. */
  bold?: boolean;
  /** The block sits in a table cell. */
  inTable?: boolean;
}

export interface Block {
  index: number;
  /** Offset of the block's first character in the document text (UTF-16 code units). */
  start: number;
  /** Offset one past the last character (the "\n" separator is not part of the block). */
  end: number;
  text: string;
  hint?: BlockHint;
}

/** The text model every surface produces: one plain string and its paragraphs with offsets. */
export interface TextDocument {
  text: string;
  blocks: Block[];
  /** Offsets at which each line starts, for line/column. Lines are separated by "\n". */
  lineStarts: number[];
}

export interface BlockInput {
  text: string;
  hint?: BlockHint;
}

/** Builds the model from paragraphs; the text is the paragraphs joined by "\n" (the JSON contract of `renda lint`). */
export function fromBlocks(paragraphs: readonly BlockInput[]): TextDocument {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const [index, p] of paragraphs.entries()) {
    const text = p.text;
    const block: Block = { index, start: offset, end: offset + text.length, text };
    if (p.hint && Object.keys(p.hint).length > 0) block.hint = p.hint;
    blocks.push(block);
    parts.push(text);
    offset += text.length + 1;
  }
  const text = parts.join("\n");
  return { text, blocks, lineStarts: computeLineStarts(text) };
}

/** Plain text: one block per line. "\r\n" and "\r" are normalised to "\n" first, so offsets refer to the normalised text. */
export function fromPlainText(raw: string): TextDocument {
  const text = normaliseNewlines(raw);
  return fromBlocks(text.split("\n").map((t) => ({ text: t })));
}

export function normaliseNewlines(raw: string): string {
  let text = raw.replace(/\r\n?/g, "\n");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The index of the last start at or before an offset (0 when the offset precedes them all): which line, block
 * or paragraph an offset falls in, by binary search over ascending starts.
 */
export function startIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column of an offset. */
export function positionAt(
  doc: Pick<TextDocument, "lineStarts">,
  offset: number,
): { line: number; column: number } {
  const lo = startIndexAt(doc.lineStarts, offset);
  return { line: lo + 1, column: offset - doc.lineStarts[lo]! + 1 };
}

/** The block containing an offset (or the last block before it). */
export function blockAt(doc: TextDocument, offset: number): Block | undefined {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return blocks[lo];
}
