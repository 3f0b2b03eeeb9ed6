import type { Block, BlockHint, TextDocument } from "../text/model.ts";
import { ADOPTION_RE, cleanLine, presentedYear, readFront, SALUTATION_RE } from "./front.ts";
import { MARKER_RANK, parseMarker } from "./markers.ts";
import { matchPartHeading, type PartMatch } from "./parts.ts";
import type { BlockRole, Heading, Outline, OutlineNode } from "./types.ts";

/** Run-in leads never rank above numbered items: they attach to the nearest heading before them. */
const RUN_IN_RANK = 6;
const MAX_LINE_HEADING = 40;

const DATE_LINE_RE =
  /^[\d０-９〇一二三四五六七八九十]{2,4}年[\d０-９〇一二三四五六七八九十]{1,2}月([\d０-９〇一二三四五六七八九十]{1,3}日)?$/;
const CJK_RE = /[\u4e00-\u9fa5]/;
/** The end of a numbered heading's words: a sentence end, or a colon (full-width, or ASCII in normalised text). */
const LEAD_END_RE = /[。！？!?：:]/;
/** A list item continues in clauses: it ends with ； ， or 、 instead of a full stop. */
const LIST_CLAUSE_END_RE = /[；;，,、]$/;
/** How a finished paragraph ends: a sentence mark, or a closing quote or bracket after one. */
const PARAGRAPH_END_RE = /[。！？!?…”’」』）)】\]]$/;
/** A line that begins with the punctuation of a sentence already under way (a paragraph broken by the layout). */
const CONTINUATION_RE = /^[\u4e00-\u9fa5]?[，。、；：！？）」”』,;:)]/;
const ANNEX_RE = /^(?:附件[0-9０-９一二三四五六七八九十]{0,3}|注释|名词解释)[：:]?$/;
const END_PUNCT_RE = /[。！？；：，、!?;:,]$/;
// A lead clause: 2–28 characters up to the first 。, no sentence punctuation inside.
const RUN_IN_RE = /^([^。！？；：!?;:\n]{2,28}?)。/;
const RUN_IN_NOT_START =
  /^(这|此|我们|但|同时|其中|在|经过|通过|截至|目前|今年|全年|一年来|过去|各位|当前|会议|为此|对此|总之|因此|所以|如|若)/;

/**
 * The opening formula of a report (“现在，我代表国务院，向大会报告工作，请予审议”): the paragraph that holds it
 * opens the speech, whatever its first sentence says (“本届政府任期即将结束。”), and is no chapter lead.
 */
const OPENING_FORMULA_RE = /我(?:代表|受)[^。！？]{1,40}?[，,]?\s*向(?:大会|本次会议|会议)(?:作|报告)/;

/** Heading level from host hints: Word outline level or "Heading N"/"标题 N" style, or HTML hN. */
export function hintLevel(hint: BlockHint | undefined): number | null {
  if (!hint) return null;
  if (hint.outlineLevel && hint.outlineLevel > 0) return hint.outlineLevel;
  if (hint.style) {
    const m = /^(?:heading|标题)\s*(\d)$/i.exec(hint.style.trim());
    if (m) return Number(m[1]);
  }
  if (hint.tag) {
    const m = /^h([1-6])$/i.exec(hint.tag);
    if (m) return Number(m[1]);
  }
  return null;
}

export function detectOutline(doc: TextDocument): Outline {
  const { blocks } = doc;
  const roles: BlockRole[] = blocks.map((b) => (cleanLine(b.text) === "" ? "blank" : "body"));
  const headings: Heading[] = [];
  const headingByBlock = new Map<number, Heading>();
  const nonBlank = blocks.filter((b) => roles[b.index] !== "blank").map((b) => b.index);

  // --- the title block: title, date line, speaker, salutation, with any news lead or caption among them ---
  const front = readFront(blocks, nonBlank);
  for (const [idx, role] of front.roles) roles[idx] = role;
  const titleBlocks = front.titleBlocks;
  const abridged = front.abridged;
  let adoptionNote = front.adoptionNote;
  let salutation = front.salutation;
  const cursor = front.cursor;
  const runInBlocks = new Set<number>();

  // --- headings ---
  for (let n = cursor; n < nonBlank.length; n++) {
    const idx = nonBlank[n]!;
    const block = blocks[idx]!;
    if (salutation === null && SALUTATION_RE.test(cleanLine(block.text))) {
      roles[idx] = "salutation";
      salutation = idx;
      continue;
    }
    if (adoptionNote === null && n < 3 && ADOPTION_RE.test(block.text.trim())) {
      roles[idx] = "adoption-note";
      adoptionNote = idx;
      continue;
    }
    if (block.hint?.inTable) continue;
    const heading = classifyHeading(
      block,
      n + 1 < nonBlank.length,
      n,
      nonBlank,
      blocks,
      runInBlocks,
      roles,
      headingByBlock,
    );
    if (heading) {
      roles[idx] = "heading";
      headings.push(heading);
      headingByBlock.set(idx, heading);
    }
  }

  demoteLists(nonBlank, roles, headings, headingByBlock, runInBlocks);
  nestLinesUnderChapters(headings);
  settleYearOnlyParts(
    headings,
    presentedYear(titleBlocks.filter((i) => roles[i] === "subtitle").map((i) => blocks[i]!.text)),
  );

  const root = buildTree(doc, roles, headingByBlock);
  const headless = salutation !== null && salutation === nonBlank[0];
  return { roles, headings, headingByBlock, root, titleBlocks, adoptionNote, salutation, abridged, headless };
}

