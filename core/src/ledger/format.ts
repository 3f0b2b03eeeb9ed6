/**
 * Number formatting per GB/T 15835-2011《出版物上数字用法》: Arabic numerals for counts and percentages,
 * Chinese numerals for the numbering of congresses and meetings ("第十七次会议", "十八届"), one decimal for
 * percentages throughout a document, no thousands separators in body text.
 */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const UNITS = ["", "十", "百", "千"];

/** 17 → "十七", 21 → "二十一", 105 → "一百零五", 1000 → "一千". For meeting and session numbers (< 10000). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return "零";
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += "零";
    zero = false;
    out += DIGITS[d]! + unit;
  });
  // 10–19 read "十X", not "一十X", when the number stands alone.
  return out.startsWith("一十") ? out.slice(1) : out;
}

/**
 * Meeting names written with Arabic numbering ("第21次会议", "18届") rewritten with Chinese numerals.
 * Returns the input unchanged when nothing needs rewriting.
 */
export function chineseMeetingNumbering(name: string): string {
  return name
    .replace(/第\s*(\d+)\s*次/g, (_, d: string) => `第${chineseNumeral(Number(d))}次`)
    .replace(/(\d+)\s*届/g, (_, d: string) => `${chineseNumeral(Number(d))}届`)
    .replace(/届(?:人大)?(\d+)\s*次会议/g, (m: string, d: string) => m.replace(d, chineseNumeral(Number(d))));
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
