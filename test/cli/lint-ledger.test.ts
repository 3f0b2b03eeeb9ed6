import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLedger, computeMetrics, type LedgerMetrics } from "../../core/src/ledger/index.ts";
import { renda } from "../helpers/cli.ts";

let dir: string;
let ledger: string;
let m: LedgerMetrics;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "renda-ledger-lint-"));
  ledger = join(dir, "台账.xlsx");
  expect(renda(["ledger", "template", "--sample", "--year", "2025", "-o", ledger]).code).toBe(0);
  const check = await checkLedger(new Uint8Array(readFileSync(ledger)), { fileName: "台账.xlsx" });
  m = computeMetrics(check.data, { year: check.year });
});

function draft(standing: number, chairpersons: number, personTimes: number): string {
  return [
    "2025年主要工作回顾",
    `2025年，共召开常委会会议${standing}次、主任会议${chairpersons}次，依法任免国家机关工作人员${personTimes}人次。`,
    "一、坚持党的全面领导",
    "严格执行请示报告制度。",
    "2026年主要任务",
    // The tasks part plans next year's figures: never compared with this year's ledger.
    "一、增强监督实效",
    "计划召开常委会会议6次。",
  ].join("\n");
}

describe("renda lint --ledger", () => {
  it("reports each figure that disagrees with the ledger, with both values", () => {
    const path = join(dir, "草稿.txt");
    writeFileSync(
      path,
      draft(m.meetings.standing + 1, m.meetings.chairpersons, m.appointments.personTimes - 2),
    );
    const r = renda(["lint", "--format", "json", "--ledger", ledger, path]);
    const found = JSON.parse(r.stdout).files[0].diagnostics.filter(
      (d: { ruleId: string }) => d.ruleId === "ledger/figure-mismatch",
    );
    expect(found.map((d: { message: string }) => d.message)).toEqual([
      `常委会会议：文中为${m.meetings.standing + 1}次，台账“台账.xlsx”为${m.meetings.standing}次`,
      `任免人次：文中为${m.appointments.personTimes - 2}人次，台账“台账.xlsx”为${m.appointments.personTimes}人次`,
    ]);
    expect(found[0].expected).toEqual([String(m.meetings.standing)]);
    expect(r.code).toBe(1);
  });

  it("is silent when the figures agree", () => {
    const path = join(dir, "一致.txt");
    writeFileSync(path, draft(m.meetings.standing, m.meetings.chairpersons, m.appointments.personTimes));
    const r = renda(["lint", "--format", "json", "--ledger", ledger, path]);
    const ids = JSON.parse(r.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids).not.toContain("ledger/figure-mismatch");
  });

  it("refuses a ledger that is not a workbook, exit 2", () => {
    const bad = join(dir, "台账.csv");
    writeFileSync(bad, "日期,会议类型\n");
    const r = renda(["lint", "--ledger", bad, join(dir, "一致.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("台账.csv");
  });

  it("draft → fill → lint --ledger: the generated report agrees with its own ledger", () => {
    const docx = join(dir, "草稿.docx");
    const filled = join(dir, "已填写.docx");
    expect(
      renda(["draft", "--kind", "work-report", "--year", "2025", "--ledger", ledger, "-o", docx]).code,
    ).toBe(0);
    expect(renda(["fill", docx, "--ledger", ledger, "-o", filled]).code).toBe(0);
    const r = renda(["lint", "--format", "json", "--ledger", ledger, filled]);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.sections.missing).toEqual([]);
    expect(f.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });
});
