import type { LedgerMetrics } from "../ledger/metrics.ts";
import { yearOnYear } from "../ledger/metrics.ts";

/** “比上年增加2次”, “比上年减少1件”, “与上年持平”: the change a report states after a figure. */
export function changeFromPrevious(current: number, previous: number, unit: string): string {
  if (current === previous) return "与上年持平";
  return current > previous
    ? `比上年增加${current - previous}${unit}`
    : `比上年减少${previous - current}${unit}`;
}

/** How the year-on-year sentence names each figure (the verb the overview uses before it). */
const PHRASES: Record<string, string> = {
  常委会会议: "召开常委会会议",
  主任会议: "召开主任会议",
  专项工作报告: "听取和审议专项工作报告",
  决议决定: "作出决议决定",
  任免人次: "依法任免国家机关工作人员",
  代表建议件数: "交办代表建议",
  规范性文件: "审查报备的规范性文件",
};

/**
 * “与上年相比，召开常委会会议9次，比上年增加2次；……。” from this year's and last year's 台账. Figures that are
 * zero in both years are left out; null when nothing is left.
 */
export function yearOnYearSentence(current: LedgerMetrics, previous: LedgerMetrics): string | null {
  const clauses = yearOnYear(current, previous)
    .filter((f) => f.value > 0 || f.previous > 0)
    .map((f) => {
      const phrase = PHRASES[f.label] ?? `开展${f.label}`;
      return `${phrase}${f.value}${f.unit}，${changeFromPrevious(f.value, f.previous, f.unit)}`;
    });
  if (clauses.length === 0) return null;
  return `与上年相比，${clauses.join("；")}。`;
}
