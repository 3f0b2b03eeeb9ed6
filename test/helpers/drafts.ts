/**
 * Small drafts for rule tests, written the way offices write them. Each chapter has a body line, so only
 * the point under test differs between cases.
 */
export const HEAD = [
  "青禾县人民代表大会常务委员会工作报告",
  "——2025年1月8日在青禾县第十八届人民代表大会第五次会议上",
  "各位代表：",
  "我受县人大常委会委托，向大会报告工作，请予审议。",
];

export const OVERVIEW = "一年来，共召开常委会会议7次、主任会议12次，听取和审议专项工作报告15个。";
export const CLOSING = "各位代表，让我们在县委的坚强领导下，为建设现代化青禾而努力奋斗！";

export const REVIEW_CHAPTERS: Record<string, string[]> = {
  political: ["一、坚持党的全面领导，把牢政治方向", "严格执行请示报告制度，全年向县委请示报告12次。"],
  supervision: [
    "二、依法开展监督，增强监督实效",
    "听取和审议计划执行、预算执行情况的报告，开展执法检查3次。",
  ],
  deputies: ["三、支持和保障代表依法履职", "组织代表列席常委会会议40人次，办理代表建议96件。"],
  "self-building": ["四、全面加强自身建设", "对标“四个机关”定位要求，组织履职培训2期。"],
};

export const TASK_CHAPTERS: Record<string, string[]> = {
  political: ["一、坚持党的全面领导", "严格执行请示报告制度。"],
  supervision: ["二、增强监督实效", "开展执法检查2次、专题询问1次。"],
  deputies: ["三、做好代表工作", "加强代表建议督办。"],
  "self-building": ["四、加强自身建设", "全面提升履职能力。"],
};

/** A complete report; `omit` drops chapters ("deputies", "tasks.deputies"), `order` reorders review chapters. */
export function report(opts: { omit?: string[]; order?: string[]; tasksYear?: number } = {}): string {
  const omit = new Set(opts.omit ?? []);
  const order = opts.order ?? Object.keys(REVIEW_CHAPTERS);
  const lines = [...HEAD, "2024年主要工作回顾", OVERVIEW];
  for (const id of order) if (!omit.has(id)) lines.push(...REVIEW_CHAPTERS[id]!);
  lines.push(`${opts.tasksYear ?? 2025}年主要任务`);
  for (const id of Object.keys(TASK_CHAPTERS))
    if (!omit.has(`tasks.${id}`)) lines.push(...TASK_CHAPTERS[id]!);
  lines.push(CLOSING);
  return lines.join("\n");
}
