import type { Fix } from "../schema/diagnostic.ts";
import { startIndexAt } from "../text/model.ts";
import { replaceEntry } from "./docx-fill.ts";
import { scanDocx } from "./docx-read.ts";
import { blockStarts, segmentsByBlock, type TextSegment } from "./docx-scan.ts";
import { escapeXmlText, type XmlElement } from "./xml.ts";

export interface DocxFixResult {
  bytes: Uint8Array;
  applied: Fix[];
  /** Fixes not applied, with why (overlap with another fix, crossing a paragraph boundary…). */
  skipped: { fix: Fix; reason: string }[];
}

interface LocalChange {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies lint fixes (offsets into the text readDocx builds) inside the runs of a .docx, so formatting is
 * kept: a fix within one run edits that run's w:t; a fix across runs puts the new text in the first run and
 * trims the others (the first run's formatting wins, as when one types over a selection in Word). Fixes go
 * back to front and overlapping ones are skipped, as for plain text. Returns a new package; the input bytes
 * are not touched.
 */
export function fixDocx(bytes: Uint8Array, fixes: readonly Fix[], file = "文档"): DocxFixResult {
  const { pkg, xml, scan } = scanDocx(bytes, file);
  const starts = blockStarts(scan.blocks);
  const byBlock = segmentsByBlock(scan.segments);
  const changes = new Map<XmlElement, LocalChange[]>();
  const change = (node: XmlElement, c: LocalChange) => {
    const list = changes.get(node) ?? [];
    list.push(c);
    changes.set(node, list);
  };

  const applied: Fix[] = [];
  const skipped: { fix: Fix; reason: string }[] = [];
  let floor = Number.POSITIVE_INFINITY;
  for (const fix of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (fix.end > floor) {
      skipped.push({ fix, reason: "与另一处修改重叠，请再次运行" });
      continue;
    }
    if (starts.length === 0) {
      skipped.push({ fix, reason: "文档没有正文" });
      continue;
    }
    const block = startIndexAt(starts, fix.start);
    const blockEnd = starts[block]! + scan.blocks[block]!.text.length;
    if (fix.start > fix.end || fix.end > blockEnd) {
      skipped.push({ fix, reason: "修改跨越段落，请手工修改" });
      continue;
    }
    const s = fix.start - starts[block]!;
    const e = fix.end - starts[block]!;
    const segments = byBlock.get(block) ?? [];
    const hit =
      s === e
        ? [segments.find((g) => g.start < s && s <= g.end) ?? segments.find((g) => g.start >= s)].filter(
            (g): g is TextSegment => g !== undefined,
          )
        : segments.filter((g) => g.end > s && g.start < e);
    if (hit.length === 0) {
      skipped.push({ fix, reason: "段落中没有可修改的文字" });
      continue;
    }
    for (const [i, g] of hit.entries()) {
      const from = Math.max(s, g.start) - g.start;
      const to = Math.min(e, g.end) - g.start;
      change(g.node, { start: from, end: to, text: i === 0 ? fix.text : "" });
    }
    applied.push(fix);
    floor = fix.start;
  }

  const edits: { start: number; end: number; text: string }[] = [];
  for (const [node, list] of changes) {
    const original = node.name === "w:t" ? node.text : node.name === "w:noBreakHyphen" ? "-" : "\t";
    let text = original;
    for (const c of [...list].sort((a, b) => b.start - a.start))
      text = text.slice(0, c.start) + c.text + text.slice(c.end);
    edits.push({ start: node.start, end: node.end, text: rewrite(node, xml, original, text) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  applied.reverse();
  return { bytes: replaceEntry(pkg.entries, pkg.documentPath, out), applied, skipped };
}

/** New XML for a text-bearing element: a w:t keeps its start tag; a tab or hyphen becomes text when edited. */
function rewrite(node: XmlElement, xml: string, original: string, text: string): string {
  if (text === original) return xml.slice(node.start, node.end);
  if (text === "") return node.name === "w:t" ? `${xml.slice(node.start, node.openEnd)}</w:t>` : "";
  let open = node.name === "w:t" && !node.selfClosing ? xml.slice(node.start, node.openEnd) : "<w:t>";
  // Word drops leading and trailing spaces of a w:t unless told to preserve them.
  if (/^\s|\s$/.test(text) && !/xml:space=/.test(open)) open = `${open.slice(0, -1)} xml:space="preserve">`;
  return `${open}${escapeXmlText(text)}</w:t>`;
}
