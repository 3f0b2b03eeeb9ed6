import type { SlotContent } from "../draft/slots.ts";
import { SLOT_TAG_PREFIX } from "../draft/slots.ts";
import { escapeXmlAttr, escapeXmlText } from "./xml.ts";

/**
 * WordprocessingML for what goes inside a `renda:<slot>` content control. `renda draft` and `renda fill`
 * both use it, so filling a fresh draft with the same data changes nothing, and filling twice is a no-op.
 */

/** Paragraph and run properties the generated paragraphs copy (raw XML, "" for the document defaults). */
export interface SlotTemplate {
  pPr: string;
  rPr: string;
}

export const DEFAULT_TEMPLATE: SlotTemplate = { pPr: "", rPr: "" };

/** Text block width of GB/T 9704 (156 mm) in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = Math.round((156 / 25.4) * 1440);

export const FONT = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
} as const;

/** Font sizes in half-points (Word's unit): 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { er: 44, san: 32, si: 28 } as const;

export function fonts(name: string): string {
  const n = escapeXmlAttr(name);
  return `<w:rFonts w:ascii="${n}" w:eastAsia="${n}" w:hAnsi="${n}" w:cs="${n}"/>`;
}

/** Runs for a text: "\t" becomes w:tab and "\n" w:br, so what readDocx reads back is the same text. */
export function runsXml(text: string, rPr: string): string {
  const out: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (i > 0) out.push(`<w:r>${rPr}<w:br/></w:r>`);
    for (const [j, piece] of line.split("\t").entries()) {
      if (j > 0) out.push(`<w:r>${rPr}<w:tab/></w:r>`);
      if (piece) out.push(`<w:r>${rPr}<w:t xml:space="preserve">${escapeXmlText(piece)}</w:t></w:r>`);
    }
  }
  return out.join("");
}

export function paragraphXml(text: string, tpl: SlotTemplate): string {
  return `<w:p>${tpl.pPr}${runsXml(text, tpl.rPr)}</w:p>`;
}

// Table cells: single spacing and no first-line indent or grid snapping, whatever the body style says.
const CELL_PPR =
  '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>';
const CAPTION_PPR =
  '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>';
const NOTE_PPR =
  '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>';
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

function tableXml(
  caption: string | undefined,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const columns = Math.max(header.length, ...rows.map((r) => r.length), 1);
  // The first column names things (承办单位, 会议名称) and gets twice the room of each figure column.
  const unit = Math.floor(TEXT_WIDTH_TWIPS / (columns + 1));
  const widths = Array.from({ length: columns }, (_, i) =>
    i === 0 ? TEXT_WIDTH_TWIPS - unit * (columns - 1) : unit,
  );
  const cell = (text: string, i: number, bold: boolean) => {
    const rPr = `<w:rPr>${fonts(bold ? FONT.heading1 : FONT.body)}<w:sz w:val="${SIZE.si}"/><w:szCs w:val="${SIZE.si}"/></w:rPr>`;
    return `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p>${CELL_PPR}${runsXml(text, rPr)}</w:p></w:tc>`;
  };
  const row = (cells: readonly string[], isHeader: boolean) => {
    const all = Array.from({ length: columns }, (_, i) => cells[i] ?? "");
    const trPr = isHeader ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    return `<w:tr>${trPr}${all.map((c, i) => cell(c, i, isHeader)).join("")}</w:tr>`;
  };
  // The caption is the table's first row (merged, no outer borders): it looks like a caption above the
  // table, but being in a cell it is never taken for a section heading by the outline detector.
  const captionRow = caption
    ? `<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:gridSpan w:val="${columns}"/>` +
      '<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/></w:tcBorders></w:tcPr>' +
      `<w:p>${CAPTION_PPR}${runsXml(caption, `<w:rPr>${fonts(FONT.heading1)}</w:rPr>`)}</w:p></w:tc></w:tr>`
    : "";
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((b) => `<w:${b} ${BORDER}/>`)
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>` +
    captionRow +
    (header.length > 0 ? row(header, true) : "") +
    rows.map((r) => row(r, false)).join("") +
    "</w:tbl>"
  );
}

/** Block-level content: paragraphs, or caption + table + note. Never empty (Word requires a paragraph). */
export function slotBlockXml(content: SlotContent, tpl: SlotTemplate = DEFAULT_TEMPLATE): string {
  if (content.kind === "paragraphs") {
    const paragraphs = content.paragraphs.length > 0 ? content.paragraphs : [""];
    return paragraphs.map((p) => paragraphXml(p, tpl)).join("");
  }
  const parts: string[] = [];
  parts.push(tableXml(content.caption, content.header, content.rows));
  // A table cannot end a control's content in Word's eyes when the control is the last body element; the
  // note (or an empty paragraph) closes it and is where the drafter continues typing.
  const noteRPr = `<w:rPr><w:sz w:val="${SIZE.si}"/><w:szCs w:val="${SIZE.si}"/></w:rPr>`;
  parts.push(`<w:p>${NOTE_PPR}${content.note ? runsXml(content.note, noteRPr) : ""}</w:p>`);
  return parts.join("");
}

/** Inline content for a run-level control (a figure inside a sentence): the paragraphs' text, joined. */
export function slotInlineXml(content: SlotContent, rPr: string): string | null {
  if (content.kind !== "paragraphs") return null;
  return runsXml(content.paragraphs.join(""), rPr);
}

/** Human title shown on the control in Word (w:alias). */
export function slotAlias(slot: string): string {
  return `人大报告助手：${slot}（自动生成，请勿手改）`;
}

/** A block-level control around generated content. */
export function controlXml(slot: string, id: number, inner: string): string {
  return (
    `<w:sdt><w:sdtPr><w:alias w:val="${escapeXmlAttr(slotAlias(slot))}"/>` +
    `<w:tag w:val="${escapeXmlAttr(SLOT_TAG_PREFIX + slot)}"/><w:id w:val="${id}"/></w:sdtPr>` +
    `<w:sdtContent>${inner}</w:sdtContent></w:sdt>`
  );
}
