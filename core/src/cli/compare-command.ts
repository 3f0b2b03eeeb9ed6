import { parseArgs } from "node:util";
import { type CompareResult, GRADE_NAMES, type Grade } from "../compare/compare.ts";
import { comparePair } from "../compare/pair.ts";
import { isInputError } from "../io/errors.ts";
import { kindName } from "../sections/kinds.ts";
import { positionAt, type TextDocument } from "../text/model.ts";
import type { CliIO } from "./cli-io.ts";
import { readUserFile } from "./files.ts";
import { type DocxReader, type LoadedDocument, loadDocument } from "./load.ts";
import { visibleDeep } from "./terminal.ts";
import { type OutputRequest, planOutput, writeOutput } from "./write.ts";

export const COMPARE_USAGE = `用法：renda compare [选项] 工作要点文件 工作报告文件

对照工作要点检查工作报告：要点中的每一项，报告是否写到了（已体现 / 部分体现 / 未见），依据是报告中的哪一句；
报告中有、要点中未列的工作单独列出。文件可以是 .txt、.md、.docx。
也可以用上一年的工作报告（取其任务部分）对照今年的工作报告或工作要点。

选项：
  --format stylish|json   输出格式（默认 stylish）
  -o, --output 对照表.xlsx  另写出“落实情况对照表”（.xlsx，含“备注”列供办公室填写）
  --force                 输出文件已存在时覆盖它（默认不覆盖）
  --no-color              不使用颜色
  -h, --help              显示本帮助

退出码：0 完成对照（未见的事项照常列出，不算错误）；2 输入或参数无法使用。`;

interface Side {
  path: string;
  loaded: LoadedDocument;
}

