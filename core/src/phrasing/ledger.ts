import { chineseMeetingNumbering, formatDateZh, formatPercent } from "../ledger/format.ts";
import { type LedgerMetrics, resolvedLabel } from "../ledger/metrics.ts";
import {
  AGENDA_CATEGORIES,
  APPOINTMENT_ACTIONS,
  DEPUTY_ACTIVITY_TYPES,
  OVERSIGHT_TYPES,
  SATISFACTION_LEVELS,
  SUGGESTION_RESULTS,
} from "../ledger/schema.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import { yearOnYearSentence } from "./change.ts";
import { counted, joinCounted, sentence } from "./join.ts";
import type { SlotContent, SlotMap } from "./slots.ts";

/**
 * Ledger metrics → the sentences and tables a report quotes. Counts are Arabic numerals, meeting numbering
 * Chinese (GB/T 15835-2011), percentages at the document's one precision; an item whose count is zero is
 * left out of its list rather than written as "0次".
 */

/** How each agenda category is named when counted among the reports considered. */
const REPORT_NOUNS: Partial<Record<(typeof AGENDA_CATEGORIES)[number], string>> = {
  专项工作报告: "专项工作报告",
  计划预算决算: "计划预算决算报告",
  审计: "审计工作报告",
  国有资产: "国有资产管理情况报告",
  环境状况: "环境状况报告",
  法治政府: "法治政府建设情况报告",
  备案审查: "备案审查工作报告",
};

const ACTIVITY_PHRASES: Record<(typeof DEPUTY_ACTIVITY_TYPES)[number], string> = {
  列席常委会会议: "列席常委会会议",
  视察调研: "参加视察调研",
  执法检查: "参加执法检查",
  进站接待: "进站接待群众",
  培训: "参加履职培训",
};

function pct(m: LedgerMetrics, n: number, d: number): string | null {
  return formatPercent(n, d, m.definitions.percentDecimals);
}

/** "2025年，共召开常委会会议7次、主任会议12次，听取和审议专项工作报告15个，……依法任免国家机关工作人员11批38人次。" */
export function overviewSentence(m: LedgerMetrics, year?: number | null): string {
  const reports = joinCounted(
    AGENDA_CATEGORIES.map((c) =>
      REPORT_NOUNS[c] ? counted(REPORT_NOUNS[c], m.agenda.byCategory[c], "个") : null,
    ),
  );
  const oversight = joinCounted(OVERSIGHT_TYPES.map((t) => counted(t, m.oversight.byType[t], "次")));
  const a = m.appointments;
  const appointed =
    a.personTimes > 0
      ? `依法任免国家机关工作人员${m.definitions.appointmentBatch === "meeting" ? `${a.batches}批` : ""}${a.personTimes}人次`
      : null;
  const clauses = [
    joinCounted([
      counted("常委会会议", m.meetings.standing, "次"),
      counted("主任会议", m.meetings.chairpersons, "次"),
    ]),
    reports,
    m.agenda.resolutions > 0 ? `作出决议决定${m.agenda.resolutions}项` : null,
    oversight,
    m.filings.total > 0 ? `审查报备的规范性文件${m.filings.total}件` : null,
    appointed,
  ];
  const verbs = ["召开", "听取和审议", "", "开展", "", ""];
  const parts = clauses.map((c, i) => (c ? `${verbs[i]}${c}` : null)).filter((c): c is string => !!c);
  if (parts.length === 0) return "";
  parts[0] = `共${parts[0]}`;
  return `${year ? `${year}年，` : ""}${sentence(parts)}`;
}

/** The 代表建议 paragraph: count, key ones, 办结率, 解决率 (labelled by its definition), 满意率 (stating which). */
export function suggestionsSentences(m: LedgerMetrics, year?: number | null): string[] {
  const s = m.suggestions;
  if (s.total === 0) return [];
  const first = sentence([
    `${year ? `${year}年，` : ""}交办代表建议${s.total}件`,
    s.key > 0 ? `其中重点建议${s.key}件` : null,
  ]);
  const details: string[] = [];
  if (s.answered === s.total) details.push("承办单位已全部办理答复");
  else if (s.answered > 0)
    details.push(`承办单位已办理答复${s.answered}件，办结率${pct(m, s.answered, s.total)}`);
  if (s.resolved > 0)
    details.push(
      `所提问题${resolvedLabel(m.definitions)}的${s.resolved}件，占建议总数的${pct(m, s.resolved, s.total)}`,
    );
  const levels = joinOr(SATISFACTION_LEVELS.filter((l) => m.definitions.satisfaction.counts.includes(l)));
  if (m.definitions.satisfaction.denominator === "responses" && s.responses > 0) {
    details.push(
      `代表反馈意见${s.responses}件，其中表示${levels}的${s.satisfied}件，满意率${pct(m, s.satisfied, s.responses)}`,
    );
  } else if (m.definitions.satisfaction.denominator === "total" && s.satisfied > 0) {
    details.push(`代表表示${levels}的${s.satisfied}件，占建议总数的${pct(m, s.satisfied, s.total)}`);
  }
  return details.length ? [`${first}${details.join("；")}。`] : [first];
}

