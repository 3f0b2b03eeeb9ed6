import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ALARM_BUDGET_PER_10K,
  corpusFiles,
  type FileMeasure,
  isReviewed,
  loadReviewed,
  measureFile,
  REPO_ROOT,
  summarise,
} from "../../scripts/accuracy/measure.ts";
import { lostRecall, type RecallEntry } from "../../scripts/accuracy/recall.ts";

let measures: FileMeasure[];
beforeAll(() => {
  measures = corpusFiles().map((f) => measureFile(f).measure);
});

describe("accuracy on published reports (false alarms and damage)", () => {
  it("finds the published reports, the excerpts, the seed texts and the fixtures", () => {
    const count = (set: string) => measures.filter((m) => m.file.set === set).length;
    expect([count("published"), count("excerpts"), count("seed")]).toEqual([22, 4, 3]);
    expect(count("fixtures")).toBeGreaterThanOrEqual(7);
  });

  it("stays within the false-alarm budget and offers no fix that is not on a reviewed true error", () => {
    const s = summarise(
      measures.filter((m) => m.file.set === "published"),
      loadReviewed(),
    );
    // A new rule or a loosened one that adds noise on proofread text fails here.
    expect(s.per10k).toBeLessThanOrEqual(ALARM_BUDGET_PER_10K);
    expect(s.unreviewedFixes).toBe(0);
  });

  it("every reviewed true error is still found (the list holds no stale entry)", () => {
    const reviewed = loadReviewed();
    const stale = reviewed.filter(
      (r) =>
        !measures.some((m) => m.file.name === r.file && m.findings.some((f) => isReviewed([r], r.file, f))),
    );
    expect(stale).toEqual([]);
  });
});

describe("recall on the seed texts and the project's fixtures", () => {
  it("everything found before calibration is still found, at least as severe", () => {
    const baseline = JSON.parse(
      readFileSync(resolve(REPO_ROOT, "test/fixtures/accuracy/recall-baseline.json"), "utf8"),
    ) as RecallEntry[];
    expect(baseline.length).toBeGreaterThan(40);
    expect(lostRecall(baseline, measures)).toEqual([]);
  });
});
