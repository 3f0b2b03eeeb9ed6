import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLedger } from "../../core/src/ledger/check.ts";
import { computeMetrics } from "../../core/src/ledger/metrics.ts";
import { writeSampleLedger } from "../../core/src/ledger/sample.ts";
import { renda } from "../helpers/cli.ts";

async function ledger(dir: string, name: string, year: number, seed: number) {
  const bytes = await writeSampleLedger({ year, seed, suggestions: 60 });
  writeFileSync(join(dir, name), bytes);
  const check = await checkLedger(bytes, { year });
  return computeMetrics(check.data, { year });
}

describe("--previous-ledger: last year's 台账 beside this year's", () => {
  it("renda lint flags a stated change the two ledgers contradict, and accepts the right one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renda-yoy-"));
    const now = await ledger(dir, "台账2025.xlsx", 2025, 1);
    const before = await ledger(dir, "台账2024.xlsx", 2024, 7);
    const n = now.meetings.standing;
    const diff = n - before.meetings.standing;
    const said = diff === 3 ? 4 : 3;
    const text = (change: string) =>
      [
        "青禾县人民代表大会常务委员会工作报告",
        "——2026年1月8日在青禾县第十八届人民代表大会第六次会议上",
        "各位代表：",
        "一、2025年主要工作回顾",
        `全年召开常委会会议${n}次，${change}。`,
        "二、2026年主要任务",
        "依法履行职责。",
      ].join("\n");
    const wrong = join(dir, "wrong.txt");
    writeFileSync(wrong, text(`比上年增加${said}次`));
    const args = ["lint", "--format", "json", "--ledger", join(dir, "台账2025.xlsx")];
    const r = renda([...args, "--previous-ledger", join(dir, "台账2024.xlsx"), wrong]);
    const found = JSON.parse(r.stdout).files[0].diagnostics.filter(
      (d: { ruleId: string }) => d.ruleId === "ledger/figure-mismatch",
    );
    const right = diff === 0 ? "与上年持平" : diff > 0 ? `比上年增加${diff}次` : `比上年减少${-diff}次`;
    expect(found.map((d: { expected: string[] }) => d.expected)).toEqual([[right]]);
    expect(found[0].message).toContain(`上年台账为${before.meetings.standing}次`);

    const fine = join(dir, "fine.txt");
    writeFileSync(fine, text(right));
    const ok = renda([...args, "--previous-ledger", join(dir, "台账2024.xlsx"), fine]);
    expect(
      JSON.parse(ok.stdout).files[0].diagnostics.filter(
        (d: { ruleId: string }) => d.ruleId === "ledger/figure-mismatch",
      ),
    ).toEqual([]);

    const alone = renda(["lint", "--previous-ledger", join(dir, "台账2024.xlsx"), fine]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("须与 --ledger");
    // Three CLI runs that each read two ledgers: the shared machine needs more than the default 30 s.
  }, 180_000);
});
