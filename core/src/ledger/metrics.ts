import { z } from "zod";
import { percentValue } from "./format.ts";
import {
  AGENDA_CATEGORIES,
  APPOINTMENT_ACTIONS,
  DEPUTY_ACTIVITY_TYPES,
  FILING_RESULTS,
  type LedgerData,
  OVERSIGHT_TYPES,
  SATISFACTION_LEVELS,
  SUGGESTION_RESULTS,
} from "./schema.ts";

/**
 * How the figures are defined. Offices differ (local rules on handling deputies' suggestions class the results differently): which 办理结果 count as 解决, what the
 * 满意率 counts and over what, what one 批 of appointments is. The defaults are the narrow readings; a body
 * that reports "得到解决或计划逐步解决" sets `resolved.results` to ["已解决", "计划解决"], and the sentence's
 * label follows the definition so the text never claims more than the number measures.
 */
export const MetricDefinitions = z.object({
  resolved: z
    .object({
      results: z.array(z.enum(SUGGESTION_RESULTS)).min(1).default(["已解决"]),
      /** Wording in the sentence ("所提问题{label}的N件"); derived from `results` when absent. */
      label: z.string().min(1).optional(),
    })
    .default({ results: ["已解决"] }),
  satisfaction: z
    .object({
      counts: z.array(z.enum(SATISFACTION_LEVELS)).min(1).default(["满意", "基本满意"]),
      /** "responses": over the suggestions with feedback; "total": over all suggestions. */
      denominator: z.enum(["responses", "total"]).default("responses"),
    })
    .default({ counts: ["满意", "基本满意"], denominator: "responses" }),
  /**
   * "standing-committee": only appointments decided at standing-committee (and other non-congress) meetings,
   * which is what a 常委会工作报告 reports; elections at the 人民代表大会会议 are the congress's own act.
   * "all": every row of the 任免 sheet.
   */
  appointmentScope: z.enum(["standing-committee", "all"]).default("standing-committee"),
  /** "meeting": one 批 per meeting that decided appointments (N批M人次); "none": report M人次 only. */
  appointmentBatch: z.enum(["meeting", "none"]).default("meeting"),
  /** Decimals of every percentage in the document (GB/T 15835: one precision throughout). */
  percentDecimals: z.number().int().min(0).max(2).default(1),
});
export type MetricDefinitions = z.infer<typeof MetricDefinitions>;
export type MetricDefinitionsInput = z.input<typeof MetricDefinitions>;

export const DEFAULT_DEFINITIONS: MetricDefinitions = MetricDefinitions.parse({});

const RESOLVED_LABELS: [readonly string[], string][] = [
  [["已解决"], "已经解决或基本解决"],
  [["已解决", "计划解决"], "得到解决或计划逐步解决"],
  [["已解决", "正在解决"], "已经解决或正在解决"],
  [["已解决", "正在解决", "计划解决"], "已经解决、正在解决或列入计划逐步解决"],
];

export function resolvedLabel(defs: MetricDefinitions): string {
  if (defs.resolved.label) return defs.resolved.label;
  const set = [...defs.resolved.results].sort(
    (a, b) => SUGGESTION_RESULTS.indexOf(a) - SUGGESTION_RESULTS.indexOf(b),
  );
  const known = RESOLVED_LABELS.find(([k]) => k.length === set.length && k.every((v, i) => v === set[i]));
  return known ? known[1] : set.join("或");
}

type Counts<K extends string> = Record<K, number>;

export interface HandlerStats {
  handler: string;
  total: number;
  answered: number;
  byResult: Counts<(typeof SUGGESTION_RESULTS)[number]>;
  bySatisfaction: Counts<(typeof SATISFACTION_LEVELS)[number]>;
  /** Suggestions with a satisfaction answer. */
  responses: number;
  satisfied: number;
}

