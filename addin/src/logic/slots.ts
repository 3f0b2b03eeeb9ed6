/**
 * Ledger rows → slot contents. core's phrasing (buildSlots over computeMetrics, core/src/phrasing/ledger.ts) is
 * being written and not yet committed; the pane receives the builder as a service, and this interim one
 * fills the overview with plain counts so the add-in's path (import → preview → fill) works end to end.
 * Replace `interimSlots` by core's buildSlots(computeMetrics(data), { kind, year }) when it lands.
 */
import type { DocumentKindId, LedgerData, SlotMap } from "../core.ts";

export type SlotBuilder = (
  data: LedgerData,
  options: { kind: DocumentKindId; year: number | null },
) => SlotMap;

export const interimSlots: SlotBuilder = (data, { kind, year }) => {
  const standing = data.Meetings.filter((m) => m.type === "常委会会议").length;
  const chair = data.Meetings.filter((m) => m.type === "主任会议").length;
  const table = {
    kind: "table" as const,
    caption: kind === "work-plan" ? "常委会会议审议议题安排表" : "常委会会议及审议议题一览表",
    header: ["会议名称", "日期", "议题"],
    rows: data.Agenda.map((a) => [a.meeting, a.date, a.item]),
  };
  if (kind === "work-plan") return data.Agenda.length ? { "meetings-table": table } : {};
  const slots: SlotMap = {
    overview: {
      kind: "paragraphs",
      paragraphs: [
        `${year ? `${year}年，` : ""}共召开常委会会议${standing}次、主任会议${chair}次，审议议题${data.Agenda.length}项，开展监督活动${data.Oversight.length}次，任免国家机关工作人员${data.Appointments.length}人次，督办代表建议${data.Suggestions.length}件。`,
      ],
    },
  };
  if (data.Agenda.length) slots["meetings-table"] = table;
  return slots;
};
