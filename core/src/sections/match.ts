import { RUN_IN_SALUTATION_RE } from "../outline/front.ts";
import type { Outline, OutlineNode, PartId } from "../outline/types.ts";
import { isStructuredKind } from "../schema/kind-ids.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { TextDocument } from "../text/model.ts";
import { type CompiledKind, type CompiledSection, getKind } from "./kinds.ts";
import type { DocumentYears } from "./years.ts";

export type MatchedBy = "structure" | "heading" | "subheading" | "content";

/** One piece of evidence that a section is present. */
export interface SectionMatch {
  /** Qualified id: "deputies" (review part or a plan), "tasks.deputies" (tasks part of a report). */
  id: string;
  section: string;
  part: PartId | null;
  by: MatchedBy;
  block: number;
  start: number;
  end: number;
}

/** A top-level chapter of a part (or of a plan) and what it is about. */
export interface Chapter {
  node: OutlineNode;
  part: PartId | null;
  /** The section the chapter heading is mainly about, or null when nothing in it matches. */
  primary: string | null;
  by: MatchedBy | null;
  /** Every section the chapter covers (its heading, its sub-headings). */
  labels: string[];
}

export interface SectionsResult {
  kind: DocumentKindId;
  years: DocumentYears;
  abridged: boolean;
  found: string[];
  missing: string[];
  matches: SectionMatch[];
  chapters: Chapter[];
  parts: Partial<Record<PartId, OutlineNode>>;
}

export function qualify(section: string, part: PartId | null, kind: DocumentKindId): string {
  return kind === "work-report" && part === "tasks" ? `tasks.${section}` : section;
}

const scoreCache = new WeakMap<CompiledKind, Map<string, Map<string, number>>>();

/** Heading words → score per section, from the lexicon. Each pattern counts once. Memoised per kind. */
export function scoreHeading(title: string, kind: CompiledKind): Map<string, number> {
  let cache = scoreCache.get(kind);
  if (!cache) {
    cache = new Map();
    scoreCache.set(kind, cache);
  }
  const hit = cache.get(title);
  if (hit) return hit;
  const scores = new Map<string, number>();
  // Bounded: a long document has a few hundred headings, many of them repeated wordings.
  if (cache.size > 5000) cache.clear();
  cache.set(title, scores);
  for (const s of kind.sections) {
    let score = 0;
    for (const h of s.headingRes) if (h.re.test(title)) score += h.weight;
    if (score > 0) scores.set(s.id, score);
  }
  return scores;
}

const STATUS_RANK = { required: 0, conditional: 1, optional: 2 } as const;

/** The best-scoring section; on a tie the required one wins ("聚焦发展大局，增强监督工作实效" is 监督). */
function best(scores: Map<string, number>, min: number, kind: CompiledKind): string | null {
  let top: string | null = null;
  let topScore = 0;
  const rank = (id: string) => STATUS_RANK[kind.byId.get(id)?.status ?? "optional"];
  for (const [id, score] of scores) {
    if (score > topScore || (score === topScore && top !== null && rank(id) < rank(top))) {
      top = id;
      topScore = score;
    }
  }
  return topScore >= min ? top : null;
}

