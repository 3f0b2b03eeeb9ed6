import { detectOutline } from "./outline/detect.ts";
import type { Outline, PartId } from "./outline/types.ts";
import type { RulePack } from "./rules/packs/schema.ts";
import { builtinRules } from "./rules/registry.ts";
import { indexZones, isSilenced, suppressionZones } from "./rules/suppress.ts";
import type { Rule, RuleContext } from "./rules/types.ts";
import type { Diagnostic, Report, Severity } from "./schema/diagnostic.ts";
import type { DocumentKindId, KindDetection } from "./schema/kinds.ts";
import { kindUncertain, recogniseKind } from "./sections/kind.ts";
import { matchSections, qualify, type SectionsResult } from "./sections/match.ts";
import { type DocumentYears, detectYears, mainYear } from "./sections/years.ts";
import {
  type BlockInput,
  blockAt,
  fromBlocks,
  fromPlainText,
  positionAt,
  type TextDocument,
} from "./text/model.ts";

export type LintInput = string | TextDocument | { blocks: readonly BlockInput[] };

export interface LintOptions {
  /** Document kind; detected from the text when absent or "auto". */
  kind?: DocumentKindId | "auto";
  /** The year the document covers (reviewed year of a report, planned year of a plan); detected when absent. */
  year?: number;
  /** Rules to run instead of the built-in set. */
  rules?: readonly Rule[];
  /** Per rule id or group: a new severity, or "off". A rule id beats its group. */
  severity?: Readonly<Record<string, Severity | "off">>;
  /** Local rule packs (renda.config.json) run with the built-in ones; an entry with a built-in id replaces it. */
  packs?: readonly RulePack[];
  /** Honour inline `renda-disable…` paragraphs (default true). */
  suppress?: boolean;
  /**
   * Keep at most this many findings, the first in document order, and only count the rest (`omitted`). A
   * hostile or runaway text can yield millions of findings; kept all, they need gigabytes. Absent: keep all.
   */
  maxDiagnostics?: number;
}

/** Findings found but not kept (`maxDiagnostics`): how many, per rule id, and how many of them are errors. */
export interface OmittedFindings {
  count: number;
  errors: number;
  byRule: Record<string, number>;
}

export interface LintResult {
  kind: DocumentKindId;
  /** How the kind was decided: the evidence seen and how sure, or that the caller forced it. */
  kindDetection: KindDetection;
  year: number | null;
  years: DocumentYears;
  doc: TextDocument;
  outline: Outline;
  sections: SectionsResult;
  diagnostics: Diagnostic[];
  /** Present when `maxDiagnostics` left findings out. */
  omitted?: OmittedFindings;
}

export function toDocument(input: LintInput): TextDocument {
  if (typeof input === "string") return fromPlainText(input);
  if ("lineStarts" in input) return input;
  return fromBlocks(input.blocks);
}

