import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { main } from "../core/src/cli/main.ts";
import { REPO_ROOT } from "../test/helpers/paths.ts";

/**
 * `npm run demo`: the product's main jobs, run through the same `renda` commands a user types, on the bundled
 * samples: a made-up county ledger (台账) and the sample drafts in test/fixtures/drafts. Everything is written
 * under out/demo/ and listed at the end.
 */
const OUT = resolve(REPO_ROOT, "out/demo");
const SAMPLES = resolve(REPO_ROOT, "test/fixtures/drafts");
const rel = (p: string) => relative(process.cwd(), p);

async function renda(args: string[], show = true): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
      if (show) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
  });
  return { code, stdout };
}

function step(title: string, command: string[]): void {
  process.stdout.write(
    `\n${title}\n$ renda ${command.map((a) => (a.includes(" ") ? `"${a}"` : a)).join(" ")}\n`,
  );
}

async function demo(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const ledger = resolve(OUT, "台账（示例）.xlsx");
  const empty = resolve(OUT, "台账模板.xlsx");
  const draft = resolve(OUT, "工作报告（框架）.docx");
  const filled = resolve(OUT, "工作报告（已填写）.docx");
  const plan = resolve(OUT, "工作要点（框架）.docx");

  process.stdout.write("人大报告助手 · 演示\n");

  const steps: [string, string[]][] = [
    ["一、生成空白台账模板（统计人员使用）", ["ledger", "template", "--year", "2025", "-o", rel(empty)]],
    [
      "二、生成示例台账（虚构的清河县2025年数据）",
      ["ledger", "template", "--sample", "--year", "2025", "-o", rel(ledger)],
    ],
    ["三、逐格校验台账", ["ledger", "check", rel(ledger)]],
    [
      "四、按公文格式生成工作报告框架，统计段落和表格取自台账",
      [
        "draft",
        "--kind",
        "work-report",
        "--year",
        "2025",
        "--ledger",
        rel(ledger),
        "--organ",
        "清河县人民代表大会常务委员会",
        "-o",
        rel(draft),
      ],
    ],
    [
      "五、台账更新后，只刷新自动填写的插槽（其余文字不动）",
      ["fill", rel(draft), "--ledger", rel(ledger), "-o", rel(filled)],
    ],
    [
      "六、生成下一年工作要点框架",
      [
        "draft",
        "--kind",
        "work-plan",
        "--year",
        "2026",
        "--organ",
        "清河县人民代表大会常务委员会",
        "-o",
        rel(plan),
      ],
    ],
    ["七、检查生成的报告，并与台账核对数字", ["lint", "--ledger", rel(ledger), rel(filled)]],
  ];
  for (const [title, args] of steps) {
    step(title, args);
    const r = await renda(args);
    if (r.code === 2) throw new Error(`demo step failed: renda ${args.join(" ")}`);
  }

  const samples = readdirSync(SAMPLES)
    .filter((f) => /\.(txt|md|docx)$/.test(f))
    .sort()
    .map((f) => rel(resolve(SAMPLES, f)));
  step("八、检查示例文稿（各种标题写法，含缺少章节、顺序和编号问题）", ["lint", ...samples]);
  const stylish = await renda(["lint", ...samples]);
  writeFileSync(resolve(OUT, "lint-report.txt"), stylish.stdout.replace(/\x1b\[[0-9;]*m/g, ""));
  writeFileSync(
    resolve(OUT, "lint-report.json"),
    (await renda(["lint", "--format", "json", ...samples], false)).stdout,
  );
  writeFileSync(
    resolve(OUT, "lint-report.sarif"),
    (await renda(["lint", "--format", "sarif", ...samples], false)).stdout,
  );

  // The sample 工作要点 and its year's 工作报告 (written for the tests, with items left out on purpose).
  const comparePlan = rel(resolve(REPO_ROOT, "test/fixtures/compare/qingxi-plan-2025.txt"));
  const compareReport = rel(resolve(REPO_ROOT, "test/fixtures/compare/qingxi-report-2025.txt"));
  const table = rel(resolve(OUT, "落实情况对照表.xlsx"));
  const compare = ["compare", comparePlan, compareReport, "-o", table];
  step("九、对照工作要点，看工作报告逐项写到没有，并导出落实情况对照表", compare);
  if ((await renda(compare)).code !== 0) throw new Error(`demo step failed: renda ${compare.join(" ")}`);

  process.stdout.write("\n生成的文件：\n");
  for (const f of readdirSync(OUT).sort()) process.stdout.write(`  ${rel(resolve(OUT, f))}\n`);
}

await demo();
