/** Ledger sheets for the Excel stand-in, from core's schema: valid rows, dates as serials in date format. */
import { LEDGER_TABLES } from "../../../addin/src/core.ts";
import { type Cell, letters, type XSheet } from "./excel.ts";

const serial = (iso: string) =>
  Date.UTC(
    ...((iso.split("-").map(Number) as [number, number, number]).map((v, i) => (i === 1 ? v - 1 : v)) as [
      number,
      number,
      number,
    ]),
  ) /
    86400000 +
  25569;

function sampleValue(key: string, type: string, values: readonly string[] | undefined, i: number): Cell {
  if (type === "date")
    return serial(`2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`);
  if (type === "integer") return (i % 9) + 1;
  if (type === "enum") return values![i % values!.length]!;
  if (key === "name" || key === "meeting") return `县十八届人大常委会第${"一二三四五六七八九"[i % 9]}次会议`;
  if (key === "id") return `J${String(i + 1).padStart(5, "0")}`;
  return `${key}${i + 1}`;
}

export function ledgerSheets(rows: number): XSheet[] {
  return LEDGER_TABLES.map((def) => {
    const header = def.columns.map((c) => c.header);
    const body: Cell[][] = [];
    const n = def.table === "Meetings" ? Math.min(rows, 9) : rows;
    for (let i = 0; i < n; i++) body.push(def.columns.map((c) => sampleValue(c.key, c.type, c.values, i)));
    const formats = [
      header.map(() => "General"),
      ...body.map(() => def.columns.map((c) => (c.type === "date" ? "yyyy-mm-dd" : "General"))),
    ];
    return {
      name: def.sheet,
      cells: [header, ...body],
      formats,
      tables: [{ name: def.table, ref: `A1:${letters(def.columns.length)}${Math.max(2, n + 1)}` }],
      merges: [],
    };
  });
}
