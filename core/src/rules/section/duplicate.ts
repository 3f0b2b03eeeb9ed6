import { getKind } from "../../sections/kinds.ts";
import { positionAt } from "../../text/model.ts";
import type { Rule } from "../types.ts";

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
