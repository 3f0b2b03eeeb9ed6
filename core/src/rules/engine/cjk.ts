/** Han ideographs (BMP blocks; reports use no supplementary-plane characters in practice). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Han ideographs and the full-width marks that sit between them (“” 《》 、。 （） —— ……). */
export function isCjk(code: number): boolean {
  return (
    isHan(code) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2018 && code <= 0x201f) ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7
  );
}

const CN_DIGITS = "〇一二三四五六七八九";

/** 17 → 十七, 30 → 三十, 105 → 一百〇五: the numerals GB/T 15835 wants in meeting names. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += "〇";
    zero = false;
    out += CN_DIGITS[d] + unit;
  });
  return out;
}

/** 五 → 5, 十七 → 17, 二十 → 20, 两 → 2; null for anything else (approximations like 三四, 百余). */
export function fromChineseNumber(s: string): number | null {
  const d = (c: string) => (c === "两" ? 2 : CN_DIGITS.indexOf(c));
  if (s.length === 1) {
    if (s === "十") return 10;
    const v = d(s);
    return v > 0 ? v : null;
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? d(m[1]) : 1) * 10 + (m[2] ? d(m[2]) : 0);
  const h =
    /^([一二三四五六七八九两])百(?:([一二三四五六七八九])十|〇([一二三四五六七八九]))?([一二三四五六七八九])?$/.exec(
      s,
    );
  if (h) return d(h[1]!) * 100 + (h[2] ? d(h[2]) * 10 : 0) + (h[3] ? d(h[3]) : 0) + (h[4] ? d(h[4]) : 0);
  return null;
}
