// By path, not through @renda/core: present.ts imports nothing, so the side panel gets core's words, order
// and groups without bundling the rule engine and its data (the content script runs the checks).
import { presentFindings } from "../../../core/src/present.ts";
import type { FindingView, ResultView } from "./messages.ts";

export {
  countsText,
  isKindGroup,
  MISSING_SECTIONS,
  sectionRows,
  severityWord,
} from "../../../core/src/present.ts";

/**
 * The panel's sections with their findings, in core's presentation order (the CLI's and the task pane's).
 * Section names come with the findings: the content script gave them with core's sectionLabel (report.ts).
 * Missing sections are listed apart (ResultView.missing), so their findings are not among these.
 */
export function panelSections(r: Pick<ResultView, "findings">): { name: string; list: FindingView[] }[] {
  const names = new Map(r.findings.map((f) => [f.section, f.sectionName]));
  return presentFindings(r.findings, (id) => names.get(id) ?? "").sections.map((s) => ({
    name: s.label,
    list: s.items,
  }));
}
