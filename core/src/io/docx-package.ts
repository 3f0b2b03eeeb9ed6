import { InputError } from "./errors.ts";
import { MAX_XML_DEPTH, parseXml, xmlDepthExceeded } from "./xml.ts";
import { DEFAULT_ZIP_LIMITS, inflateEntry, readZip, type ZipEntry, type ZipLimits } from "./zip.ts";

// The package vocabulary of a .docx, named once here (ECMA-376 Part 2, Open Packaging Conventions; Part 1
// §11.3.10 for the main document part). These strings are file-format names, not a host API: core writes and
// reads the file itself, with no Word or browser present.

/** Where Word puts the main document part; a package may name another one in _rels/.rels. */
export const DEFAULT_DOCUMENT_PART = "word/document.xml";
/** Content type of the main document part (ECMA-376 Part 1 §11.3.10). */
export const MAIN_DOCUMENT_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/** Relationship type from the package to its main part (ECMA-376 Part 1 §11.3.10). */
export const OFFICE_DOCUMENT_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/** Relationship type and content type of the styles part (ECMA-376 Part 1 §11.3.12). */
export const STYLES_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const STYLES_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

/** Relationship type and content type of the comments part (ECMA-376 Part 1 §17.13.4, §11.3.2). */
export const COMMENTS_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const COMMENTS_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels (ECMA-376 Part 2 §9.3). */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** An opened .docx: its zip entries and the path of the main document part. */
export interface DocxPackage {
  file: string;
  entries: ZipEntry[];
  /** Usually DEFAULT_DOCUMENT_PART; taken from _rels/.rels when present. */
  documentPath: string;
  /** Decoded text of a part, or undefined when the package lacks it. */
  part(path: string): string | undefined;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

export function openDocx(
  bytes: Uint8Array,
  file = "文档",
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): DocxPackage {
  const label = `“${file}”`;
  if (bytes.length === 0) throw new InputError(`${label}是空文件。`, file);
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Password-protected .docx files are OLE compound files holding an "EncryptedPackage" stream; so are .doc files.
    throw new InputError(
      hasUtf16(bytes, "EncryptedPackage")
        ? `${label}设置了打开密码（已加密），无法读取。请在 Word/WPS 中取消密码保护后另存为 .docx 再试。`
        : `${label}是旧版 Word 97-2003 文档（.doc），不是 .docx。请在 Word/WPS 中“另存为” .docx 格式后再试。`,
      file,
    );
  }
  const entries = readZip(bytes, file, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const cache = new Map<string, string>();
  const decoder = new TextDecoder("utf-8");
  const part = (path: string): string | undefined => {
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
    const entry = byName.get(path);
    if (!entry) return undefined;
    const text = decoder.decode(inflateEntry(entry, file, limits));
    const deep = xmlDepthExceeded(text);
    if (deep !== -1) {
      throw new InputError(
        `${label}中的“${path}”嵌套超过 ${MAX_XML_DEPTH} 层（第 ${deep} 个字符处），不是 Word/WPS 正常保存的文档，已拒绝读取。请在 Word/WPS 中另存为新的 .docx 再试。`,
        file,
      );
    }
    cache.set(path, text);
    return text;
  };

  let documentPath = DEFAULT_DOCUMENT_PART;
  const rels = part("_rels/.rels");
  if (rels) {
    for (const rel of parseXml(rels).children.flatMap((c) => c.children)) {
      if (rel.name === "Relationship" && OFFICE_DOCUMENT_REL.test(rel.attrs.Type ?? "")) {
        const target = (rel.attrs.Target ?? "").replace(/^\//, "");
        if (target && byName.has(target)) documentPath = target;
      }
    }
  }
  if (!byName.has(documentPath)) {
    const what = byName.has("xl/workbook.xml")
      ? "这是 Excel 工作簿（.xlsx），不是 Word 文档"
      : byName.has("ppt/presentation.xml")
        ? "这是 PowerPoint 演示文稿，不是 Word 文档"
        : `它是 ZIP 压缩包，但不含 Word 正文（${DEFAULT_DOCUMENT_PART}），不是有效的 .docx 文件`;
    throw new InputError(`${label}无法作为 Word 文档读取：${what}。`, file);
  }
  return { file, entries, documentPath, part };
}

/** The styles part next to the main document (word/styles.xml for a standard package). */
export function stylesPathOf(pkg: DocxPackage): string {
  const dir = pkg.documentPath.includes("/")
    ? pkg.documentPath.slice(0, pkg.documentPath.lastIndexOf("/"))
    : "";
  return dir ? `${dir}/styles.xml` : "styles.xml";
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
