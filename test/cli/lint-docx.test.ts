import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { renda } from "../helpers/cli.ts";
import { CLOSING, HEAD, OVERVIEW } from "../helpers/drafts.ts";
import { type DocxParagraphSpec, makeDocx } from "../helpers/make-docx.ts";

let dir: string;
let draft: string;

/** A report whose chapters are Word headings without numbers (the host's outline level decides). */
function paragraphs(withDeputies: boolean): DocxParagraphSpec[] {
  const out: DocxParagraphSpec[] = [
    { text: HEAD[0]!, heading: "title" },
    ...HEAD.slice(1).map((text) => ({ text })),
    { text: "2024年主要工作回顾", heading: 1 },
    { text: OVERVIEW },
    { text: "坚持党的全面领导", heading: 2 },
    { text: "严格执行请示报告制度，全年向县委请示报告12次。" },
    { text: "依法开展监督", heading: 2 },
    { text: "听取和审议计划执行、预算执行情况的报告，开展执法检查3次。" },
  ];
  if (withDeputies)
    out.push({ text: "支持和保障代表依法履职", heading: 2 }, { text: "组织代表列席常委会会议40人次。" });
  out.push(
    { text: "全面加强自身建设", heading: 2 },
    { text: "对标“四个机关”定位要求，组织履职培训2期。" },
    { text: "2025年主要任务", heading: 1 },
    { text: "坚持党的全面领导", heading: 2 },
    { text: "严格执行请示报告制度。" },
    { text: "增强监督实效", heading: 2 },
    { text: "开展执法检查2次。" },
    { text: "做好代表工作", heading: 2 },
    { text: "加强代表建议督办。" },
    { text: "加强自身建设", heading: 2 },
    { text: "全面提升履职能力。" },
    { text: CLOSING },
  );
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "renda-docx-"));
  draft = join(dir, "草稿.docx");
  writeFileSync(draft, await makeDocx(paragraphs(false)));
  writeFileSync(join(dir, "complete.docx"), await makeDocx(paragraphs(true)));
});

describe("renda lint on .docx", () => {
  it("reads Word headings and lists deputies under sections.missing", () => {
    const r = renda(["lint", "--format", "json", draft]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0];
    expect([f.kind, f.year]).toEqual(["work-report", 2024]);
    expect(f.sections.missing).toEqual(["deputies"]);
    expect(f.sections.found).toEqual(
      expect.arrayContaining(["title", "political", "supervision", "self-building", "tasks.deputies"]),
    );
    const d = f.diagnostics.find((x: { ruleId: string }) => x.ruleId === "section/missing");
    // Offsets point into the paragraphs joined by "\n".
    const text = paragraphs(false)
      .map((p) => p.text)
      .join("\n");
    expect(text.slice(d.start, d.end)).toBe("2024年主要工作回顾");
  });

  it("finds nothing missing in the complete draft", () => {
    const r = renda(["lint", "--format", "json", join(dir, "complete.docx")]);
    expect(JSON.parse(r.stdout).files[0].sections.missing).toEqual([]);
    expect(r.code).toBe(0);
  });

  const bad: [string, () => string, RegExp][] = [
    ["a renamed .txt", () => write("文本.docx", "各位代表：我受委托"), /文本\.docx/],
    [
      "a zip that is not a Word document",
      () => write("压缩包.docx", zipSync({ "a.txt": new TextEncoder().encode("x") })),
      /压缩包\.docx/,
    ],
    ["a truncated .docx", () => write("截断.docx", readFileSync(draft).subarray(0, 900)), /截断\.docx/],
    [
      "an old .doc / encrypted file",
      () => write("旧版.docx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /旧版\.docx/,
    ],
  ];
  for (const [what, make, names] of bad) {
    it(`refuses ${what} with a clear message, exit 2`, () => {
      const r = renda(["lint", make()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(names);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

function write(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
