import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixesOf } from "../../../core/src/fix.ts";
import { fixDocx } from "../../../core/src/io/docx-fix.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { reviewCopy } from "../../../core/src/io/review.ts";
import { type LintResult, lint } from "../../../core/src/lint.ts";
import { p, r, rawDocx, sdt } from "./raw.ts";

/**
 * The review copy as a real word processor reads it: LibreOffice (Debian libreoffice-writer-nogui) converts it
 * to flat ODF, whose office:annotation / office:annotation-end and text:tracked-changes say which comments
 * it saw, on which text, and which changes (LibreOffice marks each change's extent in the body with
 * text:change-start/text:change-end). The body with the deletions dropped and the insertions kept is the text
 * with all changes accepted, and must equal LibreOffice's reading of what `renda lint --fix` writes. A PDF
 * export is kept in test/artifacts/ to look at.
 */
const ARTIFACTS = join(import.meta.dirname, "../../artifacts");
const DATE = new Date("2026-01-05T08:00:00Z");

const fld = (code: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const BODY = [
  p(r("某县人民代表大会常务委员会工作报告"), '<w:jc w:val="center"/>'),
  p(r("各位代表：")),
  p(r("一、2025年主要工作回顾")),
  p(`${r("常委会听取", "<w:b/>")}${r("一府", '<w:color w:val="FF0000"/>')}${r("两院工作报告,审议了计划。")}`),
  p(r("1、加强监督工作，听取专项报告3个。")),
  `<w:tbl><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>${p(r("听取一府两院报告"))}</w:tc><w:tc>${p(r("5"))}</w:tc></w:tr></w:tbl>`,
  p(`${r("开展")}${sdt("renda:inspect", r("执法检查,共4次"))}${r("。")}`),
  p(`${r("全年审议")}${fld("MERGEFIELD 议题", "一府两院")}${r("报告。")}`),
  p(r("二、2026年主要任务")),
  p(r("做好代表工作。")),
].join("");
const PLAIN =
  "某县人民代表大会常务委员会工作报告\n各位代表：\n一、2025年主要工作回顾\n常委会听取一府两院工作报告,审议了计划。\n1、加强监督工作。\n二、2026年主要任务\n做好代表工作。";

interface OdfRead {
  comments: { name: string; author: string; initials: string; text: string; anchor: string }[];
  changes: { type: string; author: string; text: string }[];
  /** The body text with every change accepted, as LibreOffice holds the changes. */
  text: string;
}

/** Reads a flat ODF text document: comments with the body text between their start and end, and changes. */
function readFodt(xml: string): OdfRead {
  const comments: OdfRead["comments"] = [];
  const changes: OdfRead["changes"] = [];
  // LibreOffice keeps deleted text in the body between text:change-start and text:change-end.
  const regions = new Map<string, OdfRead["changes"][number]>();
  const active: OdfRead["changes"][number][] = [];
  const starts = new Map<string, number>();
  let body = "";
  let inText = false;
  let paragraphs = 0;
  // What the parser is inside of: an annotation, a change region, its creator…
  let annotation: OdfRead["comments"][number] | null = null;
  let annotationParas: string[] = [];
  let change: OdfRead["changes"][number] | null = null;
  let field: "creator" | "initials" | null = null;
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === "office:text") inText = true;
        if (!inText) return;
        if (name === "office:annotation") {
          annotation = { name: attrs["office:name"] ?? "", author: "", initials: "", text: "", anchor: "" };
          annotationParas = [];
        } else if (name === "office:annotation-end") {
          const c = comments.find((x) => x.name === attrs["office:name"]);
          if (c) c.anchor = body.slice(starts.get(c.name)!);
        } else if (name === "text:changed-region") {
          change = { type: "", author: "", text: "" };
          regions.set(attrs["text:id"] ?? "", change);
        } else if (name === "text:change-start" && regions.has(attrs["text:change-id"] ?? ""))
          active.push(regions.get(attrs["text:change-id"]!)!);
        else if (name === "text:change-end") {
          const at = active.indexOf(regions.get(attrs["text:change-id"] ?? "")!);
          if (at !== -1) active.splice(at, 1);
        } else if (
          change &&
          (name === "text:deletion" || name === "text:insertion" || name === "text:format-change")
        )
          change.type = name.slice(5);
        else if (name === "dc:creator") field = "creator";
        else if (name === "meta:creator-initials") field = "initials";
        else if (annotation && name === "text:p") annotationParas.push("");
        else if (!annotation && !change && (name === "text:p" || name === "text:h")) {
          if (paragraphs++ > 0) body += "\n";
        } else if (name === "text:s") add(" ".repeat(Number(attrs["text:c"] ?? 1)));
        else if (name === "text:tab") add("\t");
      },
      ontext(t) {
        if (!inText) return;
        const decoded = t;
        if (field === "creator") {
          if (annotation) annotation.author += decoded;
          else if (change) change.author += decoded;
        } else if (field === "initials") {
          if (annotation) annotation.initials += decoded;
        } else add(decoded);
      },
      onclosetag(name) {
        stack.pop();
        if (name === "dc:creator" || name === "meta:creator-initials") field = null;
        else if (name === "office:annotation" && annotation) {
          annotation.text = annotationParas.join("\n");
          comments.push(annotation);
          starts.set(annotation.name, body.length);
          annotation = null;
        } else if (name === "text:changed-region" && change) {
          changes.push(change);
          change = null;
        } else if (name === "office:text") inText = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  function add(s: string) {
    const top = stack[stack.length - 1];
    if (top === "dc:date" || top === "office:change-info") return;
    if (annotation) {
      if (annotationParas.length > 0) annotationParas[annotationParas.length - 1] += s;
    } else if (change) {
      if (stack.includes("text:p")) change.text += s;
    } else if (
      stack.some((n) => n === "text:p" || n === "text:h") &&
      !stack.includes("text:tracked-changes")
    ) {
      for (const c of active) c.text += s;
      // Accepting all changes drops the deleted text and keeps the inserted.
      if (!active.some((c) => c.type === "deletion")) body += s;
    }
  }
  parser.write(xml);
  parser.end();
  return { comments, changes, text: body };
}

