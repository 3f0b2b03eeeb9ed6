import { strToU8, zipSync } from "fflate";
import {
  DEFAULT_DOCUMENT_PART,
  MAIN_DOCUMENT_CONTENT_TYPE,
  OFFICE_DOCUMENT_RELATIONSHIP,
  relationshipsPartOf,
  STYLES_CONTENT_TYPE,
  STYLES_RELATIONSHIP,
} from "./docx-package.ts";
import type { ReviewFindings } from "./review-types.ts";
import { FONT, fonts, runsXml, SIZE } from "./slot-xml.ts";

/**
 * A .txt/.md draft as a plain .docx, one paragraph per line, so its review copy can carry Word comments.
 * Written as XML by hand rather than with the docx package: its Packer is asynchronous (the review copy is a
 * synchronous bytes-in/bytes-out function the extension calls in a page), and the text must come back from
 * readDocx exactly as it went in (offsets of the findings refer to it), which one w:p per line guarantees.
 *
 * Layout after GB/T 9704-2012: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (§5.2.1);
 * 22 lines of 三号 仿宋 (§7.1); title 二号 小标宋 centred (§7.3.1); first-level headings 黑体, second-level
 * 楷体 (§7.3.3); body paragraphs indented two characters.
 */

const mm = (v: number) => Math.round((v / 25.4) * 1440);
/** 225 mm / 22 lines, rounded down to the largest whole-twip pitch at which the 22nd line still fits. */
const LINE_PITCH = 579;
const INDENT_2_CHARS = 640;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Role = "Title" | "Subtitle" | "Heading1" | "Heading2" | "Flush" | null;

export function plainTextDocx(text: string, result: ReviewFindings): Uint8Array {
  const { outline } = result;
  const roleOf = (i: number): Role => {
    if (outline.titleBlocks.includes(i)) return outline.titleBlocks[0] === i ? "Title" : "Subtitle";
    if (outline.adoptionNote === i) return "Subtitle";
    if (outline.salutation === i) return "Flush";
    const h = outline.headingByBlock.get(i);
    // A run-in heading opens a body paragraph: it stays body text.
    if (!h || h.form === "run-in") return null;
    return h.rank <= 1 ? "Heading1" : h.rank === 2 ? "Heading2" : null;
  };
  const paragraphs = text.split("\n").map((line, i) => {
    const role = roleOf(i);
    const pPr = role ? `<w:pPr><w:pStyle w:val="${role}"/></w:pPr>` : "";
    return `<w:p>${pPr}${runsXml(line, "")}</w:p>`;
  });
  const sectPr = `<w:sectPr><w:pgSz w:w="${mm(210)}" w:h="${mm(297)}"/><w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}" w:header="${mm(15)}" w:footer="${mm(25)}" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"/></w:sectPr>`;
  const document = `${DECL}<w:document ${W}><w:body>${paragraphs.join("")}${sectPr}</w:body></w:document>`;

  const exact = `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/>`;
  const centred = `<w:jc w:val="center"/><w:ind w:firstLine="0"/>`;
  const style = (id: string, name: string, pPr: string, rPr: string, extra = "") =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
  const styles = `${DECL}<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONT.body)}<w:sz w:val="${SIZE.san}"/><w:szCs w:val="${SIZE.san}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${exact}<w:ind w:firstLine="${INDENT_2_CHARS}"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${style("Title", "Title", centred, `${fonts(FONT.title)}<w:sz w:val="${SIZE.er}"/><w:szCs w:val="${SIZE.er}"/>`)}${style("Subtitle", "Subtitle", centred, fonts(FONT.heading2))}${style("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', fonts(FONT.heading1))}${style("Heading2", "heading 2", '<w:outlineLvl w:val="1"/>', fonts(FONT.heading2))}${style("Flush", "顶格正文", '<w:ind w:firstLine="0"/>', "")}</w:styles>`;

  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${DEFAULT_DOCUMENT_PART}" ContentType="${MAIN_DOCUMENT_CONTENT_TYPE}"/><Override PartName="/word/styles.xml" ContentType="${STYLES_CONTENT_TYPE}"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT_RELATIONSHIP}" Target="${DEFAULT_DOCUMENT_PART}"/></Relationships>`,
      ),
      [relationshipsPartOf(DEFAULT_DOCUMENT_PART)]: strToU8(
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${STYLES_RELATIONSHIP}" Target="styles.xml"/></Relationships>`,
      ),
      [DEFAULT_DOCUMENT_PART]: strToU8(document),
      "word/styles.xml": strToU8(styles),
    },
    // A fixed timestamp: the same text gives the same bytes.
    { mtime: new Date(2020, 0, 1) },
  );
}
