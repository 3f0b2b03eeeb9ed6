import {
  countSeverities,
  type Diagnostic,
  getKind,
  kindLabel,
  kindName,
  type LintResult,
  missingSections,
  sectionLabel,
  suggestionText,
} from "@renda/core";
import type { FindingView, ResultView, SectionView } from "./messages.ts";

/** Missing sections in the schema's order (core's missingSections, as the CLI lists them). */
export function orderedMissing(result: LintResult): SectionView[] {
  return missingSections(result.kind, result.sections.missing).map(({ id, label }) => ({ id, name: label }));
}

export function findingOf(result: LintResult, d: Diagnostic, index: number): FindingView {
  const raw = result.doc.text.slice(d.start, d.end);
  return {
    index,
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    start: d.start,
    end: d.end,
    line: d.line,
    column: d.column,
    section: d.section,
    sectionName: sectionLabel(result.kind, d.section),
    excerpt: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw,
    expected: d.expected,
    fixText: d.fix ? d.fix.text : null,
    suggestions: (d.suggestions ?? []).map((s) => suggestionText(s, result.doc.text)),
    kindLabel: kindLabel({ ruleId: d.ruleId, items: [d] }),
  };
}

export function resultView(result: LintResult): ResultView {
  const counts = countSeverities(result.diagnostics);
  return {
    kind: result.kind,
    kindName: kindName(result.kind),
    kindEvidence: result.kindDetection.evidence,
    kindConfidence: result.kindDetection.confidence,
    kindForced: result.kindDetection.forced,
    structured: getKind(result.kind) !== null,
    year: result.year,
    missing: orderedMissing(result),
    found: result.sections.found,
    findings: result.diagnostics.map((d, i) => findingOf(result, d, i)),
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
  };
}
