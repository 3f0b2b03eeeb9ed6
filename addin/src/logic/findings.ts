import { type Diagnostic, type Fix, getKind, type LintResult } from "../core.ts";
import type { LocatedEdit } from "../ports.ts";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
export const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" } as const;

/**
 * A finding's identity for "ignore in this document": rule, section and the words it flags, not offsets,
 * so it survives edits elsewhere in the text.
 */
export function findingKey(d: Diagnostic, text: string): string {
  return `${d.ruleId}|${d.section ?? ""}|${text.slice(d.start, d.end)}`;
}

export interface FindingGroup {
  section: string;
  sectionName: string;
  severity: Diagnostic["severity"];
  items: Diagnostic[];
}

export interface CheckView {
  /** Missing required sections, shown first. */
  missing: Diagnostic[];
  groups: FindingGroup[];
  ignoredCount: number;
}

/** Missing sections first, then the other findings by section in document order, errors before warnings. */
export function groupFindings(result: LintResult, ignored: ReadonlySet<string>): CheckView {
  const names = sectionNames(result);
  const missing: Diagnostic[] = [];
  const bySection = new Map<string, { first: number; items: Diagnostic[] }>();
  let ignoredCount = 0;
  for (const d of result.diagnostics) {
    if (ignored.has(findingKey(d, result.doc.text))) {
      ignoredCount++;
      continue;
    }
    if (d.ruleId === "section/missing") {
      missing.push(d);
      continue;
    }
    const key = d.section ?? "";
    const entry = bySection.get(key) ?? { first: d.start, items: [] };
    entry.items.push(d);
    bySection.set(key, entry);
  }
  const groups: FindingGroup[] = [];
  const sections = [...bySection.entries()].sort((a, b) => a[1].first - b[1].first);
  for (const [section, { items }] of sections) {
    for (const severity of ["error", "warning", "info"] as const) {
      const of = items.filter((d) => d.severity === severity);
      if (of.length)
        groups.push({
          section,
          sectionName: names(section) ?? (section || "（章节之外）"),
          severity,
          items: of,
        });
    }
  }
  return { missing, groups, ignoredCount };
}

/** Section names from the kind's data ("监督工作"), so the pane and the CLI name sections alike. */
function sectionNames(result: LintResult): (id: string) => string | null {
  const kind = getKind(result.kind);
  return (id: string) => {
    if (!id) return null;
    const tasks = id.startsWith("tasks.");
    const bare = tasks ? id.slice("tasks.".length) : id;
    const name = kind?.byId.get(bare)?.name ?? bare;
    return tasks ? `${name}（任务部分）` : name;
  };
}

export function severityRank(s: Diagnostic["severity"]): number {
  return SEVERITY_ORDER[s];
}

/**
 * Maps a fix's document offsets (paragraphs joined by "\n") to one paragraph. A fix across a paragraph break
 * cannot be made by a text replacement in Word, so it comes back null and the pane says so.
 */
export function locate(
  result: LintResult,
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
