import { isStructuredKind } from "../../schema/kind-ids.ts";
import { type CompiledKind, getKind } from "../../sections/kinds.ts";
import { computeMissing } from "../../sections/match.ts";
import { positionAt } from "../../text/model.ts";
import type { Rule, RuleContext } from "../types.ts";

const PART_NAME = { review: "回顾部分", tasks: "任务部分" } as const;

function anchorFor(ctx: RuleContext, part: "review" | "tasks" | null): { start: number; end: number } {
  const node = part ? ctx.sections.parts[part] : undefined;
  if (node?.heading) return { start: node.heading.titleStart, end: node.heading.titleEnd };
  const first = ctx.doc.blocks.find((b) => ctx.outline.roles[b.index] !== "blank");
  return first ? { start: first.start, end: first.start } : { start: 0, end: 0 };
}

export const sectionMissing: Rule = {
  meta: {
    id: "section/missing",
    group: "section",
    description: "缺少必备章节（回顾部分与任务部分分别检查）",
    severity: "error",
    fixable: false,
    fixSafety: "suggestion",
    source: "地方组织法、监督法、代表法；DOMAIN A.2/A.3 章节表",
  },
  check(ctx) {
    // Structure checks belong to a kind's schema; `other` has none.
    const kind = getKind(ctx.kind);
    if (!kind) return;
    const found = new Set(ctx.sections.found);
    for (const m of computeMissing(kind, found, ctx.sections.parts, ctx.years)) {
      const where =
        m.part && ctx.kind === "work-report" && m.section.where === "review+tasks"
          ? `（${PART_NAME[m.part]}）`
          : "";
      let message: string;
      let severity: "error" | "warning" | "info" = "error";
      if (m.because === "expected-this-year") {
        message = `${ctx.years.tasks ?? ctx.years.plan}年应有“${m.section.name}”章节${where}：${m.section.reason}`;
        severity = "warning";
      } else if (m.section.id === "title" && ctx.outline.headless) {
        message = `正文从称呼开始，未见标题（标题在别处填写时可忽略）：${m.section.reason}`;
        severity = "info";
      } else if (m.because === "required-full" && ctx.outline.abridged) {
        message = `摘要稿未含“${m.section.name}”${where}（全文报告必备）：${m.section.reason}`;
        severity = "info";
      } else {
        message = `缺少必备章节“${m.section.name}”${where}：${m.section.reason}`;
      }
      const anchor = anchorFor(ctx, m.part ?? (m.section.where === "review" ? "review" : null));
      ctx.report({ message, severity, ...anchor, expected: [m.section.name] });
    }
  },
};

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
    source: "DOMAIN A.2 “Typical order”；全国人大常委会工作报告的结构",
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

export const sectionEmpty: Rule = {
  meta: {
    id: "section/empty",
    group: "section",
    description: "章节只有标题，没有内容",
    severity: "warning",
    fixable: false,
    fixSafety: "suggestion",
  },
  check(ctx) {
    if (!isStructuredKind(ctx.kind)) return;
    const visit = (node: typeof ctx.outline.root) => {
      for (const c of node.children) {
        const h = c.heading!;
        const block = ctx.doc.blocks[h.block]!;
        // A numbered paragraph whose lead clause is too long to split off still carries its own sentences
        // ("（三）坚持创新引领发展，……显著提高。实施创新驱动……", "1.“两重”：是指……").
        const ownText = block.end - h.titleEnd > 2 || /[。！？；：:]./.test(h.title);
        const hasBody = c.bodyBlocks.some((i) => ctx.outline.roles[i] === "body");
        if (!ownText && !hasBody && c.children.length === 0) {
          ctx.report({ message: `标题“${h.title}”下没有内容`, start: h.titleStart, end: h.titleEnd });
        }
        visit(c);
      }
    };
    visit(ctx.outline.root);
  },
};

export const sectionDuplicate: Rule = {
  meta: {
    id: "section/duplicate",
    group: "section",
    description: "同一部分中两个章节标题内容重复",
    severity: "warning",
    fixable: false,
    fixSafety: "suggestion",
  },
  check(ctx) {
    const kind = getKind(ctx.kind);
    if (!kind) return;
    const seen = new Map<string, (typeof ctx.sections.chapters)[number]>();
    for (const c of ctx.sections.chapters) {
      if (!c.primary || c.by !== "heading") continue;
      // Sections with no fixed place (central task, decisions…) legitimately recur under different angles.
      if (kind.byId.get(c.primary)?.order === null) continue;
      const key = `${c.part}:${c.primary}`;
      const first = seen.get(key);
      const h = c.node.heading!;
      if (first) {
        const name = kind.byId.get(c.primary)!.name;
        ctx.report({
          message: `章节“${h.title}”与前面的“${first.node.heading!.title}”同为“${name}”，内容可能重复，请考虑合并`,
          start: h.titleStart,
          end: h.titleEnd,
        });
      } else seen.set(key, c);
    }
    // Literally repeated heading words anywhere are a copy-paste slip.
    const titles = new Map<string, number>();
    for (const h of ctx.outline.headings) {
      if (h.part || h.title.length < 4) continue;
      const key = `${ctx.partAt(h.titleStart)}:${h.rank}:${h.title}`;
      const prior = titles.get(key);
      if (prior === undefined) {
        titles.set(key, h.titleStart);
        continue;
      }
      const line = positionAt(ctx.doc, prior).line;
      ctx.report({
        message: `标题“${h.title}”与第${line}行的标题相同`,
        start: h.titleStart,
        end: h.titleEnd,
      });
    }
  },
};
