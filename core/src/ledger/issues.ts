import { z } from "zod";

/** One problem found in a ledger file, located at a sheet and cell (or range) where there is one. */
export const LedgerIssue = z.object({
  severity: z.enum(["error", "warning", "info"]),
  /** Stable code, "group/name": file/*, sheet/*, table/*, column/*, cell/*, row/*, ref/*, year/*. */
  code: z.string(),
  sheet: z.string().optional(),
  /** A1 address ("F12") or range ("A5:A7", "A1:H1"). */
  cell: z.string().optional(),
  /** Chinese message without the location; `formatIssue` prefixes "代表建议!F12：". */
  message: z.string(),
  expected: z.array(z.string()).optional(),
  /** Further issues of the same code in the same sheet column, folded into this one to keep reports readable. */
  omitted: z.number().int().positive().optional(),
});
export type LedgerIssue = z.infer<typeof LedgerIssue>;

/** "代表建议!F12：办理结果“已办”不在允许值中（…）" — the form statisticians see everywhere. */
export function formatIssue(issue: LedgerIssue): string {
  const where = issue.sheet ? (issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet) : "";
  const more = issue.omitted ? `（同列另有${issue.omitted}处同类问题未逐一列出）` : "";
  return `${where ? `${where}：` : ""}${issue.message}${more}`;
}

/**
 * Collects issues, folding repeats: a 100,000-row ledger with one wrong column would otherwise produce
 * 100,000 lines nobody reads (and a JSON report of tens of megabytes).
 */
export class IssueCollector {
  readonly issues: LedgerIssue[] = [];
  private readonly firstOfKind = new Map<string, LedgerIssue>();
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxPerKind = 20) {}

  add(issue: LedgerIssue, column?: string): void {
    const kind = `${issue.sheet ?? ""}|${issue.code}|${column ?? ""}`;
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    if (n <= this.maxPerKind) {
      this.issues.push(issue);
      if (n === 1) this.firstOfKind.set(kind, issue);
      return;
    }
    const first = this.firstOfKind.get(kind)!;
    first.omitted = (first.omitted ?? 0) + 1;
  }

  count(severity: LedgerIssue["severity"]): number {
    let n = 0;
    for (const i of this.issues) if (i.severity === severity) n += 1 + (i.omitted ?? 0);
    return n;
  }
}
