import type { DocumentKindId } from "../schema/kinds.ts";
import { getKind } from "./kinds.ts";

/** Where a finding stands outside every recognised section (before the first heading, an unknown chapter). */
export const OUTSIDE_SECTIONS = "章节之外";

const TASKS = "tasks.";

/**
 * A section id in the reader's words, the same on every surface: the name from the kind's section data
 * (“监督工作”); a section of a work report's tasks part is “任务部分 · 代表工作”, told apart from the same
 * section of the review part; the two parts themselves are 回顾部分 and 任务部分.
 */
export function sectionLabel(kind: DocumentKindId, id: string | null): string {
  if (id === null) return OUTSIDE_SECTIONS;
  const k = getKind(kind);
  if (id === "review") return "回顾部分";
  if (id === "tasks") return "任务部分";
  if (id.startsWith(TASKS)) {
    const bare = id.slice(TASKS.length);
    return `任务部分 · ${k?.byId.get(bare)?.name ?? bare}`;
  }
  return k?.byId.get(id)?.name ?? id;
}

/** Missing section ids in the kind's own order (title and opening, review part, then the tasks part). */
export function missingSections(
  kind: DocumentKindId,
  ids: readonly string[],
): { id: string; label: string }[] {
  const k = getKind(kind);
  const pos = (id: string) => {
    const tasks = id.startsWith(TASKS);
    const bare = tasks ? id.slice(TASKS.length) : id;
    const i = k ? k.sections.findIndex((s) => s.id === bare) : -1;
    return (tasks ? 1000 : 0) + (i === -1 ? 999 : i);
  };
  return [...ids].sort((a, b) => pos(a) - pos(b)).map((id) => ({ id, label: sectionLabel(kind, id) }));
}
