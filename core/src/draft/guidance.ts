/**
 * What the skeleton tells the drafter to write under each section (shown in 楷体, in full-width brackets,
 * to be replaced). Keyed by section id; the sections themselves and their order come from the kind data,
 * so a section added there still appears in the draft, with the generic text.
 */
const REVIEW: Record<string, string> = {
  political:
    "在此回顾坚持党的全面领导方面的工作：第一议题学习、主题教育、重大事项请示报告、党组建设、意识形态工作等。",
  "central-task": "在此回顾围绕中心、服务大局的工作：助力高质量发展、重点项目、民生实事等。",
  legislation: "在此回顾立法工作（设区的市以上）或参与立法、立法征询、基层立法联系点工作（县级）。",
  "rule-of-law": "在此回顾宪法实施、法治宣传、规范性文件备案审查等工作。",
  supervision:
    "在此回顾监督工作：听取审议专项工作报告，计划、预算、决算和审计监督，国有资产管理情况，执法检查、专题询问、视察调研等。",
  decisions: "在此回顾依法讨论决定重大事项的情况，列明作出的决议、决定。",
  appointments: "在此回顾依法行使任免权的情况：任前法律知识考试、宪法宣誓、任后监督等。",
  deputies: "在此回顾代表工作：代表联络站（代表之家）建设、代表列席和培训、代表建议办理和督办等。",
  grassroots: "在此回顾指导乡镇人大、街道人大工委工作的情况。",
  election: "在此写明换届选举工作的安排。",
  "self-building": "在此回顾自身建设：政治建设、“四个机关”建设、作风建设、制度建设、机关建设等。",
};

const TASKS: Record<string, string> = {
  political: "在此部署下一年坚持党的全面领导的工作。",
  "central-task": "在此部署下一年服务中心大局的工作。",
  legislation: "在此部署立法或立法征询、基层立法联系点工作。",
  "rule-of-law": "在此部署宪法实施、法治宣传、备案审查等工作。",
  supervision: "在此列出拟听取审议的报告、执法检查、专题询问、视察调研等监督安排。",
  decisions: "在此部署依法讨论决定重大事项的工作。",
  appointments: "在此部署依法任免和任后监督工作。",
  deputies: "在此部署代表工作和代表建议督办工作。",
  grassroots: "在此部署指导乡镇人大、街道人大工委的工作。",
  election: "在此部署县乡两级人大换届选举工作。",
  "self-building": "在此部署自身建设工作。",
};

const PLAN: Record<string, string> = {
  "general-requirements":
    "在此写明年度定位（“××年是……之年”）、指导思想（引用最新的党代会和全会精神）、“在××委的坚强领导下”和全年工作目标。",
  political: "在此列出坚持党的领导的具体安排，每项以小标题开头，如“1.强化政治引领。……”。",
  "central-task": "在此列出服务中心大局的具体安排。",
  legislation: "在此列出立法计划或立法征询、基层立法联系点工作安排。",
  "rule-of-law": "在此列出备案审查、执法检查、法治宣传等安排。",
  supervision:
    "在此逐项列出拟听取审议的报告（计划执行、预算执行、决算和审计工作报告、审计整改、国有资产、环境状况、法治政府建设等）和执法检查、专题询问、视察调研安排。",
  decisions: "在此列出拟讨论决定的重大事项。",
  appointments: "在此列出任免和任后监督工作安排。",
  deputies: "在此列出代表工作、代表建议督办和代表建议办理情况报告的安排。",
  grassroots: "在此列出指导乡镇人大、街道人大工委的工作安排。",
  election: "在此列出换届选举工作安排。",
  "self-building": "在此列出自身建设的具体安排。",
};

export function reviewGuidance(id: string, name: string): string {
  return REVIEW[id] ?? `在此撰写“${name}”部分。`;
}
export function tasksGuidance(id: string, name: string): string {
  return TASKS[id] ?? `在此部署“${name}”方面的工作。`;
}
export function planGuidance(id: string, name: string): string {
  return PLAN[id] ?? `在此列出“${name}”方面的工作安排。`;
}

/** Extra advice for sections the drafter may drop, built from the kind data's status and reason. */
export function statusNote(status: string, reason: string): string {
  if (status === "optional") return `本节为可选：${reason}。不需要时可整节删除。`;
  if (status === "conditional") return `本节视情况保留：${reason}。不适用时可整节删除。`;
  return "";
}
