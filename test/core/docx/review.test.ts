import { describe, expect, it } from "vitest";
import { applyFixes, fixesOf } from "../../../core/src/fix.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { reviewCopy } from "../../../core/src/io/review.ts";
import { lint } from "../../../core/src/lint.ts";
import { reviewCommentText } from "../../../core/src/review-comment.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { p, r, rawDocx, sdt } from "./raw.ts";
import { anchoredText, commentsOf, documentXml, partOf, withoutReview } from "./review-xml.ts";

const DATE = new Date("2026-01-05T08:00:00Z");
const textOf = (bytes: Uint8Array) => fromBlocks(readDocx(bytes).blocks).text;
const review = (docx: Uint8Array) => {
  const text = textOf(docx);
  const result = lint(text === "" ? "" : { blocks: readDocx(docx).blocks });
  return { text, result, copy: reviewCopy({ docx }, result, { date: DATE }) };
};

const BOLD = "<w:b/>";
const RED = '<w:color w:val="FF0000"/>';
const fld = (code: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A short report as drafted in Word: formatting splits sentences into runs, a table, a control, a field. */
const body = [
  p(r("某县人民代表大会常务委员会工作报告"), '<w:pStyle w:val="Title"/>'),
  p(r("各位代表：")),
  p(r("一、2025年主要工作回顾")),
  p(`${r("常委会听取", BOLD)}${r("一府", RED)}${r("两院工作报告,审议了计划。")}`),
  p(r("1、加强监督工作，听取专项报告3个。")),
  `<w:tbl><w:tr><w:tc>${p(r("听取一府两院报告"))}</w:tc><w:tc>${p(r("5"))}</w:tc></w:tr></w:tbl>`,
  p(`${r("开展")}${sdt("renda:inspect", r("执法检查,共4次"))}${r("。")}`),
  p(`${r("全年审议")}${fld("MERGEFIELD 一府两院", "一府两院")}${r("报告。")}`),
  p(`${r("共有")}${fld("MERGEFIELD 名单", "张三,李四")}${r("参加。")}`),
  p(r("二、2026年主要任务")),
  p(r("做好代表工作。")),
].join("");
const docx = rawDocx(body);

describe("the review copy of a .docx", () => {
  const { text, result, copy } = review(docx);
  const xml = documentXml(copy.bytes);
  const comments = commentsOf(copy.bytes);

  it("has one comment per finding, by 人大报告助手, with the message, expected wording and source", () => {
    expect(result.diagnostics.length).toBeGreaterThan(5);
    expect(comments).toHaveLength(result.diagnostics.length);
    expect(copy.comments).toBe(result.diagnostics.length);
    for (const c of comments) {
      expect(c.author).toBe("人大报告助手");
      expect(c.initials).toBe("审");
      expect(c.date).toBe("2026-01-05T08:00:00Z");
    }
    const term = result.diagnostics.find((d) => d.ruleId === "term/yifu-liangyuan")!;
    const termComment = comments.find((c) => c.text.includes("一府一委两院"))!;
    expect(termComment.text).toBe(reviewCommentText(term, text));
    expect(termComment.text).toContain("依据：宪法修正案");
    expect(termComment.text).toContain("修改建议");
  });

  it("anchors each comment on exactly the text of its finding, across runs, in tables and controls", () => {
    const byId = new Map(comments.map((c) => [c.id, c]));
    const anchors = [...byId.keys()].map((id) => anchoredText(xml, id));
    // The finding across two runs of different formatting ("一府" red, "两院" plain).
    expect(anchors).toContain("一府两院");
    const acrossRuns = result.diagnostics.find(
      (d) => d.ruleId === "term/yifu-liangyuan" && text.slice(d.start - 5, d.start) === "常委会听取",
    );
    expect(acrossRuns).toBeDefined();
    // In the table cell and inside the content control.
    const inTable = result.diagnostics.filter((d) => text.slice(d.start - 2, d.start) === "听取").length;
    expect(inTable).toBe(2);
    // The half-width commas (one inside the content control): the anchor shows the tracked "，" in place of ",".
    expect(anchors.filter((a) => a === "，")).toHaveLength(2);
    expect(xml).toMatch(
      /<w:sdtContent><w:r><w:t xml:space="preserve">执法检查<\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:del /,
    );
    // Missing sections: on the part heading they are missing from.
    const missing = comments.filter((c) => c.text.includes("缺少必备章节“代表工作”（回顾部分）"));
    expect(missing).toHaveLength(1);
    expect(anchoredText(xml, missing[0]!.id)).toBe("2025年主要工作回顾");
  });

  it("puts the comment boundaries around a field, never inside its code or result", () => {
    const field = xml.indexOf('<w:fldChar w:fldCharType="begin"/>');
    const end = xml.indexOf('<w:fldChar w:fldCharType="end"/>');
    const inside = xml.slice(field, end);
    expect(inside).not.toContain("commentRange");
    expect(inside).not.toContain("<w:ins ");
    expect(inside).not.toContain("<w:del ");
    // The finding in the field's result is anchored on the whole field.
    const ids = comments.map((c) => c.id).filter((id) => anchoredText(xml, id) === "一府两院");
    expect(ids.length).toBe(3);
  });

  it("writes safe fixes as tracked changes: accepting them gives the text renda lint --fix gives", () => {
    const all = fixesOf(result.diagnostics);
    // The comma in the field's result is recomputed with the field: that fix stays a comment.
    expect(copy.skipped.map((s) => [text.slice(s.fix.start - 2, s.fix.end + 2), s.reason])).toEqual([
      ["张三,李四", "修改处在域中"],
    ]);
    const fixes = all.filter((f) => !copy.skipped.some((s) => s.fix === f));
    expect(fixes.length).toBeGreaterThanOrEqual(3);
    expect(copy.revisions).toEqual(fixes);
    expect(xml).toContain('<w:del w:id="');
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="人大报告助手" w:date="2026-01-05T08:00:00Z"><w:r><w:t xml:space="preserve">，<\/w:t><\/w:r><\/w:ins>/,
    );
    // readDocx reads inserted text and skips deleted text, as "accept all" would leave it.
    expect(textOf(copy.bytes)).toBe(applyFixes(text, fixes).text);
    const fixed = comments.filter((c) => c.text.includes("已作为修订标出"));
    expect(fixed).toHaveLength(fixes.length);
    expect(comments.filter((c) => c.text.includes("可自动修正：“,”改为“，”"))).toHaveLength(1);
  });

  it("leaves everything else byte for byte as it was", () => {
    expect(withoutReview(xml)).toBe(documentXml(docx));
    const original = Object.keys(unzipNames(docx));
    for (const name of original.filter((n) => n !== "word/document.xml" && n !== "[Content_Types].xml"))
      expect(partOf(copy.bytes, name)).toBe(partOf(docx, name));
  });

  it("registers the comments part with its relationship and content type", () => {
    expect(partOf(copy.bytes, "word/_rels/document.xml.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"',
    );
    expect(partOf(copy.bytes, "[Content_Types].xml")).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    // The original package's content types, otherwise unchanged.
    expect(
      partOf(copy.bytes, "[Content_Types].xml")!.replace(
        /<Override PartName="\/word\/comments.xml"[^>]*>/,
        "",
      ),
    ).toBe(partOf(docx, "[Content_Types].xml"));
  });
});

function unzipNames(bytes: Uint8Array): Record<string, true> {
  const out: Record<string, true> = {};
  for (const name of ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"])
    if (partOf(bytes, name) !== undefined) out[name] = true;
  return out;
}

describe("a .docx that already has comments and tracked changes", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const base = rawDocx(
    [
      p(r("某县人民代表大会常务委员会工作报告")),
      p(
        `<w:commentRangeStart w:id="0"/>${r("常委会听取")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:ins w:id="7" w:author="张三" w:date="2025-12-01T00:00:00Z">${r("一府两院工作报告,")}</w:ins><w:del w:id="8" w:author="张三" w:date="2025-12-01T00:00:00Z"><w:r><w:delText>旧的话</w:delText></w:r></w:del>${r("审议了计划。")}`,
      ),
    ].join(""),
  );
  // Add the existing comments part, its relationship and content type, as Word would have them.
  const files = unzipAll(base);
  files["word/comments.xml"] = new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}><w:comment w:id="0" w:author="张三" w:initials="张"><w:p><w:r><w:t>这里再斟酌</w:t></w:r></w:p></w:comment></w:comments>`,
  );
  files["word/_rels/document.xml.rels"] = new TextEncoder().encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
  );
  files["[Content_Types].xml"] = new TextEncoder().encode(
    new TextDecoder()
      .decode(files["[Content_Types].xml"])
      .replace(
        "</Types>",
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
      ),
  );
  const docx = zipAll(files);
  const { text, result, copy } = review(docx);
  const xml = documentXml(copy.bytes);
  const comments = commentsOf(copy.bytes);

  it("keeps the drafter's comment and revisions, and gives new comments ids that do not collide", () => {
    expect(comments[0]).toMatchObject({ id: 0, author: "张三", text: "这里再斟酌" });
    expect(comments.length).toBe(result.diagnostics.length + 1);
    const ids = comments.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids.slice(1))).toBeGreaterThan(8);
    expect(xml).toContain('<w:ins w:id="7" w:author="张三" w:date="2025-12-01T00:00:00Z">');
    expect(xml).toContain(
      '<w:del w:id="8" w:author="张三" w:date="2025-12-01T00:00:00Z"><w:r><w:delText>旧的话</w:delText></w:r></w:del>',
    );
    expect(withoutReview(xml, ids.slice(1))).toBe(documentXml(docx));
    // Not a second relationship or content type for the same part.
    expect(partOf(copy.bytes, "word/_rels/document.xml.rels")).toBe(
      partOf(docx, "word/_rels/document.xml.rels"),
    );
    expect(partOf(copy.bytes, "[Content_Types].xml")).toBe(partOf(docx, "[Content_Types].xml"));
  });

  it("tracks a fix inside someone else's insertion as a deletion within it", () => {
    const comma = result.diagnostics.find((d) => d.ruleId === "typography/halfwidth-punctuation")!;
    expect(comma.fix).not.toBeNull();
    expect(xml).toMatch(
      /<w:ins w:id="7"[^>]*><w:r><w:t xml:space="preserve">一府两院工作报告<\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:del w:id="\d+" w:author="人大报告助手"[^>]*><w:r><w:delText xml:space="preserve">,<\/w:delText><\/w:r><\/w:del><w:ins /,
    );
    expect(textOf(copy.bytes)).toBe(applyFixes(text, fixesOf(result.diagnostics)).text);
  });
});

describe("the review copy of a plain text", () => {
  const text =
    "某县人民代表大会常务委员会工作报告\n各位代表：\n一、2025年主要工作回顾\n常委会听取一府两院工作报告,审议了计划。\n\t1、加强监督工作。\n二、2026年主要任务\n做好代表工作。";
  const result = lint(text);
  const copy = reviewCopy({ text }, result, { date: DATE });
  const xml = documentXml(copy.bytes);

  it("is a GB/T 9704-styled .docx of the same text with the same comments", () => {
    // Before the changes: the text with our insertions taken out and deletions restored.
    const rejected = fromBlocks(readDocx(rawWith(copy.bytes, withoutReview(xml))).blocks).text;
    expect(rejected).toBe(text);
    expect(textOf(copy.bytes)).toBe(applyFixes(text, fixesOf(result.diagnostics)).text);
    const comments = commentsOf(copy.bytes);
    expect(comments).toHaveLength(result.diagnostics.length);
    expect(comments.map((c) => c.text)).toEqual(
      result.diagnostics.map((d) => reviewCommentText(d, text, { fixTracked: d.fix !== null })),
    );
    const styles = partOf(copy.bytes, "word/styles.xml")!;
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    expect(xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="Title"\/><\/w:pPr><w:commentRangeStart/);
  });
});

import { unzipSync, zipSync } from "fflate";

function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
function zipAll(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}
function rawWith(bytes: Uint8Array, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  files["word/document.xml"] = new TextEncoder().encode(xml);
  return zipSync(files);
}
