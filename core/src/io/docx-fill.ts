import { deflateSync } from "fflate";
import { SLOT_TAG_PREFIX, type SlotMap } from "../draft/slots.ts";
import { scanDocx } from "./docx-read.ts";
import { DEFAULT_TEMPLATE, type SlotTemplate, slotBlockXml, slotInlineXml } from "./slot-xml.ts";
import { child, type XmlElement } from "./xml.ts";
import { crc32, inflateEntry, writeZip, type ZipEntry } from "./zip.ts";

export interface FillResult {
  bytes: Uint8Array;
  /** Slots whose controls were filled, in document order. */
  filled: string[];
  /** `renda:*` tags in the document with no data in the slot map: left as they are, and reported. */
  unknown: string[];
  /** Slots given with no control in the document to fill. */
  absent: string[];
  /** Controls that could not take their slot's content (a table for an inline control, a row-level control). */
  skipped: { slot: string; reason: string }[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Replaces the content of the `renda:<slot>` content controls, and nothing else: the control and its
 * properties stay (except w:showingPlcHdr, which would make Word treat the new text as placeholder), every
 * byte of the main document part outside the controls' content stays, and every other package entry is copied
 * unchanged. The same input gives the same output, so filling twice changes nothing. Bytes in, bytes out:
 * writing the file (never over the input unless asked) is the caller's job.
 */
export function fillDocx(bytes: Uint8Array, slots: SlotMap, file = "文档"): FillResult {
  const { pkg, xml, scan } = scanDocx(bytes, file);
  // The other parts are copied, not read: check each against its CRC-32 first, so a damaged package is
  // refused rather than passed on with the damage hidden under a freshly written file.
  for (const entry of pkg.entries) if (entry.name !== pkg.documentPath) inflateEntry(entry, file);
  const edits: Edit[] = [];
  const filled: string[] = [];
  const unknown: string[] = [];
  const skipped: { slot: string; reason: string }[] = [];
  const seen = new Set<string>();

  for (const ctl of scan.controls) {
    if (!ctl.tag?.startsWith(SLOT_TAG_PREFIX) || insideSlot(ctl.sdt)) continue;
    const slot = ctl.tag.slice(SLOT_TAG_PREFIX.length);
    seen.add(slot);
    const content = slots[slot];
    if (!content) {
      if (!unknown.includes(slot)) unknown.push(slot);
      continue;
    }
    const parent = ctl.sdt.parent?.name;
    if (parent === "w:tbl" || parent === "w:tr") {
      skipped.push({ slot, reason: "表格行或单元格级的内容控件不能放入段落或表格" });
      continue;
    }
    let inner: string | null;
    if (ctl.level === "block") {
      inner = slotBlockXml(content, ctl.content ? blockTemplate(ctl.content, xml) : DEFAULT_TEMPLATE);
    } else {
      const run = ctl.content && first(ctl.content, "w:r");
      const rPr = run && child(run, "w:rPr");
      inner = slotInlineXml(content, rPr ? xml.slice(rPr.start, rPr.end) : "");
      if (inner === null) {
        skipped.push({ slot, reason: "句中（行内）内容控件只能填入文字，不能填入表格" });
        continue;
      }
    }
    const sdtPr = child(ctl.sdt, "w:sdtPr");
    const placeholder = sdtPr && child(sdtPr, "w:showingPlcHdr");
    if (placeholder) edits.push({ start: placeholder.start, end: placeholder.end, text: "" });
    if (ctl.content && !ctl.content.selfClosing) {
      edits.push({ start: ctl.content.openEnd, end: ctl.content.closeStart, text: inner });
    } else if (ctl.content) {
      edits.push({
        start: ctl.content.start,
        end: ctl.content.end,
        text: `<w:sdtContent>${inner}</w:sdtContent>`,
      });
    } else {
      edits.push({
        start: ctl.sdt.closeStart,
        end: ctl.sdt.closeStart,
        text: `<w:sdtContent>${inner}</w:sdtContent>`,
      });
    }
    if (!filled.includes(slot)) filled.push(slot);
  }
  const absent = Object.keys(slots).filter((s) => !seen.has(s));
  const newXml = applyEdits(xml, edits);
  return { bytes: replaceEntry(pkg.entries, pkg.documentPath, newXml), filled, unknown, absent, skipped };
}

/** Outer controls win: a renda control inside another one is part of the outer one's content. */
function insideSlot(sdt: XmlElement): boolean {
  for (let p = sdt.parent; p; p = p.parent) {
    if (p.name !== "w:sdt") continue;
    const tag = child(child(p, "w:sdtPr") ?? p, "w:tag")?.attrs["w:val"];
    if (tag?.startsWith(SLOT_TAG_PREFIX)) return true;
  }
  return false;
}

/**
 * The drafter's formatting of the slot: properties of its first paragraph and first run. Not taken when the
 * slot holds a table (the caption row would otherwise become the template for sentences).
 */
function blockTemplate(content: XmlElement, xml: string): SlotTemplate {
  if (first(content, "w:tbl")) return DEFAULT_TEMPLATE;
  const p = first(content, "w:p");
  if (!p) return DEFAULT_TEMPLATE;
  const pPr = child(p, "w:pPr");
  const run = first(p, "w:r");
  const rPr = run && child(run, "w:rPr");
  return { pPr: pPr ? xml.slice(pPr.start, pPr.end) : "", rPr: rPr ? xml.slice(rPr.start, rPr.end) : "" };
}

function first(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    if (c.name === "w:del" || c.name === "w:moveFrom") continue;
    const hit = first(c, name);
    if (hit) return hit;
  }
  return undefined;
}

export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * The package with one part replaced. Other entries keep their compressed bytes, names, order and
 * timestamps; the replaced part keeps its timestamp. The output is a function of the input alone.
 */
export function replaceEntry(entries: readonly ZipEntry[], path: string, text: string): Uint8Array {
  const data = new TextEncoder().encode(text);
  return writeZip(
    entries.map((e) =>
      e.name === path
        ? {
            ...e,
            method: 8,
            flags: 0,
            crc32: crc32(data),
            size: data.length,
            raw: deflateSync(data, { level: 6 }),
          }
        : e,
    ),
  );
}
