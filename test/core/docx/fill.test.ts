import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDraft } from "../../../core/src/io/docx-draft.ts";
import { fillDocx } from "../../../core/src/io/docx-fill.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { parseXml, type XmlElement } from "../../../core/src/io/xml.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { p, r, rawDocx, sdt } from "./raw.ts";
import { SLOTS, SLOTS_UPDATED } from "./slots.ts";

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]!);

/** document.xml with the content of every renda:* control cut out: what fill must leave untouched. */
function outsideControls(xml: string): string {
  const cuts: [number, number][] = [];
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.name === "w:sdt") {
        const tag = c.children.find((x) => x.name === "w:sdtPr")?.children.find((x) => x.name === "w:tag");
        const content = c.children.find((x) => x.name === "w:sdtContent");
        if (tag?.attrs["w:val"]?.startsWith("renda:") && content) {
          cuts.push([content.openEnd, content.closeStart]);
          continue;
        }
      }
      visit(c);
    }
  };
  visit(parseXml(xml));
  let out = xml;
  for (const [s, e] of cuts.reverse()) out = `${out.slice(0, s)}⟦slot⟧${out.slice(e)}`;
  return out;
}

function controlText(bytes: Uint8Array, tag: string): string {
  const content = readDocx(bytes);
  const c = content.controls.find((x) => x.tag === tag)!;
  return fromBlocks(content.blocks).text.slice(c.start, c.end);
}

describe("renda fill on a draft", async () => {
  const draft = await renderDraft({ kind: "work-report", year: 2025, slots: SLOTS });
  const once = fillDocx(draft, SLOTS_UPDATED, "draft.docx");

  it("puts the new figures in the controls and reports what it did", () => {
    expect(controlText(once.bytes, "renda:overview")).toBe(
      "一年来，共召开常委会会议9次、主任会议14次。\n依法任免国家机关工作人员41人次。",
    );
    expect(controlText(once.bytes, "renda:suggestions-table")).toContain("县教育局\n10");
    expect(controlText(once.bytes, "renda:suggestions-table")).not.toContain("县发展和改革局");
    expect(once.filled).toEqual(["overview", "suggestions", "suggestions-table"]);
    expect(once.unknown).toEqual([]);
    expect(once.absent).toEqual([]);
  });

  it("leaves every character of document.xml outside the controls as it was", () => {
    const before = documentXml(draft);
    const after = documentXml(once.bytes);
    expect(after).not.toBe(before);
    expect(outsideControls(after)).toBe(outsideControls(before));
  });

  it("copies every other package entry unchanged", () => {
    const a = unzipSync(draft);
    const b = unzipSync(once.bytes);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a).filter((n) => n !== "word/document.xml"))
      expect(b[name], name).toEqual(a[name]);
  });

  it("is idempotent: filling twice gives the same bytes", () => {
    const twice = fillDocx(once.bytes, SLOTS_UPDATED, "filled.docx");
    expect(documentXml(twice.bytes)).toBe(documentXml(once.bytes));
    expect(twice.bytes).toEqual(once.bytes);
  });

  it("changes nothing when the data is what the draft was made with", () => {
    expect(documentXml(fillDocx(draft, SLOTS).bytes)).toBe(documentXml(draft));
  });

  it("reports controls without data and data without controls, and keeps the former", () => {
    const { overview, ...rest } = SLOTS_UPDATED;
    const result = fillDocx(draft, {
      ...rest,
      "petitions-table": { kind: "paragraphs", paragraphs: ["信访"] },
    });
    expect(overview).toBeDefined();
    expect(result.unknown).toEqual(["overview"]);
    expect(result.absent).toEqual(["petitions-table"]);
    expect(controlText(result.bytes, "renda:overview")).toBe(controlText(draft, "renda:overview"));
  });

  it("never touches its input bytes", () => {
    const copy = draft.slice();
    fillDocx(draft, SLOTS_UPDATED);
    expect(draft).toEqual(copy);
  });
});

describe("renda fill on controls a drafter made in Word", () => {
  const styled =
    '<w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr><w:t>旧数字</w:t></w:r>';
  const docx = rawDocx(
    [
      p(r("前文。")),
      sdt("renda:overview", `<w:p>${styled}</w:p>`),
      p(`${r("依法任免")}${sdt("renda:appointments-count", r("30", "<w:b/>"))}${r("人次。")}`),
      sdt("renda:keep", p(r("保留"))),
      p(r("后文。")),
    ].join(""),
  );

  it("keeps the drafter's paragraph and run formatting", () => {
    const result = fillDocx(docx, {
      overview: { kind: "paragraphs", paragraphs: ["第一段。", "第二段。"] },
      "appointments-count": { kind: "paragraphs", paragraphs: ["38"] },
    });
    const xml = documentXml(result.bytes);
    expect(
      xml.match(
        /<w:p><w:pPr><w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:color w:val="C00000"\/><\/w:rPr>/g,
      ),
    ).toHaveLength(2);
    expect(readDocx(result.bytes).blocks.map((b) => b.text)).toEqual([
      "前文。",
      "第一段。",
      "第二段。",
      "依法任免38人次。",
      "保留",
      "后文。",
    ]);
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">38</w:t></w:r>');
    expect(result.unknown).toEqual(["keep"]);
    expect(outsideControls(xml)).toBe(outsideControls(documentXml(docx)));
  });

  it("refuses a table for an inline control, and says so", () => {
    const result = fillDocx(docx, { "appointments-count": { kind: "table", header: ["a"], rows: [] } });
    expect(result.skipped).toEqual([{ slot: "appointments-count", reason: expect.stringContaining("行内") }]);
    expect(readDocx(result.bytes).blocks[2]!.text).toBe("依法任免30人次。");
  });

  it("drops the placeholder flag so Word shows the text as content", () => {
    const withPlaceholder = rawDocx(
      '<w:sdt><w:sdtPr><w:tag w:val="renda:overview"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    );
    const xml = documentXml(
      fillDocx(withPlaceholder, { overview: { kind: "paragraphs", paragraphs: ["正文"] } }).bytes,
    );
    expect(xml).not.toContain("showingPlcHdr");
    expect(xml).toContain('<w:tag w:val="renda:overview"/>');
  });
});
