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

const SMALL = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (as numbering markers are written). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return SMALL[n]!;
  if (n < 20) return `十${n % 10 === 0 ? "" : SMALL[n % 10]}`;
  if (n < 100) return `${SMALL[Math.floor(n / 10)]}十${n % 10 === 0 ? "" : SMALL[n % 10]}`;
  const rest = n % 100;
  const head = `${SMALL[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  return rest < 10 ? `${head}零${SMALL[rest]}` : `${head}${rest < 20 ? "一" : ""}${toChineseNumeral(rest)}`;
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
