import { basename } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { isInputError } from "../io/errors.ts";
import { checkLedger } from "../ledger/check.ts";
import { MetricDefinitions } from "../ledger/metrics.ts";
import { renderHuman, renderJson } from "../ledger/report.ts";
import { writeSampleLedger } from "../ledger/sample.ts";
import { writeLedgerTemplate } from "../ledger/template.ts";
import { ledgerSlots } from "../phrasing/ledger-slots.ts";
import { LEDGER_READ, readUserFileSync } from "./files.ts";
import { planOutput, writeOutput } from "./write.ts";

export interface LedgerIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const LEDGER_USAGE = `用法：
  renda ledger template -o 台账.xlsx [--year 2025] [--sample] [--force]
      生成台账模板：每个工作表一个Excel表格，带下拉列表、日期格式和填写说明。
      --sample  填入一份虚构的县级年度示例数据；--force  覆盖已存在的文件
  renda ledger check 台账.xlsx [--format human|json] [--year 2025] [--reader stream|full]
      逐格检查台账，问题定位到工作表和单元格。退出码：0 无错误，1 有错误，2 文件无法使用
  renda ledger slots 台账.xlsx --kind work-report|work-plan [--year 2025] [--definitions 口径.json] [-o 插槽.json] [--force]
      由台账生成报告插槽内容（JSON，可交给 renda draft/fill --slots）；-o 不能是台账本身，已存在时需加 --force`;

export async function runLedger(argv: string[], io: LedgerIO): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case "template":
        return await template(rest, io);
      case "check":
        return await check(rest, io);
      case "slots":
        return await slots(rest, io);
      case undefined:
      case "help":
      case "-h":
      case "--help":
        io.stdout(`${LEDGER_USAGE}\n`);
        return sub === undefined ? 2 : 0;
      default:
        io.stderr(`renda ledger：未知子命令“${sub}”\n\n${LEDGER_USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || isInputError(e)) {
      io.stderr(`renda ledger：${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`参数有误：${(e as Error).message}\n\n${LEDGER_USAGE}`);
  }
}

function yearOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1949 || y > 2100)
    throw new UsageError(`--year 应为四位年份，收到“${String(v)}”`);
  return y;
}

function readLedgerFile(path: string): Uint8Array {
  return readUserFileSync(path, LEDGER_READ);
}

async function template(args: string[], io: LedgerIO): Promise<number> {
  const { values } = parse(args, {
    output: { type: "string", short: "o" },
    year: { type: "string" },
    sample: { type: "boolean" },
    force: { type: "boolean" },
  });
  const out = values.output as string | undefined;
  if (!out) throw new UsageError(`请用 -o 指定输出文件，如 -o 台账.xlsx\n\n${LEDGER_USAGE}`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件应以 .xlsx 结尾：“${out}”`);
  // Never overwrite what a statistician may have typed into an existing ledger.
  const output = { target: out, inputs: [], force: values.force === true };
  planOutput(output);
  const year = yearOf(values.year);
  const bytes = values.sample
    ? await writeSampleLedger(year ? { year } : {})
    : await writeLedgerTemplate(year ? { year } : {});
  writeOutput(output, bytes);
  io.stdout(`已生成${values.sample ? "示例台账" : "台账模板"}：${out}\n`);
  return 0;
}

async function check(args: string[], io: LedgerIO): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: "string", default: "human" },
    year: { type: "string" },
    reader: { type: "string", default: "stream" },
  });
  if (positionals.length !== 1) throw new UsageError(`请给出一个台账文件\n\n${LEDGER_USAGE}`);
  const format = values.format as string;
  if (format !== "human" && format !== "json") throw new UsageError(`--format 只能是 human 或 json`);
  const reader = values.reader as string;
  if (reader !== "stream" && reader !== "full") throw new UsageError(`--reader 只能是 stream 或 full`);
  const path = positionals[0]!;
  const year = yearOf(values.year);
  const result = await checkLedger(readLedgerFile(path), {
    fileName: basename(path),
    reader,
    ...(year ? { year } : {}),
  });
  io.stdout(format === "json" ? renderJson(result) : renderHuman(result));
  if (!result.usable) return 2;
  return result.counts.error > 0 ? 1 : 0;
}

async function slots(args: string[], io: LedgerIO): Promise<number> {
  const { values, positionals } = parse(args, {
    kind: { type: "string" },
    year: { type: "string" },
    definitions: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError(`请给出一个台账文件\n\n${LEDGER_USAGE}`);
  const output = values.output
    ? {
        target: values.output as string,
        inputs: [positionals[0]!, ...(values.definitions ? [values.definitions as string] : [])],
        force: values.force === true,
      }
    : null;
  if (output) planOutput(output);
  const kind = values.kind as string | undefined;
  if (kind !== "work-report" && kind !== "work-plan")
    throw new UsageError("--kind 只能是 work-report 或 work-plan");
  let definitions: MetricDefinitions | undefined;
  if (values.definitions) {
    const path = values.definitions as string;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(readUserFileSync(path)).replace(/^\uFEFF/, ""));
    } catch (e) {
      if (isInputError(e)) throw e;
      throw new UsageError(`口径文件“${path}”不是有效的JSON：${(e as Error).message}`);
    }
    const parsed = MetricDefinitions.safeParse(raw);
    if (!parsed.success)
      throw new UsageError(
        `口径文件“${path}”有误：${parsed.error.issues.map((i) => `${i.path.join(".") || "(根)"}：${i.message}`).join("；")}`,
      );
    definitions = parsed.data;
  }
  const path = positionals[0]!;
  const year = yearOf(values.year);
  const result = await ledgerSlots(readLedgerFile(path), {
    kind,
    fileName: basename(path),
    reader: "stream",
    ...(year ? { year } : {}),
    ...(definitions ? { definitions } : {}),
  });
  if (!result.check.usable) {
    io.stderr(renderHuman(result.check));
    return 2;
  }
  if (result.check.counts.error > 0)
    io.stderr(
      `注意：台账有${result.check.counts.error}处错误，相关行未计入统计；请先运行 renda ledger check ${path}\n`,
    );
  const json = `${JSON.stringify(result.slots, null, 2)}\n`;
  if (output) {
    writeOutput(output, json);
    io.stdout(`已生成插槽内容：${values.output}（${Object.keys(result.slots).length}个）\n`);
  } else io.stdout(json);
  return result.check.counts.error > 0 ? 1 : 0;
}
