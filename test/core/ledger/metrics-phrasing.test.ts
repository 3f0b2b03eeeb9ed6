import { describe, expect, it } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { chineseMeetingNumbering, chineseNumeral, formatPercent } from "../../../core/src/ledger/format.ts";
import { computeMetrics, MetricDefinitions } from "../../../core/src/ledger/metrics.ts";
import { writeLedgerWorkbook } from "../../../core/src/ledger/template.ts";
import { lint } from "../../../core/src/lint.ts";
import { joinCounted, joinNames, sentence } from "../../../core/src/phrasing/join.ts";
import { buildSlots, overviewSentence, suggestionsSentences } from "../../../core/src/phrasing/ledger.ts";
import type { SlotContent } from "../../../core/src/phrasing/slots.ts";
import { smallLedger } from "./fixtures.ts";

async function smallMetrics(definitions = {}) {
  const r = await checkLedger(await writeLedgerWorkbook(smallLedger()), { year: 2025 });
  return computeMetrics(r.data, { year: 2025, definitions });
}

/** Text the slot puts into the document: paragraphs, or caption, note and cells of a table. */
function textsOf(c: SlotContent): string[] {
  return c.kind === "paragraphs"
    ? c.paragraphs
    : [c.caption ?? "", c.note ?? "", ...c.header, ...c.rows.flat()];
}

describe("number formatting (GB/T 15835-2011)", () => {
  it("writes meeting numbering in Chinese numerals", () => {
    expect([1, 10, 17, 20, 21, 100, 105, 110].map(chineseNumeral)).toEqual([
      "一",
      "十",
      "十七",
      "二十",
      "二十一",
      "一百",
      "一百零五",
      "一百一十",
    ]);
    expect(chineseMeetingNumbering("县18届人大常委会第21次会议")).toBe("县十八届人大常委会第二十一次会议");
    expect(chineseMeetingNumbering("县十八届人大5次会议")).toBe("县十八届人大五次会议");
  });

  it("rounds percentages half up in exact arithmetic, one decimal by default", () => {
    expect(formatPercent(53, 60)).toBe("88.3%");
    expect(formatPercent(11, 12)).toBe("91.7%");
    expect(formatPercent(1, 8)).toBe("12.5%");
    expect(formatPercent(1, 8, 0)).toBe("13%");
    expect(formatPercent(1, 3, 2)).toBe("33.33%");
    expect(formatPercent(1, 0)).toBeNull();
  });

  it("joins lists as a drafter would, dropping empty items", () => {
    expect(joinCounted(["常委会会议7次", null, "主任会议12次"])).toBe("常委会会议7次、主任会议12次");
    expect(joinNames(["执法检查", "视察", "调研"])).toBe("执法检查、视察和调研");
    expect(joinNames(["执法检查", "视察"])).toBe("执法检查和视察");
    expect(sentence([null, ""])).toBe("");
  });
});