export interface LedgerMetrics {
  year: number | null;
  definitions: MetricDefinitions;
  meetings: { congress: number; standing: number; chairpersons: number };
  agenda: {
    /** Items on the agenda of 常委会会议. */
    total: number;
    byCategory: Counts<(typeof AGENDA_CATEGORIES)[number]>;
    /** Items on which a resolution or decision was made (作出决议决定 = 是). */
    resolutions: number;
  };
  oversight: { total: number; byType: Counts<(typeof OVERSIGHT_TYPES)[number]>; suggestions: number };
  appointments: {
    batches: number;
    personTimes: number;
    byAction: Counts<(typeof APPOINTMENT_ACTIONS)[number]>;
    byMeeting: {
      meeting: string;
      date: string;
      byAction: Counts<(typeof APPOINTMENT_ACTIONS)[number]>;
      total: number;
    }[];
  };
  suggestions: HandlerStats & {
    key: number;
    resolved: number;
    /** Rounded percentages per `definitions.percentDecimals`, null when the denominator is 0. */
    answeredRate: number | null;
    resolvedRate: number | null;
    satisfactionRate: number | null;
    satisfactionDenominator: number;
    byHandler: HandlerStats[];
  };
  filings: { total: number; byResult: Counts<(typeof FILING_RESULTS)[number]> };
  deputyActivities: { personTimes: number; byType: Counts<(typeof DEPUTY_ACTIVITY_TYPES)[number]> };
  petitions: { count: number; referred: number };
  /** 常委会会议 in date order with the items they considered (for the 一览表). */
  standingMeetings: { name: string; date: string; items: string[] }[];
}

function zeros<K extends string>(keys: readonly K[]): Counts<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
}

function handlerStats(handler: string): HandlerStats {
  return {
    handler,
    total: 0,
    answered: 0,
    byResult: zeros(SUGGESTION_RESULTS),
    bySatisfaction: zeros(SATISFACTION_LEVELS),
    responses: 0,
    satisfied: 0,
  };
}

/** Aggregates validated ledger rows into the figures a report quotes. One pass per table, no sorting of rows. */
export function computeMetrics(
  data: LedgerData,
  options: { year?: number | null; definitions?: MetricDefinitionsInput } = {},
): LedgerMetrics {
  const defs = MetricDefinitions.parse(options.definitions ?? {});
  const meetings = { congress: 0, standing: 0, chairpersons: 0 };
  const meetingType = new Map<string, string>();
  for (const m of data.Meetings) {
    meetingType.set(m.name, m.type);
    if (m.type === "人民代表大会会议") meetings.congress++;
    else if (m.type === "常委会会议") meetings.standing++;
    else meetings.chairpersons++;
  }

  const standing = data.Meetings.filter((m) => m.type === "常委会会议")
    .sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row)
    .map((m) => ({ name: m.name, date: m.date, items: [] as string[] }));
  const standingByName = new Map(standing.map((m) => [m.name, m]));
  const agenda = { total: 0, byCategory: zeros(AGENDA_CATEGORIES), resolutions: 0 };
  for (const a of data.Agenda) {
    // Only items of standing-committee meetings are 审议议题; when the meeting is not in the Meetings sheet
    // (the checker warned about it) the item still counts rather than silently vanishing.
    const type = meetingType.get(a.meeting);
    if (type && type !== "常委会会议") continue;
    agenda.total++;
    agenda.byCategory[a.category]++;
    if (a.resolution === "是") agenda.resolutions++;
    standingByName.get(a.meeting)?.items.push(a.item);
  }

  const oversight = { total: 0, byType: zeros(OVERSIGHT_TYPES), suggestions: 0 };
  for (const o of data.Oversight) {
    oversight.total++;
    oversight.byType[o.type]++;
    oversight.suggestions += o.suggestionCount ?? 0;
  }

  const byMeeting = new Map<string, LedgerMetrics["appointments"]["byMeeting"][number]>();
  const appointments = {
    batches: 0,
    personTimes: 0,
    byAction: zeros(APPOINTMENT_ACTIONS),
    byMeeting: [] as LedgerMetrics["appointments"]["byMeeting"],
  };
  for (const a of data.Appointments) {
    if (defs.appointmentScope === "standing-committee" && meetingType.get(a.meeting) === "人民代表大会会议")
      continue;
    appointments.personTimes++;
    appointments.byAction[a.action]++;
    let batch = byMeeting.get(a.meeting);
    if (!batch) {
      batch = { meeting: a.meeting, date: a.date, byAction: zeros(APPOINTMENT_ACTIONS), total: 0 };
      byMeeting.set(a.meeting, batch);
    }
    batch.byAction[a.action]++;
    batch.total++;
    if (a.date < batch.date) batch.date = a.date;
  }
  appointments.byMeeting = [...byMeeting.values()].sort((a, b) => a.date.localeCompare(b.date));
  appointments.batches = appointments.byMeeting.length;

  const resolvedSet = new Set<string>(defs.resolved.results);
  const satisfiedSet = new Set<string>(defs.satisfaction.counts);
  const all = handlerStats("合计");
  const handlers = new Map<string, HandlerStats>();
  let key = 0;
  let resolved = 0;
  for (const s of data.Suggestions) {
    let h = handlers.get(s.handler);
    if (!h) {
      h = handlerStats(s.handler);
      handlers.set(s.handler, h);
    }
    if (s.isKey === "是") key++;
    if (s.result && resolvedSet.has(s.result)) resolved++;
    for (const t of [all, h]) {
      t.total++;
      // Answered = a reply date, or a result (a result cannot exist without a reply; the checker warns).
      if (s.answeredOn || s.result) t.answered++;
      if (s.result) t.byResult[s.result]++;
      if (s.satisfaction) {
        t.bySatisfaction[s.satisfaction]++;
        t.responses++;
        if (satisfiedSet.has(s.satisfaction)) t.satisfied++;
      }
    }
  }
  const d = defs.percentDecimals;
  const satisfactionDenominator = defs.satisfaction.denominator === "total" ? all.total : all.responses;
  const byHandler = [...handlers.values()].sort(
    (a, b) => b.total - a.total || a.handler.localeCompare(b.handler, "zh-Hans-CN"),
  );

  const filings = { total: 0, byResult: zeros(FILING_RESULTS) };
  for (const f of data.Filings) {
    filings.total++;
    filings.byResult[f.result]++;
  }
  const deputyActivities = { personTimes: 0, byType: zeros(DEPUTY_ACTIVITY_TYPES) };
  for (const a of data.DeputyActivities) {
    deputyActivities.personTimes += a.personTimes;
    deputyActivities.byType[a.type] += a.personTimes;
  }
  const petitions = { count: 0, referred: 0 };
  for (const p of data.Petitions) {
    petitions.count += p.count;
    if (p.referred === "是") petitions.referred += p.count;
  }

  return {
    year: options.year ?? null,
    definitions: defs,
    meetings,
    agenda,
    oversight,
    appointments,
    suggestions: {
      ...all,
      key,
      resolved,
      answeredRate: percentValue(all.answered, all.total, d),
      resolvedRate: percentValue(resolved, all.total, d),
      satisfactionRate: percentValue(all.satisfied, satisfactionDenominator, d),
      satisfactionDenominator,
      byHandler,
    },
    filings,
    deputyActivities,
    petitions,
    standingMeetings: standing,
  };
}

