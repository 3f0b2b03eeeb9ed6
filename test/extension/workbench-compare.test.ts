import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { compareFiles, compareTable, compareView } from "../../extension/src/workbench/compare.ts";
import { renda } from "../helpers/cli.ts";
import { makeDocx } from "../helpers/make-docx.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * The workbench worker's `renda compare` (extension/src/workbench/compare.ts) in Node: the same files give the
 * command line's items, evidence and places, and the pairs it must not grade are refused in Chinese naming the
 * file. The page and the download are covered in Chromium by test/e2e/extension/workbench-compare.test.ts.
 */

const FIXTURES = join(REPO_ROOT, "test/fixtures/compare");
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });
const PLAN = "qingxi-plan-2025.txt";
const REPORT = "qingxi-report-2025.txt";

function writeTemp(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "renda-wbcmp-"));
  writeFileSync(join(dir, name), bytes);
  return dir;
}

function refusal(plan: { name: string; bytes: Uint8Array }, report: { name: string; bytes: Uint8Array }) {
  try {
    compareFiles(plan, report);
  } catch (e) {
    expect((e as Error).name).toBe("InputError");
    return (e as Error).message;
  }
  throw new Error(`${plan.name} / ${report.name} was compared, not refused`);
}

describe("the workbench's compare", () => {
  it("gives the command line's items, grades, evidence and unplanned work for the same files", () => {
    for (const [plan, report] of [
      [PLAN, REPORT],
      ["qingshan-plan-2024.md", "qingshan-report-2024.md"],
    ] as const) {
      const compared = compareFiles(fixture(plan), fixture(report));
      const r = renda(["compare", "--format", "json", plan, report], { cwd: FIXTURES });
      expect(r.code).toBe(0);
      const cli = JSON.parse(r.stdout);
      expect(compared.result.items).toEqual(cli.items);
      expect(compared.result.unplanned).toEqual(cli.unplanned);

      // The page's view: the grade words of the CLI's terminal table, and each evidence's line in the report.
      const view = compareView(compared);
      const reportText = readFileSync(join(FIXTURES, report), "utf8");
      const lineOf = (offset: number) => reportText.slice(0, offset).split("\n").length;
      const GRADE = { covered: "已体现", partial: "部分体现", missing: "未见" } as const;
      expect(view.items.map((i) => [i.id, i.text, i.gradeName])).toEqual(
        cli.items.map((i: { id: string; text: string; grade: keyof typeof GRADE }) => [
          i.id,
          i.text,
          GRADE[i.grade],
        ]),
      );
      const places = view.items.flatMap((i) => i.evidence.map((e) => e.place));
      const expected = cli.items.flatMap((i: { evidence: { start: number; section: string | null }[] }) =>
        i.evidence.map((e) => `第${lineOf(e.start)}行${e.section ? `（${e.section}）` : ""}`),
      );
      expect(places).toEqual(expected);
      expect(places.length).toBeGreaterThan(0);
      expect(view.counts.covered + view.counts.partial + view.counts.missing).toBe(cli.items.length);
      expect(view.plan).toMatchObject({ file: plan, kind: "工作要点" });
      expect(view.report).toMatchObject({ file: report, kind: "工作报告" });
    }
  });

  it("writes the same 对照表.xlsx parts, byte for byte, as renda compare -o given the same file names", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "renda-wbcmp-")), "对照表.xlsx");
    // The CLI writes the paths it was given into the header row: give it the bare names, as the page has them.
    const r = renda(["compare", PLAN, REPORT, "-o", target], { cwd: FIXTURES });
    expect(r.code).toBe(0);
    const got = unzipSync(await compareTable(compareFiles(fixture(PLAN), fixture(REPORT))));
    const ref = unzipSync(new Uint8Array(readFileSync(target)));
    // Part by part: the zip entries' own modification times are the writing clock's, not the table's.
    expect(Object.keys(got).sort()).toEqual(Object.keys(ref).sort());
    expect(Object.keys(got)).toContain("xl/sharedStrings.xml");
    for (const part of Object.keys(ref)) expect(got[part], part).toEqual(ref[part]);
  }, 60_000);

  it("reads a .docx plan as the command line does", async () => {
    const lines = readFileSync(join(FIXTURES, PLAN), "utf8").trimEnd().split("\n");
    const docx = { name: "要点.docx", bytes: await makeDocx(lines.map((text) => ({ text }))) };
    const compared = compareFiles(docx, fixture(REPORT));
    const fromTxt = compareFiles(fixture(PLAN), fixture(REPORT));
    expect(compared.result.items.map((i) => [i.text, i.grade])).toEqual(
      fromTxt.result.items.map((i) => [i.text, i.grade]),
    );
  }, 60_000);

  it("refuses a report given as the plan, saying what core took it for", () => {
    const swapped = refusal(fixture(REPORT), fixture(PLAN));
    expect(swapped).toMatch(/^qingxi-report-2025\.txt：看起来是2025年的工作报告（依据：/);
    expect(swapped).toContain("“qingxi-plan-2025.txt”看起来是2025年的工作要点");
    expect(swapped).toContain("两个文件可能放反了");

    const twice = refusal(fixture(REPORT), fixture(REPORT));
    expect(twice).toMatch(/^qingxi-report-2025\.txt：看起来是2025年的工作报告（依据：.*），不是工作要点/);
    expect(twice).toContain("年份（2025年）应早于“qingxi-report-2025.txt”的年份（2025年）");

    const plans = refusal(fixture(PLAN), fixture(PLAN));
    expect(plans).toMatch(/^qingxi-plan-2025\.txt：看起来是2025年的工作要点（依据：.*），不是工作报告/);
  });

  it("takes an earlier year's report as the plan, as the command line does", () => {
    const compared = compareFiles(fixture("qingshan-report-2024.md"), fixture(REPORT));
    expect(compared.result.plan).toEqual({ kind: "work-report", year: 2024 });
    expect(compared.result.items.length).toBeGreaterThan(0);
  });

  it("says an empty or unreadable file is unusable in the command line's words, naming it", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    for (const [name, bytes] of [
      ["空.txt", new Uint8Array()],
      ["空白.md", enc("  \n\n ")],
      ["假的.docx", enc("这不是 Word 文件")],
      ["表格.txt", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0])],
    ] as const) {
      const message = refusal({ name, bytes }, fixture(REPORT));
      expect(message).toContain(name);
      // The same file on the command line: the same sentence after its "renda compare：" prefix.
      const cli = renda(["compare", name, join(FIXTURES, REPORT)], {
        cwd: writeTemp(name, bytes),
      });
      expect(cli.code).toBe(2);
      expect(cli.stderr.trim()).toBe(`renda compare：${message}`);
    }
  }, 60_000);
});
