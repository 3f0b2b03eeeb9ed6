import type { IssueCollector } from "../issues.ts";
import { LEDGER_TABLES, type TableDef } from "../schema.ts";
import { INSTRUCTIONS_SHEET } from "../template.ts";
import type { SheetInfo } from "../zip.ts";
import { closest } from "./closest.ts";

/** Sheets the checker knows are not ledger tables: our instructions and the add-in's summary sheet. */
const OWN_SHEETS = new Set([INSTRUCTIONS_SHEET, "汇总"]);

export interface PlannedSheet {
  def: TableDef;
  info: SheetInfo;
}

/** Maps workbook sheets to ledger tables by sheet name, then table name, then the closest sheet name. */
export function planSheets(sheets: readonly SheetInfo[], issues: IssueCollector): Map<string, PlannedSheet> {
  const planned = new Map<string, PlannedSheet>();
  const free = new Map(sheets.map((s) => [s.name, s]));
  const missing: TableDef[] = [];
  for (const def of LEDGER_TABLES) {
    const s = free.get(def.sheet);
    if (s) {
      planned.set(s.name, { def, info: s });
      free.delete(s.name);
    } else missing.push(def);
  }
  for (const def of missing) {
    const byTable = [...free.values()].find((s) => s.tables.some((t) => t.name === def.table));
    if (byTable) {
      issues.add({
        severity: "warning",
        code: "sheet/renamed",
        sheet: byTable.name,
        message: `工作表名称应为“${def.sheet}”（其中的表格${def.table}已按“${def.sheet}”检查）`,
        expected: [def.sheet],
      });
      planned.set(byTable.name, { def, info: byTable });
      free.delete(byTable.name);
      continue;
    }
    const close = closest(
      def.sheet,
      [...free.keys()].filter((n) => !OWN_SHEETS.has(n)),
    );
    if (close) {
      issues.add({
        severity: "error",
        code: "sheet/renamed",
        sheet: close,
        message: `缺少工作表“${def.sheet}”；工作表“${close}”像是它，已按“${def.sheet}”检查，请改回标准名称`,
        expected: [def.sheet],
      });
      planned.set(close, { def, info: free.get(close)! });
      free.delete(close);
      continue;
    }
    issues.add({
      severity: "error",
      code: "sheet/missing",
      sheet: def.sheet,
      message: `缺少工作表“${def.sheet}”（表格${def.table}）；可用“renda ledger template”生成的模板补上`,
      expected: [def.sheet],
    });
  }
  for (const name of free.keys()) {
    if (OWN_SHEETS.has(name)) continue;
    issues.add({
      severity: "info",
      code: "sheet/extra",
      sheet: name,
      message: "不是台账标准工作表，检查和统计时忽略",
    });
  }
  return planned;
}
