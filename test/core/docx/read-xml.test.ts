import { describe, expect, it } from "vitest";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { p, r, rawDocx, sdt } from "./raw.ts";

describe("readDocx on XML Word writes but the docx package cannot", () => {
  it("skips field codes and keeps the field result", () => {
    const body = p(
      `${r("共")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 次数 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("8")}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r("次")}`,
    );
    expect(readDocx(rawDocx(body)).blocks[0]!.text).toBe("共8次");
  });

  it("reads entities and w:delText, w:ins and hyperlinks as Word means them", () => {
    const body = p(
      `${r("A&amp;B &lt;1&gt;")}<w:del w:id="1" w:author="x"><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins w:id="2" w:author="x">${r("加上")}</w:ins><w:hyperlink r:id="rId9" xmlns:r="urn:r">${r("链接")}</w:hyperlink>`,
    );
    expect(readDocx(rawDocx(body)).blocks[0]!.text).toBe("A&B <1>加上链接");
  });

  it("lists block and inline content controls with the text they cover", () => {
    const body = [
      p(r("前文")),
      sdt("renda:overview", p(r("共召开常委会会议7次。")) + p(r("第二段。"))),
      p(`${r("任免")}${sdt("renda:appointments-count", r("38"))}${r("人次")}`),
      sdt("renda:empty", ""),
    ].join("");
    const content = readDocx(rawDocx(body));
    const text = fromBlocks(content.blocks).text;
    expect(content.blocks.map((b) => b.text)).toEqual([
      "前文",
      "共召开常委会会议7次。",
      "第二段。",
      "任免38人次",
    ]);
    const [overview, count, empty] = content.controls;
    expect(overview).toMatchObject({ tag: "renda:overview", level: "block", firstBlock: 1, endBlock: 3 });
    expect(text.slice(overview!.start, overview!.end)).toBe("共召开常委会会议7次。\n第二段。");
    expect(count).toMatchObject({ tag: "renda:appointments-count", level: "inline", firstBlock: 3 });
    expect(text.slice(count!.start, count!.end)).toBe("38");
    expect(empty).toMatchObject({
      tag: "renda:empty",
      firstBlock: 4,
      endBlock: 4,
      start: text.length,
      end: text.length,
    });
  });

  it("resolves Chinese built-in style ids and a direct outline level of body text", () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="一级标题"/><w:basedOn w:val="1"/></w:style>';
    const body =
      p(r("一、监督工作"), '<w:pStyle w:val="10"/>') +
      p(r("正文"), '<w:pStyle w:val="a"/><w:outlineLvl w:val="9"/>') +
      p(r("二、代表工作"), '<w:outlineLvl w:val="0"/>');
    const { blocks } = readDocx(rawDocx(body, styles));
    expect(blocks[0]!.hint).toEqual({ style: "一级标题", outlineLevel: 1, bold: true });
    expect(blocks[1]!.hint).toEqual({ style: "Normal" });
    expect(blocks[2]!.hint).toEqual({ outlineLevel: 1 });
  });
});
