import { type CompiledKind, getKind } from "../../sections/kinds.ts";
import type { Rule } from "../types.ts";

/** Longest non-decreasing run of orders; chapters outside it are the misplaced ones. */
function misplaced(orders: number[]): Set<number> {
  const n = orders.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (orders[j]! <= orders[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (len[i]! > len[end]!) end = i;
  const keep = new Set<number>();
  for (let i = end; i !== -1; i = prev[i]!) keep.add(i);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.add(i);
  return out;
}

function pick<T>(list: T[], from: number, to: number, keep: (x: T, k: number) => boolean): T[] {
  const out: T[] = [];
  const seen = new Set<T>();
  for (let k = from; k < to && out.length < 3; k++) {
    const x = list[k]!;
    if (keep(x, k) && !seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

/** The usual order in words, as each kind's data gives it. */
function usualOrder(kind: CompiledKind): string {
  // The 人大 reports' wording is fixed (tests and users know it); other kinds spell out their ordered sections.
  if (kind.id !== "gov-report") return "政治→立法/法治→监督→代表工作→自身建设";
  return kind.sections
    .filter((s) => s.order !== null)
    .sort((a, b) => a.order! - b.order!)
    .map((s) => s.name)
    .join("→");
}

export const sectionOrder: Rule = {
  meta: {
    id: "section/order",
    group: "section",
    description: "章节顺序与通常顺序不符（政治→立法/法治→监督→代表→自身建设）",
    severity: "warning",
    fixable: false,
    fixSafety: "suggestion",
    source: "全国人大常委会工作报告（2025年）的结构；地方人大常委会工作报告的通常顺序（本项目归纳）",
  },
  check(ctx) {
    const kind = getKind(ctx.kind);
    if (!kind) return;
    const byPart = new Map<string, { order: number; chapter: (typeof ctx.sections.chapters)[number] }[]>();
    for (const c of ctx.sections.chapters) {
      const order = c.primary ? kind.byId.get(c.primary)?.order : null;
      if (order === null || order === undefined) continue;
      const key = c.part ?? "body";
      if (!byPart.has(key)) byPart.set(key, []);
      byPart.get(key)!.push({ order, chapter: c });
    }
    for (const list of byPart.values()) {
      const bad = misplaced(list.map((x) => x.order));
      for (const i of bad) {
        const { chapter } = list[i]!;
        const h = chapter.node.heading!;
        const name = kind.byId.get(chapter.primary!)!.name;
        // Name at most three neighbours: enough to place the chapter, and linear on long documents.
        const after = pick(list, i + 1, list.length, (x, k) => !bad.has(k) && x.order < list[i]!.order);
        const before = pick(list, 0, i, (x, k) => !bad.has(k) && x.order > list[i]!.order);
        const detail = after.length
          ? `位于“${after.map((x) => kind.byId.get(x.chapter.primary!)!.name).join("”“")}”之前`
          : `位于“${before.map((x) => kind.byId.get(x.chapter.primary!)!.name).join("”“")}”之后`;
        ctx.report({
          message: `章节“${name}”${detail}，与通常顺序不符（${usualOrder(kind)}）`,
          start: h.titleStart,
          end: h.titleEnd,
        });
      }
    }
  },
};
