import type { BlockInput } from "../text/model.ts";
import { openDocx, stylesPathOf } from "./docx-package.ts";
import { blockStarts, type ScanResult, scanDocument } from "./docx-scan.ts";
import { readStyles } from "./docx-styles.ts";
import { InputError } from "./errors.ts";
import { parseXml } from "./xml.ts";
import type { ZipLimits } from "./zip.ts";

/** A content control (w:sdt) found in the body. */
export interface DocxControl {
  /** w:tag, e.g. "renda:overview"; undefined when the control has none. */
  tag: string | undefined;
  /** w:alias, the title Word shows on the control. */
  alias: string | undefined;
  /** "block" holds whole paragraphs/tables; "inline" sits inside one paragraph. */
  level: "block" | "inline";
  /** Indices of the blocks the control covers, half-open [firstBlock, endBlock). */
  firstBlock: number;
  endBlock: number;
  /** UTF-16 offsets of the control's content in the document text (paragraphs joined by "\n"), half-open. */
  start: number;
  end: number;
}

export interface DocxContent {
  /** Paragraphs in document order (table cells and content controls included), ready for `lint({ blocks })`. */
  blocks: BlockInput[];
  controls: DocxControl[];
}

export interface ReadDocxOptions {
  limits?: ZipLimits;
}

/**
 * Reads the body text of a .docx with the hints the outline detector uses (style name, outline level,
 * bold, in-table) and its content controls. Bytes in, data out: no file system, so the add-in can reuse it.
 * Unusable input throws InputError with a Chinese message naming `file`.
 */
export function readDocx(bytes: Uint8Array, file = "文档", options: ReadDocxOptions = {}): DocxContent {
  const { scan } = scanDocx(bytes, file, options);
  return contentOf(scan);
}

/** The package and the scan, for modules that edit the document after reading it. */
export function scanDocx(bytes: Uint8Array, file = "文档", options: ReadDocxOptions = {}) {
  const pkg = openDocx(bytes, file, options.limits);
  const xml = pkg.part(pkg.documentPath)!;
  const root = parseXml(xml);
  if (!root.children.some((c) => c.name === "w:document")) {
    throw new InputError(
      `“${file}”的正文部分（${pkg.documentPath}）不是 Word 文档格式，文件可能已损坏。`,
      file,
    );
  }
  const styles = readStyles(pkg.part(stylesPathOf(pkg)));
  const scan = scanDocument(root, styles);
  return { pkg, xml, root, scan };
}

export function contentOf(scan: ScanResult): DocxContent {
  const starts = blockStarts(scan.blocks);
  const at = (p: { block: number; offset: number }) =>
    p.block < starts.length ? starts[p.block]! + p.offset : totalLength(scan.blocks);
  const controls: DocxControl[] = scan.controls.map((c) => ({
    tag: c.tag,
    alias: c.alias,
    level: c.level,
    firstBlock: c.firstBlock,
    endBlock: c.endBlock,
    start: at(c.from),
    end: Math.max(at(c.from), at(c.to)),
  }));
  return { blocks: scan.blocks, controls };
}

function totalLength(blocks: readonly BlockInput[]): number {
  return blocks.reduce((n, b) => n + b.text.length + 1, 0) - (blocks.length > 0 ? 1 : 0);
}
