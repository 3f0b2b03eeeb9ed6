import {
  type Diagnostic,
  type Fix,
  type KindGroup,
  type LintResult,
  presentFindings,
  type SeverityCounts,
  sectionLabel,
  type TextDocument,
} from "../core.ts";
import type { LocatedEdit } from "../ports.ts";

/**
 * A finding's identity for "ignore in this document": rule, section and the words it flags, not offsets,
 * so it survives edits elsewhere in the text.
 */
export function findingKey(d: Diagnostic, text: string): string {
  return `${d.ruleId}|${d.section ?? ""}|${text.slice(d.start, d.end)}`;
}

/** One section's findings of one severity: a region of the pane. */
export interface FindingGroup {
  section: string | null;
  sectionName: string;
  severity: Diagnostic["severity"];
  /** The severity in the words every surface uses (core's SEVERITY_WORDS). */
  word: string;
  items: Diagnostic[];
  /** The items with same-kind findings gathered (core's groupSameKind). */
  rows: (Diagnostic | KindGroup)[];
}

export interface CheckView {
  /** Missing required sections, shown first. */
  missing: Diagnostic[];
  groups: FindingGroup[];
  /** Findings shown, by severity (ignored ones left out). */
  counts: SeverityCounts;
  ignoredCount: number;
}

/**
 * The findings not ignored, in core's presentation (present.ts, the same as the CLI and the side panel):
 * missing sections first, then by section in document order, errors before warnings before notes.
 */
export function groupFindings(result: LintResult, ignored: ReadonlySet<string>): CheckView {
  const shown = result.diagnostics.filter((d) => !ignored.has(findingKey(d, result.doc.text)));
  const p = presentFindings(shown, (id) => sectionLabel(result.kind, id));
  const groups = p.sections.flatMap((s) =>
    s.bands.map((b) => ({
      section: s.section,
      sectionName: s.label,
      severity: b.severity,
      word: b.word,
      items: b.items,
      rows: b.rows,
    })),
  );
  return {
    missing: p.missing,
    groups,
    counts: p.counts,
    ignoredCount: result.diagnostics.length - shown.length,
  };
}

/**
 * Maps a fix's document offsets (paragraphs joined by "\n") to one paragraph. A fix across a paragraph break
 * cannot be made by a text replacement in Word, so it comes back null and the pane says so. Any result over
 * the document's paragraphs will do: the compare panel locates its evidence in the report with it too.
 */
export function locate(
  result: { doc: Pick<TextDocument, "blocks"> },
  range: { start: number; end: number },
): Omit<LocatedEdit, "text"> | null {
  const blocks = result.doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (range.start < b.start) hi = mid - 1;
    else if (range.start > b.end) lo = mid + 1;
    else {
      if (range.end > b.end) return null;
      return {
        paragraph: b.index,
        paragraphText: b.text,
        offset: range.start - b.start,
        length: range.end - range.start,
      };
    }
  }
  return null;
}

export function editFor(result: LintResult, fix: Fix): LocatedEdit | null {
  const at = locate(result, fix);
  return at ? { ...at, text: fix.text } : null;
}
