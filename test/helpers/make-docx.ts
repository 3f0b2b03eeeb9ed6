import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";

export interface DocxParagraphSpec {
  text: string;
  /** Word heading level 1–3 (style "Heading N"), or "title". */
  heading?: 1 | 2 | 3 | "title";
  bold?: boolean;
}

const LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  title: HeadingLevel.TITLE,
} as const;

/** A real .docx written by the `docx` package, as a drafter's Word file would be. */
export async function makeDocx(paragraphs: DocxParagraphSpec[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (p) =>
            new Paragraph({
              ...(p.heading ? { heading: LEVELS[p.heading] } : {}),
              children: [new TextRun({ text: p.text, ...(p.bold ? { bold: true } : {}) })],
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
