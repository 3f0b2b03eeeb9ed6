/** Chinese digit characters and their values (〇 and 零 both 0; 两 2 as in 两个). */
export const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 999 (一, 十二, 二十, 一百零五); NaN if it is not one. */
export function chineseNumeralValue(s: string): number {
  if (s.length === 0) return Number.NaN;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      current = DIGITS[ch]!;
    } else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else {
      return Number.NaN;
    }
  }
  return total + current;
}

/**
 * The one place numbers become Chinese numerals, in the two readings GB/T 15835-2011 (出版物上数字用法)
 * distinguishes for zero: a counting numeral (计量, and the ordinal numbering of congresses, meetings and
 * outline markers built from it) reads its zero as 零 — 3052 → 三千零五十二, 105 → 一百零五 — while a number
 * read digit by digit (编号, years) writes 〇 — 2012 → 二〇一二.
 */
const COUNTING_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const DIGIT_BY_DIGIT = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const UNITS = ["", "十", "百", "千"];

/**
 * A counting numeral: 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 1000 → 一千, 0 → 零.
 * Up to 9999 (meeting, session and marker numbers); anything else comes back in Arabic digits.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return COUNTING_DIGITS[0]!;
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = true;
      return;
    }
    // One 零 stands for any run of zeros between two digits (1005 → 一千零五), none at the end (1500 → 一千五百).
    if (zero && out) out += COUNTING_DIGITS[0];
    zero = false;
    out += COUNTING_DIGITS[d]! + UNITS[digits.length - 1 - i]!;
  });
  // 10–19 read "十X", not "一十X", when the number stands alone (but 一百一十 inside a larger one).
  return out.startsWith("一十") ? out.slice(1) : out;
}

/** Digit by digit, as years and serial numbers are written: 2025 → 二〇二五, "058" → 〇五八. */
export function toChineseDigits(n: number | string): string {
  const s = String(n);
  if (!/^\d+$/.test(s)) return s;
  return [...s].map((d) => DIGIT_BY_DIGIT[Number(d)]!).join("");
}

/**
 * A count written as a numeral in its standard form (五, 十七, 二十, 两, 一百零五, 一百〇五, 两百): its value;
 * null for anything else, notably approximations (三四, 十几) that read as no single number. Up to 999.
 */
export function fromChineseNumber(s: string): number | null {
  if (!/^[〇零一二三四五六七八九两十百]+$/.test(s)) return null;
  const value = chineseNumeralValue(s);
  if (!(value > 0) || value > 999) return null;
  // Accept exactly the standard spellings: either zero, 两 for a leading 2, and 一十 for 十.
  const standard = s
    .replace(/〇/g, "零")
    .replace(/^两(?=百|$)/, "二")
    .replace(/^一十/, "十");
  return toChineseNumeral(value) === standard ? value : null;
}

/** Full-width digits (０-９) to ASCII, for reading markers typed with a Chinese input method. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
export function circledValue(ch: string): number {
  const i = CIRCLED.indexOf(ch);
  return i === -1 ? Number.NaN : i + 1;
}
export function toCircled(n: number): string {
  return CIRCLED[n - 1] ?? String(n);
}