function classifyHeading(
  block: Block,
  hasNext: boolean,
  n: number,
  nonBlank: number[],
  blocks: Block[],
  runInBlocks: Set<number>,
  roles: readonly BlockRole[],
  headingByBlock: ReadonlyMap<number, Heading>,
): Heading | null {
  const raw = block.text;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const level = hintLevel(block.hint);
  const marker = parseMarker(text);

  if (marker) {
    const restStart = lead + marker.length;
    const rest = raw.slice(restStart);
    const { title, runIn } = splitLead(rest);
    if (title.length === 0) return null;
    // "1.听取和审议……的报告；" is an item of a list that runs on in clauses, not a heading.
    if (!runIn && LIST_CLAUSE_END_RE.test(rest.trim()) && marker.style !== "cn" && marker.style !== "part")
      return null;
    if (runIn) runInBlocks.add(block.index);
    const part = matchPartHeading(title);
    const h: Heading = {
      block: block.index,
      form: "marker",
      marker,
      // A part opened by a chapter number ("一、2025年工作回顾") stays a chapter: "二、" after it is its sibling.
      rank: MARKER_RANK[marker.style],
      title,
      titleStart: block.start + restStart + (rest.length - rest.trimStart().length),
      titleEnd: 0,
    };
    h.titleEnd = h.titleStart + title.length;
    if (part) setPart(h, part);
    return h;
  }

  const part = matchPartHeading(text);
  if (part) {
    const h: Heading = {
      block: block.index,
      form: level ? "host" : "line",
      marker: null,
      rank: 0,
      title: text,
      titleStart: block.start + lead,
      titleEnd: block.start + lead + text.length,
    };
    setPart(h, part);
    return h;
  }

  // "附件1", "附件：": an attachment (GB/T 9704-2012 §7.3.4, §8) is a document of its own after the body, as are
  // end notes ("注释", "名词解释"); ranking them above every chapter keeps their numbering and contents apart.
  // End notes rank as a chapter, so that "附件2" followed by "名词解释" holds them.
  if (ANNEX_RE.test(text)) {
    return { ...plainHeading(block, lead, text, "line", text.startsWith("附件") ? 0 : 1), annex: true };
  }

  if (level !== null && text.length <= 80) {
    const { title } = splitRunIn(text);
    return plainHeading(block, lead, title, "host", level);
  }

  // A short paragraph set in bold by the drafter is a heading even when it ends with a mark.
  const boldLine =
    block.hint?.bold === true && text.length <= MAX_LINE_HEADING && !/[。！？]/.test(text.slice(0, -1));
  if (boldLine || isLineHeading(text, hasNext, n, nonBlank, blocks, roles, headingByBlock, runInBlocks)) {
    return plainHeading(block, lead, text, "line", 1);
  }

  const m = RUN_IN_RE.exec(text);
  if (m && isRunInLead(m[1]!, text.length - m[0].length) && !OPENING_FORMULA_RE.test(text)) {
    runInBlocks.add(block.index);
    return plainHeading(block, lead, m[1]!.trim(), "run-in", RUN_IN_RANK);
  }
  return null;
}

function plainHeading(
  block: Block,
  lead: number,
  title: string,
  form: Heading["form"],
  rank: number,
): Heading {
  const titleStart = block.start + lead;
  return {
    block: block.index,
    form,
    marker: null,
    rank,
    title,
    titleStart,
    titleEnd: titleStart + title.length,
  };
}

