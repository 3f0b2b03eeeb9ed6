import { deflateSync } from "fflate";
import { commentAnchor, REVIEW_AUTHOR, REVIEW_INITIALS, reviewCommentLines } from "../review-comment.ts";
import type { Diagnostic, Fix } from "../schema/diagnostic.ts";
import { startIndexAt } from "../text/model.ts";
import { COMMENTS_CONTENT_TYPE, COMMENTS_RELATIONSHIP, relationshipsPartOf } from "./docx-package.ts";
import { scanDocx } from "./docx-read.ts";
import { blockStarts, segmentsByBlock, type TextSegment } from "./docx-scan.ts";
import { plainTextDocx } from "./review-plain.ts";
import type { ReviewFindings } from "./review-types.ts";

export type { ReviewFindings } from "./review-types.ts";

import { escapeXmlAttr, escapeXmlText, type XmlElement } from "./xml.ts";
import { crc32, writeZip, type ZipEntry } from "./zip.ts";

/**
 * The review copy (审校稿): the drafter's own .docx with every finding as a Word comment (批注) anchored on
 * the text it is about, and every safe fix as a tracked change (修订) to accept or reject, so offices that
 * draft in WPS or Word without the add-in get the findings where they already work.
 *
 * The markup follows ECMA-376 Part 1: comments §17.13.4 (w:commentRangeStart/w:commentRangeEnd around the
 * text, a run with w:commentReference after it, the comment itself in the comments part), revisions §17.13.5
 * (w:del holding the old runs with w:delText, w:ins holding the new run). The main document part is edited by
 * splicing into the original XML string (as renda fill/fix do): only the runs a comment or change cuts through
 * are rewritten, everything else stays byte-identical, and the other parts are copied as they were.
 *
 * Pure: bytes in, bytes out (no node: modules), so the extension's file workbench runs it in a page.
 */

export interface ReviewOptions {
  /** Comment and revision author; "人大报告助手" by default. */
  author?: string;
  initials?: string;
  /** w:date of the comments and revisions; now by default (tests pass a fixed date). */
  date?: Date;
  /** File name for messages. */
  file?: string;
}

export interface ReviewCopy {
  bytes: Uint8Array;
  /** Comments written (one per finding). */
  comments: number;
  /** Safe fixes written as tracked changes. */
  revisions: Fix[];
  /** Safe fixes left as comments only, with why (overlap, across paragraphs, inside a field). */
  skipped: { fix: Fix; reason: string }[];
}

export type ReviewInput = { docx: Uint8Array } | { text: string };

/** The review copy's bytes: see reviewCopy for the counts. */
export function buildReviewCopy(
  input: ReviewInput,
  result: ReviewFindings,
  options: ReviewOptions = {},
): Uint8Array {
  return reviewCopy(input, result, options).bytes;
}

/**
 * A .docx input gets its comments and changes in place; a .txt/.md input (`text`: the text the offsets of
 * `result` refer to) first becomes a plain GB/T 9704-styled .docx with one paragraph per line.
 */
export function reviewCopy(
  input: ReviewInput,
  result: ReviewFindings,
  options: ReviewOptions = {},
): ReviewCopy {
  const docx = "docx" in input ? input.docx : plainTextDocx(input.text, result);
  return annotateDocx(docx, result.diagnostics, result.doc.text, options);
}

// --- Where markup goes ---

/** A place between characters of a text segment: `at` is an offset within the segment's text. */
interface SegmentPoint {
  seg: TextSegment;
  at: number;
}

/**
 * Markup to emit at a point. Rank orders markup at the same point: an insertion attached to a deletion
 * first, then the ends of comment ranges, then zero-length insertions, then the starts of comment ranges.
 */
interface Marker {
  rank: number;
  order: number;
  xml: string;
}

/** A field (complex or simple) the text sits in: markup goes around the whole field, never inside it. */
interface FieldSpan {
  start: number;
  end: number;
}

const RANK = { attachedIns: 0, end: 1, ins: 2, start: 3 } as const;

