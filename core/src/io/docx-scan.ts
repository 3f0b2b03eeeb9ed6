import type { BlockHint, BlockInput } from "../text/model.ts";
import type { StyleSheet } from "./docx-styles.ts";
import { toLevel } from "./docx-styles.ts";
import { child, descendant, isOn, val, type XmlElement } from "./xml.ts";

/**
 * One walk over the main document part that yields the text model AND where each character came from, so the
 * reader, the fixer (offsets → runs) and the filler (controls → XML ranges) agree on the same text.
 */

/** A piece of a block's text and the element that produced it. */
export interface TextSegment {
  block: number;
  /** Offsets within the block's text. */
  start: number;
  end: number;
  /** w:t for text, w:tab/w:ptab for "\t", w:noBreakHyphen for "-". */
  node: XmlElement;
}

export interface ScannedControl {
  tag: string | undefined;
  alias: string | undefined;
  level: "block" | "inline";
  sdt: XmlElement;
  content: XmlElement | undefined;
  /** Blocks [firstBlock, endBlock) produced inside a block-level control. */
  firstBlock: number;
  endBlock: number;
  /** Text position (block, offset in block) where the control's content starts and ends. */
  from: { block: number; offset: number };
  to: { block: number; offset: number };
}

export interface ScanResult {
  blocks: BlockInput[];
  /** The w:p each block comes from (several blocks share one w:p when it holds line breaks). */
  paragraphs: XmlElement[];
  segments: TextSegment[];
  controls: ScannedControl[];
}

const SKIPPED_INLINE = new Set([
  "w:del",
  "w:moveFrom",
  "w:pPr",
  "w:rPr",
  "mc:AlternateContent",
  "m:oMath",
  "m:oMathPara",
]);
const INLINE_CONTAINERS = new Set([
  "w:ins",
  "w:moveTo",
  "w:hyperlink",
  "w:smartTag",
  "w:customXml",
  "w:fldSimple",
  "w:dir",
  "w:bdo",
]);

