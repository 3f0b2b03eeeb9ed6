import type { Diagnostic } from "../schema/diagnostic.ts";
import { startIndexAt, type TextDocument } from "../text/model.ts";

/**
 * Inline suppression, written as a paragraph of its own so it survives .txt, .md (as an HTML comment) and
 * .docx (as a paragraph, e.g. in hidden text):
 *
 *   renda-disable-next-paragraph [rule-or-group …]   the next non-blank paragraph
 *   renda-disable [rule-or-group …] … renda-enable    every paragraph in between
 *   <!-- renda-disable-next-paragraph term/yifu-liangyuan -->
 *
 * Without ids every rule is silenced. An id names a rule ("confusable/qita") or a group ("typography").
 * The marker paragraph itself is never reported on.
 */
const MARKER = /renda-(disable-next-paragraph|disable|enable)\b([^\n]*)/;
const ID = /[a-z][a-z0-9]*(?:\/[a-z0-9][a-z0-9-]*)?/g;

export interface Zone {
  start: number;
  end: number;
  /** Empty: all rules. */
  ids: Set<string>;
}

function idsOf(rest: string): Set<string> {
  const body = rest.replace(/-->.*$/, "");
  return new Set(body.match(ID) ?? []);
}

export function suppressionZones(doc: TextDocument): Zone[] {
  if (!doc.text.includes("renda-")) return [];
  const zones: Zone[] = [];
  let open: { start: number; ids: Set<string> } | null = null;
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const m = MARKER.exec(b.text);
    if (!m) continue;
    zones.push({ start: b.start, end: b.end + 1, ids: new Set() });
    const ids = idsOf(m[2]!);
    if (m[1] === "disable-next-paragraph") {
      let j = i + 1;
      while (j < blocks.length && blocks[j]!.text.trim() === "") j++;
      const next = blocks[j];
      if (next) zones.push({ start: next.start, end: next.end + 1, ids });
    } else if (m[1] === "disable") {
      open = { start: b.end, ids };
    } else if (open) {
      zones.push({ start: open.start, end: b.start, ids: open.ids });
      open = null;
    }
  }
  if (open) zones.push({ start: open.start, end: doc.text.length + 1, ids: open.ids });
  return zones;
}

/**
 * The zones cut at every boundary, with the zones covering each piece: a finding looks up its piece by binary
 * search instead of testing every zone, so a long document with many markers and many findings costs
 * (zones + findings) × log(zones), not zones × findings. Zones nest at most a few deep (a marker paragraph
 * inside a disable…enable span), so the pieces' lists stay short.
 */
export interface ZoneIndex {
  bounds: number[];
  cover: (readonly Zone[])[];
}

export function indexZones(zones: readonly Zone[]): ZoneIndex {
  const bounds = [...new Set(zones.flatMap((z) => [z.start, z.end]))].sort((a, b) => a - b);
  const byStart = [...zones].sort((a, b) => a.start - b.start);
  const byEnd = [...zones].sort((a, b) => a.end - b.end);
  const active = new Set<Zone>();
  const cover: (readonly Zone[])[] = [];
  let si = 0;
  let ei = 0;
  for (const b of bounds) {
    // Add every zone begun by b, then drop every zone ended by b: the piece [b, next bound) is covered by
    // the zones with start ≤ b < end.
    while (si < byStart.length && byStart[si]!.start <= b) active.add(byStart[si++]!);
    while (ei < byEnd.length && byEnd[ei]!.end <= b) active.delete(byEnd[ei++]!);
    cover.push([...active]);
  }
  return { bounds, cover };
}

/** Is a finding of `ruleId` at `offset` silenced by one of the zones? */
export function isSilenced(index: ZoneIndex, ruleId: string, offset: number): boolean {
  const { bounds, cover } = index;
  if (bounds.length === 0 || offset < bounds[0]!) return false;
  const group = ruleId.slice(0, ruleId.indexOf("/"));
  return cover[startIndexAt(bounds, offset)]!.some(
    (z) => z.ids.size === 0 || z.ids.has(ruleId) || z.ids.has(group),
  );
}

/** Drops silenced findings (each finding is at one place, so it is silenced or not as a whole). */
export function applySuppressions(doc: TextDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  const zones = suppressionZones(doc);
  if (zones.length === 0) return diagnostics;
  const index = indexZones(zones);
  return diagnostics.filter((d) => !isSilenced(index, d.ruleId, d.start));
}
