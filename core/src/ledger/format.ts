/**
 * Number formatting per GB/T 15835-2011 (出版物上数字用法): Arabic numerals for counts and percentages,
 * Chinese numerals for the numbering of congresses and meetings ("第十七次会议", "十八届"), one decimal for
 * percentages throughout a document, no thousands separators in body text.
 */

import { toChineseNumeral } from "../outline/numerals.ts";

/** 17 → "十七", 105 → "一百零五": the counting numeral of GB/T 15835-2011, for meeting and session numbers. */
export { toChineseNumeral as chineseNumeral };

/**
 * Meeting names written with Arabic numbering ("第21次会议", "18届") rewritten with Chinese numerals.
 * Returns the input unchanged when nothing needs rewriting.
 */
export function chineseMeetingNumbering(name: string): string {
  return name
    .replace(/第\s*(\d+)\s*次/g, (_, d: string) => `第${toChineseNumeral(Number(d))}次`)
    .replace(/(\d+)\s*届/g, (_, d: string) => `${toChineseNumeral(Number(d))}届`)
    .replace(/届(?:人大)?(\d+)\s*次会议/g, (m: string, d: string) =>
      m.replace(d, toChineseNumeral(Number(d))),
    );
}

/**
 * numerator/denominator as a percentage string rounded half up at `decimals` places ("88.3%"), computed in
 * integers so 53/60 never becomes 88.29999. Returns null for a zero denominator: no rate is better than 0%.
 */
export function formatPercent(numerator: number, denominator: number, decimals = 1): string | null {
  const value = percentValue(numerator, denominator, decimals);
  if (value === null) return null;
  return `${value.toFixed(decimals)}%`;
}

/** The rounded percentage as a number (88.3), half up, or null for a zero denominator. */
export function percentValue(numerator: number, denominator: number, decimals = 1): number | null {
  if (denominator <= 0) return null;
  const scale = 10 ** (decimals + 2);
  const scaled = Math.floor((2 * numerator * scale + denominator) / (2 * denominator));
  return scaled / 10 ** decimals;
}

/** "2025-03-28" → "2025年3月28日" (GB/T 15835: Arabic numerals, no leading zeros, in body text). */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
