import { deflateSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { isInputError } from "../../../core/src/io/errors.ts";
import { writeZip } from "../../../core/src/io/zip.ts";
import { p, r, rawDocx } from "./raw.ts";

/** The InputError a reader throws, or a failure when it throws something else or nothing. */
function inputError(fn: () => unknown): { message: string; file?: string } {
  try {
    fn();
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("readDocx refuses unusable files with a Chinese message naming the file", () => {
  it("a renamed .txt", () => {
    const e = inputError(() => readDocx(strToU8("各位代表：\n我受委托……"), "草稿.docx"));
    expect(e.message).toContain("“草稿.docx”");
    expect(e.message).toContain("不是有效的 .docx");
    expect(e.file).toBe("草稿.docx");
  });

  it("an empty file", () => {
    expect(inputError(() => readDocx(new Uint8Array(0), "空.docx")).message).toContain("空文件");
  });

  it("a Word 97-2003 .doc", () => {
    const doc = new Uint8Array(1024);
    doc.set(OLE);
    expect(inputError(() => readDocx(doc, "旧.doc")).message).toMatch(/“旧\.doc”.*97-2003.*另存为/);
  });

  it("a password-protected .docx (OLE file with an EncryptedPackage stream)", () => {
    const enc = new Uint8Array(2048);
    enc.set(OLE);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) enc[600 + i * 2] = name.charCodeAt(i);
    expect(inputError(() => readDocx(enc, "加密.docx")).message).toMatch(/“加密\.docx”.*密码/);
  });

  it("a truncated .docx", () => {
    const whole = rawDocx(p(r("正文")));
    for (const keep of [whole.length - 10, Math.floor(whole.length / 2), 40]) {
      expect(inputError(() => readDocx(whole.subarray(0, keep), "截断.docx")).message).toMatch(
        /“截断\.docx”.*(截断|损坏)/,
      );
    }
  });

  it("a zip without word/document.xml, and an .xlsx", () => {
    const zip = zipSync({ "readme.txt": strToU8("hello") });
    expect(inputError(() => readDocx(zip, "a.docx")).message).toMatch(/“a\.docx”.*word\/document\.xml/);
    const xlsx = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect(inputError(() => readDocx(xlsx, "台账.docx")).message).toContain("Excel 工作簿");
  });

  it("an entry declared larger than the limit is refused before inflating", () => {
    const big = new Uint8Array(8 * 1024 * 1024); // zeros compress ~1000:1
    const bytes = zipSync({ "word/document.xml": big });
    const e = inputError(() =>
      readDocx(bytes, "炸弹.docx", {
        limits: { maxEntrySize: 1024 * 1024, maxTotalSize: 1e9, maxEntries: 10, maxRatio: 100 },
      }),
    );
    expect(e.message).toMatch(/“炸弹\.docx”.*压缩炸弹/);
  });

  it("an entry whose real size exceeds its declared size (forged header) is caught while inflating", () => {
    const real = new Uint8Array(4 * 1024 * 1024);
    const raw = deflateSync(real);
    const forged = writeZip([
      {
        name: "word/document.xml",
        method: 8,
        crc32: 0,
        compressedSize: raw.length,
        size: 100,
        dosTime: 0,
        dosDate: 0,
        flags: 0,
        raw,
      },
    ]);
    expect(inputError(() => readDocx(forged, "伪造.docx")).message).toMatch(/“伪造\.docx”.*超过声明值/);
  });

  it("a document.xml that is not WordprocessingML", () => {
    const bytes = zipSync({ "word/document.xml": strToU8("<html><body>x</body></html>") });
    expect(inputError(() => readDocx(bytes, "网页.docx")).message).toContain("“网页.docx”");
  });
});
