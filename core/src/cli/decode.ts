import { InputError } from "../io/errors.ts";

export interface Decoded {
  text: string;
  /** Set when the file was not UTF-8, so the user knows how it was read. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
}

/**
 * Text files from Chinese offices are often GBK (saved by Notepad or WPS on older systems). We read UTF-8 when
 * the bytes are valid UTF-8, else GB18030 (a superset of GBK) when they are valid GB18030, and say so;
 * anything that looks binary is refused rather than linted as mojibake.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError(`${file}：文件为空，没有可检查的内容（empty file）`, file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (looksBinary(bytes)) {
    const kind = sniffBinary(bytes);
    throw new InputError(
      `${file}：这是二进制文件${kind ? `（${kind}）` : ""}，不是文本，无法检查（binary file）`,
      file,
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
    } catch {
      throw new InputError(
        `${file}：无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030），请另存为 UTF-8 后再试`,
        file,
      );
    }
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

function sniffBinary(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "ZIP 压缩包，如为 Word 文档请使用 .docx 扩展名";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "旧版 Word .doc 或加密文档，请另存为 .docx";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "PDF 文件";
  return null;
}

/**
 * Markdown headings and list/quote marks are blanked with spaces of the same length, so offsets still point
 * into the file as written (the JSON contract) while the outline sees "一、…" and not "## 一、…".
 */
export function maskMarkdown(text: string): { text: string; headingLevels: Map<number, number> } {
  const headingLevels = new Map<number, number>();
  const lines = text.split("\n");
  let inFence = false;
  const out = lines.map((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return " ".repeat(line.length);
    }
    if (inFence) return " ".repeat(line.length);
    const h = /^(#{1,6})(\s+)/.exec(line);
    if (h) {
      headingLevels.set(i, h[1]!.length);
      return (
        " ".repeat(h[0].length) + line.slice(h[0].length).replace(/\s+#+\s*$/, (m) => " ".repeat(m.length))
      );
    }
    const q = /^(\s*>\s?)+/.exec(line);
    if (q) return " ".repeat(q[0].length) + line.slice(q[0].length);
    const li = /^(\s*[-*+]\s+)/.exec(line);
    if (li) return " ".repeat(li[0].length) + line.slice(li[0].length);
    return line;
  });
  return { text: out.join("\n"), headingLevels };
}
