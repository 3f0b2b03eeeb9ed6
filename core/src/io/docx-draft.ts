import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { deflateSync } from "fflate";
import { type DraftBody, draftSkeleton, type SkeletonItem } from "../draft/skeleton.ts";
import type { SlotContent, SlotMap } from "../draft/slots.ts";
import type { OwnKindId } from "../schema/kinds.ts";
import { DEFAULT_DOCUMENT_PART } from "./docx-package.ts";
import { controlXml, FONT, SIZE, slotBlockXml } from "./slot-xml.ts";
import { parseXml } from "./xml.ts";
import { crc32, inflateEntry, readZip, writeZip, type ZipEntry } from "./zip.ts";

export type { DraftBody };
/** Kept where callers have always found it; the rule itself lives with the skeleton. */
export { sectionOfSlot } from "../draft/slots.ts";

export interface DraftOptions {
  kind: OwnKindId;
  /** The reviewed year of a report, the planned year of a plan. */
  year: number;
  slots: SlotMap;
  body?: DraftBody;
}

// --- GB/T 9704-2012 page geometry, in twentieths of a point (twips) ---
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/**
 * 22 lines in the 225 mm text block: 225 mm / 22 = 28.98 pt; 28.95 pt (579 twips) is the largest whole-twip
 * pitch at which the 22nd line still fits, the value Chinese government templates use.
 */
const LINE_PITCH = 579;
/**
 * 28 characters in the 156 mm text block: 442.2 pt / 28 = 15.79 pt per character, 0.21 pt less than a 16 pt
 * (三号) character. Word templates get there with a character grid (docGrid charSpace), but LibreOffice lays
 * such grids out with far fewer characters per line; condensing every character by 0.25 pt (15.75 × 28 =
 * 441 pt) gives 28 characters per line in Word, WPS and LibreOffice alike, under a line-only grid.
 */
const CHAR_CONDENSE = -5;
/** Footer distance: the page number's dash line sits about 7 mm under the text block (§7.5). */
const FOOTER_DISTANCE = mm(25);
const ONE_CHAR_SI = 280; // one 四号 character, the page number's inset from the margin
const INDENT_2_CHARS = 640;

const STYLE = {
  part: "RendaPart",
  guidance: "RendaGuidance",
  subtitle: "RendaSubtitle",
  flush: "RendaFlush",
};

/** Marks where a slot's control goes; replaced in the XML after packing (the docx package has no block controls). */
const MARK = "RENDA-SLOT-MARK:";

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/**
 * The draft .docx: the kind's sections as headings with guidance, the title block, and the slots' generated
 * content inside content controls tagged `renda:<slot>`, in the GB/T 9704-2012 layout.
 */
export async function renderDraft(options: DraftOptions): Promise<Uint8Array> {
  const { slots } = options;
  const skeleton = draftSkeleton({
    kind: options.kind,
    year: options.year,
    slots: Object.keys(slots),
    ...(options.body ? { body: options.body } : {}),
  });
  const children = skeleton.map(paragraphOf);
  const title = skeleton.find((i) => i.role === "title");

  const doc = new Document({
    creator: "人大报告助手",
    title: title && "text" in title ? title.text : "",
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
  // toArrayBuffer rather than toBuffer: the same bytes, and it also runs in a browser (the extension's file
  // workbench), where JSZip has no Node Buffer to produce.
  const packed = new Uint8Array(await Packer.toArrayBuffer(doc));
  return postProcess(packed, slots);
}

/** A skeleton paragraph in this writer's GB/T 9704 styles; a slot becomes a marker replaced after packing. */
function paragraphOf(item: SkeletonItem): Paragraph {
  if (item.role === "slot") return new Paragraph({ text: MARK + item.slot });
  switch (item.role) {
    case "title":
      return new Paragraph({ heading: "Title", text: item.text });
    case "heading":
      return new Paragraph({ heading: "Heading1", text: item.text });
    case "part":
      return new Paragraph({ style: STYLE.part, text: item.text });
    case "subtitle":
      return new Paragraph({ style: STYLE.subtitle, text: item.text });
    case "guidance":
      return new Paragraph({ style: STYLE.guidance, text: item.text });
    case "flush":
      return new Paragraph({ style: STYLE.flush, text: item.text });
    case "body":
      return new Paragraph({ text: item.text });
  }
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: ONE_CHAR_SI, firstLine: 0 } : { left: ONE_CHAR_SI, firstLine: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            font: font(FONT.pageNumber),
            size: SIZE.si,
            children: ["— ", PageNumber.CURRENT, " —"],
          }),
        ],
      }),
    ],
  });
}

