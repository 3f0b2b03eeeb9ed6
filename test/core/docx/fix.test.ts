import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../../core/src/fix.ts";
import { fixDocx } from "../../../core/src/io/docx-fix.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { pack, sampleReport } from "./build.ts";
import { p, r, rawDocx } from "./raw.ts";

const textOf = (bytes: Uint8Array) => fromBlocks(readDocx(bytes).blocks).text;
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]!);

describe("renda lint --fix on a .docx", () => {
  const BOLD = "<w:b/>";
  const RED = '<w:color w:val="FF0000"/>';
  const docx = rawDocx(
    p(r("各位代表：")) +
      p(`${r("常委会认真听取", BOLD)}${r("一府两院", RED)}${r("专项工作报告。")}`) +
      p(`${r("全年共召开常委会会议")}${r("８", BOLD)}${r("次 ，")}${r("主任会议12次。")}`),
  );
  const text = textOf(docx);
  const at = (needle: string) => text.indexOf(needle);

  it("edits inside one run and keeps its formatting", () => {
    const start = at("一府两院");
    const result = fixDocx(docx, [{ start, end: start + 4, text: "一府一委两院" }]);
    expect(textOf(result.bytes)).toContain("常委会认真听取一府一委两院专项工作报告。");
    expect(documentXml(result.bytes)).toContain(
      `<w:rPr>${RED}</w:rPr><w:t xml:space="preserve">一府一委两院</w:t>`,
    );
    expect(documentXml(result.bytes)).toContain(
      `<w:rPr>${BOLD}</w:rPr><w:t xml:space="preserve">常委会认真听取</w:t>`,
    );
  });

  it("puts a fix across runs into the first run and trims the others", () => {
    const start = at("８次 ，");
    const result = fixDocx(docx, [{ start, end: start + 4, text: "8次，" }]);
    expect(textOf(result.bytes)).toContain("全年共召开常委会会议8次，主任会议12次。");
    const xml = documentXml(result.bytes);
    expect(xml).toContain(`<w:rPr>${BOLD}</w:rPr><w:t xml:space="preserve">8次，</w:t>`);
    expect(xml).toContain('<w:t xml:space="preserve"></w:t>');
  });

  it("gives the same text as fixing the plain text, for several fixes at once", () => {
    const fixes = [
      { start: at("一府两院"), end: at("一府两院") + 4, text: "一府一委两院" },
      { start: at("８"), end: at("８") + 1, text: "8" },
      { start: at(" ，"), end: at(" ，") + 2, text: "，" },
      { start: at("专项"), end: at("专项"), text: "的" },
    ];
    const result = fixDocx(docx, fixes);
    expect(textOf(result.bytes)).toBe(applyFixes(text, fixes).text);
    expect(result.applied).toHaveLength(4);
    expect(result.skipped).toEqual([]);
  });

  it("skips fixes that overlap or cross paragraphs, and says why", () => {
    const s = at("各位代表：");
    const result = fixDocx(docx, [
      { start: s + 3, end: s + 8, text: "X" },
      { start: at("主任会议"), end: at("主任会议") + 2, text: "主任" },
      { start: at("主任会议") + 1, end: at("主任会议") + 3, text: "任会" },
    ]);
    expect(result.skipped.map((x) => x.reason)).toEqual([
      expect.stringContaining("重叠"),
      expect.stringContaining("跨越段落"),
    ]);
    expect(textOf(result.bytes).startsWith("各位代表：\n")).toBe(true);
  });

  it("works on a document typed in Word with tracked changes and tables", async () => {
    const bytes = await pack(sampleReport());
    const before = textOf(bytes);
    const start = before.indexOf("党的领导");
    const fixes = [
      { start, end: start + 4, text: "党的全面领导" },
      { start: before.indexOf("县政府办"), end: before.indexOf("县政府办") + 4, text: "县人民政府办公室" },
    ];
    const result = fixDocx(bytes, fixes);
    expect(textOf(result.bytes)).toBe(applyFixes(before, fixes).text);
    expect(documentXml(result.bytes)).toContain("旧的说法"); // the deleted text stays a tracked deletion
  });
});