/** "把牢政治方向。坚持…" → title "把牢政治方向" with run-in body; "坚持党的全面领导" → whole. */
function splitRunIn(rest: string): { title: string; runIn: boolean } {
  const t = rest.trim();
  const m = RUN_IN_RE.exec(t);
  if (m && t.length > m[0].length) return { title: m[1]!.trim(), runIn: true };
  return { title: t.replace(/[。.]$/, ""), runIn: false };
}

/**
 * The words of a numbered heading: up to the end of its first sentence, whatever its length ("（三）坚持创新引领
 * 发展，着力激发社会创造力，整体创新能力和效率显著提高。实施……"), or up to a colon that introduces the rest
 * ("1.“两重”：是指……", GB/T 15834-2011 §4.6: the colon announces what follows).
 */
function splitLead(rest: string): { title: string; runIn: boolean } {
  const t = rest.trim();
  const m = LEAD_END_RE.exec(t);
  if (m && m.index > 0 && t.slice(m.index + 1).trim().length > 0) {
    return { title: t.slice(0, m.index).trim(), runIn: true };
  }
  return { title: t.replace(/[。.：:]$/, ""), runIn: false };
}

/**
 * Items numbered 1. （1） ① that follow one another with no text of their own ("1.区政府关于……的报告"
 * "2.……") are a list in the body, not headings: headings at those levels carry their text (a run-in lead
 * or paragraphs under them).
 */
function demoteLists(
  nonBlank: number[],
  roles: BlockRole[],
  headings: Heading[],
  headingByBlock: Map<number, Heading>,
  runInBlocks: Set<number>,
): void {
  const listy = (idx: number | undefined) => {
    if (idx === undefined) return null;
    const h = headingByBlock.get(idx);
    if (!h?.marker || h.part || runInBlocks.has(idx)) return null;
    const style = h.marker.style;
    return style === "num" || style === "num-paren" || style === "circled" ? style : null;
  };
  const demoted = new Set<number>();
  for (let n = 0; n < nonBlank.length; ) {
    const style = listy(nonBlank[n]);
    if (!style) {
      n++;
      continue;
    }
    let end = n + 1;
    while (end < nonBlank.length && listy(nonBlank[end]) === style) end++;
    if (end - n >= 2) for (let k = n; k < end; k++) demoted.add(nonBlank[k]!);
    n = end;
  }
  if (demoted.size === 0) return;
  for (const idx of demoted) {
    roles[idx] = "body";
    headingByBlock.delete(idx);
  }
  const kept = headings.filter((h) => !demoted.has(h.block));
  headings.splice(0, headings.length, ...kept);
}

/** Between a numbered chapter (rank 1) and its numbered sub-items (（一）, rank 2). */
const SUB_LINE_RANK = 1.5;

/**
 * An unnumbered line heading after a numbered chapter ("一、过去五年政府工作的回顾") and before the next one
 * is a sub-heading of that chapter, not a chapter of its own: the drafter numbered the chapters, so a line
 * without a number is a lead inside one ("五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐",
 * each followed by its paragraphs). Ranked as a chapter it would be a sibling of the numbered chapters, and
 * each such lead would be taken for a chapter of its own. Part headings, attachments and end notes keep their
 * rank: they stand outside the numbered chapters.
 */
function nestLinesUnderChapters(headings: Heading[]): void {
  let chapter = false;
  for (const h of headings) {
    if (h.form === "line" && h.rank === 1 && !h.part && !h.annex) {
      if (chapter) h.rank = SUB_LINE_RANK;
    } else if (h.rank <= 1) chapter = h.form === "marker" && h.marker?.style === "cn";
  }
}

/**
 * "2020年主要工作" is the review when the report is delivered after that year, the tasks when it is delivered
 * in it or when a review part for an earlier year comes before it.
 */
function settleYearOnlyParts(headings: Heading[], presented: number | undefined): void {
  let reviewYear: number | undefined;
  for (const h of headings) {
    if (!h.part) continue;
    if (h.yearOnly && h.year !== undefined) {
      const later =
        (presented !== undefined && h.year >= presented) || (reviewYear !== undefined && h.year > reviewYear);
      h.part = later ? "tasks" : "review";
    }
    if (h.part === "review" && h.year !== undefined && reviewYear === undefined) reviewYear = h.year;
  }
}

function setPart(h: Heading, part: PartMatch): void {
  h.part = part.part;
  if (part.year) h.year = part.year;
  if (part.yearOnly) h.yearOnly = true;
}

