import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { formatIssue } from "../../../core/src/ledger/issues.ts";
import { writeLedgerTemplate, writeLedgerWorkbook } from "../../../core/src/ledger/template.ts";
import { readZipDirectory } from "../../../core/src/ledger/zip.ts";
import { smallLedger } from "./fixtures.ts";

async function verdict(bytes: Uint8Array, reader: "full" | "stream" = "full") {
  const r = await checkLedger(bytes, { fileName: "台账.xlsx", year: 2025, reader });
  expect(r.usable).toBe(false);
  expect(r.issues).toHaveLength(1);
  const issue = r.issues[0]!;
  // A message for a person: names the file, no stack trace, no English exception text from a library.
  expect(formatIssue(issue)).toMatch(/^台账\.xlsx：/);
  expect(issue.message).not.toMatch(/\bat .*\(|node_modules|TypeError/);
  return issue;
}

/** Patches the uncompressed-size field of every local and central header of a zip. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) v.setUint32(i + 24, size, true);
  }
  return out;
}

/** The start of an OLE compound file whose directory holds the two streams of an encrypted OOXML package. */
function encryptedOoxmlHeader(): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const putName = (at: number, name: string) => {
    for (let i = 0; i < name.length; i++) out[at + i * 2] = name.charCodeAt(i);
  };
  // Directory entries are 128 bytes, names in UTF-16LE; sector 1 starts at 512 + 512.
  putName(1024, "Root Entry");
  putName(1024 + 128, "EncryptionInfo");
  putName(1024 + 256, "EncryptedPackage");
  return out;
}

describe("ledger check on files that are not a usable ledger", () => {
  it("a truncated download: the zip directory is missing", async () => {
    const good = await writeLedgerTemplate();
    const issue = await verdict(good.subarray(0, Math.floor(good.length / 2)));
    expect(issue.code).toBe("file/corrupt");
    expect(issue.message).toBe(
      "台账.xlsx：文件已损坏，无法作为.xlsx读取：找不到压缩包目录（文件可能不完整或已损坏）",
    );
  });

  it("damaged compressed data inside the workbook", async () => {
    const good = await writeLedgerTemplate();
    const entries = readZipDirectory(good);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet6.xml")!;
    const bad = good.slice();
    // Overwrite the middle of the sheet's deflate stream.
    const start = sheet.localHeaderOffset + 30 + sheet.name.length + 20;
    bad.fill(0xff, start, start + 200);
    const issue = await verdict(bad);
    expect(issue.code).toBe("file/corrupt");
    expect(issue.message).toContain("xl/worksheets/sheet6.xml");
  });

  it("random binary bytes", async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    expect((await verdict(bytes)).code).toBe("file/not-xlsx");
  });

  it("an empty file", async () => {
    expect((await verdict(new Uint8Array(0))).message).toBe("台账.xlsx：文件为空（0字节）");
  });

  it("a password-protected workbook (an OLE container holding EncryptedPackage)", async () => {
    const issue = await verdict(encryptedOoxmlHeader());
    expect(issue.code).toBe("file/encrypted");
    expect(issue.message).toContain("设有打开密码");
  });

  it("a CSV export given as the ledger", async () => {
    const csv = new TextEncoder().encode(
      "编号,标题,领衔代表,承办单位\n2025001,关于修路的建议,张代表,县交通运输局\n",
    );
    const issue = await verdict(csv);
    expect(issue.code).toBe("file/csv");
    expect(issue.message).toContain("CSV");
  });

  it("a Word document given as the ledger", async () => {
    const docx = zipSync({
      "word/document.xml": new TextEncoder().encode("<w:document/>"),
      "[Content_Types].xml": new Uint8Array(10),
    });
    expect((await verdict(docx)).message).toBe(
      "台账.xlsx：这是Word文档（.docx），不是Excel工作簿；台账应为.xlsx文件",
    );
  });

  it("an old .xls workbook (saved by LibreOffice from our template)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renda-ledger-xls-"));
    writeFileSync(join(dir, "ledger.xlsx"), await writeLedgerWorkbook(smallLedger()));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "xls",
        "--outdir",
        dir,
        join(dir, "ledger.xlsx"),
      ],
      { stdio: "pipe", timeout: 60_000 },
    );
    const issue = await verdict(new Uint8Array(readFileSync(join(dir, "ledger.xls"))));
    expect(issue.code).toBe("file/xls");
    expect(issue.message).toContain("另存为");
  }, 90_000);

  it("a zip bomb announced by its directory is refused before anything is inflated", async () => {
    const small = zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") });
    const issue = await verdict(declareSize(small, 0x7fff0000));
    expect(issue.code).toBe("file/zip-bomb");
    expect(issue.message).toContain("xl/workbook.xml");
  });

  it("a zip bomb by compression ratio (20 MB of zeros in about 20 KB)", async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync(
      { "xl/workbook.xml": new TextEncoder().encode("<workbook/>"), "xl/worksheets/sheet1.xml": zeros },
      { level: 9 },
    );
    const issue = await verdict(bomb);
    expect(issue.code).toBe("file/zip-bomb");
    expect(issue.message).toMatch(/压缩比为\d+:1，疑似压缩炸弹/);
  });

  it.each([
    "full",
    "stream",
  ] as const)("a zip whose directory understates a part is stopped while inflating (%s)", async (reader) => {
    const good = await writeLedgerTemplate();
    // Claim every part is 100 bytes: true sizes are larger, so the first streamed part overruns its claim.
    const issue = await verdict(declareSize(good, 100), reader);
    expect(issue.code).toBe("file/zip-bomb");
    expect(issue.message).toContain("超过目录中声明的100字节");
  });
});