export function annotateDocx(
  bytes: Uint8Array,
  diagnostics: readonly Diagnostic[],
  text: string,
  options: ReviewOptions = {},
): ReviewCopy {
  const file = options.file ?? "文档";
  const { pkg, xml, root, scan } = scanDocx(bytes, file);
  const author = escapeXmlAttr(options.author ?? REVIEW_AUTHOR);
  const initials = escapeXmlAttr(options.initials ?? REVIEW_INITIALS);
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const revisionAttrs = (id: number) => `w:id="${id}" w:author="${author}" w:date="${date}"`;

  // ECMA-376 §17.13.4.2: a comment's id is unique among the document's comments; Word also keeps revision
  // and bookmark ids apart in practice. New ids start above every w:id already in any part.
  let nextId = maxAnnotationId(pkg) + 1;

  const starts = blockStarts(scan.blocks);
  const byBlock = segmentsByBlock(scan.segments);
  const fields = fieldSpans(root);
  const fieldOf = (seg: TextSegment) => fields.get(seg.node.parent!);

  /** Markers per text node and offset within it. */
  const markers = new Map<XmlElement, Map<number, Marker[]>>();
  /** Markup at fixed XML offsets (around fields). */
  const positional = new Map<number, Marker[]>();
  /** Deleted ranges per text node: [from, to) within the node's text, with the change's revision. */
  const deletions = new Map<XmlElement, { from: number; to: number }[]>();
  let order = 0;
  const mark = (p: SegmentPoint, rank: number, xml: string) => {
    const perNode = markers.get(p.seg.node) ?? new Map<number, Marker[]>();
    markers.set(p.seg.node, perNode);
    const list = perNode.get(p.at) ?? [];
    list.push({ rank, order: order++, xml });
    perNode.set(p.at, list);
  };
  const markAt = (offset: number, rank: number, xml: string) => {
    const list = positional.get(offset) ?? [];
    list.push({ rank, order: order++, xml });
    positional.set(offset, list);
  };

  const blockOfOffset = (offset: number) => startIndexAt(starts, offset);
  /** The point before the character at `offset` (or after the last one when there is none after). */
  const pointBefore = (offset: number): SegmentPoint | undefined => {
    const b = blockOfOffset(offset);
    const local = offset - (starts[b] ?? 0);
    const segs = byBlock.get(b) ?? [];
    const seg = segs.find((g) => g.start <= local && local < g.end);
    if (seg) return { seg, at: local - seg.start };
    const last = segs.findLast((g) => g.end <= local);
    return last ? { seg: last, at: last.end - last.start } : undefined;
  };
  /** The point after the character before `offset` (or before the first one when there is none before). */
  const pointAfter = (offset: number): SegmentPoint | undefined => {
    const b = blockOfOffset(offset);
    const local = offset - (starts[b] ?? 0);
    const segs = byBlock.get(b) ?? [];
    const seg = segs.find((g) => g.start < local && local <= g.end);
    if (seg) return { seg, at: local - seg.start };
    const first = segs.find((g) => g.start >= local);
    return first ? { seg: first, at: 0 } : undefined;
  };

  // --- Safe fixes → tracked changes (back to front, overlapping ones skipped, as renda lint --fix does) ---
  const revisions: Fix[] = [];
  const skipped: { fix: Fix; reason: string }[] = [];
  const tracked = new Set<Fix>();
  let floor = Number.POSITIVE_INFINITY;
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  for (const fix of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const reason = trackChange(fix);
    if (reason) skipped.push({ fix, reason });
    else {
      tracked.add(fix);
      revisions.push(fix);
      floor = fix.start;
    }
  }
  revisions.reverse();

  function trackChange(fix: Fix): string | null {
    if (fix.end > floor) return "与另一处修改重叠";
    if (starts.length === 0) return "文档没有正文";
    const b = blockOfOffset(fix.start);
    const blockEnd = starts[b]! + scan.blocks[b]!.text.length;
    if (fix.start > fix.end || fix.end > blockEnd) return "修改跨越段落";
    const s = fix.start - starts[b]!;
    const e = fix.end - starts[b]!;
    const segs = byBlock.get(b) ?? [];
    const hit = segs.filter((g) => g.end > s && g.start < e);
    const insertAt = s === e ? pointAfter(fix.start) : undefined;
    if (s < e && hit.length === 0) return "段落中没有可修改的文字";
    if (s === e && !insertAt) return "段落中没有可修改的文字";
    // A field's result is recomputed by the word processor: a change there would not last.
    if (hit.some((g) => fieldOf(g)) || (insertAt && fieldOf(insertAt.seg))) return "修改处在域中";
    const insXml = (seg: TextSegment) =>
      fix.text === ""
        ? ""
        : `<w:ins ${revisionAttrs(nextId++)}><w:r>${runPropertiesOf(seg.node.parent!, xml)}${textRunsContent(fix.text)}</w:r></w:ins>`;
    if (s === e) {
      mark(insertAt!, RANK.ins, insXml(insertAt!.seg));
      return null;
    }
    for (const g of hit) {
      const list = deletions.get(g.node) ?? [];
      list.push({ from: Math.max(s, g.start) - g.start, to: Math.min(e, g.end) - g.start });
      deletions.set(g.node, list);
    }
    // The new text follows the first deleted piece, in that run's formatting (as typing over a selection).
    const first = hit[0]!;
    mark({ seg: first, at: Math.min(e, first.end) - first.start }, RANK.attachedIns, insXml(first));
    return null;
  }

  // --- Findings → comments ---
  const anchorBlocks = scan.blocks.map((b, i) => ({ start: starts[i]!, text: b.text }));
  const comments: string[] = [];
  for (const d of diagnostics) {
    const range = commentAnchor(d, anchorBlocks);
    const id = nextId++;
    const lines = reviewCommentLines(d, text, { fixTracked: d.fix !== null && tracked.has(d.fix) });
    comments.push(commentXml(id, author, initials, date, lines));
    const startXml = `<w:commentRangeStart w:id="${id}"/>`;
    const endXml = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    const from = range ? pointBefore(range.start) : undefined;
    const to = range ? pointAfter(range.end) : undefined;
    if (!from || !to) {
      // No text to anchor on (an empty document): the comment goes at the start of the body.
      const body = root.children
        .find((c) => c.name === "w:document")
        ?.children.find((c) => c.name === "w:body");
      const firstP = body ? findFirst(body, "w:p") : undefined;
      if (firstP) markAt(firstP.closeStart, RANK.end, startXml + endXml);
      continue;
    }
    const fieldFrom = fieldOf(from.seg);
    if (fieldFrom) markAt(fieldFrom.start, RANK.start, startXml);
    else mark(from, RANK.start, startXml);
    const fieldTo = fieldOf(to.seg);
    if (fieldTo) markAt(fieldTo.end, RANK.end, endXml);
    else mark(to, RANK.end, endXml);
  }

  // --- Rewrite the runs that carry markup; splice ---
  const edits: { start: number; end: number; text: string }[] = [];
  const runs = new Set<XmlElement>();
  for (const node of [...markers.keys(), ...deletions.keys()]) runs.add(node.parent!);
  for (const run of runs) {
    edits.push({
      start: run.start,
      end: run.end,
      text: rewriteRun(run, xml, markers, deletions, () => `<w:del ${revisionAttrs(nextId++)}>`),
    });
  }
  for (const [offset, list] of positional)
    edits.push({ start: offset, end: offset, text: joinMarkers(list) });
  // Back to front; at one offset a replaced run goes in first, so markup inserted there ends up before it.
  edits.sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start));
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);

  const entries = withComments(pkg, out, comments);
  return { bytes: writeZip(entries), comments: comments.length, revisions, skipped };
}