/** One headline figure of a year, as a report counts it (“召开常委会会议7次”). */
export interface HeadlineFigure {
  /** The noun the report puts before the number. */
  label: string;
  value: number;
  unit: string;
}

/**
 * The figures a report's overview states and compares with the year before (“比上年增加2次”): the same
 * counts `renda lint --ledger` checks, under the same labels.
 */
export function headlineFigures(m: LedgerMetrics): HeadlineFigure[] {
  return [
    { label: "常委会会议", value: m.meetings.standing, unit: "次" },
    { label: "主任会议", value: m.meetings.chairpersons, unit: "次" },
    { label: "专项工作报告", value: m.agenda.byCategory.专项工作报告, unit: "个" },
    { label: "决议决定", value: m.agenda.resolutions, unit: "项" },
    { label: "任免人次", value: m.appointments.personTimes, unit: "人次" },
    { label: "代表建议件数", value: m.suggestions.total, unit: "件" },
    { label: "规范性文件", value: m.filings.total, unit: "件" },
    ...OVERSIGHT_TYPES.map((t) => ({ label: t, value: m.oversight.byType[t], unit: "次" })),
  ];
}

/** This year's headline figures with last year's beside them (from last year's 台账), by label. */
export function yearOnYear(
  current: LedgerMetrics,
  previous: LedgerMetrics,
): (HeadlineFigure & { previous: number })[] {
  const before = new Map(headlineFigures(previous).map((f) => [f.label, f.value]));
  return headlineFigures(current).map((f) => ({ ...f, previous: before.get(f.label) ?? 0 }));
}
