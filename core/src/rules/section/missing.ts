import { getKind } from "../../sections/kinds.ts";
import { computeMissing } from "../../sections/match.ts";
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
    source:
      "《地方各级人民代表大会和地方各级人民政府组织法》《各级人民代表大会常务委员会监督法》《全国人民代表大会和地方各级人民代表大会代表法》规定的常委会职权；各章节的理由见提示",
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