function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const hit = findFirst(c, name);
    if (hit) return hit;
  }
  return undefined;
}

function joinMarkers(list: readonly Marker[]): string {
  return [...list]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((m) => m.xml)
    .join("");
}

/**
 * Fields by run: every run inside a field's result (a complex field between its begin and end w:fldChar, or
 * a w:fldSimple) maps to the outermost field's XML span. ECMA-376 §17.16: the result is regenerated when
 * the field updates, so a comment boundary or a change inside it would be lost or land in the field code.
 */
function fieldSpans(root: XmlElement): Map<XmlElement, FieldSpan> {
  const out = new Map<XmlElement, FieldSpan>();
  const open: { begin: XmlElement; runs: XmlElement[] }[] = [];
  const walk = (el: XmlElement, simple: XmlElement | undefined) => {
    for (const c of el.children) {
      if (c.name === "w:del" || c.name === "w:moveFrom") continue;
      if (c.name === "w:fldSimple") {
        walk(c, simple ?? c);
        continue;
      }
      if (c.name !== "w:r") {
        walk(c, simple);
        continue;
      }
      if (simple) out.set(c, { start: simple.start, end: simple.end });
      const outer = open[0];
      if (outer) outer.runs.push(c);
      for (const f of c.children) {
        if (f.name !== "w:fldChar") continue;
        const type = f.attrs["w:fldCharType"];
        if (type === "begin") {
          if (open.length === 0) open.push({ begin: c, runs: [c] });
          else open.push({ begin: c, runs: [] });
        } else if (type === "end" && open.length > 0) {
          const done = open.pop()!;
          if (open.length === 0) {
            for (const r of done.runs) if (!out.has(r)) out.set(r, { start: done.begin.start, end: c.end });
          }
        }
      }
    }
  };
  walk(root, undefined);
  return out;
}

