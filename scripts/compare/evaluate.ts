/**
 * Measures `renda compare` against hand labels (test/fixtures/compare/labels.json): precision and recall of 未见,
 * and the share of items graded 已体现 (or 部分体现) whose first evidence the labeller accepts. Used by
 * `npm run compare:eval` (docs/compare.md) and by test/core/compare/eval.test.ts, which holds the floors.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadDocument } from "../../core/src/cli/load.ts";
import { type CompareResult, compareDocuments, type Grade } from "../../core/src/compare/index.ts";
import { REPO_ROOT, sharedDir } from "../accuracy/measure.ts";

export const LABELS = resolve(REPO_ROOT, "test/fixtures/compare/labels.json");

export interface LabelledItem {
  item: number;
  key: string;
  evidence: string[];
  omitted?: boolean;
  reworded?: boolean;
}

export interface LabelledPair {
  id: string;
  origin: "fixture" | "real";
  /** Fixture pairs: paths in the repository; real pairs: paths in the published-report corpus beside the checkout. */
  plan: string;
  report: string;
  items: LabelledItem[];
}

export interface ItemOutcome {
  pair: string;
  label: LabelledItem;
  /** The item's text starts with the label's key (the labels still point at the same items). */
  aligned: boolean;
  grade: Grade;
  /** The first evidence holds one of the accepted phrases. */
  accepted: boolean;
  topEvidence: string | null;
}

export interface Figures {
  items: number;
  truthMissing: number;
  predictedMissing: number;
  missingHits: number;
  missingPrecision: number;
  missingRecall: number;
  covered: number;
  coveredAccepted: number;
  coveredAcceptance: number;
  partial: number;
  partialAccepted: number;
  partialAcceptance: number;
}

export function loadLabels(): LabelledPair[] {
  return (JSON.parse(readFileSync(LABELS, "utf8")) as { pairs: LabelledPair[] }).pairs;
}

function where(pair: LabelledPair, path: string): string {
  return resolve(pair.origin === "real" ? sharedDir() : REPO_ROOT, path);
}

function readSide(full: string) {
  // .md headings are masked and kept as hints exactly as `renda compare` reads them.
  return loadDocument(readFileSync(full), full, () => {
    throw new Error("labels name .txt/.md files only");
  }).doc;
}

/** Whether both files of a pair are on this machine (the real pairs live in the published-report corpus outside the repository). */
export function available(pair: LabelledPair): boolean {
  return existsSync(where(pair, pair.plan)) && existsSync(where(pair, pair.report));
}

export function runPair(pair: LabelledPair): { result: CompareResult; outcomes: ItemOutcome[] } {
  const result = compareDocuments(readSide(where(pair, pair.plan)), readSide(where(pair, pair.report)));
  const outcomes = pair.items.map((label): ItemOutcome => {
    const item = result.items[label.item - 1];
    const top = item?.evidence[0]?.text ?? null;
    return {
      pair: pair.id,
      label,
      aligned: item?.text.startsWith(label.key) === true,
      grade: item?.grade ?? "missing",
      accepted: top !== null && label.evidence.some((k) => top.includes(k)),
      topEvidence: top,
    };
  });
  return { result, outcomes };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function figures(outcomes: readonly ItemOutcome[]): Figures {
  const truthMissing = outcomes.filter((o) => o.label.evidence.length === 0).length;
  const predicted = outcomes.filter((o) => o.grade === "missing");
  const missingHits = predicted.filter((o) => o.label.evidence.length === 0).length;
  const covered = outcomes.filter((o) => o.grade === "covered");
  const partial = outcomes.filter((o) => o.grade === "partial");
  const coveredAccepted = covered.filter((o) => o.accepted).length;
  const partialAccepted = partial.filter((o) => o.accepted).length;
  return {
    items: outcomes.length,
    truthMissing,
    predictedMissing: predicted.length,
    missingHits,
    missingPrecision: ratio(missingHits, predicted.length),
    missingRecall: ratio(missingHits, truthMissing),
    covered: covered.length,
    coveredAccepted,
    coveredAcceptance: ratio(coveredAccepted, covered.length),
    partial: partial.length,
    partialAccepted,
    partialAcceptance: ratio(partialAccepted, partial.length),
  };
}
