import { chineseMeetingNumbering } from "../format.ts";
import type { IssueCollector } from "../issues.ts";
import type { LedgerData, LedgerTableName } from "../schema.ts";
import { closest } from "./closest.ts";
import type { DateRef } from "./sheet.ts";

/**
 * Checks that span rows or sheets, run once the rows are typed: where a row's fields disagree with each other,
 * where one sheet names what another defines, and which year the dates belong to.
 */

/** Where a table's column is in this workbook: its sheet name and its column letter. */
export interface Locate {
  sheetOf(table: LedgerTableName): string;
  letterOf(table: LedgerTableName, key: string): string;
}

/** A result needs a reply, and feedback needs a result: otherwise the rates disagree with each other. */
export function checkSuggestionRow(
  issues: IssueCollector,
  locate: Locate,
  sheet: string,
  r: Record<string, unknown>,
): void {
  const at = (key: string) => `${locate.letterOf("Suggestions", key)}${r.row}`;
  if (r.result && !r.answeredOn)
    issues.add(
      {
        severity: "warning",
        code: "row/result-without-reply",
        sheet,
        cell: at("answeredOn"),
        message: `已填写办理结果“${String(r.result)}”，但没有答复日期（按已答复统计）`,
      },
      "answeredOn",
    );
  if (r.satisfaction && !r.result && !r.answeredOn)
    issues.add(
      {
        severity: "warning",
        code: "row/feedback-without-reply",
        sheet,
        cell: at("satisfaction"),
        message: `已填写满意度“${String(r.satisfaction)}”，但没有办理结果和答复日期`,
      },
      "satisfaction",
    );
}

/** Agenda and appointment rows name their meeting as the Meetings sheet writes it. */
export function checkMeetingRefs(
  issues: IssueCollector,
  locate: Locate,
  data: LedgerData,
  names: ReadonlySet<string>,
): void {
  if (names.size === 0) return;
  const byNumbering = new Map([...names].map((n) => [chineseMeetingNumbering(n), n]));
  for (const table of ["Agenda", "Appointments"] as const) {
    const sheet = locate.sheetOf(table);
    const letter = locate.letterOf(table, "meeting");
    for (const r of data[table]) {
      if (names.has(r.meeting)) continue;
      const close = byNumbering.get(chineseMeetingNumbering(r.meeting)) ?? closest(r.meeting, [...names]);
      issues.add(
        {
          severity: "warning",
          code: "ref/unknown-meeting",
          sheet,
          cell: `${letter}${r.row}`,
          message: `会议名称“${r.meeting}”在“会议”表中找不到${close ? `，是否为“${close}”？` : ""}（统计批次和一览表按会议名称对应）`,
          ...(close ? { expected: [close] } : {}),
        },
        letter,
      );
    }
  }
}

/** Congress terms and meeting numbers in Chinese numerals (GB/T 15835-2011《出版物上数字用法》). */
export function checkMeetingNumbering(issues: IssueCollector, locate: Locate, data: LedgerData): void {
  const sheet = locate.sheetOf("Meetings");
  const letter = locate.letterOf("Meetings", "name");
  for (const m of data.Meetings) {
    const fixed = chineseMeetingNumbering(m.name);
    if (fixed === m.name) continue;
    issues.add(
      {
        severity: "warning",
        code: "cell/meeting-numbering",
        sheet,
        cell: `${letter}${m.row}`,
        message: `会议名称“${m.name}”的届次、会次应使用汉字数字，如“${fixed}”（GB/T 15835-2011）`,
        expected: [fixed],
      },
      letter,
    );
  }
}

/** The ledger year (given, else the most frequent year of its dates), and every date outside it. */
export function checkYear(
  issues: IssueCollector,
  dates: readonly DateRef[],
  optionYear?: number,
): { year: number; source: "option" | "inferred" } | null {
  const year = optionYear ?? inferYear(dates);
  if (year === null) return null;
  const source = optionYear ? "option" : "inferred";
  if (source === "inferred")
    issues.add({
      severity: "info",
      code: "year/inferred",
      message: `未指定年度，按台账中的日期推定为${year}年`,
    });
  for (const d of dates) {
    if (!d.iso.startsWith(`${year}-`))
      issues.add(
        {
          severity: "error",
          code: "cell/date-out-of-year",
          sheet: d.sheet,
          cell: d.cell,
          message: `日期${d.iso}不在${year}年内`,
        },
        d.cell.replace(/\d+$/, ""),
      );
  }
  return { year, source };
}

function inferYear(dates: readonly DateRef[]): number | null {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.iso.slice(0, 4), (counts.get(d.iso.slice(0, 4)) ?? 0) + 1);
  let best: string | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)!) best = y;
  return best === null ? null : Number(best);
}
