import type ExcelJS from "exceljs";
import type { LedgerIssue } from "../issues.ts";
import type { ColumnDef } from "../schema.ts";
import { closest } from "./closest.ts";

/** Reports one problem of the cell being read (its sheet and address are the caller's). */
export type CellReport = (
  severity: LedgerIssue["severity"],
  code: string,
  message: string,
  expected?: string[],
) => void;

/**
 * Converts one cell to its column's type: formulas read through their saved result, text numbers and text dates
 * accepted with a warning, blanks checked against the column's required flag. Undefined means an error was
 * reported and the row is not usable; a date comes back as its ISO calendar date.
 */
export function readCell(c: ColumnDef, raw: ExcelJS.CellValue | undefined, report: CellReport): unknown {
  let v: unknown = raw ?? null;
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const formula = String(o.formula ?? o.sharedFormula ?? "");
      if (o.result === undefined || o.result === null) {
        report(
          "error",
          "cell/formula-no-result",
          `单元格为公式（=${formula}），文件中没有保存计算结果；请在Excel中打开并保存后再检查，或改为填写数值`,
        );
        return undefined;
      }
      const r = o.result as Record<string, unknown>;
      if (typeof r === "object" && r !== null && "error" in r) {
        report("error", "cell/error-value", `公式（=${formula}）的结果为错误值${String(r.error)}`);
        return undefined;
      }
      report(
        "info",
        "cell/formula",
        `单元格为公式（=${formula}），已按保存的计算结果“${displayValue(o.result)}”读取；台账宜直接填写数值`,
      );
      v = o.result;
    } else if ("error" in o) {
      report("error", "cell/error-value", `单元格为错误值${String(o.error)}`);
      return undefined;
    } else if ("richText" in o || "text" in o) {
      v = cellText(v as ExcelJS.CellValue);
    }
  }
  if (typeof v === "string") {
    v = v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
    if (v === "") v = null;
  }
  if (v === null) {
    if (c.requiredCell) {
      report("error", "cell/required", `${c.header}为必填项，此处为空`);
      return undefined;
    }
    return null;
  }
  switch (c.type) {
    case "text":
      if (v instanceof Date) return isoOf(v);
      return String(v);
    case "enum": {
      const s = String(v);
      if (c.values!.includes(s)) return s;
      const compact = s.replace(/[\s\u3000]/g, "");
      if (c.values!.includes(compact)) return compact;
      const close = closest(s, c.values!);
      report(
        "error",
        "cell/not-in-list",
        `${c.header}“${s}”不在允许值中（${c.values!.join("/")}）`,
        close ? [close] : [...c.values!],
      );
      return undefined;
    }
    case "integer": {
      if (typeof v === "number") {
        if (Number.isInteger(v) && v >= 0) return v;
        report("error", "cell/type", `${c.header}应为不小于0的整数，此处为${v}`);
        return undefined;
      }
      const s = toHalfWidthDigits(String(v));
      if (/^\d+$/.test(s)) {
        report(
          "warning",
          "cell/number-as-text",
          `数字“${String(v)}”以文本形式存储，已按${Number(s)}读取；请转换为数字（Excel：选中单元格—“转换为数字”）`,
        );
        return Number(s);
      }
      report("error", "cell/type", `${c.header}应为整数，此处为“${String(v)}”`);
      return undefined;
    }
    case "date": {
      let iso: string | null = null;
      if (v instanceof Date) iso = isoOf(v);
      else if (typeof v === "number") {
        if (v >= 1 && v < 2958466) {
          iso = isoOf(new Date(Math.round((v - 25569) * 86400000)));
          report(
            "warning",
            "cell/date-serial",
            `日期以数字${v}存储、未设置日期格式，已按${iso}读取；请把单元格格式设为日期`,
          );
        }
      } else if (typeof v === "string") {
        iso = parseDateText(toHalfWidthDigits(v));
        if (iso)
          report(
            "warning",
            "cell/date-as-text",
            `日期“${v}”以文本形式存储，已按${iso}读取；请改为日期格式（如${iso}）`,
          );
      }
      if (!iso) {
        report("error", "cell/type", `${c.header}应为日期，此处为“${displayValue(v)}”`);
        return undefined;
      }
      return iso;
    }
  }
}

export function isBlank(v: ExcelJS.CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.trim() === "";
  if (typeof v === "object" && !(v instanceof Date) && "richText" in v)
    return v.richText.every((r) => r.text.trim() === "");
  return false;
}

export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoOf(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
  return "";
}

export function displayValue(v: unknown): string {
  if (v instanceof Date) return isoOf(v);
  if (typeof v === "object" && v !== null) return cellText(v as ExcelJS.CellValue);
  return String(v);
}

export function normalizeHeader(s: string): string {
  return s.replace(/[\s\u3000]/g, "");
}

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

/** Calendar date of an exceljs date (which stores dates as UTC midnight). */
export function isoOf(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** "2025-3-28", "2025/03/28", "2025.3.28", "2025年3月28日" → "2025-03-28"; anything else → null. */
export function parseDateText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoOf(date);
}
