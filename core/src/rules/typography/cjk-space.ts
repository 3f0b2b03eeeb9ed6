import type { Block } from "../../text/model.ts";
import { isCjk, isHan } from "../engine/cjk.ts";
import { eachHit, type Hit } from "../engine/fold.ts";
import type { Rule } from "../types.ts";

const SPACES = /[ \u3000\u00a0]+/g;
const PART_NUMBER = /第[一二三四五六七八九十百]+(?:部分|章|节|篇)$/;
/** Longest heading prefix PART_NUMBER can match (第 + numerals + 部分): only this tail is looked at. */
const PART_NUMBER_SPAN = 12;
const OPENING = "《〈“‘（「『【";
const CLOSING = "》〉”’）」』】";
/** Marks that end a sentence (a body paragraph ends with one, optionally followed by closing quotes/brackets). */
const SENTENCE_END = "。！？；：…!?;:";
/** A quoted slogan (“好客山东 好品山东”) is short and holds no punctuation; longer quotes are prose. */
const SLOGAN_MAX = 24;
const PUNCTUATION = "，。、；：！？,;:!?…—";

/** Counts the characters the last `check` looked at; tests use it to show the rule is linear. */
export const cjkSpaceWork = { steps: 0 };

/**
 * Does the paragraph end like a sentence? Titles, headlines, bylines, signature lines and photo captions do not
 * (“上海市市长　龚　正”, “本报记者 朱江 摄”, “…热议政府工作报告 以奋勇争先之姿”), and in them a space is a
 * conventional separator between a title and a name, the two characters of a name, or a headline's clauses.
 */
function endsLikeSentence(text: string, block: Block): boolean {
  let k = block.end - 1;
  while (k > block.start && /\s/.test(text[k]!)) k--;
  while (k > block.start && CLOSING.includes(text[k]!)) k--;
  return SENTENCE_END.includes(text[k]!);
}

/**
 * Spaces inside Chinese text: between two characters of a sentence (a stray space from a line break or a
 * justified PDF), after an opening or before a closing bracket (《……办法 》). Not flagged (GB/T 15834-2011 §3
 * gives marks their cells; a space is no mark, and layout uses it as a separator):
 * - indentation at the start of a paragraph and trailing spaces;
 * - spaces between characters in a paragraph that does not end like a sentence (title, byline, heading, caption);
 * - inside 书名号, between the clauses of a headline-style title (《聚焦群众身边事 聚合代表大智慧》);
 * - inside a short quoted slogan made of two clauses (“好客山东 好品山东”).
 * Only the edges count inside 书名号 and slogans. One forward pass over the text: the state (inside 书名号, the
 * last opening quote) is carried along, never searched backwards, so the rule is linear in the text's length.
 */
export const cjkSpace: Rule = {
  meta: {
    id: "typography/cjk-space",
    group: "typography",
    description: "句子里汉字之间、括号和书名号内侧多了空格",
    severity: "warning",
    fixable: true,
    // A space between two characters may be deliberate (a two-character name spaced to three, 李　强).
    fixSafety: "suggestion",
    source: "GB/T 15834-2011 §3（标点占格）；公文排版惯例",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const hits: Hit[] = [];
    const blocks = ctx.doc.blocks;
    const work = cjkSpaceWork;
    work.steps = 0;
    let b = 0;
    let sentenceBlock = -1;
    let isSentence = false;
    // Forward cursor: everything before `cursor` has been folded into the state below.
    let cursor = 0;
    let lastTitleOpen = -1;
    let lastTitleClose = -1;
    let lastQuoteOpen = -1;
    let lastQuoteClose = -1;
    let sloganOf = -1;
    let slogan = false;
    SPACES.lastIndex = 0;
    for (let m = SPACES.exec(text); m; m = SPACES.exec(text)) {
      const i = m.index;
      const j = i + m[0].length;
      work.steps++;
      while (blocks[b] && i >= blocks[b]!.end) b++;
      const block = blocks[b];
      // Indentation at the start of a paragraph and trailing spaces are layout.
      if (!block || i <= block.start || j >= block.end) continue;
      const role = ctx.outline.roles[block.index];
      if (role === "title" || role === "subtitle" || role === "speaker") continue;
      if (cursor < block.start) cursor = block.start;
      work.steps += i - cursor;
      for (; cursor < i; cursor++) {
        const c = text[cursor];
        if (c === "《") lastTitleOpen = cursor;
        else if (c === "》") lastTitleClose = cursor;
        else if (c === "“") lastQuoteOpen = cursor;
        else if (c === "”") lastQuoteClose = cursor;
      }
      cursor = j;
      // “第一部分　过去一年的主要工作”: a space after a part number is the usual separator in headings.
      if (role === "heading") {
        const from = Math.max(block.start, i - PART_NUMBER_SPAN);
        work.steps += i - from;
        if (PART_NUMBER.test(text.slice(from, i))) continue;
      }
      const before = text[i - 1]!;
      const after = text[j]!;
      const edge = OPENING.includes(before) || CLOSING.includes(after);
      if (!edge) {
        if (!isHan(before.charCodeAt(0)) || !isCjk(after.charCodeAt(0))) continue;
        if (sentenceBlock !== block.index) {
          sentenceBlock = block.index;
          isSentence = endsLikeSentence(text, block);
          work.steps += 8;
        }
        if (!isSentence) continue;
        if (lastTitleOpen >= block.start && lastTitleOpen > lastTitleClose) continue;
        if (lastQuoteOpen >= block.start && lastQuoteOpen > lastQuoteClose) {
          if (sloganOf !== lastQuoteOpen) {
            sloganOf = lastQuoteOpen;
            slogan = isSlogan(text, lastQuoteOpen, block.end);
            work.steps += SLOGAN_MAX;
          }
          if (slogan) continue;
        }
      }
      // A space just inside a bracket has one right answer: it goes.
      hits.push({ start: i, end: j, fix: { start: i, end: j, text: "" }, expected: [""], fixSafe: edge });
    }
    for (const r of eachHit(hits, (h) => ({
      message:
        OPENING.includes(text[h.start - 1]!) || CLOSING.includes(text[h.end]!)
          ? `“${text[h.start - 1]}${text.slice(h.start, h.end)}${text[h.end]}”中多了空格，应删去`
          : `汉字之间多了空格：“${text[h.start - 1]}${text.slice(h.start, h.end)}${text[h.end]}”`,
    }))) {
      ctx.report(r);
    }
  },
};

/** A short quote closed within SLOGAN_MAX characters, holding no punctuation: a slogan, not quoted prose. */
function isSlogan(text: string, open: number, limit: number): boolean {
  const end = Math.min(limit, open + 1 + SLOGAN_MAX);
  for (let k = open + 1; k < end; k++) {
    const c = text[k]!;
    if (c === "”") return true;
    if (c === "“" || PUNCTUATION.includes(c)) return false;
  }
  return false;
}
