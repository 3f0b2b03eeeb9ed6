import type { LedgerMetrics } from "../../ledger/metrics.ts";
import type { Rule, RuleContext } from "../types.ts";

/** One figure the ledger vouches for, and how a report words it: "召开常委会会议7次", "任免……38人次". */
export interface LedgerFact {
  /** What the figure is, in the report's words, for the message. */
  label: string;
  /** Pattern over the text; its first capture group is the number. Applied to the review part only. */
  pattern: RegExp;
  value: number;
  unit: string;
  /** Last year's value (from `--previous-ledger`): a stated change (“比上年增加3次”) is checked against it. */
  previous?: number;
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

/** This year's facts with last year's values beside them, matched by label (`--previous-ledger`). */
export function withPrevious(facts: readonly LedgerFact[], previous: readonly LedgerFact[]): LedgerFact[] {
  const before = new Map(previous.map((f) => [f.label, f.value]));
  return facts.map((f) => (before.has(f.label) ? { ...f, previous: before.get(f.label)! } : f));
}

/**
 * A change stated right after the figure, in the same clause: “召开常委会会议9次，比上年增加2次”,
 * “……9次，较上年多2次”, “……，与上年持平”. Group 1 the direction, group 2 the amount.
 */
const CHANGE_RE =
  /^[，,、]?\s*(?:(?:比|较)(?:上年|去年|上一年)(?:同期)?(增加|增长|多|减少|下降|少)了?([0-9０-９]+)(?:人次|次|个|件|项|名|场|批)?|(与上年持平|同上年持平|与去年持平))/;

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
          if (fact.previous !== undefined) checkChange(fact, start + m.index + m[0].length, ctx, ledgerName);
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

/** The change stated after a figure, against this year's and last year's 台账 (text 增加3次, ledgers 7 → 9). */
function checkChange(fact: LedgerFact, after: number, ctx: RuleContext, ledgerName: string): void {
  const m = CHANGE_RE.exec(ctx.doc.text.slice(after, after + 24));
  if (!m || fact.previous === undefined) return;
  const diff = fact.value - fact.previous;
  const said = m[3] ? 0 : (/增加|增长|多/.test(m[1]!) ? 1 : -1) * toNumber(m[2]!);
  if (said === diff) return;
  // The words of the change, without the comma that joins them to the figure.
  const lead = /^[，,、]?\s*/.exec(m[0])![0].length;
  const start = after + m.index + lead;
  const right = changeWords(diff, fact.unit);
  ctx.report({
    start,
    end: after + m.index + m[0].length,
    message: `${fact.label}的同比变化：文中为“${m[0].slice(lead)}”，台账“${ledgerName}”为${fact.value}${fact.unit}、上年台账为${fact.previous}${fact.unit}，应为“${right}”`,
    expected: [right],
  });
}

function changeWords(diff: number, unit: string): string {
  if (diff === 0) return "与上年持平";
  return diff > 0 ? `比上年增加${diff}${unit}` : `比上年减少${-diff}${unit}`;
}
