import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { compareDocuments } from "../../core/src/compare/index.ts";
import { FIXTURES } from "../helpers/paths.ts";
import { sampleReport } from "./sample-report.ts";
import { measure, ms } from "./stats.ts";

/**
 * Issue 12 speed: `renda compare`'s core on a 60-item 工作要点 against a 40,000-character 工作报告 (target: well
 * under a second). The plan is the fixture plan's 24 items followed by 36 more built from the subjects a
 * county plan lists, numbered on continuously; the report is the bench's long county report (sample-report.ts).
 * `npm run bench -- compare` runs it and replaces only its section of RESULTS.md.
 */
const SUBJECTS = [
  "城乡居民基本医疗保险",
  "农村人居环境整治",
  "学前教育普及普惠",
  "耕地保护和粮食安全",
  "安全生产",
  "文化遗产保护",
  "城市社区治理",
  "中小企业发展",
  "生态环境损害赔偿",
  "地方金融风险防范",
  "农村公路管护",
  "残疾人权益保障",
];

export function benchPlan(items = 60): string {
  const base = readFileSync(resolve(FIXTURES, "compare/qingxi-plan-2025.txt"), "utf8").trimEnd().split("\n");
  const lines = [...base, "五、拓展监督领域"];
  let n = base.filter((l) => /^\d+\./.test(l)).length;
  for (let i = 0; n < items; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const acts = ["听取审议县政府关于", "开展", "对"];
    const act = acts[i % acts.length]!;
    n++;
    lines.push(
      act === "开展"
        ? `${n}.开展${subject}专题调研，第${i + 1}组。`
        : act === "对"
          ? `${n}.对${subject}相关法律法规实施情况开展跟踪监督。`
          : `${n}.${act}${subject}工作情况的报告。`,
    );
  }
  return lines.join("\n");
}

export async function run(): Promise<string> {
  const plan = benchPlan(60);
  const report = sampleReport(40_000);
  const once = compareDocuments(plan, report);
  const cpuStart = process.cpuUsage();
  const timing = measure(() => compareDocuments(plan, report), { warmup: 3, runs: 30 });
  const cpu = process.cpuUsage(cpuStart);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / (30 + 3);
  const count = (g: string) => once.items.filter((i) => i.grade === g).length;
  return [
    "## Plan against report: 60 items against a 40,000-character report (issue 12)",
    "",
    `Input: a ${once.items.length}-item 工作要点 (${plan.length} characters) and a ${report.length}-character 工作报告 (the long county report of sample-report.ts). compareDocuments reads both outlines, splits the review into sentences and grades every item (here: 已体现 ${count("covered")}, 部分体现 ${count("partial")}, 未见 ${count("missing")}; ${once.unplanned.length} unplanned paragraphs). Warm runs, wall clock; the machine is shared and loaded (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores during this run), so the CPU time per run is given too.`,
    "",
    "| what | runs | median | p90 | CPU per run |",
    "|---|---|---|---|---|",
    `| compareDocuments(plan, report) | ${timing.runs} | ${ms(timing.median)} | ${ms(timing.p90)} | ${ms(cpuPerRun)} |`,
    "",
    `Target “well under a second”: ${timing.median < 1000 && cpuPerRun < 250 ? "met" : "missed"} by median wall clock (${ms(timing.median)}) and CPU time per run (${ms(cpuPerRun)}); the p90 (${ms(timing.p90)}) is the shared machine's load, not the work.`,
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${await run()}\n`);
}