describe("metrics from the hand-counted small ledger", () => {
  it("counts meetings, agenda, oversight, appointments, suggestions, filings, activities, petitions", async () => {
    const m = await smallMetrics();
    expect(m.meetings).toEqual({ congress: 1, standing: 3, chairpersons: 2 });
    expect(m.agenda.total).toBe(7);
    expect(m.agenda.byCategory).toMatchObject({
      专项工作报告: 3,
      计划预算决算: 1,
      审计: 1,
      决议决定: 1,
      人事任免: 1,
    });
    expect(m.agenda.resolutions).toBe(2);
    expect(m.oversight).toMatchObject({ total: 7, suggestions: 35 });
    expect(m.oversight.byType).toMatchObject({ 执法检查: 2, 视察: 1, 调研: 3, 专题询问: 1, 工作评议: 0 });
    // The election at the people's congress is the congress's act, not the standing committee's.
    expect(m.appointments).toMatchObject({ batches: 2, personTimes: 5 });
    expect(m.appointments.byAction).toMatchObject({ 任命: 3, 免职: 1, 接受辞职: 1, 选举: 0 });
    expect(m.suggestions).toMatchObject({
      total: 12,
      key: 2,
      answered: 11,
      resolved: 6,
      responses: 11,
      satisfied: 10,
      answeredRate: 91.7,
      resolvedRate: 50,
      satisfactionRate: 90.9,
    });
    expect(m.suggestions.byHandler.map((h) => [h.handler, h.total, h.answered, h.satisfied])).toEqual([
      ["县交通运输局", 5, 4, 4],
      ["县教育局", 4, 4, 3],
      ["县卫生健康局", 3, 3, 3],
    ]);
    expect(m.filings).toEqual({ total: 3, byResult: { 无问题: 2, 已纠正: 1, 督促修改: 0 } });
    expect(m.deputyActivities.personTimes).toBe(175);
    expect(m.petitions).toEqual({ count: 15, referred: 10 });
  });

  it("follows the configured definitions: broad 解决, 满意 only, all appointments", async () => {
    const m = await smallMetrics({
      resolved: { results: ["已解决", "计划解决"] },
      satisfaction: { counts: ["满意"] },
      appointmentScope: "all",
    });
    expect(m.suggestions).toMatchObject({
      resolved: 8,
      resolvedRate: 66.7,
      satisfied: 8,
      satisfactionRate: 72.7,
    });
    expect(m.appointments).toMatchObject({ batches: 3, personTimes: 6 });
  });

  it("rejects definitions that make no sense", () => {
    expect(MetricDefinitions.safeParse({ resolved: { results: ["已办"] } }).success).toBe(false);
    expect(MetricDefinitions.safeParse({ percentDecimals: 5 }).success).toBe(false);
    expect(MetricDefinitions.safeParse({ satisfaction: { counts: [] } }).success).toBe(false);
  });
});

