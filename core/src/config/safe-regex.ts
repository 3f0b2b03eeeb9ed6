/**
 * The subset of regular expressions accepted from a config or an imported rule pack: JavaScript's engine
 * backtracks, so `(.*.*)*Z` from a renda.config.json in a parent folder would hang lint (and, imported into the
 * extension, every web page). Rather than a second engine, the few shapes that make backtracking blow up are
 * refused at parse time with a message naming the entry:
 *  - backreferences (\1, \k<name>): no linear engine can run them;
 *  - a repeated group (*, +, {n,}, {n,m} with m > 1) containing a repetition or an alternation — the nested
 *    quantifier behind exponential time;
 *  - more than two unbounded repetitions in one expression (`.*.*.*Z` is polynomial of high degree);
 *  - bounds over 100 ({1,100000} is a loop written out).
 * Pure: the CLI, the add-in and the extension all call it through parseConfig.
 */

export const MAX_REGEX_LENGTH = 500;
const MAX_UNBOUNDED = 2;
const MAX_BOUND = 100;

interface Frame {
  /** A repetition with more than one iteration somewhere inside (nested groups included). */
  repeats: boolean;
  alternates: boolean;
}

/** Why `src` is outside the accepted subset (Chinese, ready to print), or null when it is fine. */
export function unsafeRegex(src: string): string | null {
  if (src.length > MAX_REGEX_LENGTH) return `表达式过长（${src.length} 个字符，上限 ${MAX_REGEX_LENGTH}）`;
  const stack: Frame[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  /** The last atom: a closed group's frame, or "atom" for a character or class, or null (nothing to repeat). */
  let last: Frame | "atom" | null = null;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === "\\") {
      const next = src[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && src[i + 2] === "<"))
        return "不支持反向引用（\\1、\\k<名>），请改写";
      if ((next === "p" || next === "P") && src[i + 2] === "{") i = Math.max(src.indexOf("}", i), i + 1);
      else if (next === "u" && src[i + 2] === "{") i = Math.max(src.indexOf("}", i), i + 1);
      else i++;
      last = "atom";
    } else if (ch === "[") {
      let j = i + 1;
      if (src[j] === "^") j++;
      if (src[j] === "]") j++;
      while (j < src.length && src[j] !== "]") j += src[j] === "\\" ? 2 : 1;
      i = j;
      last = "atom";
    } else if (ch === "(") {
      stack.push({ repeats: false, alternates: false });
      if (src[i + 1] === "?") {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(src.slice(i));
        if (m) i += m[0].length - 1;
      }
      last = null;
    } else if (ch === ")") {
      const frame = stack.pop();
      if (!frame || stack.length === 0) return null; // unbalanced: new RegExp reports it in its own words
      const parent = stack[stack.length - 1]!;
      parent.repeats ||= frame.repeats;
      parent.alternates ||= frame.alternates;
      last = frame;
    } else if (ch === "|") {
      stack[stack.length - 1]!.alternates = true;
      last = null;
    } else if (
      ch === "*" ||
      ch === "+" ||
      ch === "?" ||
      (ch === "{" && /^\{\d+(,\d*)?\}/.test(src.slice(i)))
    ) {
      let max: number;
      if (ch === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i))!;
        max = m[2] === undefined ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
        if (Number.isFinite(max) && max > MAX_BOUND) return `重复次数上限过大（${m[0]}，上限 ${MAX_BOUND}）`;
        i += m[0].length - 1;
      } else max = ch === "?" ? 1 : Infinity;
      if (src[i + 1] === "?") i++; // lazy
      if (last === null) continue; // a quantifier with nothing before it: new RegExp reports it
      if (max > 1) {
        if (last !== "atom" && (last.repeats || last.alternates)) {
          return "不支持嵌套重复（如 (a+)+、(.*.*)*、(a|b)*），这类写法可能让检查卡死，请改写为不嵌套的形式";
        }
        stack[stack.length - 1]!.repeats = true;
      }
      if (max === Infinity && ++unbounded > MAX_UNBOUNDED) {
        return `不定次数的重复（*、+、{n,}）超过 ${MAX_UNBOUNDED} 处，可能让检查很慢，请用有上限的 {m,n} 改写`;
      }
      last = null;
    } else {
      last = "atom";
    }
  }
  return null;
}
