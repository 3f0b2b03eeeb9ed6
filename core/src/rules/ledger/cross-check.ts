import type { LedgerMetrics } from "../../ledger/metrics.ts";
import type { Rule } from "../types.ts";

/** One figure the ledger vouches for, and how a report words it: "召开常委会会议7次", "任免……38人次". */
export interface LedgerFact {
  /** What the figure is, in the report's words, for the message. */
  label: string;
  /** Pattern over the text; its first capture group is the number. Applied to the review part only. */
  pattern: RegExp;
  value: number;
  unit: string;
}

const DIGITS = "([0-9０-９]+)";

/**
 * The figures of a 工作报告's review that the ledger can confirm. Each pattern wants the noun right before the
 * number, so "第十七次常委会会议" (an ordinal in Chinese numerals) and "对4部法律开展执法检查" (a different count)
 * do not match.
 */
export function ledgerFacts(m: LedgerMetrics): LedgerFact[] {
  const facts: LedgerFact[] = [
    {
      label: "常委会会议",
      pattern: new RegExp(`常委会会议${DIGITS}次`, "g"),
      value: m.meetings.standing,
      unit: "次",
    },
    {
      label: "主任会议",
      pattern: new RegExp(`主任会议${DIGITS}次`, "g"),
      value: m.meetings.chairpersons,
      unit: "次",
    },
    {
      label: "专项工作报告",
      pattern: new RegExp(`专项工作报告${DIGITS}[个项]`, "g"),
      value: m.agenda.byCategory.专项工作报告,
      unit: "个",
    },
    {
      label: "决议决定",
      pattern: new RegExp(`决议决定${DIGITS}[项件个]`, "g"),
      value: m.agenda.resolutions,
      unit: "项",
    },
    {
      label: "任免人次",
      pattern: new RegExp(`任免[^。；]{0,16}?(?:[0-9０-９]+批)?${DIGITS}人次`, "g"),
      value: m.appointments.personTimes,
      unit: "人次",
    },
    {
      label: "代表建议件数",
      pattern: new RegExp(`(?:交办|提出|收到)(?:代表)?建议${DIGITS}件`, "g"),
      value: m.suggestions.total,
      unit: "件",
    },
    {
      label: "规范性文件",
      pattern: new RegExp(`规范性文件${DIGITS}件`, "g"),
      value: m.filings.total,
      unit: "件",
    },
  ];
  for (const [type, count] of Object.entries(m.oversight.byType)) {
    facts.push({
      label: type,
      pattern: new RegExp(`(?:开展|组织)${type}${DIGITS}次`, "g"),
      value: count,
      unit: "次",
    });
  }
  return facts;
}

function toNumber(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/**
 * `renda lint --ledger`: each figure in the review part that disagrees with the ledger, with both values.
 * No automatic fix: which side is wrong (the draft or the ledger) is for the drafter to decide.
 */
export function ledgerCrossCheck(facts: readonly LedgerFact[], ledgerName: string): Rule {
  return {
    meta: {
      id: "ledger/figure-mismatch",
      group: "ledger",
      description: "文中统计数字与台账不一致",
      severity: "error",
      fixable: false,
      fixSafety: "suggestion",
      source: "统计台账",
    },
    check(ctx) {
      const review = ctx.sections.parts.review;
      // Without a review heading, the whole text is the review (an excerpt of it).
      const start = review?.start ?? 0;
      const end = review?.end ?? ctx.doc.text.length;
      if (ctx.kind !== "work-report") return;
      const text = ctx.doc.text.slice(start, end);
      for (const fact of facts) {
        fact.pattern.lastIndex = 0;
        for (let m = fact.pattern.exec(text); m; m = fact.pattern.exec(text)) {
          const said = toNumber(m[1]!);
          if (said === fact.value) continue;
          const numberAt = start + m.index + m[0].lastIndexOf(m[1]!);
          ctx.report({
            start: numberAt,
            end: numberAt + m[1]!.length,
            message: `${fact.label}：文中为${said}${fact.unit}，台账“${ledgerName}”为${fact.value}${fact.unit}`,
            expected: [String(fact.value)],
          });
        }
      }
    },
  };
}