describe("phrasing from ledger metrics", () => {
  it("writes the overview sentence with zero items left out", async () => {
    expect(overviewSentence(await smallMetrics(), 2025)).toBe(
      "2025年，共召开常委会会议3次、主任会议2次，听取和审议专项工作报告3个、计划预算决算报告1个、审计工作报告1个，作出决议决定2项，开展执法检查2次、视察1次、调研3次、专题询问1次，审查报备的规范性文件3件，依法任免国家机关工作人员2批5人次。",
    );
  });

  it("labels the 解决 figure by its definition and states what the 满意率 counts", async () => {
    expect(suggestionsSentences(await smallMetrics(), 2025)).toEqual([
      "2025年，交办代表建议12件，其中重点建议2件。承办单位已办理答复11件，办结率91.7%；所提问题已经解决或基本解决的6件，占建议总数的50.0%；代表反馈意见11件，其中表示满意或基本满意的10件，满意率90.9%。",
    ]);
    const broad = await smallMetrics({
      resolved: { results: ["已解决", "计划解决"] },
      satisfaction: { counts: ["满意"], denominator: "total" },
    });
    expect(suggestionsSentences(broad, 2025)[0]).toBe(
      "2025年，交办代表建议12件，其中重点建议2件。承办单位已办理答复11件，办结率91.7%；所提问题得到解决或计划逐步解决的8件，占建议总数的66.7%；代表表示满意的8件，占建议总数的66.7%。",
    );
  });

  it("omits clauses whose figures are zero instead of writing 0次", async () => {
    const m = await smallMetrics();
    m.meetings.chairpersons = 0;
    m.oversight.byType.调研 = 0;
    m.agenda.resolutions = 0;
    m.filings.total = 0;
    const s = overviewSentence(m, 2025);
    expect(s).toBe(
      "2025年，共召开常委会会议3次，听取和审议专项工作报告3个、计划预算决算报告1个、审计工作报告1个，开展执法检查2次、视察1次、专题询问1次，依法任免国家机关工作人员2批5人次。",
    );
    expect(s).not.toMatch(/0[次个件项]/);
  });

  it("builds the slot map: sentences and the three tables", async () => {
    const slots = buildSlots(await smallMetrics(), { kind: "work-report", year: 2025 });
    expect(Object.keys(slots).sort()).toEqual(
      [
        "appointments-table",
        "deputy-activities",
        "meetings-table",
        "overview",
        "petitions",
        "suggestions",
        "suggestions-table",
      ].sort(),
    );
    expect(slots["suggestions-table"]).toEqual({
      kind: "table",
      caption: "代表建议办理情况统计表",
      header: [
        "承办单位",
        "件数",
        "已答复",
        "已解决",
        "正在解决",
        "计划解决",
        "留作参考",
        "满意",
        "基本满意",
        "不满意",
        "满意率",
      ],
      rows: [
        ["县交通运输局", "5", "4", "2", "1", "1", "0", "3", "1", "0", "100.0%"],
        ["县教育局", "4", "4", "2", "0", "1", "1", "2", "1", "1", "75.0%"],
        ["县卫生健康局", "3", "3", "2", "1", "0", "0", "3", "0", "0", "100.0%"],
        ["合计", "12", "11", "6", "2", "2", "1", "8", "2", "1", "90.9%"],
      ],
      note: "注：满意率为代表表示满意或基本满意的件数占反馈意见件数的比例；“—”表示暂无反馈。",
    });
    expect(slots["meetings-table"]).toMatchObject({
      caption: "常委会会议及审议议题一览表",
      header: ["序号", "会议", "日期", "审议议题"],
    });
    const meetings = (slots["meetings-table"] as { rows: string[][] }).rows;
    expect(meetings.map((r) => r.slice(0, 3))).toEqual([
      ["1", "县十八届人大常委会第二十次会议", "2025年2月20日"],
      ["2", "县十八届人大常委会第二十一次会议", "2025年4月25日"],
      ["3", "县十八届人大常委会第二十二次会议", "2025年6月27日"],
    ]);
    expect(meetings[1]![3]).toBe(
      "县人民法院关于加强诉源治理工作情况的报告；关于批准2024年县级财政决算的决议（草案）",
    );
    expect(slots["appointments-table"]).toEqual({
      kind: "table",
      caption: "任免情况统计表",
      header: ["序号", "会议", "日期", "任命", "免职", "接受辞职", "合计（人次）"],
      rows: [
        ["1", "县十八届人大常委会第二十次会议", "2025年2月20日", "2", "1", "0", "3"],
        ["2", "县十八届人大常委会第二十二次会议", "2025年6月27日", "1", "0", "1", "2"],
        ["", "合计2批", "", "3", "1", "1", "5"],
      ],
    });
    expect(slots["deputy-activities"]).toEqual({
      kind: "paragraphs",
      paragraphs: ["组织代表列席常委会会议25人次、参加视察调研30人次、参加履职培训120人次。"],
    });
    expect(slots.petitions).toEqual({
      kind: "paragraphs",
      paragraphs: ["受理群众来信来访15件次，其中转交有关机关办理10件次。"],
    });
  });

  it("gives a work plan only the table of planned meetings", async () => {
    const slots = buildSlots(await smallMetrics(), { kind: "work-plan", year: 2026 });
    expect(Object.keys(slots)).toEqual(["meetings-table"]);
    expect(slots["meetings-table"]).toMatchObject({ caption: "常委会会议审议议题安排表" });
  });

  it("generated text passes our own lint with no findings", async () => {
    for (const definitions of [
      {},
      { resolved: { results: ["已解决", "计划解决"] }, appointmentBatch: "none" },
    ]) {
      const slots = buildSlots(await smallMetrics(definitions), { kind: "work-report", year: 2025 });
      for (const [name, content] of Object.entries(slots)) {
        for (const text of textsOf(content).filter((t) => t.length > 0)) {
          // A slot is a fragment, not a whole report: the whole-document section checks do not apply to it.
          const found = lint(text, {
            kind: "work-report",
            year: 2025,
            severity: { section: "off" },
          }).diagnostics;
          expect(found.map((d) => `${name}: ${d.ruleId} ${d.message} «${text}»`)).toEqual([]);
        }
      }
    }
  });
});
