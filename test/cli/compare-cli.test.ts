import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../core/src/cli/load.ts";
import { compareDocuments } from "../../core/src/compare/index.ts";
import { TABLE_COLUMNS, TABLE_SHEET, UNPLANNED_SHEET } from "../../core/src/compare/xlsx.ts";
import { renda } from "../helpers/cli.ts";
import { parseCsv } from "../helpers/csv.ts";
import { makeDocx } from "../helpers/make-docx.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

const PLAN = "test/fixtures/compare/qingxi-plan-2025.txt";
const REPORT = "test/fixtures/compare/qingxi-report-2025.txt";
const GRADE = { covered: "已体现", partial: "部分体现", missing: "未见" } as const;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "renda-compare-"));
}

function jsonOf(args: string[]) {
  const r = renda(["compare", "--format", "json", ...args]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("renda compare 工作要点 工作报告", () => {
  it("prints exactly the issue's JSON shape, item text without its number, offsets into each file", () => {
    const out = jsonOf([PLAN, REPORT]);
    expect(Object.keys(out)).toEqual(["plan", "report", "items", "unplanned"]);
    expect(out.plan).toEqual({ path: PLAN, kind: "work-plan", year: 2025 });
    expect(out.report).toEqual({ path: REPORT, kind: "work-report", year: 2025 });
    const planText = readFileSync(resolve(REPO_ROOT, PLAN), "utf8");
    const reportText = readFileSync(resolve(REPO_ROOT, REPORT), "utf8");
    expect(out.items).toHaveLength(24);
    for (const item of out.items) {
      expect(Object.keys(item)).toEqual(["id", "text", "start", "end", "section", "grade", "evidence"]);
      expect(planText.slice(item.start, item.end)).toBe(item.text);
      expect(item.text).not.toMatch(/^\d/);
      for (const e of item.evidence) {
        expect(Object.keys(e)).toEqual(["text", "start", "end", "section", "score"]);
        expect(reportText.slice(e.start, e.end)).toBe(e.text);
      }
    }
    for (const u of out.unplanned) {
      expect(Object.keys(u)).toEqual(["text", "start", "end", "section"]);
      expect(reportText.slice(u.start, u.end)).toBe(u.text);
    }
    // The items the fixture's report leaves out (see labels.json) are 未见; the unplanned 地方志 inspection is listed.
    expect(
      out.items.filter((i: { grade: string }) => i.grade === "missing").map((i: { id: string }) => i.id),
    ).toEqual(["8", "11", "15", "21", "24"]);
    expect(out.unplanned.some((u: { text: string }) => u.text.includes("地方志"))).toBe(true);
  });

  it("gives the same result as the core function the add-in and the extension call", () => {
    const read = (p: string) =>
      loadDocument(readFileSync(resolve(REPO_ROOT, p)), p, () => ({ blocks: [] })).doc;
    const core = compareDocuments(read(PLAN), read(REPORT));
    const cli = jsonOf([PLAN, REPORT]);
    expect(cli.items).toEqual(core.items);
    expect(cli.unplanned).toEqual(core.unplanned);
  });

  it("reads .docx like lint, with offsets into the paragraphs joined by newlines", async () => {
    const dir = tmp();
    const plan = readFileSync(resolve(REPO_ROOT, PLAN), "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "要点.docx"), await makeDocx(plan.map((text) => ({ text }))));
    const fromDocx = jsonOf([join(dir, "要点.docx"), REPORT]);
    const fromTxt = jsonOf([PLAN, REPORT]);
    expect(fromDocx.items.map((i: { grade: string }) => i.grade)).toEqual(
      fromTxt.items.map((i: { grade: string }) => i.grade),
    );
    expect(fromDocx.items[6].text).toBe(fromTxt.items[6].text);
  }, 120_000);

  it("prints a Chinese table grouped by chapter, with the evidence's line and the counts", () => {
    const r = renda(["compare", PLAN, REPORT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("工作要点：test/fixtures/compare/qingxi-plan-2025.txt（工作要点，2025年）");
    expect(r.stdout).toContain("【依法履行法定职责】");
    expect(r.stdout).toMatch(/ 8\. 未见\s+对《中华人民共和国农村集体经济组织法》/);
    expect(r.stdout).toMatch(/↳ 第\d+行（围绕中心大局，增强监督实效） 听取和审议了义务教育工作情况报告/);
    expect(r.stdout).toContain("共 24 项：");
    expect(r.stdout).toContain("未见 5 项");
  });

  it("writes the 落实情况对照表 .xlsx, which LibreOffice opens with the same rows, and never overwrites", () => {
    const dir = tmp();
    const out = join(dir, "对照表.xlsx");
    const r = renda(["compare", PLAN, REPORT, "-o", out]);
    expect(r.code).toBe(0);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        // 44 = comma, 34 = quote, 76 = UTF-8; the last token -1 exports every sheet to <name>-<sheet>.csv.
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        dir,
        out,
      ],
      { stdio: "pipe", timeout: 90_000 },
    );
    const rows = parseCsv(readFileSync(join(dir, `对照表-${TABLE_SHEET}.csv`), "utf8"));
    expect(rows[1]).toEqual([...TABLE_COLUMNS]);
    const json = jsonOf([PLAN, REPORT]);
    const itemRows = rows.slice(2).filter((row) => row[0] !== "");
    expect(itemRows.map((row) => [row[0], row[2], row[3]])).toEqual(
      json.items.map((i: { id: string; text: string; grade: keyof typeof GRADE }) => [
        i.id,
        i.text,
        GRADE[i.grade],
      ]),
    );
    // Each item's first evidence and its place, and the empty 备注 column for the office.
    const withEvidence = json.items.find((i: { evidence: unknown[] }) => i.evidence.length > 0);
    const row = itemRows.find((r2) => r2[0] === withEvidence.id)!;
    expect(row[4]).toBe(withEvidence.evidence[0].text);
    expect(row[5]).toMatch(/^第\d+行/);
    expect(row[7]).toBe("");
    const unplanned = parseCsv(readFileSync(join(dir, `对照表-${UNPLANNED_SHEET}.csv`), "utf8"));
    expect(unplanned.slice(1).map((u) => u[2])).toEqual(json.unplanned.map((u: { text: string }) => u.text));

    const before = readFileSync(out);
    const again = renda(["compare", PLAN, REPORT, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(readFileSync(out)).toEqual(before);
    // LibreOffice's start-up and three CLI runs: the shared machine needs more than the default 30 s.
  }, 180_000);

  it("refuses an output that is one of its inputs, and bad input, in Chinese naming the file, exit 2", () => {
    const dir = tmp();
    const copy = join(dir, "报告.xlsx");
    writeFileSync(copy, "not really");
    const self = renda(["compare", PLAN, copy, "-o", copy]);
    expect(self.code).toBe(2);
    expect(readFileSync(copy, "utf8")).toBe("not really");

    const missing = renda(["compare", join(dir, "无此文件.txt"), REPORT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("无此文件.txt");
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const fakeDocx = join(dir, "假的.docx");
    writeFileSync(fakeDocx, "这不是 Word 文件");
    const bad = renda(["compare", fakeDocx, REPORT]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("假的.docx");

    const one = renda(["compare", PLAN]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("请给出两个文件");

    const notXlsx = renda(["compare", PLAN, REPORT, "-o", join(dir, "表.csv")]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain(".xlsx");
  }, 180_000);
});
