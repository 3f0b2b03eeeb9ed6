import { basename, dirname, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { findConfig } from "../config/locate.ts";
import { applyFixes, fixesOf } from "../fix.ts";
import { InputError, isInputError } from "../io/errors.ts";
import { type LintOptions, lint, type OmittedFindings } from "../lint.ts";
import { builtinRules } from "../rules/registry.ts";
import type { Rule } from "../rules/types.ts";
import type { Diagnostic, Fix } from "../schema/diagnostic.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import { positionAt, type TextDocument } from "../text/model.ts";
import type { CliIO } from "./cli-io.ts";
import { LEDGER_READ, readUserFile } from "./files.ts";
import { type FileReport, formatJson, formatSarif, formatStylish } from "./format.ts";
import { type DocxReader, type LoadedDocument, loadDocument } from "./load.ts";
import { reviewName, writeReview } from "./review-command.ts";
import { visibleDeep } from "./terminal.ts";
import { type OutputRequest, planOutput, writeOutput } from "./write.ts";

export type { CliIO } from "./cli-io.ts";

const KIND_ALIASES: Record<string, DocumentKindId | "auto"> = {
  auto: "auto",
  "work-report": "work-report",
  "work-plan": "work-plan",
  "gov-report": "gov-report",
  other: "other",
  工作报告: "work-report",
  工作要点: "work-plan",
  政府工作报告: "gov-report",
  其他: "other",
};

/**
 * Findings listed per file by default; beyond this the output counts them per check and says how to list
 * them all (`--max-findings 0`). A report has dozens; a thousand is about 500 KB of JSON, while a hostile
 * 40 MB text full of findings printed 594 MB (issue 14).
 */
export const MAX_LISTED = 1000;

export const LINT_USAGE = `用法：renda lint [选项] 文件…

检查工作报告、工作要点的章节结构和表述（.txt、.md、.docx）；政府工作报告按其自身章节检查，其他文稿只检查表述。

选项：
  --format stylish|json|sarif   输出格式（默认 stylish）
  --kind auto|work-report|work-plan|gov-report|other
                                文稿类型（默认自动识别并列出依据；也可写 工作报告/工作要点/政府工作报告/其他）
  --year 2025                   文稿所涉年份（报告为回顾之年，要点为计划之年；默认自动识别）
  --fix                         应用安全修正（只有一个正确答案的机械改动，如中文之间的半角逗号），
                                写入新文件“原名.fixed.扩展名”（不改动原文件）；修改建议不应用，只报告条数
  --fix-suggestions             同 --fix，并一并应用每个问题的第一条修改建议（措辞改写等，请事后通读核对）
  --review                      写出审校稿“原名.审校.docx”：每个问题是一条批注（标在原文上），安全修正是修订
                                （在 WPS/Word 中接受或拒绝）；.txt/.md 文稿生成按公文格式排版的 .docx
  -o, --output 文件              --fix / --fix-suggestions / --review 的输出文件（只检查一个文件时可用；不能是任何输入文件）
  --in-place                    --fix / --fix-suggestions 时直接改写原文件（需明确指定；先写临时文件再替换，中断也不会损坏原文件）
  --force                       输出文件已存在时覆盖它（默认不覆盖）
  --ledger 台账.xlsx             对照台账核对文中统计数字（回顾部分），不一致处列出两边的数值
  --previous-ledger 上年台账.xlsx  另给上一年的台账：核对“比上年增加N次”等同比表述（须同时给 --ledger）
  --config renda.config.json    配置文件（默认从文件所在目录向上查找 renda.config.json）
  --no-config                   不使用配置文件
  --max-findings 1000           每个文件最多列出多少处问题（默认 1000；其余按检查项计数并说明；0 表示全部列出）
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
  // --fix-suggestions is --fix that also takes each finding's first suggestion.
  if (values["fix-suggestions"]) values.fix = true;
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
      `renda lint：--kind 只能是 auto、work-report（工作报告）、work-plan（工作要点）、gov-report（政府工作报告）或 other（其他），收到“${values.kind}”\n`,
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

  let maxListed = MAX_LISTED;
  if (values["max-findings"] !== undefined) {
    maxListed = Number(values["max-findings"]);
    if (!/^\d+$/.test(values["max-findings"]) || !Number.isSafeInteger(maxListed)) {
      io.stderr(
        `renda lint：--max-findings 应为不小于 0 的整数（0 表示全部列出），收到“${values["max-findings"]}”\n`,
      );
      return 2;
    }
  }
  // 0 lists everything: the user asked for it, memory and output grow with the findings.
  const cap = maxListed === 0 ? {} : { maxDiagnostics: maxListed };

  if (values.review && values.fix) {
    io.stderr("renda lint：--review 与 --fix 只能选一个（审校稿中安全修正已是修订，接受即改正）\n");
    return 2;
  }
  if (values.output !== undefined && (!(values.fix || values.review) || positionals.length !== 1)) {
    io.stderr("renda lint：-o/--output 只用于 --fix 或 --review，且只能检查一个文件\n");
    return 2;
  }
  if (values.review && values.output !== undefined && !values.output.toLowerCase().endsWith(".docx")) {
    io.stderr(`renda lint：审校稿是 Word 文档，-o 的文件名应以 .docx 结尾，收到“${values.output}”\n`);
    return 2;
  }
  if (values["in-place"] && !values.fix) {
    io.stderr("renda lint：--in-place 只用于 --fix\n");
    return 2;
  }
  if (values["in-place"] && values.output !== undefined) {
    io.stderr("renda lint：-o 与 --in-place 只能选一个\n");
    return 2;
  }

  const configs = new Map<string, Partial<LintOptions>>();
  const configFileFor = (path: string): string | null => {
    // parseArgs (allowNegative) turns --no-config into config: false.
    if ((values.config as unknown) === false || values["no-config"]) return null;
    return typeof values.config === "string" ? values.config : findConfig(dirname(path));
  };
  const configFor = async (path: string): Promise<Partial<LintOptions>> => {
    const file = configFileFor(path);
    if (!file) return {};
    const cached = configs.get(file);
    if (cached) return cached;
    // Loaded only when there is a config: its parser and zod schemas are a good part of a start-up.
    const { loadConfig } = await import("../config/find.ts");
    const parsed = loadConfig(file);
    // A broken config is unusable input: silently linting without the office's own rules would mislead.
    if (parsed.errors.length > 0) throw new InputError(parsed.errors.map((e) => e.message).join("\n"), file);
    configs.set(file, parsed.options);
    // Say which config is in force (one found in a parent folder is easy to miss), loudly when it turns
    // checks off: a clean result must not hide that rules were switched off by someone else's file.
    const off = Object.entries(parsed.options.severity ?? {})
      .filter(([, v]) => v === "off")
      .map(([k]) => k);
    io.stderr(
      `使用配置文件：${file}${typeof values.config === "string" ? "" : "（自动查找；不使用请加 --no-config）"}\n`,
    );
    if (off.length > 0)
      io.stderr(
        `注意：该配置文件关闭了 ${off.length} 项检查：${off.join("、")}；关闭的检查不会报告任何问题\n`,
      );
    return parsed.options;
  };

  if (values["previous-ledger"] && !values.ledger) {
    io.stderr("renda lint：--previous-ledger（上年台账）须与 --ledger（本年台账）一起使用\n");
    return 2;
  }
  let extraRules: Rule[] = [];
  if (values.ledger) {
    try {
      extraRules = [await ledgerRule(values.ledger, io, year, values["previous-ledger"])];
    } catch (e) {
      if (!isInputError(e)) throw e;
      io.stderr(`renda lint：${e.message}\n`);
      return 2;
    }
  }

  const reports: FileReport[] = [];
  let unusable = false;
  let hiddenErrors = false;
  for (const path of positionals) {
    try {
      // The output is checked before any work: refusing after a long lint would waste the user's time.
      const output = values.fix
        ? {
            target: values["in-place"] ? path : (values.output ?? fixedName(path)),
            inputs: [
              path,
              ...(values.ledger ? [values.ledger] : []),
              ...(values["previous-ledger"] ? [values["previous-ledger"]] : []),
              ...nonNull(configFileFor(path)),
            ],
            force: values.force === true,
            inPlace: values["in-place"] === true,
          }
        : values.review
          ? {
              target: values.output ?? reviewName(path),
              inputs: [path, ...(values.ledger ? [values.ledger] : []), ...nonNull(configFileFor(path))],
              force: values.force === true,
            }
          : null;
      if (output) planOutput(output);
      const bytes = await readUserFile(path);
      let loaded = loadDocument(bytes, path, readDocx);
      const config = await configFor(path);
      // --kind/--year on the command line beat the config file; absent, the config's own values stand.
      const options: LintOptions = { ...config, ...(values.kind ? { kind } : {}), ...(year ? { year } : {}) };
      if (extraRules.length > 0)
        options.rules = [...(config.rules ?? builtinRules(config.packs)), ...extraRules];
      // --fix needs every finding's fix and --review every finding's comment; otherwise findings past the cap are only counted (bounded memory).
      let result = lint(loaded.doc, values.fix || values.review ? options : { ...options, ...cap });
      let shownPath = path;
      if (values.review) await writeReview(loaded, bytes, result, path, output!, io);
      if (values.fix) {
        const withSuggestions = values["fix-suggestions"] === true;
        const fixes = fixesOf(result.diagnostics, { suggestions: withSuggestions });
        const target = output!.target;
        const fixed = await writeFixed(loaded, bytes, fixes, path, output!, io);
        if (!withSuggestions) reportSuggestionsLeft(result.diagnostics, path, io);
        if (fixed) {
          loaded = loadDocument(fixed, target, readDocx);
          result = lint(loaded.doc, { ...options, ...cap });
          shownPath = target;
        }
      }
      // A hostile or runaway document can yield millions of findings (594 MB of JSON in the issue): list the
      // first ones, count the rest per check, and say so; the exit code still reflects all of them.
      const capped = capDiagnostics(
        result.diagnostics,
        maxListed === 0 ? Number.POSITIVE_INFINITY : maxListed,
      );
      const listed = capped.listed;
      const omitted = mergeOmitted(result.omitted, capped.omitted);
      const note = omitted ? omittedNote(listed.length, omitted) : null;
      const report: FileReport = {
        path: shownPath,
        kind: result.kind,
        kindDetection: result.kindDetection,
        year: result.year,
        found: result.sections.found,
        missing: result.sections.missing,
        diagnostics: listed,
        text: loaded.text,
      };
      if (omitted && note) {
        report.omitted = omitted;
        loaded = { ...loaded, notice: loaded.notice ? `${loaded.notice}；${note}` : note };
        if (omitted.errors > 0) hiddenErrors = true;
      }
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
    io.stdout(formatStylish(visibleDeep(reports), { color: values.color !== false && io.isTTY === true }));

  if (unusable) return 2;
  return hiddenErrors || reports.some((r) => r.diagnostics.some((d) => d.severity === "error")) ? 1 : 0;
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
      fix: { type: "boolean" },
      review: { type: "boolean" },
      "fix-suggestions": { type: "boolean" },
      output: { type: "string", short: "o" },
      "in-place": { type: "boolean" },
      force: { type: "boolean" },
      config: { type: "string" },
      ledger: { type: "string" },
      "previous-ledger": { type: "string" },
      // Declared so parseArgs accepts it; with allowNegative it arrives as config: false.
      "no-config": { type: "boolean" },
      color: { type: "boolean" },
      "max-findings": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function nonNull<T>(x: T | null): T[] {
  return x === null ? [] : [x];
}

/** The first `max` findings, and what was left out (null when nothing was). */
export function capDiagnostics(
  all: readonly Diagnostic[],
  max: number,
): { listed: Diagnostic[]; omitted: OmittedFindings | null } {
  if (all.length <= max) return { listed: [...all], omitted: null };
  const omitted: OmittedFindings = { count: 0, errors: 0, byRule: {} };
  for (let i = max; i < all.length; i++) {
    const d = all[i]!;
    omitted.count++;
    if (d.severity === "error") omitted.errors++;
    omitted.byRule[d.ruleId] = (omitted.byRule[d.ruleId] ?? 0) + 1;
  }
  return { listed: all.slice(0, max), omitted };
}

function mergeOmitted(a: OmittedFindings | undefined, b: OmittedFindings | null): OmittedFindings | null {
  if (!a) return b;
  if (!b) return a;
  const byRule = { ...a.byRule };
  for (const [id, n] of Object.entries(b.byRule)) byRule[id] = (byRule[id] ?? 0) + n;
  return { count: a.count + b.count, errors: a.errors + b.errors, byRule };
}

/** The sentence that says how many findings were left out, of which checks, and how to list them all. */
export function omittedNote(listed: number, omitted: OmittedFindings): string {
  const byRule = Object.entries(omitted.byRule)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([id, n]) => `${id} ${n} 处`)
    .join("、");
  const errors = omitted.errors > 0 ? `，其中错误 ${omitted.errors} 处` : "";
  return `共发现 ${listed + omitted.count} 处问题，只列出前 ${listed} 处；未列出的 ${omitted.count} 处${errors}：${byRule}。要全部列出，请加 --max-findings 0；问题如此之多，请先检查文档是否为正常的报告文稿`;
}

/** 草稿.txt → 草稿.fixed.txt: the user's file is never overwritten unless --in-place says so. */
export function fixedName(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.fixed${ext}`);
}