function soffice(profile: string, outdir: string, to: string, files: string[]) {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      to,
      "--outdir",
      outdir,
      ...files,
    ],
    { stdio: "pipe", timeout: 240_000 },
  );
}

const textOf = (bytes: Uint8Array) =>
  readDocx(bytes)
    .blocks.map((b) => b.text)
    .join("\n");

describe("the review copy in LibreOffice", { timeout: 300_000 }, () => {
  let dir: string;
  let result: LintResult;
  let text: string;
  let plainResult: LintResult;
  let docxRead: OdfRead;
  let fixedRead: OdfRead;
  let plainRead: OdfRead;
  let pdf: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "renda-review-lo-"));
    const docx = rawDocx(BODY);
    text = textOf(docx);
    result = lint({ blocks: readDocx(docx).blocks });
    writeFileSync(join(dir, "草稿.审校.docx"), reviewCopy({ docx }, result, { date: DATE }).bytes);
    writeFileSync(join(dir, "草稿.fixed.docx"), fixDocx(docx, fixesOf(result.diagnostics)).bytes);
    plainResult = lint(PLAIN);
    writeFileSync(
      join(dir, "要点.审校.docx"),
      reviewCopy({ text: PLAIN }, plainResult, { date: DATE }).bytes,
    );
    const profile = join(dir, "profile");
    // One soffice run converts the three files (soffice is slow to start), a second makes the PDF.
    soffice(
      profile,
      dir,
      "fodt",
      ["草稿.审校.docx", "草稿.fixed.docx", "要点.审校.docx"].map((f) => join(dir, f)),
    );
    const fodt = (name: string) => readFodt(readFileSync(join(dir, `${name}.fodt`), "utf8"));
    docxRead = fodt("草稿.审校");
    fixedRead = fodt("草稿.fixed");
    plainRead = fodt("要点.审校");
    // Comments as PDF notes; in the margin where LibreOffice has the option (7.5 and later; Debian 12 has 7.4).
    const notes =
      '{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}';
    soffice(profile, dir, `pdf:writer_pdf_Export:${notes}`, [join(dir, "草稿.审校.docx")]);
    pdf = join(dir, "草稿.审校.pdf");
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(pdf, join(ARTIFACTS, "review-copy.pdf"));
    execFileSync(
      "pdftoppm",
      ["-r", "80", "-png", "-f", "1", "-l", "1", pdf, join(ARTIFACTS, "review-copy")],
      {
        stdio: "pipe",
      },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows every finding as a comment by 人大报告助手, on the text it is about", () => {
    expect(docxRead.comments).toHaveLength(result.diagnostics.length);
    for (const c of docxRead.comments) expect([c.author, c.initials]).toEqual(["人大报告助手", "审"]);
    const anchors = docxRead.comments.map((c) => c.anchor);
    // Across the red and the plain run, in the table cell, and (widened to the whole field) in the field.
    expect(anchors.filter((a) => a === "一府两院")).toHaveLength(3);
    // The missing sections: on the heading of the part they are missing from, and on the title.
    const onTasks = docxRead.comments.filter((c) => c.text.includes("（任务部分）"));
    expect(onTasks.length).toBeGreaterThan(0);
    for (const c of onTasks) expect(c.anchor).toBe("2026年主要任务");
    expect(docxRead.comments.find((c) => c.text.includes("“开头语”"))!.anchor).toBe(
      "某县人民代表大会常务委员会工作报告",
    );
    // Each plain finding (no change in it) is anchored on exactly its text.
    for (const d of result.diagnostics.filter(
      (x) => !x.fix && x.end > x.start && !x.ruleId.startsWith("section/"),
    )) {
      const c = docxRead.comments.find((x) => x.text.startsWith(`【`) && x.text.includes(d.message))!;
      expect(c).toBeDefined();
      if (text.slice(d.start, d.end) !== "一府两院") expect(c.anchor).toBe(text.slice(d.start, d.end));
    }
  });

  it("shows the safe fixes as tracked changes, and accepting them gives what renda lint --fix gives", () => {
    const fixes = fixesOf(result.diagnostics);
    const ours = docxRead.changes.filter((c) => c.author === "人大报告助手");
    expect(ours).toHaveLength(docxRead.changes.length);
    expect(ours.filter((c) => c.type === "deletion").map((c) => c.text)).toEqual(
      fixes.map((f) => text.slice(f.start, f.end)),
    );
    expect(ours.filter((c) => c.type === "insertion")).toHaveLength(fixes.length);
    expect(docxRead.text).toBe(fixedRead.text);
    expect(docxRead.text).not.toBe(text);
    expect(docxRead.text).toContain("1.加强监督工作");
  });

  it("gives a .txt draft the same comments in a .docx", () => {
    expect(plainRead.comments).toHaveLength(plainResult.diagnostics.length);
    expect(plainRead.comments.map((c) => c.anchor)).toContain("一府两院");
    expect(plainRead.changes.length).toBe(2 * fixesOf(plainResult.diagnostics).length);
  });

  it("exports a PDF that carries the comments", () => {
    // LibreOffice 7.4 (Debian 12) has no ExportNotesInMargin; its PDF holds each comment as a PDF text note.
    const raw = readFileSync(pdf).toString("latin1");
    expect(raw.match(/\/Subtype\s*\/Text\b/g)?.length).toBe(result.diagnostics.length);
  });
});
