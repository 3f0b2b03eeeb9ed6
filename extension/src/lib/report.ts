import { type Diagnostic, getKind, kindLabel, kindName, type LintResult, suggestionText } from "@renda/core";
import type { FindingView, ResultView, SectionView } from "./messages.ts";

/** A section id ("deputies", "tasks.deputies") in the reviewer's words. */
export function sectionName(kindId: LintResult["kind"], id: string | null): string {
  if (id === null) return "（章节外）";
  const kind = getKind(kindId);
  const tasks = id.startsWith("tasks.");
  const base = tasks ? id.slice(6) : id;
  const name = kind?.byId.get(base)?.name ?? base;
  return tasks ? `任务部分·${name}` : name;
}

/** Missing sections in the schema's order: head, review part, then tasks part. */
export function orderedMissing(result: LintResult): SectionView[] {
  const kind = getKind(result.kind);
  const pos = (id: string) => {
    const tasks = id.startsWith("tasks.");
    const i = kind ? kind.sections.findIndex((s) => s.id === (tasks ? id.slice(6) : id)) : -1;
    return (tasks ? 1000 : 0) + (i === -1 ? 999 : i);
  };
  return [...result.sections.missing]
    .sort((a, b) => pos(a) - pos(b))
    .map((id) => ({ id, name: sectionName(result.kind, id) }));
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
    sectionName: sectionName(result.kind, d.section),
    excerpt: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw,
    expected: d.expected,
    fixText: d.fix ? d.fix.text : null,
    suggestions: (d.suggestions ?? []).map((s) => suggestionText(s, result.doc.text)),
    kindLabel: kindLabel({ ruleId: d.ruleId, items: [d] }),
  };
}

export function resultView(result: LintResult): ResultView {
  const count = (s: Diagnostic["severity"]) => result.diagnostics.filter((d) => d.severity === s).length;
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
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
  };
}
