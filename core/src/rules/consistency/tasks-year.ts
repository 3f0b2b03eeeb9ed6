import type { Rule } from "../types.ts";

/**
 * A 工作报告 reviews year Y and sets tasks for Y+1 (it is delivered at the congress session early in Y+1); a 工作要点 for year Y is adopted late in Y-1
 * or early in Y. A copied template that forgot to change a year shows up here.
 */
export const tasksYear: Rule = {
  meta: {
    id: "consistency/tasks-year",
    group: "consistency",
    description: "任务部分的年份应为回顾年份的下一年；工作要点的通过日期应与要点年度相符",
    severity: "error",
    fixable: true,
    // Which year the writer meant is theirs to say.
    fixSafety: "suggestion",
    source:
      "《地方各级人民代表大会和地方各级人民政府组织法》：常委会对本级人民代表大会负责并报告工作；每年的工作报告回顾上一年、部署当年（本项目据此核对年份）",
  },
  check(ctx) {
    const review = ctx.outline.headings.find((h) => h.part === "review" && h.year !== undefined);
    const tasks = ctx.outline.headings.find((h) => h.part === "tasks" && h.year !== undefined);
    if (review && tasks && tasks.year !== review.year! + 1) {
      const expected = String(review.year! + 1);
      const block = ctx.doc.blocks[tasks.block]!;
      const at = block.text.indexOf(String(tasks.year));
      const start = at >= 0 ? block.start + at : tasks.titleStart;
      const end = at >= 0 ? start + 4 : tasks.titleEnd;
      ctx.report({
        message: `回顾的是${review.year}年的工作，任务部分应为${expected}年，此处写的是${tasks.year}年`,
        start,
        end,
        expected: [expected],
        fix: at >= 0 ? { start, end, text: expected } : null,
      });
    }
    const plan = ctx.years.plan;
    const adopted = ctx.years.presented;
    if (
      ctx.kind === "work-plan" &&
      plan !== undefined &&
      adopted !== undefined &&
      ctx.outline.adoptionNote !== null
    ) {
      if (adopted !== plan && adopted !== plan - 1) {
        const block = ctx.doc.blocks[ctx.outline.adoptionNote]!;
        const at = block.text.indexOf(String(adopted));
        ctx.report({
          message: `${plan}年工作要点的通过日期写的是${adopted}年，应为${plan}年（或${plan - 1}年底）`,
          start: block.start + Math.max(0, at),
          end: block.start + Math.max(0, at) + 4,
          fix: null,
        });
      }
    }
  },
};