/** The one entry point every surface calls: text in, outline + sections + diagnostics out. */
export function lint(input: LintInput, options: LintOptions = {}): LintResult {
  const doc = toDocument(input);
  const outline = detectOutline(doc);
  const kindDetection: KindDetection =
    options.kind && options.kind !== "auto"
      ? { kind: options.kind, confidence: 1, evidence: ["按使用者指定"], forced: true }
      : recogniseKind(doc, outline);
  const kind = kindDetection.kind;
  const years = detectYears(doc, outline, kind, options.year);
  const sections = matchSections(doc, outline, kind, years);
  const locate = makeLocator(doc, outline, sections);

  // A guessed kind below STRUCTURE_CONFIDENCE: the section checks hold the text to a schema it may not
  // follow, so they only inform; the file header says the kind is uncertain and how to force it (--kind),
  // once per file rather than on every finding.
  const uncertain = kindUncertain(kindDetection);
  // Suppressions and the cap apply as findings come in, so a capped run never holds more than twice the cap.
  const zones = options.suppress !== false ? suppressionZones(doc) : [];
  const zoneIndex = indexZones(zones);
  const max = options.maxDiagnostics ?? Number.POSITIVE_INFINITY;
  const omitted: OmittedFindings = { count: 0, errors: 0, byRule: {} };
  const diagnostics: Diagnostic[] = [];
  const drop = (from: number) => {
    for (const d of diagnostics.slice(from)) {
      omitted.count++;
      if (d.severity === "error") omitted.errors++;
      omitted.byRule[d.ruleId] = (omitted.byRule[d.ruleId] ?? 0) + 1;
    }
    diagnostics.length = from;
  };
  const keep = (d: Diagnostic) => {
    if (uncertain && d.ruleId.startsWith("section/")) d.severity = "info";
    if (zones.length > 0 && isSilenced(zoneIndex, d.ruleId, d.start)) return;
    diagnostics.push(d);
    // Sorting and cutting at twice the cap: n log(cap) over all findings, memory bounded by the cap.
    if (diagnostics.length >= 2 * max) {
      diagnostics.sort(byPlace);
      drop(max);
    }
  };
  for (const rule of options.rules ?? builtinRules(options.packs)) {
    const setting = options.severity?.[rule.meta.id] ?? options.severity?.[rule.meta.group];
    if (setting === "off") continue;
    // One rule may report under several ids (each pack entry is its own "group/name"): settle each id.
    const settingOf = (id: string | undefined) =>
      id === undefined || id === rule.meta.id
        ? setting
        : (options.severity?.[id] ?? options.severity?.[id.slice(0, id.indexOf("/"))] ?? setting);
    const ctx: RuleContext = {
      doc,
      outline,
      sections,
      kind,
      years,
      sectionAt: locate.sectionAt,
      partAt: locate.partAt,
      report: (r: Report) => {
        const s = settingOf(r.ruleId);
        if (s !== "off") keep(stamp(doc, rule, r, s, locate.sectionAt));
      },
    };
    rule.check(ctx);
  }
  diagnostics.sort(byPlace);
  if (diagnostics.length > max) drop(max);
  const result: LintResult = {
    kind,
    kindDetection,
    year: mainYear(years, kind),
    years,
    doc,
    outline,
    sections,
    diagnostics,
  };
  if (omitted.count > 0) result.omitted = omitted;
  return result;
}

/** Document order; code-unit order of rule ids for ties (localeCompare is slow and locale-dependent). */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function stamp(
  doc: TextDocument,
  rule: Rule,
  r: Report,
  setting: Severity | undefined,
  sectionAt: (offset: number) => string | null,
): Diagnostic {
  const { line, column } = positionAt(doc, r.start);
  const d: Diagnostic = {
    ruleId: r.ruleId ?? rule.meta.id,
    severity: setting ?? r.severity ?? rule.meta.severity,
    message: r.message,
    start: r.start,
    end: r.end,
    line,
    column,
    section: sectionAt(r.start),
    expected: r.expected ?? [],
    fix: null,
  };
  // ESLint's split: `fix` holds only a safe change, so every consumer that applies `fix` stays safe; the
  // rest become suggestions the user picks one by one.
  const suggestions = r.suggestions ? [...r.suggestions] : [];
  if (r.fix) {
    if (r.fixSafe ?? rule.meta.fixSafety === "safe") d.fix = r.fix;
    else suggestions.unshift({ fix: r.fix });
  }
  if (suggestions.length > 0) d.suggestions = suggestions;
  const source = r.source ?? rule.meta.source;
  if (source) d.source = source;
  return d;
}

interface Locator {
  sectionAt(offset: number): string | null;
  partAt(offset: number): PartId | null;
}

function makeLocator(doc: TextDocument, outline: Outline, sections: SectionsResult): Locator {
  const head = new Map<number, string>();
  for (const i of outline.titleBlocks) head.set(i, "title");
  if (outline.salutation !== null) head.set(outline.salutation, "salutation");
  if (outline.adoptionNote !== null) head.set(outline.adoptionNote, "adoption-note");
  // Chapters are disjoint and in document order, so a binary search finds the one holding an offset.
  const chapters = sections.chapters
    .filter((c) => c.primary !== null)
    .map((c) => ({ start: c.node.start, end: c.node.end, id: qualify(c.primary!, c.part, sections.kind) }))
    .sort((a, b) => a.start - b.start);
  const partAt = (offset: number): PartId | null => {
    for (const [part, node] of Object.entries(sections.parts)) {
      if (node && offset >= node.start && offset <= node.end) return part as PartId;
    }
    return null;
  };
  return {
    partAt,
    sectionAt(offset) {
      let lo = 0;
      let hi = chapters.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = chapters[mid]!;
        if (offset < c.start) hi = mid - 1;
        else if (offset >= c.end) lo = mid + 1;
        else return c.id;
      }
      const block = blockAt(doc, offset);
      if (block && head.has(block.index)) return head.get(block.index)!;
      return partAt(offset);
    },
  };
}
