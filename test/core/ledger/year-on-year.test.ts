import { describe, expect, it } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { computeMetrics, headlineFigures, yearOnYear } from "../../../core/src/ledger/metrics.ts";
import { writeSampleLedger } from "../../../core/src/ledger/sample.ts";
import { lint } from "../../../core/src/lint.ts";
import { changeFromPrevious, yearOnYearSentence } from "../../../core/src/phrasing/change.ts";
import { buildSlots } from "../../../core/src/phrasing/ledger.ts";
import {
  ledgerCrossCheck,
  ledgerFacts,
  withPrevious,
} from "../../../core/src/rules/ledger/figure-mismatch.ts";

async function metricsOf(year: number, seed: number) {
  const r = await checkLedger(await writeSampleLedger({ year, seed, suggestions: 60 }), { year });
  return computeMetrics(r.data, { year });
}

const REPORT = (overview: string) =>
  [
    "青禾县人民代表大会常务委员会工作报告",
    "——2026年1月8日在青禾县第十八届人民代表大会第六次会议上",
    "各位代表：",
    "一、2025年主要工作回顾",
    overview,
    "二、2026年主要任务",
    "依法履行职责。",
  ].join("\n");

const facts = (value: number, previous: number) =>
  withPrevious(
    [{ label: "常委会会议", pattern: /常委会会议([0-9０-９]+)次/g, value, unit: "次" }],
    [{ label: "常委会会议", pattern: /常委会会议([0-9０-９]+)次/g, value: previous, unit: "次" }],
  );

function findings(text: string, value: number, previous: number) {
  return lint(text, { rules: [ledgerCrossCheck(facts(value, previous), "台账.xlsx")] }).diagnostics;
}

describe("year-on-year figures from two ledgers", () => {
  it("states the change as a report words it", () => {
    expect(changeFromPrevious(9, 7, "次")).toBe("比上年增加2次");
    expect(changeFromPrevious(5, 7, "件")).toBe("比上年减少2件");
    expect(changeFromPrevious(7, 7, "次")).toBe("与上年持平");
  });

  it("flags a stated change the two ledgers contradict (text 增加3次, ledgers 7 → 9), with the right words", () => {
    const d = findings(REPORT("全年召开常委会会议9次，比上年增加3次。"), 9, 7);
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain("上年台账为7次");
    expect(d[0]!.expected).toEqual(["比上年增加2次"]);
    const text = REPORT("全年召开常委会会议9次，比上年增加3次。");
    expect(text.slice(d[0]!.start, d[0]!.end)).toBe("比上年增加3次");
  });

  it("accepts a right change, and checks 较上年少 and 与上年持平 too", () => {
    expect(findings(REPORT("全年召开常委会会议9次，比上年增加2次。"), 9, 7)).toEqual([]);
    expect(findings(REPORT("全年召开常委会会议5次，较上年少2次。"), 5, 7)).toEqual([]);
    expect(findings(REPORT("全年召开常委会会议7次，与上年持平。"), 7, 7)).toEqual([]);
    const wrong = findings(REPORT("全年召开常委会会议7次，与上年持平。"), 7, 6);
    expect(wrong.map((x) => x.expected)).toEqual([["比上年增加1次"]]);
  });

  it("leaves stated changes alone without last year's ledger", () => {
    const plain = [{ label: "常委会会议", pattern: /常委会会议([0-9０-９]+)次/g, value: 9, unit: "次" }];
    const d = lint(REPORT("全年召开常委会会议9次，比上年增加3次。"), {
      rules: [ledgerCrossCheck(plain, "台账.xlsx")],
    }).diagnostics;
    expect(d).toEqual([]);
  });

  it("gives the year-on-year slot from two years' metrics, and none without the previous year", async () => {
    const current = await metricsOf(2025, 1);
    const previous = await metricsOf(2024, 7);
    const pairs = yearOnYear(current, previous);
    expect(pairs.map((p) => p.label)).toEqual(headlineFigures(current).map((f) => f.label));
    const sentence = yearOnYearSentence(current, previous)!;
    expect(sentence.startsWith("与上年相比，召开常委会会议")).toBe(true);
    const standing = pairs.find((p) => p.label === "常委会会议")!;
    expect(sentence).toContain(
      `召开常委会会议${standing.value}次，${changeFromPrevious(standing.value, standing.previous, "次")}`,
    );
    expect(buildSlots(current, { kind: "work-report", previous })["overview-year-on-year"]).toEqual({
      kind: "paragraphs",
      paragraphs: [sentence],
    });
    expect(buildSlots(current, { kind: "work-report" })["overview-year-on-year"]).toBeUndefined();
    // The facts `renda lint --ledger` checks carry the same labels as the headline figures.
    expect(ledgerFacts(current).map((f) => f.label)).toEqual(headlineFigures(current).map((f) => f.label));
  });
});
