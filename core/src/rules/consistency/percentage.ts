import { sentenceAround } from "../engine/sentence.ts";
import type { Rule } from "../types.ts";

const PERCENT = /(?:占[^，。；,;%]{0,20}?|(?:率|比例|比重)(?:为|达到|达|是)?)(\d+(?:\.\d+)?)%/g;
/** A count: not the decimals of a rate, not “个百分点” (a difference of rates) or “个月” (a duration). */
const COUNT =
  /(超过|超|逾|近|约)?(?<![\d.])(\d+)(余|多)?(件|人次|人|个(?!百分点|月)|条|项|次|名|篇|家|户|批)/g;

/** Rate names whose value is not a share of counted items (growth, contribution, policy or price rates). */
const OTHER_RATE = /(?:贡献|增长|城镇化|报销|自给|利|税|汇|费|折旧|失业)(?:率|比例)/;

interface Count {
  value: number;
  unit: string;
  at: number;
}

/** Does part/whole, written with `decimals` digits, give `written`? Rounding up, down or to nearest all pass. */
function agrees(part: number, whole: number, written: number, decimals: number): boolean {
  const exact = (part / whole) * 100;
  return Math.abs(exact - written) < 10 ** -decimals - 1e-9;
}

/** Is there a clause break (，；：) between two offsets of the sentence, not just a 顿号? */
function clauseBetween(sentence: string, a: number, b: number): boolean {
  return /[，；：,;:]/.test(sentence.slice(Math.min(a, b), Math.max(a, b)));
}

/**
 * Is the part the percentage measures one of the sentence's counts, with its whole beside it? “X占Y的N%” with
 * its own subject X in the clause (冻鳟鱼出口占全国同类产品出口总值的98.5%) measures X, so a count elsewhere in
 * the sentence is not its part; a clause-initial 占 measures the count just before it (已办结108件，占85%), and
 * when that count is the largest of its unit (审批项目总数达到2497项，占原有审批项目的69.3%) the whole lies
 * outside the sentence.
 */
function partInSentence(
  sentence: string,
  at: number,
  share: boolean,
  counts: Count[],
  byUnit: Map<string, Count[]>,
): boolean {
  const clauseStart = Math.max(...[...CLAUSE_MARKS].map((c) => sentence.lastIndexOf(c, at - 1))) + 1;
  const before = counts.filter((c) => c.at < at);
  if (
    share &&
    /\p{Script=Han}/u.test(sentence.slice(clauseStart, at)) &&
    !before.some((c) => c.at >= clauseStart)
  ) {
    return false;
  }
  const subject = before.at(-1);
  if (!subject) return true;
  const same = byUnit.get(subject.unit) ?? [];
  return same.some((c) => c.value > subject.value);
}

const CLAUSE_MARKS = "，；：,;:";

/**
 * "建议120件……已办结108件，占85%": 108/120 is 90%, the sentence contradicts itself. The percentage is checked
 * against every pair of counts of one unit in its sentence; any pair that gives it, at the precision written,
 * makes it consistent. Approximate counts (100多件) are not checked.
 */
export const percentageConsistency: Rule = {
  meta: {
    id: "consistency/percentage",
    group: "consistency",
    description: "百分比与同句中的件数、人数对不上（允许按所写精度四舍五入）",
    severity: "error",
    fixable: false,
    fixSafety: "suggestion",
    source: "统计核对：百分比＝部分÷总数，按所写位数修约（GB/T 8170-2008 数值修约规则）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    let lastSentence = -1;
    for (let p = text.indexOf("%"); p !== -1; p = text.indexOf("%", p + 1)) {
      const bounds = sentenceAround(text, p);
      if (bounds.start === lastSentence) continue;
      lastSentence = bounds.start;
      const s = { index: bounds.start };
      const sentence = text.slice(bounds.start, bounds.end);
      const counts: Count[] = [];
      let approximate = false;
      COUNT.lastIndex = 0;
      for (let m = COUNT.exec(sentence); m; m = COUNT.exec(sentence)) {
        // 超9000批次, 近百件, 100多件: approximate counts give no exact rate.
        if (m[1] || m[3]) approximate = true;
        counts.push({ value: Number(m[2]), unit: m[4]!, at: m.index });
      }
      if (approximate) continue;
      PERCENT.lastIndex = 0;
      for (let m = PERCENT.exec(sentence); m; m = PERCENT.exec(sentence)) {
        // 贡献率, 增长率, 报销比例, 城镇化率: rates of something else, never a count of the sentence over another.
        if (OTHER_RATE.test(sentence.slice(Math.max(0, m.index - 4), m.index + 2))) continue;
        const written = Number(m[1]);
        const decimals = m[1]!.includes(".") ? m[1]!.split(".")[1]!.length : 0;
        const byUnit = new Map<string, Count[]>();
        for (const c of counts) {
          if (c.at > m.index + m[0].length) continue;
          byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c]);
        }
        if (!partInSentence(sentence, m.index, m[0].startsWith("占"), counts, byUnit)) continue;
        let ok = false;
        let shown = "";
        let paired = false;
        for (const [unit, list] of byUnit) {
          const whole = list.reduce((a, b) => (b.value > a.value ? b : a));
          // A part and its whole stand in different clauses (建议120件，已办结108件); items of one 顿号 list
          // (9家智能工厂、38家5G工厂) are siblings, and a rate after them measures something else.
          const parts = list.filter((c) => c !== whole && clauseBetween(sentence, c.at, whole.at));
          if (parts.length === 0) continue;
          paired = true;
          for (const part of [...parts, whole]) {
            if (
              part.value <= whole.value &&
              whole.value > 0 &&
              agrees(part.value, whole.value, written, decimals)
            )
              ok = true;
          }
          const nearest = parts.at(-1)!;
          if (!shown) {
            shown = `${nearest.value}${unit}÷${whole.value}${unit}≈${((nearest.value / whole.value) * 100).toFixed(Math.max(decimals, 1))}%`;
          }
        }
        if (!paired) continue;
        if (ok) continue;
        const numStart = s.index + m.index + m[0].length - m[1]!.length - 1;
        ctx.report({
          message: `百分比与本句数字不符：${shown}，文中写${m[1]}%`,
          start: numStart,
          end: numStart + m[1]!.length + 1,
        });
      }
    }
  },
};