export async function runCompare(argv: string[], io: CliIO, readDocx: DocxReader): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`renda compare：${(e as Error).message}\n\n${COMPARE_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${COMPARE_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) {
    io.stderr(
      `renda compare：请给出两个文件：先工作要点，后工作报告（收到 ${positionals.length} 个）\n\n${COMPARE_USAGE}\n`,
    );
    return 2;
  }
  const format = values.format ?? "stylish";
  if (format !== "stylish" && format !== "json") {
    io.stderr(`renda compare：--format 只能是 stylish 或 json，收到“${format}”\n`);
    return 2;
  }
  const [planPath, reportPath] = positionals as [string, string];
  let output: OutputRequest | null = null;
  if (values.output !== undefined) {
    if (!values.output.toLowerCase().endsWith(".xlsx")) {
      io.stderr(`renda compare：-o 的文件应以 .xlsx 结尾（落实情况对照表），收到“${values.output}”\n`);
      return 2;
    }
    output = {
      target: values.output,
      inputs: [planPath, reportPath],
      force: values.force === true,
      forceFlag: "--force",
    };
  }
  try {
    // The output is checked before any work: refusing after reading both files would waste the user's time.
    if (output) planOutput(output);
    const plan = await load(planPath, readDocx);
    const report = await load(reportPath, readDocx);
    for (const side of [plan, report]) {
      if (side.loaded.notice) io.stderr(`${side.path}：${side.loaded.notice}\n`);
    }
    // The checks every surface makes (compare/pair.ts): an empty file, swapped files, a plan with no items.
    const { result, notes } = comparePair(
      { name: planPath, doc: plan.loaded.doc },
      { name: reportPath, doc: report.loaded.doc },
    );
    for (const note of notes) io.stderr(`${note}\n`);
    if (output) {
      const { writeCompareTable } = await import("../compare/xlsx.ts");
      const bytes = await writeCompareTable(result, {
        planPath,
        reportPath,
        planDoc: plan.loaded.doc,
        reportDoc: report.loaded.doc,
      });
      writeOutput(output, bytes);
      io.stderr(`已写入落实情况对照表：${output.target}\n`);
    }
    if (format === "json") io.stdout(formatCompareJson(result, planPath, reportPath));
    else
      io.stdout(
        formatCompareStylish(visibleDeep(result), plan, report, {
          color: values.color !== false && io.isTTY === true,
        }),
      );
    return 0;
  } catch (e) {
    if (!isInputError(e)) throw e;
    io.stderr(`renda compare：${e.message}\n`);
    return 2;
  }
}

async function load(path: string, readDocx: DocxReader): Promise<Side> {
  const bytes = await readUserFile(path);
  return { path, loaded: loadDocument(bytes, path, readDocx) };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      color: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** `renda compare --format json`: the shape of issue 12, paths added to each side. */
export function formatCompareJson(result: CompareResult, planPath: string, reportPath: string): string {
  return `${JSON.stringify(
    {
      plan: { path: planPath, kind: result.plan.kind, year: result.plan.year },
      report: { path: reportPath, kind: result.report.kind, year: result.report.year },
      items: result.items.map((it) => ({
        id: it.id,
        text: it.text,
        start: it.start,
        end: it.end,
        section: it.section,
        grade: it.grade,
        evidence: it.evidence.map((e) => ({
          text: e.text,
          start: e.start,
          end: e.end,
          section: e.section,
          score: e.score,
        })),
      })),
      unplanned: result.unplanned.map((u) => ({
        text: u.text,
        start: u.start,
        end: u.end,
        section: u.section,
      })),
    },
    null,
    2,
  )}\n`;
}

const COLOURS: Record<Grade, string> = {
  covered: "\u001b[32m",
  partial: "\u001b[33m",
  missing: "\u001b[31m",
};
const RESET = "\u001b[0m";
const DIM = "\u001b[2m";

function clip(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, " ");
  return one.length > n ? `${one.slice(0, n)}…` : one;
}

function line(doc: TextDocument, offset: number): number {
  return positionAt(doc, offset).line;
}

/** The terminal table: items under their chapters, each with its grade and where the report accounts for it. */
export function formatCompareStylish(
  result: CompareResult,
  plan: Side,
  report: Side,
  opts: { color: boolean },
): string {
  const paint = (code: string, s: string) => (opts.color ? `${code}${s}${RESET}` : s);
  const out: string[] = [];
  const side = (label: string, s: Side, r: CompareResult["plan"]) =>
    `${label}：${s.path}（${kindName(r.kind)}${r.year ? `，${r.year}年` : "，年份未识别"}）`;
  out.push(side("工作要点", plan, result.plan));
  out.push(side("工作报告", report, result.report));
  let section: string | null | undefined;
  for (const item of result.items) {
    if (item.section !== section) {
      section = item.section;
      out.push("", section ? `【${section}】` : "【（未分章）】");
    }
    const grade = paint(COLOURS[item.grade], GRADE_NAMES[item.grade].padEnd(4, "　"));
    out.push(
      `  ${item.id.padStart(2)}. ${grade} ${clip(item.text, 48)}  ${paint(DIM, `第${line(plan.loaded.doc, item.start)}行`)}`,
    );
    for (const e of item.evidence) {
      const where = `第${line(report.loaded.doc, e.start)}行${e.section ? `（${clip(e.section, 16)}）` : ""}`;
      out.push(`        ↳ ${paint(DIM, where)} ${clip(e.text, 56)} ${paint(DIM, `[${e.score.toFixed(2)}]`)}`);
    }
  }
  const count = (g: Grade) => result.items.filter((i) => i.grade === g).length;
  out.push(
    "",
    `共 ${result.items.length} 项：已体现 ${count("covered")} 项，部分体现 ${count("partial")} 项，未见 ${count("missing")} 项`,
  );
  if (result.unplanned.length > 0) {
    out.push("", `报告中有、工作要点未列的工作（${result.unplanned.length} 段）：`);
    for (const u of result.unplanned) {
      const where = `第${line(report.loaded.doc, u.start)}行${u.section ? `（${clip(u.section, 16)}）` : ""}`;
      out.push(`  ${paint(DIM, where)} ${clip(u.text, 60)}`);
    }
  }
  out.push(
    "",
    "“未见”只说明报告中找不到相应的表述，请核对；依据后的数字是相似度（0–1）。用 -o 对照表.xlsx 导出表格，备注列供填写。",
  );
  return `${out.join("\n")}\n`;
}
