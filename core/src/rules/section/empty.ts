import { isStructuredKind } from "../../schema/kind-ids.ts";
import type { Rule } from "../types.ts";

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
