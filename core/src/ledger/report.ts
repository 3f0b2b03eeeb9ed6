import type { LedgerCheckResult } from "./check.ts";
import { formatIssue } from "./issues.ts";
import { LEDGER_TABLES } from "./schema.ts";

const LABEL = { error: "错误", warning: "警告", info: "提示" } as const;

/** Human report: one line per issue ("错误  代表建议!F12：…"), then a summary line naming the file. */
export function renderHuman(result: LedgerCheckResult): string {
  const lines: string[] = [`${result.file}`];
  for (const issue of result.issues) lines.push(`  ${LABEL[issue.severity]}  ${formatIssue(issue)}`);
  if (result.usable) {
    const rows = LEDGER_TABLES.map((t) => `${t.sheet}${result.rowCounts[t.table]}行`).join("、");
    lines.push(`  已读取：${rows}${result.year ? `；年度${result.year}年` : ""}`);
  }
  const { error, warning, info } = result.counts;
  lines.push(
    error + warning + info === 0
      ? "台账检查通过，未发现问题。"
      : `共发现错误${error}处、警告${warning}处、提示${info}处。${error > 0 ? "请修改错误后再生成报告数据。" : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

/** Machine report: stable field names, issues with sheet/cell, counts; the typed rows are left out. */
export function renderJson(result: LedgerCheckResult): string {
  const { data: _data, ...rest } = result;
  return `${JSON.stringify(
    {
      ...rest,
      issues: result.issues.map((i) => ({ ...i, text: formatIssue(i) })),
    },
    null,
    2,
  )}\n`;
}
