import { fromChineseNumber } from "../../outline/numerals.ts";
import { AhoCorasick } from "../engine/aho-corasick.ts";
import { sentenceAround } from "../engine/sentence.ts";
import type { Rule } from "../types.ts";

const UNITS = "个|项|次|件|名|条|篇|场|批|家|期|类|所|户|人次";
const ARABIC = new RegExp(`\\d+(?:余|多)?(${UNITS})`, "g");
const CHINESE = new RegExp(
  `(?<![第每一二三四五六七八九十百零〇两“"])([二三四五六七八九十百两]+)(?:余|多)?(${UNITS})`,
  "g",
);
/** Slogans are written with Chinese numerals whatever the passage (GB/T 15835 §4.2.1). */
const FIXED =
  /^(?:意识|自信|维护|确立|机关|代表|全面|必须坚持|务必|大局|一百年|坚持|没有变|关键|专题教育|统一|同步|协调|转变|作用|方面|环节|优先|清单|责任|规定|注意|禁止|原则)/;

/**
 * 同类别同形式: counts of the same kind in one sentence use one numeral form. "确定5个专题，组织五个专班" mixes them;
 * the Chinese one is flagged (counts are Arabic by default, GB/T 15835 §4.1.1).
 */
export const mixedNumerals: Rule = {
  meta: {
    id: "number/mixed-numerals",
    group: "number",
    description: "同一句中同类计数混用阿拉伯数字和汉字数字（5个专题、五个专班）",
    severity: "warning",
    fixable: true,
    // Counted things in fixed phrases (两个万亿元台阶, 四个问题) keep their Chinese numerals.
    fixSafety: "suggestion",
    source: "GB/T 15835-2011 §5.1.1（同类别同形式）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    // Chinese counts are rare in a report: find them first, then look at their sentence.
    const checked = new Map<number, Set<string>>();
    const candidates: {
      start: number;
      end: number;
      numeral: string;
      unit: string;
      value: number;
      phrase: string;
    }[] = [];
    CHINESE.lastIndex = 0;
    for (let m = CHINESE.exec(text); m; m = CHINESE.exec(text)) {
      const unit = m[2]!;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (FIXED.test(after) || after.startsWith("”")) continue;
      // 两 is the word for two before a measure word (两个万亿元台阶), not a digit with an Arabic twin.
      if (m[1] === "两") continue;
      // “投什么、谁来投、怎么投、如何管”四个问题: the count sums up the quoted list just before it.
      if (text[m.index - 1] === "”") continue;
      const value = fromChineseNumber(m[1]!);
      if (value === null) continue;
      const s = sentenceAround(text, m.index);
      let units = checked.get(s.start);
      if (!units) {
        units = new Set<string>();
        const sentence = text.slice(s.start, s.end);
        ARABIC.lastIndex = 0;
        for (let a = ARABIC.exec(sentence); a; a = ARABIC.exec(sentence)) units.add(a[1]!);
        checked.set(s.start, units);
      }
      if (!units.has(unit)) continue;
      // “六横”指六个横向输水大动脉: the count spells out a numbered abbreviation of the same sentence.
      if (explainsAbbreviation(text, s.start, m.index, m[1]!)) continue;
      const start = m.index;
      candidates.push({
        start,
        end: start + m[1]!.length,
        numeral: m[1]!,
        unit,
        value,
        phrase: m[0] + after.slice(0, 2),
      });
    }
    // 五个新城 named twice in the same form is a fixed name of the document, like 四个意识.
    const recurring = recurringPhrases(
      text,
      candidates.map((c) => c.phrase),
    );
    for (const c of candidates) {
      if (recurring.has(c.phrase)) continue;
      const { start, end, numeral, unit, value } = c;
      ctx.report({
        message: `同一句中同类数字应统一形式：前后有阿拉伯数字的“${unit}”，此处“${numeral}${unit}”宜写作“${value}${unit}”`,
        start,
        end,
        expected: [String(value)],
        fix: { start, end, text: String(value) },
      });
    }
  },
};

/**
 * The phrases (numeral, unit and the two characters after) that occur at least twice in the text. Counted
 * in one pass of a multi-pattern automaton: searching the text once per finding was quadratic.
 */
function recurringPhrases(text: string, phrases: readonly string[]): Set<string> {
  const wanted = [...new Set(phrases.filter((p) => p.length >= 4))];
  const out = new Set<string>();
  if (wanted.length === 0) return out;
  const seen = new Uint8Array(wanted.length);
  AhoCorasick.build(wanted).scan(text, (id) => {
    if (seen[id]! < 2 && ++seen[id]! === 2) out.add(wanted[id]!);
  });
  return out;
}

/** The count right after a quoted term that starts with the same numeral: “六横”指六个. */
function explainsAbbreviation(text: string, from: number, at: number, numeral: string): boolean {
  for (
    let q = text.indexOf(`“${numeral}`, from);
    q !== -1 && q < at;
    q = text.indexOf(`“${numeral}`, q + 1)
  ) {
    const close = text.indexOf("”", q);
    // Only the term the count explains: “六横”指六个, “六横”即六个, “六横”：六个.
    if (close !== -1 && close < at && close - q <= 8 && at - close <= 3) return true;
  }
  return false;
}