/** The run's w:rPr as written, without a formatting revision of someone else's (w:rPrChange). */
function runPropertiesOf(run: XmlElement, xml: string): string {
  const rPr = run.children.find((c) => c.name === "w:rPr");
  if (!rPr) return "";
  const change = rPr.children.find((c) => c.name === "w:rPrChange");
  if (!change) return xml.slice(rPr.start, rPr.end);
  return xml.slice(rPr.start, change.start) + xml.slice(change.end, rPr.end);
}

/** Run content for new text: tabs as w:tab, like the text readers expect. */
function textRunsContent(text: string): string {
  return text
    .split("\t")
    .map((piece) => (piece ? `<w:t xml:space="preserve">${escapeXmlText(piece)}</w:t>` : ""))
    .join("<w:tab/>");
}

type Token =
  | { kind: "markup"; xml: string }
  | { kind: "content"; xml: string; deleted: boolean; whole: boolean };

/**
 * A run cut where markup goes: each piece keeps the run's start tag and properties; deleted pieces are
 * wrapped in w:del with their w:t turned into w:delText. A run whose markup only sits before or after all
 * its content is kept byte for byte, with the markup beside it.
 */
function rewriteRun(
  run: XmlElement,
  xml: string,
  markers: Map<XmlElement, Map<number, Marker[]>>,
  deletions: Map<XmlElement, { from: number; to: number }[]>,
  delOpen: () => string,
): string {
  const tokens: Token[] = [];
  for (const c of run.children) {
    if (c.name === "w:rPr") continue;
    const perNode = markers.get(c);
    const dels = deletions.get(c);
    if (!perNode && !dels) {
      tokens.push({ kind: "content", xml: xml.slice(c.start, c.end), deleted: false, whole: true });
      continue;
    }
    const value = c.name === "w:t" ? c.text : c.name === "w:noBreakHyphen" ? "-" : "\t";
    const cuts = new Set<number>([0, value.length]);
    for (const at of perNode?.keys() ?? []) cuts.add(at);
    for (const d of dels ?? []) {
      cuts.add(d.from);
      cuts.add(d.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (const [i, at] of points.entries()) {
      const here = perNode?.get(at);
      if (here) tokens.push({ kind: "markup", xml: joinMarkers(here) });
      const next = points[i + 1];
      if (next === undefined) break;
      const deleted = (dels ?? []).some((d) => d.from <= at && next <= d.to);
      const whole = at === 0 && next === value.length;
      tokens.push({
        kind: "content",
        xml: pieceXml(c, xml, value.slice(at, next), deleted, whole),
        deleted,
        whole,
      });
    }
  }

  // Markup only around the content: keep the run as it was.
  let first = 0;
  while (first < tokens.length && tokens[first]!.kind === "markup") first++;
  let last = tokens.length;
  while (last > first && tokens[last - 1]!.kind === "markup") last--;
  const middle = tokens.slice(first, last);
  const untouched = middle.every((t) => t.kind === "content" && !t.deleted && t.whole);
  const markupXml = (list: Token[]) => list.map((t) => t.xml).join("");
  if (untouched && middle.length > 0) {
    return markupXml(tokens.slice(0, first)) + xml.slice(run.start, run.end) + markupXml(tokens.slice(last));
  }

  const open = xml.slice(run.start, run.openEnd);
  const rPr = run.children.find((c) => c.name === "w:rPr");
  const props = rPr ? xml.slice(rPr.start, rPr.end) : "";
  const out: string[] = [];
  let group: Token[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const body = `${open}${props}${group.map((t) => t.xml).join("")}</w:r>`;
    out.push(group[0]!.kind === "content" && group[0]!.deleted ? `${delOpen()}${body}</w:del>` : body);
    group = [];
  };
  for (const t of tokens) {
    if (t.kind === "markup") {
      flush();
      out.push(t.xml);
    } else {
      const prev = group[0];
      if (prev && prev.kind === "content" && prev.deleted !== t.deleted) flush();
      group.push(t);
    }
  }
  flush();
  return out.join("");
}

function pieceXml(node: XmlElement, xml: string, value: string, deleted: boolean, whole: boolean): string {
  if (node.name !== "w:t") return xml.slice(node.start, node.end);
  if (!deleted && whole) return xml.slice(node.start, node.end);
  const tag = deleted ? "w:delText" : "w:t";
  return `<${tag} xml:space="preserve">${escapeXmlText(value)}</${tag}>`;
}

function commentXml(
  id: number,
  author: string,
  initials: string,
  date: string,
  lines: readonly string[],
): string {
  const paragraphs = lines.map(
    (line, i) =>
      `<w:p>${i === 0 ? "<w:r><w:annotationRef/></w:r>" : ""}<w:r><w:t xml:space="preserve">${escapeXmlText(line)}</w:t></w:r></w:p>`,
  );
  return `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${initials}">${paragraphs.join("")}</w:comment>`;
}

// --- Package parts ---

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Pkg = ReturnType<typeof scanDocx>["pkg"];

function maxAnnotationId(pkg: Pkg): number {
  let max = 0;
  for (const e of pkg.entries) {
    if (!/\.xml$/i.test(e.name) || e.name.startsWith("customXml/")) continue;
    const part = pkg.part(e.name) ?? "";
    for (const m of part.matchAll(/\bw:id="(-?\d+)"/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/**
 * The package with the new main part and the comments in the comments part (ECMA-376 Part 1 §17.13.4.6 and
 * its relationship and content type); an existing comments part keeps its comments and gets ours appended.
 */
function withComments(pkg: Pkg, documentXml: string, comments: readonly string[]): ZipEntry[] {
  const dir = pkg.documentPath.slice(0, Math.max(0, pkg.documentPath.lastIndexOf("/")));
  const relsPath = relationshipsPartOf(pkg.documentPath);
  const template = pkg.entries.find((e) => e.name === pkg.documentPath)!;
  const replaced = new Map<string, string>([[pkg.documentPath, documentXml]]);

  if (comments.length > 0) {
    let rels =
      pkg.part(relsPath) ??
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    let target: string | undefined;
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (m[0].includes(`Type="${COMMENTS_RELATIONSHIP}"`)) target = /Target="([^"]*)"/.exec(m[0])?.[1];
    }
    if (target === undefined) {
      target = "comments.xml";
      let rid = "rIdRendaComments";
      while (rels.includes(`Id="${rid}"`)) rid += "1";
      rels = insertBeforeClose(
        rels,
        "Relationships",
        `<Relationship Id="${rid}" Type="${COMMENTS_RELATIONSHIP}" Target="${target}"/>`,
      );
      replaced.set(relsPath, rels);
    }
    const commentsPath = target.startsWith("/") ? target.slice(1) : `${dir ? `${dir}/` : ""}${target}`;
    const existing = pkg.part(commentsPath);
    replaced.set(
      commentsPath,
      existing
        ? insertBeforeClose(existing, "w:comments", comments.join(""))
        : `${XML_DECL}<w:comments xmlns:w="${W_NS}">${comments.join("")}</w:comments>`,
    );
    const types = pkg.part("[Content_Types].xml") ?? "";
    if (!types.includes(`PartName="/${commentsPath}"`)) {
      replaced.set(
        "[Content_Types].xml",
        insertBeforeClose(
          types,
          "Types",
          `<Override PartName="/${commentsPath}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`,
        ),
      );
    }
  }

  const out: ZipEntry[] = pkg.entries.map((e) => {
    const text = replaced.get(e.name);
    if (text === undefined) return e;
    replaced.delete(e.name);
    return entryOf(e.name, text, e);
  });
  for (const [name, text] of replaced) out.push(entryOf(name, text, template));
  return out;
}

/** Inserts before `</name>`, or expands a self-closing `<name …/>`. */
function insertBeforeClose(xml: string, name: string, inner: string): string {
  const close = xml.lastIndexOf(`</${name}>`);
  if (close !== -1) return xml.slice(0, close) + inner + xml.slice(close);
  const self = new RegExp(`<${name.replace(":", "\\:")}(\\s[^>]*)?/>`).exec(xml);
  if (self) {
    const open = self[0].slice(0, -2);
    return `${xml.slice(0, self.index)}${open}>${inner}</${name}>${xml.slice(self.index + self[0].length)}`;
  }
  return xml + inner;
}

function entryOf(name: string, text: string, like: ZipEntry): ZipEntry {
  const data = new TextEncoder().encode(text);
  const raw = deflateSync(data, { level: 6 });
  return {
    name,
    flags: 0,
    method: 8,
    dosTime: like.dosTime,
    dosDate: like.dosDate,
    crc32: crc32(data),
    compressedSize: raw.length,
    size: data.length,
    raw,
  };
}
