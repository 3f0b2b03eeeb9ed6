import type { PartId } from "./types.ts";

/**
 * Headings that open the review part or the tasks part of a 工作报告 (DOMAIN.md A.2 #3 and #16).
 * Written as patterns over the heading words (marker already removed) because offices vary the wording.
 */
const REVIEW: RegExp[] = [
  /^(\d{4})年(?:的|度)?(?:主要)?工作(?:回顾|情况|总结)?$/,
  /^(?:过去|近)的?(?:一|五|1|5)年(?:来)?的?(?:主要)?工作(?:回顾)?$/,
  /^(?:一年来|五年来|本届以来|过去一年来)的?(?:主要)?工作(?:回顾)?$/,
  /^关于(\d{4})年的?(?:主要)?工作$/,
  /^(\d{4})年以来的?(?:主要)?工作(?:回顾)?$/,
];
const TASKS: RegExp[] = [
  /^(\d{4})年(?:的)?(?:主要)?(?:工作)?任务$/,
  /^(?:今年|今后一年|明年|下一年|新的一年)的?(?:主要)?(?:工作)?任务$/,
  /^(?:(\d{4})年|今后一年|今年|新的一年)的?工作(?:的)?(?:建议|安排|打算|思路|重点)$/,
  /^(?:(\d{4})年|今后一年|今年)(?:主要)?工作(?:任务|安排)$/,
];

export interface PartMatch {
  part: PartId;
  year?: number;
}

export function matchPartHeading(title: string): PartMatch | null {
  // Every block is asked; part headings are short and name 工作 or 任务, so most paragraphs leave here.
  if (title.length > 30 || !/工作|任务/.test(title)) return null;
  const t = title.replace(/[\s　]+/g, "").replace(/[。：:]$/, "");
  for (const re of REVIEW) {
    const m = re.exec(t);
    if (m) return withYear("review", m);
  }
  for (const re of TASKS) {
    const m = re.exec(t);
    if (m) return withYear("tasks", m);
  }
  return null;
}

function withYear(part: PartId, m: RegExpExecArray): PartMatch {
  const y = m.slice(1).find((g) => g !== undefined);
  return y ? { part, year: Number(y) } : { part };
}
