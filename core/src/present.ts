import type { Diagnostic, Severity } from "./schema/diagnostic.ts";

/**
 * How every surface presents findings — the CLI's stylish output, the Word task pane and the browser side
 * panel: the severity words, the order, the sections and the same-kind groups. Defined once here so the three
 * say the same thing in the same order; the surfaces only draw it.
 *
 * This module has no value imports on purpose: the extension's side panel imports it by path without pulling
 * the rule engine and its data into the panel's bundle. Section names come from the caller (`labelOf`;
 * core's `sectionLabel` in sections/label.ts gives them).
 */

/** Most serious first: the order of severities in every list and count. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The one word per severity on every surface. The side panel and the page badge used to say 提醒 where the
 * CLI, the task pane and the ledger check said 警告; one word lets a reviewer and a drafter compare counts.
 */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export function severityWord(s: Severity): string {
  return SEVERITY_WORDS[s];
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: readonly Pick<Diagnostic, "severity">[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** "错误 1，警告 2，提示 0": the counts in words, in the severity order. */
export function countsText(c: SeverityCounts): string {
  return SEVERITIES.map((s) => `${SEVERITY_WORDS[s]} ${c[s]}`).join("，");
}

/** Heading of the missing required sections, listed before every other finding. */
export const MISSING_SECTIONS = "缺少的章节";

/** Same-kind findings at or above this count are shown as one group (display only). */
export const GROUP_AT = 3;

/** The fields of a finding that grouping reads; a surface's own view of a finding qualifies too. */
export type Groupable = Pick<Diagnostic, "ruleId" | "start" | "end">;

/** Several findings of one rule, shown together where the first of them was. */
export interface KindGroup<D extends Groupable = Diagnostic> {
  ruleId: string;
  items: D[];
}

/**
 * Grouping is presentation only: every place stays its own finding with its own location
 * and fix; a surface that lists findings may show a rule's findings of one list as a group (“半角标点 ×12”)
 * with each place under it, and a "fix all of this kind" on a group changes exactly its items. Missing
 * sections (a different section each time, at no text of their own) are never grouped.
 */
export function groupSameKind<D extends Groupable>(
  diagnostics: readonly D[],
  at: number = GROUP_AT,
): (D | KindGroup<D>)[] {
  const byRule = new Map<string, D[]>();
  for (const d of diagnostics) {
    if (d.ruleId.startsWith("section/") || d.end <= d.start) continue;
    const list = byRule.get(d.ruleId) ?? [];
    list.push(d);
    byRule.set(d.ruleId, list);
  }
  const out: (D | KindGroup<D>)[] = [];
  const placed = new Set<string>();
  for (const d of diagnostics) {
    const list = byRule.get(d.ruleId);
    if (!list || list.length < at || !list.includes(d)) out.push(d);
    else if (!placed.has(d.ruleId)) {
      placed.add(d.ruleId);
      out.push({ ruleId: d.ruleId, items: list });
    }
  }
  return out;
}

export function isKindGroup<D extends Groupable>(x: D | KindGroup<D>): x is KindGroup<D> {
  return "items" in x;
}

/** The fields of a finding that the presentation reads. */
export type Presentable = Groupable & Pick<Diagnostic, "severity" | "section">;

/** A section's findings of one severity. */
export interface SeverityBand<D extends Presentable> {
  severity: Severity;
  word: string;
  items: D[];
  /** The items with same-kind findings gathered into groups. */
  rows: (D | KindGroup<D>)[];
}

export interface SectionFindings<D extends Presentable> {
  /** Section id, null outside every section. */
  section: string | null;
  label: string;
  /** Errors, then warnings, then notes; each in document order. */
  bands: SeverityBand<D>[];
  /** All of the section's findings in the order shown (the bands one after another). */
  items: D[];
}

export interface Presentation<D extends Presentable> {
  /** `section/missing` findings, shown first, under MISSING_SECTIONS. */
  missing: D[];
  /** Sections in the order their first finding stands in the text. */
  sections: SectionFindings<D>[];
  counts: SeverityCounts;
}

/**
 * The order every surface shows: missing sections first; then the other findings by section, sections in the
 * order of their first finding in the text; within a section errors before warnings before notes, each in
 * document order, a rule's same-kind findings gathered where its first one was. A reviewer works through the
 * draft from the top and, within a part, the findings that must be corrected come first.
 */
export function presentFindings<D extends Presentable>(
  findings: readonly D[],
  labelOf: (section: string | null) => string,
): Presentation<D> {
  const missing: D[] = [];
  const bySection = new Map<string | null, { first: number; items: D[] }>();
  for (const d of findings) {
    if (d.ruleId === "section/missing") {
      missing.push(d);
      continue;
    }
    const entry = bySection.get(d.section);
    if (entry) {
      entry.items.push(d);
      entry.first = Math.min(entry.first, d.start);
    } else bySection.set(d.section, { first: d.start, items: [d] });
  }
  const sections = [...bySection]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([section, { items }]) => {
      const bands = bandsOf(items);
      return { section, label: labelOf(section), bands, items: bands.flatMap((b) => b.items) };
    });
  return { missing, sections, counts: countSeverities(findings) };
}

/** A list's findings split by severity, most serious first, each band in document order. */
function bandsOf<D extends Presentable>(items: readonly D[]): SeverityBand<D>[] {
  const inOrder = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  return SEVERITIES.flatMap((severity) => {
    const of = inOrder.filter((d) => d.severity === severity);
    return of.length
      ? [{ severity, word: SEVERITY_WORDS[severity], items: of, rows: groupSameKind(of) }]
      : [];
  });
}

/**
 * The rows of a part of a section's list (a surface that shows the first N findings of a long section): the
 * same bands and groups as `presentFindings`, over just those findings.
 */
export function sectionRows<D extends Presentable>(items: readonly D[]): (D | KindGroup<D>)[] {
  return bandsOf(items).flatMap((b) => b.rows);
}
