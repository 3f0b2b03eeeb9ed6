import type { Block } from "../../text/model.ts";
import { isCjk } from "../engine/cjk.ts";
import { eachHit, type Hit } from "../engine/fold.ts";
import { positionsOf } from "../engine/text-index.ts";
import type { Rule } from "../types.ts";

const FULL: Record<string, string> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "!": "！",
  "?": "？",
  "(": "（",
  ")": "）",
};

const MARKS = /[,;:!?()]/g;

/**
 * Inside a `code span` of its paragraph (an odd number of backticks before it in the paragraph). Counted
 * from an index of the text's backticks: scanning the paragraph per mark was quadratic in its length.
 */
function inCode(text: string, block: Block | undefined, i: number): boolean {
  if (!block) return false;
  const ticks = positionsOf(text, "`");
  return (ticks.countBefore(i) - ticks.countBefore(block.start)) % 2 === 1;
}

const SOURCE = "GB/T 15834-2011 §3（标点符号的形式）：中文中用全角标点";

/**
 * ASCII , ; : ! ? ( ) next to Chinese text. Real drafts should not have them; NFKC-normalised or pasted text
 * has hundreds. Each place is its own finding (the surfaces group them for display). A mark between two
 * Chinese characters has one right answer and is a safe fix; a mark with Chinese on one side only (来源:⏎,
 * a label before a number) may belong to the other script, so its change is a suggestion.
 */
export const halfwidthPunctuation: Rule = {
  meta: {
    id: "typography/halfwidth-punctuation",
    group: "typography",
    description: "中文里用了半角标点 , ; : ! ? ( )，应改为全角",
    severity: "error",
    fixable: true,
    fixSafety: "safe",
    source: SOURCE,
  },
  check(ctx) {
    const text = ctx.doc.text;
    const message = (h: Hit) => ({
      message: `中文里的半角标点“${text[h.start]}”应改为全角“${FULL[text[h.start]!]}”`,
    });
    const cjkAt = (i: number) => i >= 0 && i < text.length && isCjk(text.charCodeAt(i));
    const lost: number[] = [];
    // Reported as found, not gathered first: a pasted text can hold millions of marks, and lint keeps only
    // the findings it lists (memory bounded by its cap, issue 14); lint sorts the findings by place.
    const hit = (i: number, safe: boolean) => {
      if (lostCharacter(text, i)) {
        lost.push(i);
        return;
      }
      const full = FULL[text[i]!]!;
      const one: Hit = {
        start: i,
        end: i + 1,
        fix: { start: i, end: i + 1, text: full },
        expected: [full],
        fixSafe: safe,
      };
      for (const r of eachHit([one], message)) ctx.report(r);
    };
    const between = (i: number) => cjkAt(i - 1) && cjkAt(i + 1);
    // The regex engine finds the few candidate marks; JavaScript only looks at their neighbours.
    const blocks = ctx.doc.blocks;
    let b = 0;
    let open: number[] = [];
    const closeBlock = () => {
      for (const o of open) if (cjkAt(o - 1) || cjkAt(o + 1)) hit(o, between(o));
      open = [];
    };
    MARKS.lastIndex = 0;
    for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
      const i = m.index;
      if (blocks[b] && i >= blocks[b]!.end) {
        closeBlock();
        while (blocks[b] && i >= blocks[b]!.end) b++;
      }
      const ch = m[0];
      // Markdown syntax is not prose: the URL part of [链接](url) and `code` spans keep their ASCII marks.
      if (inCode(text, blocks[b], i)) continue;
      if (ch === "(" && text[i - 1] === "]") {
        const close = text.indexOf(")", i);
        if (close !== -1) MARKS.lastIndex = close + 1;
        continue;
      }
      if (ch === "(") {
        open.push(i);
      } else if (ch === ")") {
        const o = open.pop();
        if (o === undefined) {
          if (cjkAt(i - 1) || cjkAt(i + 1)) hit(i, between(i));
          continue;
        }
        // A pair is Chinese when its content or its surroundings are: （2021—2025年）, 乡镇（街道）, (1)开展.
        // Chinese inside the pair decides it on its own; (1)开展 leans on one neighbour only: a suggestion.
        let inner = false;
        for (let k = o + 1; k < i && !inner; k++) inner = isCjk(text.charCodeAt(k));
        const outer = cjkAt(o - 1) && cjkAt(i + 1);
        if (inner || cjkAt(o - 1) || cjkAt(i + 1)) {
          hit(o, inner || outer);
          hit(i, inner || outer);
        }
      } else if (cjkAt(i - 1) || cjkAt(i + 1)) {
        hit(i, between(i));
      }
    }
    closeBlock();
    for (const i of lost) {
      ctx.report({
        message: "此处的“?”不是问号的位置，多为编码转换丢失的汉字或符号，请对照原稿补全（不宜改成“？”）",
        start: i,
        end: i + 1,
        expected: [],
        fix: null,
      });
    }
  },
};

/** Marks that end or split a clause: a question mark never stands right before or after one. */
const CLAUSE_MARK = /[。，、；：,;:.]/;
const OPENING = /[、，。；：（(《“]/;

/**
 * A "?" that cannot be a question mark: it follows a list or clause mark (、?水灌区) or the start of a line,
 * or it comes right before a clause mark (进入前1?。). Text converted through a code page that lacks a
 * character writes "?" in its place, so the character is lost, not a question asked (GB/T 15834-2011 §4.2:
 * the question mark ends a question).
 */
function lostCharacter(text: string, i: number): boolean {
  if (text[i] !== "?") return false;
  // A run of "?" (several lost characters) is judged at its ends.
  let first = i;
  while (text[first - 1] === "?") first--;
  let last = i;
  while (text[last + 1] === "?") last++;
  const before = first === 0 ? "\n" : text[first - 1]!;
  const after = text[last + 1] ?? "";
  if (before === "\n" || OPENING.test(before)) return true;
  return after !== "" && CLAUSE_MARK.test(after);
}