function descendants(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    for (const c of n.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

const regionCache = new WeakMap<Outline, Map<string, number[]>>();

/** Blocks inside a node's range that are body text (including the run-in text of headings). */
function bodyBlocksIn(doc: TextDocument, outline: Outline, start: number, end: number): number[] {
  // Each content section asks for the same few regions: compute each once per outline.
  let cache = regionCache.get(outline);
  if (!cache) {
    cache = new Map();
    regionCache.set(outline, cache);
  }
  const key = `${start}:${end}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: number[] = [];
  cache.set(key, out);
  for (const b of doc.blocks) {
    if (b.start < start || b.start >= end) continue;
    const role = outline.roles[b.index];
    if (role === "body" || (role === "heading" && outline.headingByBlock.get(b.index)?.form !== "line"))
      out.push(b.index);
  }
  return out;
}

export function matchSections(
  doc: TextDocument,
  outline: Outline,
  kindId: DocumentKindId,
  years: DocumentYears,
): SectionsResult {
  const matches: SectionMatch[] = [];
  // `other` has no section schema: nothing is expected, so nothing is found or missing.
  if (!isStructuredKind(kindId))
    return {
      kind: kindId,
      years,
      abridged: outline.abridged,
      found: [],
      missing: [],
      matches,
      chapters: [],
      parts: {},
    };
  const kind = getKind(kindId);
  // Both reports to the congress have a review part and a tasks part (numbering restarts in each, the year
  // of each judges its wording); a plan has neither.
  const hasParts = kindId === "work-report" || kindId === "gov-report";
  const add = (
    section: string,
    part: PartId | null,
    by: MatchedBy,
    block: number,
    start: number,
    end: number,
  ) => matches.push({ id: qualify(section, part, kindId), section, part, by, block, start, end });

  // --- the parts of a report ---
  const parts: Partial<Record<PartId, OutlineNode>> = {};
  for (const c of outline.root.children) {
    const p = c.heading?.part;
    if (p && hasParts && !parts[p]) parts[p] = c;
  }
  if (parts.review?.heading) {
    const h = parts.review.heading;
    add("review", null, "structure", h.block, h.titleStart, h.titleEnd);
  }
  if (parts.tasks?.heading) {
    const h = parts.tasks.heading;
    add("tasks", null, "structure", h.block, h.titleStart, h.titleEnd);
  }

  // --- head of the document ---
  const firstTitle = outline.titleBlocks[0];
  if (firstTitle !== undefined) {
    const b = doc.blocks[firstTitle]!;
    add("title", null, "structure", b.index, b.start, b.end);
  }
  if (outline.salutation !== null) {
    const b = doc.blocks[outline.salutation]!;
    add("salutation", null, "structure", b.index, b.start, b.end);
  } else {
    // The salutation run into the opening sentence of the first body paragraph is still the salutation.
    const first = doc.blocks.find((b) => b.text.trim() !== "" && !outline.titleBlocks.includes(b.index));
    const body = first && outline.roles[first.index] === "body" ? first.text.trimStart() : "";
    const m = RUN_IN_SALUTATION_RE.exec(body);
    if (first && m) {
      const from = first.start + first.text.length - body.length;
      add("salutation", null, "content", first.index, from, from + m[0].length);
    }
  }
  if (outline.adoptionNote !== null) {
    const b = doc.blocks[outline.adoptionNote]!;
    add("adoption-note", null, "structure", b.index, b.start, b.end);
  }

  // --- chapters: direct children of each part, or of the document when it has no parts ---
  const chapterParents: { node: OutlineNode; part: PartId | null }[] = [];
  if (parts.review) chapterParents.push({ node: parts.review, part: "review" });
  if (parts.tasks) chapterParents.push({ node: parts.tasks, part: "tasks" });
  if (chapterParents.length === 0) chapterParents.push({ node: outline.root, part: null });

  const chapters: Chapter[] = [];
  if (kindId === "gov-report") {
    // A 政府工作报告's chapters (回顾, 总体要求和预期目标, 重点工作, 政府自身建设) are its schema's sections,
    // the part headings among them: classify every top-level chapter by its own wording.
    for (const child of topChapters(outline)) chapters.push(classifyChapter(child, null, kind, add, years));
  } else {
    for (const { node, part } of chapterParents) {
      for (const child of node.children) {
        if (!child.heading || child.heading.part) continue;
        chapters.push(classifyChapter(child, part, kind, add));
      }
    }
  }

  // --- content evidence for sections that are often merged into another chapter ---
  const firstHeadingStart = outline.headings[0]
    ? doc.blocks[outline.headings[0].block]!.start
    : doc.text.length;
  const regions: { part: PartId | null; start: number; end: number }[] = [];
  if (parts.review) regions.push({ part: "review", start: parts.review.start, end: parts.review.end });
  if (parts.tasks) regions.push({ part: "tasks", start: parts.tasks.start, end: parts.tasks.end });
  // A 政府工作报告's sections are not split by part (its targets chapter may sit between the parts).
  if (regions.length === 0 || kindId === "gov-report") {
    regions.length = 0;
    regions.push({ part: null, start: firstHeadingStart, end: doc.text.length });
  }

  for (const s of kind.sections) {
    if (s.contentRes.length === 0) continue;
    if (s.id === "opening") {
      // The opening formula follows the salutation; a reporter line read as a heading may come before it.
      const afterSalutation =
        outline.salutation !== null ? outline.headings.find((h) => h.block > outline.salutation!) : undefined;
      const openingEnd = afterSalutation ? doc.blocks[afterSalutation.block]!.start : firstHeadingStart;
      findContent(doc, outline, s, 0, Math.max(openingEnd, firstHeadingStart), null, add, 1);
    } else if (s.id === "closing") {
      const tail = lastBodyBlocks(doc, outline, 2);
      for (const i of tail) {
        const b = doc.blocks[i]!;
        if (s.contentRes.some((re) => re.test(b.text.trim()))) {
          add("closing", null, "content", i, b.start, b.end);
          break;
        }
      }
    } else if (s.id === "overview") {
      const region = regions[0]!;
      findContent(
        doc,
        outline,
        s,
        region.start,
        region.end,
        region.part === "tasks" ? null : region.part,
        add,
        1,
        true,
      );
    } else if (s.id === "general-requirements") {
      findContent(doc, outline, s, 0, doc.text.length, null, add, 1);
    } else if (s.id === "shortcomings") {
      // 差距和不足 sits at the end of the review part, or between the parts.
      const end = parts.tasks ? parts.tasks.start : doc.text.length;
      findContent(
        doc,
        outline,
        s,
        parts.review ? parts.review.start : firstHeadingStart,
        end,
        "review",
        add,
        1,
      );
    } else {
      for (const r of regions) findContent(doc, outline, s, r.start, r.end, r.part, add, 1);
    }
  }

  // --- found and missing ---
  const foundSet = new Set(matches.map((m) => m.id));
  const found = orderIds(kind, [...foundSet]);
  const missing = computeMissing(kind, foundSet, parts, years).map((m) => m.id);
  return { kind: kindId, years, abridged: outline.abridged, found, missing, matches, chapters, parts };
}

/**
 * The top-level chapters of the text. A numbered part heading ("一、2023年工作回顾") ranks above its
 * numbered siblings ("二、2024年总体要求"), so the tree puts them under it: take those back out.
 */
function topChapters(outline: Outline): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const c of outline.root.children) {
    if (!c.heading) continue;
    out.push(c);
    const style = c.heading.part ? c.heading.marker?.style : undefined;
    if (style === undefined) continue;
    for (const cc of c.children) if (cc.heading?.marker?.style === style) out.push(cc);
  }
  return out;
}

/** Records that `section` (in `part`) was found at [start, end) of `block`, and how. */
type AddMatch = (
  section: string,
  part: PartId | null,
  by: MatchedBy,
  block: number,
  start: number,
  end: number,
) => void;

/**
 * A chapter heading that names a year is about that year: in a report whose tasks are for 2026, “2025年主要工作
 * 和“十四五”发展成就” is work done, neither work to do nor the coming plan's targets, and “2026年重点工作” is
 * not a review. Scores for the other side are dropped.
 */
function datedScores(
  title: string,
  scores: Map<string, number>,
  years: DocumentYears | undefined,
): Map<string, number> {
  const ahead = years?.tasks ?? (years?.review !== undefined ? years.review + 1 : undefined);
  const named = /((?:19|20)\d{2})年/.exec(title);
  if (ahead === undefined || !named) return scores;
  const year = Number(named[1]);
  const out = new Map(scores);
  if (year < ahead) {
    out.delete("tasks");
    out.delete("targets");
    out.delete("five-year-plan");
  } else if (year === ahead) out.delete("review");
  return out;
}

function classifyChapter(
  node: OutlineNode,
  part: PartId | null,
  kind: CompiledKind,
  add: AddMatch,
  years?: DocumentYears,
): Chapter {
  const h = node.heading!;
  const own = datedScores(h.title, scoreHeading(h.title, kind), years);
  const labels = new Set<string>();
  /** Labels the chapter with `top` and with any other section the same heading names at full strength. */
  const labelHeading = (
    scores: Map<string, number>,
    top: string,
    by: "heading" | "subheading",
    at: { block: number; titleStart: number; titleEnd: number },
  ) => {
    const also = [...scores].filter(([id, score]) => id !== top && score >= 3).map(([id]) => id);
    for (const id of [top, ...also]) {
      add(id, part, by, at.block, at.titleStart, at.titleEnd);
      labels.add(id);
    }
  };
  let primary = best(own, 1, kind);
  let by: MatchedBy | null = primary ? "heading" : null;
  if (primary) {
    // A heading naming a second section at full strength covers it too.
    labelHeading(own, primary, "heading", h);
  }
  // Sub-headings: each clear one labels the chapter too (000's 二 covers 监督, 决定, 任免).
  const sum = new Map<string, number>();
  for (const d of descendants(node)) {
    const dh = d.heading!;
    const scores = scoreHeading(dh.title, kind);
    const top = best(scores, 2, kind);
    if (top) {
      // a sub-heading naming two sections at full strength ("依法行使重大事项决定权和人事任免权")
      labelHeading(scores, top, "subheading", dh);
    }
    for (const [id, score] of scores) sum.set(id, (sum.get(id) ?? 0) + score);
  }
  if (!primary) {
    primary = best(sum, 2, kind);
    if (primary) {
      by = "subheading";
      labels.add(primary);
    }
  }
  return { node, part, primary, by, labels: [...labels] };
}

function findContent(
  doc: TextDocument,
  outline: Outline,
  s: CompiledSection,
  start: number,
  end: number,
  part: PartId | null,
  add: AddMatch,
  limit: number,
  bodyOnly = false,
): void {
  let n = 0;
  for (const i of bodyBlocksIn(doc, outline, start, end)) {
    if (bodyOnly && outline.roles[i] !== "body") continue;
    const b = doc.blocks[i]!;
    const m = s.contentAny?.exec(b.text);
    if (m) {
      add(s.id, part, "content", i, b.start + m.index, b.start + m.index + m[0].length);
      if (++n >= limit) return;
    }
  }
}

/** The last paragraphs of the report's own text: attachments and end notes after it are not its close. */
function lastBodyBlocks(doc: TextDocument, outline: Outline, count: number): number[] {
  const out: number[] = [];
  const annex = outline.headings.find((h) => h.annex);
  const end = annex ? annex.block : doc.blocks.length;
  for (let i = end - 1; i >= 0 && out.length < count; i--) {
    const role = outline.roles[i];
    if (role === "blank") continue;
    if (role === "body" || role === "heading") out.push(i);
  }
  return out;
}

/** Ids in the kind's order: head, review part, tasks part. */
export function orderIds(kind: CompiledKind, ids: string[]): string[] {
  const pos = (id: string) => {
    const tasks = id.startsWith("tasks.");
    const base = tasks ? id.slice(6) : id;
    const i = kind.sections.findIndex((s) => s.id === base);
    return (tasks ? 1000 : 0) + (i === -1 ? 999 : i);
  };
  return [...ids].sort((a, b) => pos(a) - pos(b));
}

export interface MissingSection {
  id: string;
  section: CompiledSection;
  part: PartId | null;
  /** Why it is reported: required, or expected this year. */
  because: "required" | "required-full" | "expected-this-year";
}

export function computeMissing(
  kind: CompiledKind,
  found: Set<string>,
  parts: Partial<Record<PartId, OutlineNode>>,
  years: DocumentYears,
): MissingSection[] {
  const out: MissingSection[] = [];
  const isReport = kind.id === "work-report";
  const tasksYear = isReport ? years.tasks : years.plan;
  for (const s of kind.sections) {
    const expectedThisYear =
      s.expectedInYears !== undefined && tasksYear !== undefined && s.expectedInYears.includes(tasksYear);
    if (s.status !== "required" && !expectedThisYear) continue;
    const because: MissingSection["because"] =
      expectedThisYear && s.status !== "required"
        ? "expected-this-year"
        : s.fullOnly
          ? "required-full"
          : "required";
    const check = (part: PartId | null) => {
      const id = qualify(s.id, part, kind.id);
      if (!found.has(id)) out.push({ id, section: s, part, because });
    };
    switch (s.where) {
      case "review":
        check(isReport && s.id !== "review" ? "review" : null);
        break;
      case "tasks":
        if (s.id === "tasks") check(null);
        else if (parts.tasks) check("tasks");
        break;
      case "review+tasks":
        check(isReport ? "review" : null);
        if (isReport && parts.tasks) check("tasks");
        break;
      default:
        check(null);
    }
  }
  return out;
}