function joinOr(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join("、")}或${xs[xs.length - 1]}`;
}

export function deputyActivitiesSentence(m: LedgerMetrics): string {
  const items = joinCounted(
    DEPUTY_ACTIVITY_TYPES.map((t) => counted(ACTIVITY_PHRASES[t], m.deputyActivities.byType[t], "人次")),
  );
  return items ? sentence([`组织代表${items}`]) : "";
}

export function petitionsSentence(m: LedgerMetrics): string {
  if (m.petitions.count === 0) return "";
  return sentence([
    `受理群众来信来访${m.petitions.count}件次`,
    m.petitions.referred > 0 ? `其中转交有关机关办理${m.petitions.referred}件次` : null,
  ]);
}

/** 代表建议办理情况统计表, one row per 承办单位 (most suggestions first) and a 合计 row. */
export function suggestionsTable(m: LedgerMetrics): SlotContent | null {
  const s = m.suggestions;
  if (s.total === 0) return null;
  const results = SUGGESTION_RESULTS.filter((r) => s.byResult[r] > 0);
  const levels = SATISFACTION_LEVELS.filter((l) => s.bySatisfaction[l] > 0);
  const showRate = s.satisfactionDenominator > 0;
  const header = ["承办单位", "件数", "已答复", ...results, ...levels, ...(showRate ? ["满意率"] : [])];
  const row = (h: typeof s | (typeof s.byHandler)[number], name: string) => {
    const denominator = m.definitions.satisfaction.denominator === "total" ? h.total : h.responses;
    return [
      name,
      String(h.total),
      String(h.answered),
      ...results.map((r) => String(h.byResult[r])),
      ...levels.map((l) => String(h.bySatisfaction[l])),
      ...(showRate ? [pct(m, h.satisfied, denominator) ?? "—"] : []),
    ];
  };
  const levelsText = joinOr(SATISFACTION_LEVELS.filter((l) => m.definitions.satisfaction.counts.includes(l)));
  const over = m.definitions.satisfaction.denominator === "total" ? "建议件数" : "反馈意见件数";
  return {
    kind: "table",
    caption: "代表建议办理情况统计表",
    header,
    rows: [...s.byHandler.map((h) => row(h, h.handler)), row(s, "合计")],
    note: `注：满意率为代表表示${levelsText}的件数占${over}的比例；“—”表示暂无反馈。`,
  };
}

/** 常委会会议及审议议题一览表, in date order. */
export function meetingsTable(m: LedgerMetrics, caption = "常委会会议及审议议题一览表"): SlotContent | null {
  if (m.standingMeetings.length === 0) return null;
  return {
    kind: "table",
    caption,
    header: ["序号", "会议", "日期", "审议议题"],
    rows: m.standingMeetings.map((meeting, i) => [
      String(i + 1),
      chineseMeetingNumbering(meeting.name),
      formatDateZh(meeting.date),
      // One cell, items separated by ；: table cells are plain strings in the slot contract.
      meeting.items.length ? meeting.items.join("；") : "—",
    ]),
  };
}

/** 任免情况统计表: one row per batch (meeting), a column per kind of appointment that occurred, a 合计 row. */
export function appointmentsTable(m: LedgerMetrics): SlotContent | null {
  const a = m.appointments;
  if (a.personTimes === 0) return null;
  const actions = APPOINTMENT_ACTIONS.filter((x) => a.byAction[x] > 0);
  return {
    kind: "table",
    caption: "任免情况统计表",
    header: ["序号", "会议", "日期", ...actions, "合计（人次）"],
    rows: [
      ...a.byMeeting.map((b, i) => [
        String(i + 1),
        chineseMeetingNumbering(b.meeting),
        formatDateZh(b.date),
        ...actions.map((x) => String(b.byAction[x])),
        String(b.total),
      ]),
      ["", `合计${a.batches}批`, "", ...actions.map((x) => String(a.byAction[x])), String(a.personTimes)],
    ],
  };
}

const paragraphs = (xs: readonly string[]): SlotContent | null => {
  const ps = xs.filter((x) => x.length > 0);
  return ps.length ? { kind: "paragraphs", paragraphs: ps } : null;
};

/**
 * Every slot the ledger can fill for a document kind. Slots without data are absent (a filler leaves such a
 * control for the drafter rather than writing an empty sentence). A 工作要点 states intentions, not results,
 * so it only gets the table of the meetings planned in the ledger.
 */
export function buildSlots(
  metrics: LedgerMetrics,
  options: { kind: DocumentKindId; year?: number | null; previous?: LedgerMetrics | null },
): SlotMap {
  const year = options.year ?? metrics.year;
  const candidates: Record<string, SlotContent | null> =
    options.kind === "work-plan"
      ? { "meetings-table": meetingsTable(metrics, "常委会会议审议议题安排表") }
      : {
          overview: paragraphs([overviewSentence(metrics, year)]),
          suggestions: paragraphs(suggestionsSentences(metrics, year)),
          // With last year's 台账 (--previous-ledger): the change of each headline figure, stated; the name's
          // overview- prefix places it after the overview in a draft.
          "overview-year-on-year": options.previous
            ? paragraphs([yearOnYearSentence(metrics, options.previous) ?? ""])
            : null,
          "deputy-activities": paragraphs([deputyActivitiesSentence(metrics)]),
          petitions: paragraphs([petitionsSentence(metrics)]),
          "suggestions-table": suggestionsTable(metrics),
          "meetings-table": meetingsTable(metrics),
          "appointments-table": appointmentsTable(metrics),
        };
  const slots: SlotMap = {};
  for (const [name, content] of Object.entries(candidates)) if (content) slots[name] = content;
  return slots;
}
