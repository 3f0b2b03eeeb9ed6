import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";

/** Packs a docx package Document into bytes the readers take. */
export async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A short report as an office would type it in Word: a Title-style title, Heading 1 part headings, a custom
 * style based on Heading 1, a direct outline level, a table, tracked changes and a soft line break.
 */
export function sampleReport(): Document {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  return new Document({
    styles: {
      paragraphStyles: [
        { id: "ReportPart", name: "报告部分标题", basedOn: "Heading1", run: { font: "黑体" } },
        { id: "ReportChapter", name: "报告章标题", basedOn: "ReportPart", run: { bold: true } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun("某县人民代表大会常务委员会工作报告")],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            text: "——2025年1月8日在某县第十八届人民代表大会第五次会议上",
          }),
          new Paragraph("各位代表："),
          new Paragraph("我受县人民代表大会常务委员会委托，向大会报告工作，请予审议。"),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: "2024年主要工作回顾" }),
          new Paragraph({ style: "ReportChapter", text: "一、坚持党的全面领导" }),
          new Paragraph({
            children: [
              new TextRun("常委会坚持"),
              new DeletedTextRun({ text: "旧的说法", id: 1, author: "审核人", date: "2025-01-02T00:00:00Z" }),
              new InsertedTextRun({
                text: "党的领导",
                id: 2,
                author: "审核人",
                date: "2025-01-02T00:00:00Z",
              }),
              new TextRun("。"),
            ],
          }),
          new Paragraph({ outlineLevel: 1, text: "（一）强化政治引领" }),
          new Paragraph({
            children: [
              new TextRun("第一行"),
              new TextRun({ text: "第二行", break: 1 }),
              new TextRun({ text: "\t尾" }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: "全部加粗", bold: true }),
              new TextRun({ text: "的段落", bold: true }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell("承办单位"), cell("件数")] }),
              new TableRow({ children: [cell("县政府办"), cell("12")] }),
            ],
          }),
          new Paragraph("表后正文。"),
        ],
      },
    ],
  });
}
