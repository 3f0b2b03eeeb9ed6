import { InputError } from "../io/errors.ts";
import { type BlockInput, fromBlocks, normaliseNewlines, type TextDocument } from "../text/model.ts";
import { decodeText, maskMarkdown } from "./decode.ts";

/** Files larger than this are refused: a report is a few hundred KB; anything this big is not a draft. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export interface LoadedDocument {
  doc: TextDocument;
  /** The text offsets refer to, as the file was decoded (for .md: before masking). */
  text: string;
  format: "txt" | "md" | "docx";
  notice?: string;
}

export type DocxReader = (bytes: Uint8Array, file: string) => { blocks: BlockInput[] };

export function formatOf(path: string): LoadedDocument["format"] {
  const lower = path.toLowerCase();
  if (lower.endsWith(".docx")) return "docx";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "md";
  return "txt";
}

/** Bytes of a .txt/.md/.docx file → the text model, or an InputError that names the file. */
export function loadDocument(bytes: Uint8Array, path: string, readDocx: DocxReader): LoadedDocument {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(
      `${path}：文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 50 MB 的上限`,
      path,
    );
  }
  const format = formatOf(path);
  if (format === "docx") {
    const { blocks } = readDocx(bytes, path);
    if (blocks.every((b) => b.text.trim() === ""))
      throw new InputError(`${path}：文档没有正文文字，没有可检查的内容`, path);
    const doc = fromBlocks(blocks);
    return { doc, text: doc.text, format };
  }
  const decoded = decodeText(bytes, path);
  const notice =
    decoded.encoding === "utf-8"
      ? undefined
      : `按 ${decoded.encoding.toUpperCase()} 编码读取（建议另存为 UTF-8）`;
  const text = normaliseNewlines(decoded.text);
  if (text.trim() === "") throw new InputError(`${path}：文件只有空白，没有可检查的内容`, path);
  let blocks: BlockInput[];
  if (format === "md") {
    const masked = maskMarkdown(text);
    blocks = masked.text.split("\n").map((t, i) => {
      const level = masked.headingLevels.get(i);
      return level ? { text: t, hint: { tag: `h${level}` } } : { text: t };
    });
  } else {
    blocks = text.split("\n").map((t) => ({ text: t }));
  }
  const doc = fromBlocks(blocks);
  return notice ? { doc, text, format, notice } : { doc, text, format };
}
