import { isCjk, isHan } from "../engine/cjk.ts";
import { eachHit, type Hit } from "../engine/fold.ts";
import type { Rule } from "../types.ts";

const SPACES = /[ \u3000\u00a0]+/g;
const PART_NUMBER = /第[一二三四五六七八九十百]+(?:部分|章|节|篇)$/;
const OPENING = "《〈“‘（「『【";
const CLOSING = "》〉”’）」』】";

/**
 * Spaces inside Chinese text: between two characters (a stray space from a line break or a justified PDF),
 * after an opening or before a closing bracket (《……办法 》). Inside 书名号 a space may separate the clauses of a
 * headline-style title (《聚焦群众身边事 聚合代表大智慧》), so only the edges count there. Indentation at the start
 * of a paragraph is layout, not text.
 */
export const cjkSpace: Rule = {
  meta: {
    id: "typography/cjk-space",
    group: "typography",
    description: "汉字之间、括号和书名号内侧多了空格",
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
    let b = 0;
    SPACES.lastIndex = 0;
    for (let m = SPACES.exec(text); m; m = SPACES.exec(text)) {
      const i = m.index;
      const j = i + m[0].length;
      while (blocks[b] && i >= blocks[b]!.end) b++;
      const block = blocks[b];
      // Indentation at the start of a paragraph and trailing spaces are layout; so is the space between a
      // title and a name in the title block (县人大常委会主任　林春华).
      if (!block || i <= block.start || j >= block.end) continue;
      const role = ctx.outline.roles[block.index];
      if (role === "title" || role === "subtitle" || role === "speaker") continue;
      // “第一部分　过去一年的主要工作”: a space after a part number is the usual separator in headings.
      if (role === "heading" && PART_NUMBER.test(text.slice(block.start, i))) continue;
      const before = text[i - 1]!;
      const after = text[j]!;
      const edge = OPENING.includes(before) || CLOSING.includes(after);
      const local = i - block.start;
      const inTitle = block.text.lastIndexOf("《", local) > block.text.lastIndexOf("》", local);
      const between = !inTitle && isHan(before.charCodeAt(0)) && isCjk(after.charCodeAt(0));
      // A space just inside a bracket has one right answer: it goes.
      if (edge || between)
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
