import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isInputError } from "../io/errors.ts";
import { lint } from "../lint.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import { type FileReport, formatJson, formatSarif, formatStylish } from "./format.ts";
import { type DocxReader, loadDocument } from "./load.ts";

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  isTTY?: boolean;
}

const KIND_ALIASES: Record<string, DocumentKindId | "auto"> = {
  auto: "auto",
  "work-report": "work-report",
  "work-plan": "work-plan",
  工作报告: "work-report",
  工作要点: "work-plan",
};

export const LINT_USAGE = `用法：renda lint [选项] 文件…

检查工作报告、工作要点的章节结构和表述（.txt、.md、.docx）。

选项：
  --format stylish|json|sarif   输出格式（默认 stylish）
  --kind auto|work-report|work-plan  文稿类型（默认自动识别；也可写 工作报告/工作要点）
  --year 2025                   文稿所涉年份（报告为回顾之年，要点为计划之年；默认自动识别）
  --no-color                    不使用颜色
  -h, --help                    显示本帮助

退出码：0 无错误；1 有错误级问题；2 输入或参数无法使用。`;

export async function runLint(
  argv: string[],
  io: CliIO,
  readDocx: DocxReader,
  version: string,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`renda lint：${(e as Error).message}\n\n${LINT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${LINT_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`renda lint：请给出要检查的文件\n\n${LINT_USAGE}\n`);
    return 2;
  }
  const format = values.format ?? "stylish";
  if (!["stylish", "json", "sarif"].includes(format)) {
    io.stderr(`renda lint：--format 只能是 stylish、json 或 sarif，收到“${format}”\n`);
    return 2;
  }
  const kind = KIND_ALIASES[values.kind ?? "auto"];
  if (!kind) {
    io.stderr(
      `renda lint：--kind 只能是 auto、work-report（工作报告）或 work-plan（工作要点），收到“${values.kind}”\n`,
    );
    return 2;
  }
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year) || year < 1979 || year > 2100) {
      io.stderr(`renda lint：--year 应为四位年份，如 2025，收到“${values.year}”\n`);
      return 2;
    }
  }

  const reports: FileReport[] = [];
  let unusable = false;
  for (const path of positionals) {
    try {
      const bytes = await readBytes(path);
      const loaded = loadDocument(bytes, path, readDocx);
      const result = lint(loaded.doc, { kind, ...(year ? { year } : {}) });
      const report: FileReport = {
        path,
        kind: result.kind,
        year: result.year,
        found: result.sections.found,
        missing: result.sections.missing,
        diagnostics: result.diagnostics,
        text: loaded.text,
      };
      if (loaded.notice) {
        report.notice = loaded.notice;
        if (format !== "stylish") io.stderr(`${path}：${loaded.notice}\n`);
      }
      reports.push(report);
    } catch (e) {
      if (!isInputError(e)) throw e;
      unusable = true;
      io.stderr(`renda lint：${e.message}\n`);
    }
  }

  if (format === "json") io.stdout(formatJson(reports));
  else if (format === "sarif") io.stdout(formatSarif(reports, version));
  else if (reports.length > 0)
    io.stdout(formatStylish(reports, { color: values.color !== false && io.isTTY === true }));

  if (unusable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: "string", short: "f" },
      kind: { type: "string" },
      year: { type: "string" },
      color: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const { InputError } = await import("../io/errors.ts");
    if (code === "ENOENT") throw new InputError(`${path}：文件不存在`, path);
    if (code === "EISDIR") throw new InputError(`${path}：这是文件夹，请给出文件`, path);
    if (code === "EACCES") throw new InputError(`${path}：没有读取权限`, path);
    throw new InputError(`${path}：无法读取（${code ?? (e as Error).message}）`, path);
  }
}
