import { describe, expect, it } from "vitest";
import { chineseNumeral } from "../../core/src/ledger/format.ts";
import { lint } from "../../core/src/lint.ts";
import {
  chineseNumeralValue,
  fromChineseNumber,
  toChineseDigits,
  toChineseNumeral,
} from "../../core/src/outline/numerals.ts";

// GB/T 15835-2011 (出版物上数字用法): a number used as a quantity reads its zero as 零 (3052 → 三千零五十二);
// a number written digit by digit, as a year or serial number is, writes 〇 (2012 → 二〇一二).
describe("Chinese numerals: the two readings of zero", () => {
  it("reads a counting numeral with 零", () => {
    const cases: [number, string][] = [
      [0, "零"],
      [1, "一"],
      [10, "十"],
      [12, "十二"],
      [20, "二十"],
      [105, "一百零五"],
      [110, "一百一十"],
      [115, "一百一十五"],
      [1005, "一千零五"],
      [1010, "一千零一十"],
      [1500, "一千五百"],
      [3052, "三千零五十二"],
    ];
    for (const [n, text] of cases) expect(toChineseNumeral(n), String(n)).toBe(text);
  });

  it("writes years and serial numbers digit by digit with 〇", () => {
    expect(toChineseDigits(2025)).toBe("二〇二五");
    expect(toChineseDigits(2012)).toBe("二〇一二");
    expect(toChineseDigits("058")).toBe("〇五八");
  });

  it("leaves what it cannot spell in Arabic digits", () => {
    expect(toChineseNumeral(10000)).toBe("10000");
    expect(toChineseNumeral(2.5)).toBe("2.5");
    expect(toChineseDigits("20-25")).toBe("20-25");
  });

  it("reads back every counting numeral it writes", () => {
    for (let n = 1; n <= 999; n++) {
      expect(chineseNumeralValue(toChineseNumeral(n)), String(n)).toBe(n);
      expect(fromChineseNumber(toChineseNumeral(n)), String(n)).toBe(n);
    }
  });

  it("accepts the standard spellings of a count and refuses approximations", () => {
    expect(fromChineseNumber("一百〇五")).toBe(105);
    expect(fromChineseNumber("两")).toBe(2);
    expect(fromChineseNumber("两百")).toBe(200);
    expect(fromChineseNumber("一十五")).toBe(15);
    expect(fromChineseNumber("三四")).toBeNull();
    expect(fromChineseNumber("一百十五")).toBeNull();
    expect(fromChineseNumber("十几")).toBeNull();
  });

  it("is the one reading the ledger phrasing and the meeting-numbering fix use", () => {
    expect(chineseNumeral).toBe(toChineseNumeral);
    const result = lint("县人大常委会第105次会议审议了报告。");
    const d = result.diagnostics.find((x) => x.ruleId === "number/meeting-numerals");
    expect(d?.fix?.text).toBe("一百零五");
  });
});
