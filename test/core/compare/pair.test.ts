import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareDocuments, comparePair } from "../../../core/src/compare/index.ts";
import { isInputError } from "../../../core/src/io/errors.ts";
import { fromPlainText } from "../../../core/src/text/model.ts";
import { REPO_ROOT } from "../../helpers/paths.ts";

const read = (name: string) =>
  fromPlainText(readFileSync(resolve(REPO_ROOT, "test/fixtures/compare", name), "utf8"));
const PLAN = { name: "qingxi-plan-2025.txt", doc: read("qingxi-plan-2025.txt") };
const REPORT = { name: "qingxi-report-2025.txt", doc: read("qingxi-report-2025.txt") };
/** The same report a year earlier: last year's report, whose tasks part this year's report answers. */
const LAST_YEAR = {
  name: "qingxi-report-2024.txt",
  doc: fromPlainText(REPORT.doc.text.replaceAll("2025年", "2024年").replaceAll("2026年", "2025年")),
};

function refusal(plan: typeof PLAN, report: typeof PLAN): { message: string; file?: string } {
  try {
    comparePair(plan, report);
  } catch (e) {
    if (isInputError(e)) return { message: e.message, file: e.file };
    throw e;
  }
  throw new Error("accepted");
}

describe("the pairs a comparison accepts, the same on every surface (core/src/compare/pair.ts)", () => {
  it("accepts a plan and its report, with the result compareDocuments gives", () => {
    const { result, notes } = comparePair(PLAN, REPORT);
    expect(result).toEqual(compareDocuments(PLAN.doc, REPORT.doc));
    expect(notes).toEqual([]);
  });

  it("accepts last year's report as the plan, by its tasks part, and says so", () => {
    const { result, notes } = comparePair(LAST_YEAR, REPORT);
    expect(result.items.length).toBeGreaterThan(0);
    expect(notes).toEqual([
      "qingxi-report-2024.txt 看起来是工作报告，按其任务部分（“2025年主要任务”起）作为工作要点对照",
    ]);
  });

  it("refuses swapped files, this year's report as its own plan, and a plan where the report belongs", () => {
    const swapped = refusal(REPORT, PLAN);
    expect(swapped.file).toBe("qingxi-report-2025.txt");
    expect(swapped.message).toMatch(/^qingxi-report-2025\.txt：看起来是2025年的工作报告（依据：/);
    expect(swapped.message).toContain("两个文件可能放反了");
    const same = refusal(REPORT, REPORT);
    expect(same.message).toContain("它的年份（2025年）应早于“qingxi-report-2025.txt”的年份（2025年）");
    const plans = refusal(PLAN, PLAN);
    expect(plans.message).toMatch(
      /^qingxi-plan-2025\.txt：看起来是2025年的工作要点（依据：.*），不是工作报告/,
    );
  });

  it("refuses an empty file and a file that is no plan, naming the file", () => {
    const empty = refusal({ name: "空白.txt", doc: fromPlainText("  \n") }, REPORT);
    expect(empty).toEqual({ message: "空白.txt：文件没有文字", file: "空白.txt" });
    const notice = {
      name: "会议通知.txt",
      doc: fromPlainText(
        "关于召开全县安全生产工作会议的通知\n各乡镇人民政府，县直各部门：\n经县政府同意，定于3月5日召开全县安全生产工作会议。",
      ),
    };
    expect(refusal(notice, REPORT).message).toMatch(
      /^会议通知\.txt：看起来是其他文稿（依据：.+），不是工作要点。/,
    );
    // A review with no tasks part has nothing it undertook.
    const review = {
      name: "回顾.txt",
      doc: fromPlainText(REPORT.doc.text.split("\n二、2026年主要任务")[0]!),
    };
    expect(refusal(review, REPORT).message).toContain("不是工作要点，也没有可作为工作要点的任务部分");
  });

  it("never refuses on a guess: a text with no marks at all is compared", () => {
    const bare = {
      name: "要点.txt",
      doc: fromPlainText("1.听取审议义务教育优质均衡发展情况的报告。\n2.开展安全生产法执法检查。"),
    };
    expect(comparePair(bare, REPORT).result.items).toHaveLength(2);
  });
});

describe("the command line refuses the same pairs in the same words", () => {
  const dir = mkdtempSync(join(tmpdir(), "renda-pair-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 2 with core's message on swapped files", () => {
    const plan = join(dir, "qingxi-report-2025.txt");
    const report = join(dir, "qingxi-plan-2025.txt");
    writeFileSync(plan, REPORT.doc.text);
    writeFileSync(report, PLAN.doc.text);
    const r = spawnSync(
      process.execPath,
      [resolve(REPO_ROOT, "core/bin/renda.js"), "compare", plan, report],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(r.status).toBe(2);
    const core = refusal({ ...REPORT, name: plan }, { ...PLAN, name: report });
    expect(r.stderr).toBe(`renda compare：${core.message}\n`);
  });
});
