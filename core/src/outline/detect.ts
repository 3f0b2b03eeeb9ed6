import type { Block, BlockHint, TextDocument } from "../text/model.ts";
import { ADOPTION_RE, cleanLine, readFront, SALUTATION_RE } from "./front.ts";
import { MARKER_RANK, parseMarker } from "./markers.ts";
import { matchPartHeading } from "./parts.ts";
import type { BlockRole, Heading, Outline, OutlineNode } from "./types.ts";

/** Run-in leads never rank above numbered items: they attach to the nearest heading before them. */
const RUN_IN_RANK = 6;
const MAX_LINE_HEADING = 40;

const DATE_LINE_RE =
  /^[\d０-９〇一二三四五六七八九十]{2,4}年[\d０-９〇一二三四五六七八九十]{1,2}月([\d０-９〇一二三四五六七八九十]{1,3}日)?$/;
const CJK_RE = /[\u4e00-\u9fa5]/;
const END_PUNCT_RE = /[。！？；：，、!?;:,]$/;
// A lead clause: 2–28 characters up to the first 。, no sentence punctuation inside.
const RUN_IN_RE = /^([^。！？；：!?;:\n]{2,28}?)。/;
const RUN_IN_NOT_START =
  /^(这|此|我们|但|同时|其中|在|经过|通过|截至|目前|今年|全年|一年来|过去|各位|当前|会议|为此|对此|总之|因此|所以|如|若)/;

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
    const heading = classifyHeading(block, n + 1 < nonBlank.length, n, nonBlank, blocks);
    if (heading) {
      roles[idx] = "heading";
      headings.push(heading);
      headingByBlock.set(idx, heading);
    }
  }

  const root = buildTree(doc, roles, headingByBlock);
  return { roles, headings, headingByBlock, root, titleBlocks, adoptionNote, salutation, abridged };
}

function classifyHeading(
  block: Block,
  hasNext: boolean,
  n: number,
  nonBlank: number[],
  blocks: Block[],
): Heading | null {
  const raw = block.text;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const level = hintLevel(block.hint);
  const marker = parseMarker(text);

  if (marker) {
    const restStart = lead + marker.length;
    const rest = raw.slice(restStart);
    const { title } = splitRunIn(rest);
    if (title.length === 0) return null;
    const part = matchPartHeading(title);
    const h: Heading = {
      block: block.index,
      form: "marker",
      marker,
      rank: part ? 0 : MARKER_RANK[marker.style],
      title,
      titleStart: block.start + restStart + (rest.length - rest.trimStart().length),
      titleEnd: 0,
    };
    h.titleEnd = h.titleStart + title.length;
    if (part) {
      h.part = part.part;
      if (part.year) h.year = part.year;
    }
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
      part: part.part,
    };
    if (part.year) h.year = part.year;
    return h;
  }

  if (level !== null && text.length <= 80) {
    const { title } = splitRunIn(text);
    return plainHeading(block, lead, title, "host", level);
  }

  // A short paragraph set in bold by the drafter is a heading even when it ends with a mark.
  const boldLine =
    block.hint?.bold === true && text.length <= MAX_LINE_HEADING && !/[。！？]/.test(text.slice(0, -1));
  if (boldLine || isLineHeading(text, hasNext, n, nonBlank, blocks)) {
    return plainHeading(block, lead, text, "line", 1);
  }

  const m = RUN_IN_RE.exec(text);
  if (m && isRunInLead(m[1]!, text.length - m[0].length)) {
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

function isLineHeading(
  text: string,
  hasNext: boolean,
  n: number,
  nonBlank: number[],
  blocks: Block[],
): boolean {
  if (text.length < 2 || text.length > MAX_LINE_HEADING) return false;
  if (!CJK_RE.test(text)) return false;
  if (text.includes("。") || END_PUNCT_RE.test(text)) return false;
  if (DATE_LINE_RE.test(text)) return false;
  if (!hasNext) return false;
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