export function scanDocument(root: XmlElement, styles: StyleSheet): ScanResult {
  const blocks: BlockInput[] = [];
  const paragraphs: XmlElement[] = [];
  const segments: TextSegment[] = [];
  const controls: ScannedControl[] = [];
  const body = descendant(root, ["w:document", "w:body"]);
  if (!body) return { blocks, paragraphs, segments, controls };

  // Complex fields (w:fldChar begin … separate … end) can span runs: only the result part is text.
  const fieldStack: { inInstruction: boolean }[] = [];
  const inInstruction = () => fieldStack.some((f) => f.inInstruction);

  // The block being built.
  let text = "";
  let hint: BlockHint | undefined;
  let currentP: XmlElement | undefined;

  const finishBlock = () => {
    const input: BlockInput = { text };
    if (hint && Object.keys(hint).length > 0) input.hint = { ...hint };
    blocks.push(input);
    paragraphs.push(currentP!);
    text = "";
  };
  const position = () => ({ block: blocks.length, offset: text.length });
  const addText = (s: string, node: XmlElement) => {
    if (s.length === 0) return;
    segments.push({ block: blocks.length, start: text.length, end: text.length + s.length, node });
    text += s;
  };

  const paragraph = (p: XmlElement, inTable: boolean) => {
    currentP = p;
    const pPr = child(p, "w:pPr");
    const styleId = val(pPr && child(pPr, "w:pStyle"));
    const style = styles.paragraph(styleId);
    const directLevel = val(pPr && child(pPr, "w:outlineLvl"));
    const h: BlockHint = {};
    if (styleId && style) h.style = style.name;
    else if (styleId) h.style = styleId;
    const level = directLevel !== undefined ? toLevel(Number(directLevel)) : style?.outlineLevel;
    if (level !== undefined && level > 0) h.outlineLevel = level;
    if (inTable) h.inTable = true;
    hint = h;
    let textRuns = 0;
    let boldRuns = 0;

    const run = (r: XmlElement) => {
      const rPr = child(r, "w:rPr");
      const bold =
        isOn(rPr && child(rPr, "w:b")) ??
        styles.character(val(rPr && child(rPr, "w:rStyle")))?.bold ??
        style?.bold ??
        false;
      let visible = false;
      for (const c of r.children) {
        switch (c.name) {
          case "w:fldChar": {
            const type = c.attrs["w:fldCharType"];
            if (type === "begin") fieldStack.push({ inInstruction: true });
            else if (type === "separate" && fieldStack.length > 0)
              fieldStack[fieldStack.length - 1]!.inInstruction = false;
            else if (type === "end") fieldStack.pop();
            break;
          }
          case "w:t":
            if (!inInstruction()) {
              addText(c.text, c);
              if (c.text.trim() !== "") visible = true;
            }
            break;
          case "w:tab":
          case "w:ptab":
            if (!inInstruction()) addText("\t", c);
            break;
          case "w:noBreakHyphen":
            if (!inInstruction()) addText("-", c);
            break;
          case "w:br":
          case "w:cr":
            // A line break starts a new line of the text model; both parts keep the paragraph's hints.
            if (!inInstruction()) finishBlock();
            break;
          default:
            // w:delText, w:instrText, w:rPr, drawings, footnote references: no body text.
            break;
        }
      }
      if (visible) {
        textRuns++;
        if (bold) boldRuns++;
      }
    };

    const inline = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.name === "w:r") run(c);
        else if (INLINE_CONTAINERS.has(c.name)) inline(c);
        else if (c.name === "w:sdt") {
          const content = child(c, "w:sdtContent");
          const ctl = control(c, "inline", content);
          if (content) inline(content);
          ctl.to = position();
          ctl.endBlock = blocks.length;
        } else if (!SKIPPED_INLINE.has(c.name)) {
          // Unknown wrappers (e.g. w:customXml variants) may hold runs; deletions were skipped above.
          if (c.children.some((g) => g.name === "w:r")) inline(c);
        }
      }
    };
    inline(p);
    if (textRuns > 0 && boldRuns === textRuns) hint.bold = true;
    finishBlock();
  };

  const control = (sdt: XmlElement, level: "block" | "inline", content: XmlElement | undefined) => {
    const sdtPr = child(sdt, "w:sdtPr");
    const ctl: ScannedControl = {
      tag: val(sdtPr && child(sdtPr, "w:tag")),
      alias: val(sdtPr && child(sdtPr, "w:alias")),
      level,
      sdt,
      content,
      firstBlock: blocks.length,
      endBlock: blocks.length,
      from: position(),
      to: position(),
    };
    controls.push(ctl);
    return ctl;
  };

  const blockLevel = (el: XmlElement, inTable: boolean) => {
    for (const c of el.children) {
      if (c.name === "w:p") paragraph(c, inTable);
      else if (c.name === "w:tbl") blockLevel(c, true);
      else if (c.name === "w:sdt") {
        const content = child(c, "w:sdtContent");
        const ctl = control(c, "block", content);
        if (content) blockLevel(content, inTable);
        ctl.endBlock = blocks.length;
        ctl.to =
          blocks.length > ctl.firstBlock ? { block: blocks.length - 1, offset: lastLength() } : ctl.from;
      } else if (c.name === "w:del" || c.name === "w:moveFrom" || c.name === "mc:AlternateContent") {
        // deleted content and drawing alternatives are not body text
      } else if (c.name.endsWith("Pr") || c.name === "w:tblGrid") {
        // properties
      } else {
        // w:tr, w:tc, w:customXml, w:ins…: containers of block content
        blockLevel(c, inTable);
      }
    }
  };
  const lastLength = () => blocks[blocks.length - 1]?.text.length ?? 0;

  blockLevel(body, false);
  return { blocks, paragraphs, segments, controls };
}

/** The text segments of each block, in document order (the fixer and the review copy both walk them by block). */
export function segmentsByBlock(segments: readonly TextSegment[]): Map<number, TextSegment[]> {
  const byBlock = new Map<number, TextSegment[]>();
  for (const s of segments) {
    const list = byBlock.get(s.block);
    if (list) list.push(s);
    else byBlock.set(s.block, [s]);
  }
  return byBlock;
}

/** Offsets of each block's first character in the text joined by "\n". */
export function blockStarts(blocks: readonly BlockInput[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    starts.push(offset);
    offset += b.text.length + 1;
  }
  return starts;
}