/**
 * Applies the fixes and writes the result; never silent: says how many fixes went where, and which were
 * left for a second run. Returns the written bytes, or null when there was nothing to fix.
 */
async function writeFixed(
  loaded: LoadedDocument,
  bytes: Uint8Array,
  fixes: Fix[],
  path: string,
  output: OutputRequest,
  io: CliIO,
): Promise<Uint8Array | null> {
  const target = output.target;
  if (fixes.length === 0) {
    io.stderr(`${path}：没有可自动修正的问题，未写入文件\n`);
    return null;
  }
  let out: Uint8Array;
  let applied: Fix[];
  let skipped: number;
  if (loaded.format === "docx") {
    // Loaded here, not at start-up: a .txt lint never writes a .docx.
    const { fixDocx } = await import("../io/docx-fix.ts");
    const r = fixDocx(bytes, fixes, path);
    out = r.bytes;
    applied = r.applied;
    skipped = r.skipped.length;
  } else {
    const r = applyFixes(loaded.text, fixes);
    out = new TextEncoder().encode(r.text);
    applied = r.applied;
    skipped = r.skipped.length;
  }
  writeOutput(output, out);
  const where = applied.map((f) => describeFix(loaded.doc, loaded.text, f));
  io.stderr(
    `${path}：已修正 ${applied.length} 处，写入 ${target}${skipped ? `；另有 ${skipped} 处与其他修正重叠，请再运行一次` : ""}${loaded.notice ? "（以 UTF-8 编码保存）" : ""}\n${where.map((w) => `  ${w}\n`).join("")}`,
  );
  return out;
}