function isLineHeading(
  text: string,
  hasNext: boolean,
  n: number,
  nonBlank: number[],
  blocks: Block[],
  roles: readonly BlockRole[],
  headingByBlock: ReadonlyMap<number, Heading>,
  runInBlocks: ReadonlySet<number>,
): boolean {
  if (text.length < 2 || text.length > MAX_LINE_HEADING) return false;
  if (!CJK_RE.test(text)) return false;
  if (text.includes("。") || END_PUNCT_RE.test(text)) return false;
  if (DATE_LINE_RE.test(text)) return false;
  if (!hasNext) return false;
  // A heading names a thing; a line ending in 的 is the first half of a phrase broken by the layout.
  if (/的$/.test(text)) return false;
  // A heading starts after a finished paragraph (or after another heading or the head of the document); after
  // a line that stops mid-sentence, or after a colon that announces what follows, a short line is text.
  if (n > 0) {
    const prev = blocks[nonBlank[n - 1]!]!;
    const prevRole = roles[prev.index];
    const prevHeading = headingByBlock.get(prev.index);
    const finished =
      PARAGRAPH_END_RE.test(cleanLine(prev.text)) ||
      prev.hint?.inTable === true ||
      (prevRole !== "body" && prevRole !== "heading") ||
      (prevHeading !== undefined && prevHeading.form !== "run-in" && !runInBlocks.has(prev.index));
    if (!finished) return false;
  }
  // …and the paragraph after it starts afresh, not with the punctuation of a sentence it would be the start of,
  // nor as another bare short line: two in a row are one line of text wrapped or broken by the layout.
  const next = blocks[nonBlank[n + 1]!];
  if (next) {
    const t = cleanLine(next.text);
    if (CONTINUATION_RE.test(t)) return false;
    const bare =
      next.hint === undefined &&
      t.length <= MAX_LINE_HEADING &&
      !/[。！？；：!?;:]$/.test(t) &&
      parseMarker(t) === null &&
      matchPartHeading(t) === null &&
      !ANNEX_RE.test(t);
    if (bare) return false;
  }
  // Closing signature lines (body name, date) have no body text after them.
  if (n >= lastSentence(nonBlank, blocks)) return false;
  return true;
}

const lastSentenceCache = new WeakMap<Block[], number>();

/** Position in `nonBlank` of the last block that reads as body text (a sentence or a long line). */
function lastSentence(nonBlank: number[], blocks: Block[]): number {
  let cached = lastSentenceCache.get(blocks);
  if (cached === undefined) {
    cached = -1;
    for (let k = nonBlank.length - 1; k >= 0; k--) {
      const t = blocks[nonBlank[k]!]!.text.trim();
      if (t.length > MAX_LINE_HEADING || /[。！？]/.test(t)) {
        cached = k;
        break;
      }
    }
    lastSentenceCache.set(blocks, cached);
  }
  return cached;
}

function isRunInLead(lead: string, restLength: number): boolean {
  if (restLength < 6) return false;
  const t = lead.trim();
  if (t.length < 2) return false;
  // A lead starts a paragraph; one that starts with 、 or ， is the tail of a sentence broken by the layout.
  if (!/^[\u4e00-\u9fa5“‘《「]/.test(t)) return false;
  if (/[0-9０-９%％]/.test(t)) return false;
  if (RUN_IN_NOT_START.test(t)) return false;
  if (/[了吗呢吧]/.test(t)) return false;
  if (/[，,]是/.test(t)) return false;
  const commas = (t.match(/[，,]/g) ?? []).length;
  if (commas > 2) return false;
  if (commas === 0 && t.length > 24) return false;
  return true;
}

function buildTree(doc: TextDocument, roles: BlockRole[], headingByBlock: Map<number, Heading>): OutlineNode {
  const root: OutlineNode = {
    heading: null,
    children: [],
    bodyBlocks: [],
    start: 0,
    end: doc.text.length,
    parent: null,
  };
  const stack: OutlineNode[] = [root];
  for (const block of doc.blocks) {
    const role = roles[block.index];
    if (role === "blank") continue;
    const heading = headingByBlock.get(block.index);
    if (heading) {
      while (stack.length > 1 && stack[stack.length - 1]!.heading!.rank >= heading.rank) {
        stack.pop();
      }
      const parent = stack[stack.length - 1]!;
      const node: OutlineNode = {
        heading,
        children: [],
        bodyBlocks: [],
        start: block.start,
        end: block.end,
        parent,
      };
      parent.children.push(node);
      stack.push(node);
    } else {
      stack[stack.length - 1]!.bodyBlocks.push(block.index);
    }
    for (const open of stack) if (open !== root) open.end = block.end;
  }
  return root;
}
