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
import type { SlotContent, SlotMap } from "../phrasing/slots.ts";
import type { OwnKindId } from "../schema/kinds.ts";
import { getKind } from "../sections/kinds.ts";
import { DEFAULT_DOCUMENT_PART } from "./docx-package.ts";
import { planGuidance, reviewGuidance, statusNote, tasksGuidance } from "./draft-guidance.ts";
import { controlXml, FONT, SIZE, slotBlockXml } from "./slot-xml.ts";
import { parseXml } from "./xml.ts";
import { crc32, inflateEntry, readZip, writeZip, type ZipEntry } from "./zip.ts";

/** Who reports to whom, when: the words of the title block. Placeholders (××) where not given. */
export interface DraftBody {
  /** Full name of the standing committee: "××县人民代表大会常务委员会". */
  organ?: string;
  /** Short name used in a plan's title: "××县人大常委会". */
  organShort?: string;
  /** The congress session a report is made to: "××县第×届人民代表大会第×次会议". */
  congress?: string;
  /** Date of that session: "2026年1月8日". */
  meetingDate?: string;
  /** Speaker line of a report: "××县人大常委会主任　张三". */
  speaker?: string;
  /** Meeting that adopts a plan: "××县第×届人民代表大会常务委员会第×次会议". */
  adoptedBy?: string;
  /** Date of adoption of a plan. */
  adoptedOn?: string;
}

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
  const kind = getKind(options.kind);
  const { year, slots } = options;
  const b = { ...defaults(options.kind, year), ...stripUndefined(options.body ?? {}) };

  const children: Paragraph[] = [];
  const numbered = (() => {
    let n = 0;
    return () => `${chineseNumber(++n)}、`;
  })();
  const heading1 = (text: string) => new Paragraph({ heading: "Heading1", text });
  const guidance = (text: string) => new Paragraph({ style: STYLE.guidance, text: `（${text}）` });
  const mark = (slot: string) => new Paragraph({ text: MARK + slot });

  const placed = new Set<string>();
  const slotsFor = (sectionId: string) =>
    Object.keys(slots).filter((s) => !placed.has(s) && sectionOfSlot(s) === sectionId);
  const placeSlots = (sectionId: string) => {
    for (const s of slotsFor(sectionId)) {
      placed.add(s);
      children.push(mark(s));
    }
  };
  const section = (id: string) => kind.byId.get(id)!;
  const note = (id: string) => {
    const s = section(id);
    return statusNote(s.status, cleanReason(s.reason));
  };

  if (options.kind === "work-report") {
    children.push(new Paragraph({ heading: "Title", text: `${b.organ}工作报告` }));
    children.push(new Paragraph({ style: STYLE.subtitle, text: `——${b.meetingDate}在${b.congress}上` }));
    children.push(new Paragraph({ style: STYLE.subtitle, text: b.speaker }));
    children.push(new Paragraph({ style: STYLE.flush, text: "各位代表：" }));
    children.push(new Paragraph({ text: `现在，我受${b.organ}委托，向大会报告工作，请予审议。` }));

    const reviewIds = kind.sections
      .filter((s) => s.where === "review" || s.where === "review+tasks")
      .map((s) => s.id)
      .filter((id) => id !== "review" && id !== "overview");
    children.push(new Paragraph({ style: STYLE.part, text: `${year}年主要工作回顾` }));
    children.push(
      guidance(
        `在此概述${year}年的总体情况：年度定位（“${year}年是……之年”）、在党委坚强领导下坚持的指导思想，以及下面自动生成的统计数字。`,
      ),
    );
    placed.add("overview");
    children.push(mark("overview"));
    placeSlots("overview");
    // Slots no chapter claims follow the overview: a report ends with its closing words, not a table.
    for (const s of Object.keys(slots).filter(
      (x) => !placed.has(x) && !reviewIds.includes(sectionOfSlot(x)),
    )) {
      placed.add(s);
      children.push(mark(s));
    }
    for (const id of reviewIds.filter((i) => i !== "shortcomings")) {
      const s = section(id);
      children.push(heading1(numbered() + s.name));
      children.push(guidance(reviewGuidance(id, s.name) + note(id)));
      placeSlots(id);
    }
    if (reviewIds.includes("shortcomings")) {
      children.push(
        new Paragraph({
          text: "我们也清醒地认识到，常委会工作还存在一些差距和不足：（在此如实列出监督实效、代表作用发挥、自身建设等方面的差距和不足。）对此，我们将采取有效措施，认真加以改进。",
        }),
      );
    }

    const taskIds = kind.sections
      .filter((s) => s.where === "tasks" || s.where === "review+tasks")
      .map((s) => s.id);
    const next = year + 1;
    const restart = (() => {
      let n = 0;
      return () => `${chineseNumber(++n)}、`;
    })();
    children.push(new Paragraph({ style: STYLE.part, text: `${next}年主要任务` }));
    children.push(
      guidance(
        `在此写明${next}年的定位和常委会工作的总体要求：“${next}年是……。常委会工作的总体要求是：……”。${
          kind.byId.get("election")?.expectedInYears?.includes(next)
            ? `${next}年是换届选举之年，务必部署换届选举工作。`
            : ""
        }`,
      ),
    );
    for (const id of taskIds.filter((i) => i !== "tasks")) {
      const s = section(id);
      children.push(heading1(restart() + s.name));
      children.push(guidance(tasksGuidance(id, s.name) + note(id)));
    }
    children.push(
      new Paragraph({
        text: "各位代表，让我们更加紧密地团结在以习近平同志为核心的党中央周围，在××委的坚强领导下，（在此写结束语）……为……而不懈奋斗！",
      }),
    );
  } else {
    children.push(new Paragraph({ heading: "Title", text: `${b.organShort}${year}年工作要点` }));
    children.push(new Paragraph({ style: STYLE.subtitle, text: `（${b.adoptedOn}${b.adoptedBy}通过）` }));
    for (const s of kind.sections.filter((x) => x.where === "body")) {
      children.push(heading1(numbered() + s.name));
      children.push(guidance(planGuidance(s.id, s.name) + note(s.id)));
      placeSlots(s.id);
    }
  }

  // In a plan, slots no section claims (tables of figures) go to an annex after the body.
  const rest = Object.keys(slots).filter((s) => !placed.has(s));
  if (rest.length > 0) {
    children.push(new Paragraph({ heading: "Heading1", text: "附件：统计表" }));
    for (const s of rest) children.push(mark(s));
  }

  const doc = new Document({
    creator: "人大报告助手",
    title: options.kind === "work-report" ? `${b.organ}工作报告` : `${b.organShort}${year}年工作要点`,
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

/** Where a sentence slot belongs, by the naming convention of the phrasing module ("suggestions", …). */
export function sectionOfSlot(slot: string): string {
  if (/^overview/.test(slot)) return "overview";
  if (/^(suggestion|deput|proposal)/.test(slot)) return "deputies";
  if (/^appointment/.test(slot)) return "appointments";
  if (/^(decision|resolution)/.test(slot)) return "decisions";
  if (/^filing/.test(slot)) return "rule-of-law";
  if (/^(supervision|oversight|agenda|inspection|meeting)/.test(slot)) return "supervision";
  if (/^petition/.test(slot)) return "deputies";
  return "annex";
}

function defaults(kind: OwnKindId, year: number): Required<DraftBody> {
  const next = kind === "work-report" ? year + 1 : year;
  return {
    organ: "××县人民代表大会常务委员会",
    organShort: "××县人大常委会",
    congress: "××县第×届人民代表大会第×次会议",
    meetingDate: `${next}年×月×日`,
    speaker: "××县人大常委会主任　某某某",
    adoptedBy: "××县第×届人民代表大会常务委员会第×次会议",
    adoptedOn: `${next}年×月×日`,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Reasons in the kind data cite DOMAIN.md for maintainers; the drafter only needs the reason itself. */
function cleanReason(reason: string): string {
  return reason.replace(/[（(]DOMAIN[^）)]*[）)]/g, "").replace(/[。；;]$/, "");
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
}