/** --fix never applies a suggestion; it says how many it left and how to get them. */
function reportSuggestionsLeft(diagnostics: readonly Diagnostic[], path: string, io: CliIO): void {
  const left = diagnostics.filter((d) => !d.fix && d.suggestions && d.suggestions.length > 0).length;
  if (left === 0) return;
  io.stderr(
    `${path}：另有 ${left} 条修改建议未应用（措辞改写等，需逐条确认：在 Word 任务窗格或浏览器侧边栏中逐条应用，或用 --fix-suggestions 一并应用）\n`,
  );
}

function describeFix(doc: TextDocument, text: string, f: Fix): string {
  const { line, column } = positionAt(doc, f.start);
  const before = text.slice(f.start, f.end).replace(/\n/g, "↵");
  return `第${line}行第${column}列：“${before}”→“${f.text}”`;
}

/** The ledger's figures as a rule; a ledger that cannot be read is unusable input, one with errors is said. */
async function ledgerRule(
  path: string,
  io: CliIO,
  year: number | undefined,
  previousPath?: string,
): Promise<Rule> {
  // The ledger reader pulls in exceljs, slower to load than a whole lint: only --ledger pays for it.
  const { ledgerCrossCheck, ledgerFacts, withPrevious } = await import("../rules/ledger/figure-mismatch.ts");
  const facts = ledgerFacts(await ledgerMetrics(path, io, year));
  if (!previousPath) return ledgerCrossCheck(facts, basename(path));
  // Last year's ledger: the year before this one's, so a stated change (比上年增加2次) can be checked.
  const previous = await ledgerMetrics(previousPath, io, year ? year - 1 : undefined);
  return ledgerCrossCheck(withPrevious(facts, ledgerFacts(previous)), basename(path));
}

async function ledgerMetrics(path: string, io: CliIO, year: number | undefined) {
  const { checkLedger, computeMetrics, formatIssue } = await import("../ledger/index.ts");
  const bytes = await readUserFile(path, LEDGER_READ);
  const check = await checkLedger(bytes, {
    fileName: path,
    reader: "stream",
    ...(year ? { year: year } : {}),
  });
  if (!check.usable) throw new InputError(check.issues.map((i) => formatIssue(i)).join("\n"), path);
  if (check.counts.error > 0) {
    io.stderr(
      `注意：台账“${path}”有 ${check.counts.error} 个错误（运行 renda ledger check ${path} 查看），有错误的行未计入核对用的统计数字\n`,
    );
  }
  return computeMetrics(check.data, { year: check.year });
}