function styles() {
  const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const centred = { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } };
  return {
    default: {
      document: {
        run: { font: font(FONT.body), size: SIZE.san, characterSpacing: CHAR_CONDENSE },
        paragraph: {
          spacing: exact,
          indent: { firstLine: INDENT_2_CHARS },
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      title: {
        run: { font: font(FONT.title), size: SIZE.er, bold: false, color: "000000", characterSpacing: 0 },
        paragraph: { ...centred, spacing: { ...exact, after: LINE_PITCH } },
      },
      heading1: {
        run: { font: font(FONT.heading1), size: SIZE.san, bold: false, color: "000000" },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2_CHARS }, outlineLevel: 0 },
      },
      heading2: {
        run: { font: font(FONT.heading2), size: SIZE.san, bold: false, color: "000000" },
        paragraph: { spacing: exact, indent: { firstLine: INDENT_2_CHARS }, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.part,
        name: "报告部分标题",
        basedOn: "Heading1",
        next: "Normal",
        run: { font: font(FONT.heading1), size: SIZE.san },
        paragraph: { ...centred, spacing: exact, outlineLevel: 0 },
      },
      {
        id: STYLE.subtitle,
        name: "题注（楷体居中）",
        basedOn: "Normal",
        run: { font: font(FONT.heading2), size: SIZE.san },
        paragraph: { ...centred, spacing: exact },
      },
      {
        id: STYLE.guidance,
        name: "起草提示（楷体）",
        basedOn: "Normal",
        run: { font: font(FONT.heading2), size: SIZE.san },
      },
      {
        id: STYLE.flush,
        name: "顶格正文",
        basedOn: "Normal",
        paragraph: { indent: { firstLine: 0 } },
      },
    ],
  };
}

/**
 * After packing: (1) each marker paragraph becomes a block-level content control holding the slot's content
 * (the docx package only offers run-level controls); (2) first-line indents are also stated in characters
 * (w:firstLineChars, which the package cannot write), so Word keeps "2 characters"; (3) w:overflowPunct off.
 * Both are string splices on the generated XML; entries are rewritten with fixed timestamps so the same
 * input gives the same bytes.
 */
function postProcess(bytes: Uint8Array, slots: SlotMap): Uint8Array {
  const entries = readZip(bytes, "draft.docx");
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const out: ZipEntry[] = entries.map((e) => {
    let xml: string | undefined;
    if (e.name === DEFAULT_DOCUMENT_PART)
      xml = replaceMarks(decoder.decode(inflateEntry(e, "draft.docx")), slots);
    else if (e.name === "word/styles.xml") {
      xml = decoder
        .decode(inflateEntry(e, "draft.docx"))
        .replace(/<w:ind w:firstLine="640"\/>/g, '<w:ind w:firstLine="640" w:firstLineChars="200"/>')
        .replace(/<w:ind w:firstLine="0"\/>/g, '<w:ind w:firstLine="0" w:firstLineChars="0"/>')
        // Punctuation may not hang into the right margin: the text block is 156 mm wide, full stop.
        .replace("<w:pPrDefault><w:pPr>", '<w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/>');
    }
    const data = xml === undefined ? inflateEntry(e, "draft.docx") : encoder.encode(xml);
    return {
      ...e,
      method: 8,
      crc32: crc32(data),
      size: data.length,
      raw: deflateSync(data, { level: 6 }),
      compressedSize: 0,
      // 1980-01-01 00:00: a fixed stamp keeps drafts reproducible.
      dosTime: 0,
      dosDate: 0x21,
      flags: 0,
    };
  });
  return writeZip(out);
}

function replaceMarks(xml: string, slots: SlotMap): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let id = 1000;
  const visit = (el: ReturnType<typeof parseXml>) => {
    for (const c of el.children) {
      if (c.name === "w:p") {
        const text = collectText(c);
        if (text.startsWith(MARK)) {
          const slot = text.slice(MARK.length);
          const content: SlotContent = slots[slot] ?? {
            kind: "paragraphs",
            paragraphs: ["（此处由“人大报告助手”根据台账自动填写，运行 renda fill 更新。）"],
          };
          edits.push({ start: c.start, end: c.end, text: controlXml(slot, id++, slotBlockXml(content)) });
        }
      } else visit(c);
    }
  };
  visit(parseXml(xml));
  let result = xml;
  for (const e of edits.reverse()) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

function collectText(el: ReturnType<typeof parseXml>): string {
  let s = el.name === "w:t" ? el.text : "";
  for (const c of el.children) s += collectText(c);
  return s;
}
