import { parseArgs } from "node:util";
import { z } from "zod";
import type { SlotMap } from "../draft/slots.ts";
import { renderDraft } from "../io/docx-draft.ts";
import { fillDocx } from "../io/docx-fill.ts";
import { readDocx } from "../io/docx-read.ts";
import { InputError, isInputError } from "../io/errors.ts";
import { checkLedger, computeMetrics, formatIssue, renderHuman } from "../ledger/index.ts";
import { lint } from "../lint.ts";
import { buildSlots } from "../phrasing/ledger.ts";
import { ledgerSlots } from "../phrasing/ledger-slots.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { CliIO } from "./cli-io.ts";
import { LEDGER_READ, readUserFile } from "./files.ts";
import { type OutputRequest, planOutput, writeOutput } from "./write.ts";

export const DRAFT_USAGE = `用法：renda draft --kind work-report|work-plan --year 2025 --ledger 台账.xlsx -o 草稿.docx

按 GB/T 9704-2012 版式生成工作报告或工作要点的 .docx 框架：全部章节标题和起草提示，
统计段落和表格放在标记为 renda:<插槽> 的内容控件中，之后可用 renda fill 更新。

选项：
  --kind work-report|work-plan   文稿类型（也可写 工作报告/工作要点）
  --year 2025                    报告为回顾之年，要点为计划之年
  --slots 插槽.json               插槽内容（JSON：{"overview": {"kind": "paragraphs", "paragraphs": [...]}}）
  --ledger 台账.xlsx              从台账生成插槽内容（先校验台账；有错误时不生成，除非加 --allow-ledger-errors）
  --previous-ledger 上年台账.xlsx  另给上一年的台账：生成同比句（“与上年相比，召开常委会会议9次，比上年增加2次……”）
  --organ 名称                    常委会全称，如“青山县人民代表大会常务委员会”
  -o, --output 文件.docx          输出文件（已存在时需加 --force）
  --force                        覆盖已存在的输出文件`;

export const FILL_USAGE = `用法：renda fill 草稿.docx --ledger 台账.xlsx -o 已填写.docx [--in-place]

只替换文档中 renda:<插槽> 内容控件里的内容，其余文字和格式一律不动；重复运行结果相同。

选项：
  --slots 插槽.json       插槽内容（JSON）
  --ledger 台账.xlsx      从台账生成插槽内容（先校验台账；有错误时不填写，除非加 --allow-ledger-errors）
  --previous-ledger 上年台账.xlsx  另给上一年的台账：填写同比句插槽 renda:overview-year-on-year
  -o, --output 文件.docx  输出文件（不能是任何输入文件；已存在时需加 --force）
  --force                覆盖已存在的输出文件
  --in-place             直接改写输入文件（需明确指定；先写临时文件再替换）`;

const SlotContent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paragraphs"), paragraphs: z.array(z.string()) }),
  z.object({
    kind: z.literal("table"),
    caption: z.string().optional(),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    note: z.string().optional(),
  }),
]);
const SlotMapSchema = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), SlotContent);

const KINDS: Record<string, "work-report" | "work-plan"> = {
  "work-report": "work-report",
  "work-plan": "work-plan",
  工作报告: "work-report",
  工作要点: "work-plan",
};

/** `renda draft`: returns the exit code (0 written, 2 unusable input or arguments). */
export async function runDraft(argv: string[], io: CliIO): Promise<number> {
  return reportInputErrors(io, () => draft(argv, io));
}

/** `renda fill`: returns the exit code (0 written, 2 unusable input or arguments). */
export async function runFill(argv: string[], io: CliIO): Promise<number> {
  return reportInputErrors(io, () => fill(argv, io));
}

async function reportInputErrors(io: CliIO, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!isInputError(e)) throw e;
    io.stderr(`renda：${e.message}\n`);
    return 2;
  }
}

/** Where the slots come from, where the result goes, and help: the options draft and fill share. */
const SLOT_SOURCE_OPTIONS = {
  slots: { type: "string" },
  ledger: { type: "string" },
  "previous-ledger": { type: "string" },
  "allow-ledger-errors": { type: "boolean" },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

async function draft(argv: string[], io: CliIO): Promise<number> {
  const args = guard(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...SLOT_SOURCE_OPTIONS,
        kind: { type: "string" },
        year: { type: "string" },
        organ: { type: "string" },
        force: { type: "boolean" },
      },
    }),
  );
  if (args.values.help) {
    io.stdout(`${DRAFT_USAGE}\n`);
    return 0;
  }
  const v = args.values;
  const kind = KINDS[String(v.kind ?? "")];
  if (!kind)
    return usage(
      io,
      "请用 --kind 指定文稿类型：work-report（工作报告）或 work-plan（工作要点）",
      DRAFT_USAGE,
    );
  const year = Number(v.year);
  if (!Number.isInteger(year) || year < 1980 || year > 2100) {
    return usage(io, "请用 --year 指定年份，如 --year 2025", DRAFT_USAGE);
  }
  if (!v.output) return usage(io, "请用 -o 指定输出文件，如 -o 草稿.docx", DRAFT_USAGE);
  const output: OutputRequest = {
    target: v.output,
    inputs: [v.slots, v.ledger, v["previous-ledger"]].filter((f): f is string => typeof f === "string"),
    force: v.force === true,
  };
  planOutput(output);
  const slots = await loadSlots(v.slots as string | undefined, v.ledger as string | undefined, true, {
    previous: v["previous-ledger"] as string | undefined,
    kind: async () => kind,
    year,
    allowErrors: Boolean(v["allow-ledger-errors"]),
    io,
  });
  const bytes = await renderDraft({ kind, year, slots, body: v.organ ? { organ: String(v.organ) } : {} });
  writeOutput(output, bytes);
  io.stdout(
    `已生成 ${v.output}（${kind === "work-report" ? "工作报告" : "工作要点"}，${year}年，${Object.keys(slots).length} 个自动填写插槽）\n`,
  );
  return 0;
}

async function fill(argv: string[], io: CliIO): Promise<number> {
  const args = guard(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...SLOT_SOURCE_OPTIONS,
        "in-place": { type: "boolean" },
        force: { type: "boolean" },
      },
    }),
  );
  if (args.values.help) {
    io.stdout(`${FILL_USAGE}\n`);
    return 0;
  }
  const v = args.values;
  const [input, ...extra] = args.positionals;
  if (!input || extra.length > 0) return usage(io, "请指定一个要填写的 .docx 文件", FILL_USAGE);
  const inPlace = Boolean(v["in-place"]);
  if (!v.output && !inPlace)
    return usage(io, "请用 -o 指定输出文件；如确要改写原文件，请加 --in-place", FILL_USAGE);
  if (v.output && inPlace) return usage(io, "-o 与 --in-place 只能选一个", FILL_USAGE);
  const output: OutputRequest = {
    target: inPlace ? input : String(v.output),
    inputs: [input, v.slots, v.ledger, v["previous-ledger"]].filter(
      (f): f is string => typeof f === "string",
    ),
    force: v.force === true,
    inPlace,
  };
  planOutput(output);
  const bytes = await readUserFile(input);
  const slots = await loadSlots(v.slots as string | undefined, v.ledger as string | undefined, false, {
    previous: v["previous-ledger"] as string | undefined,
    // The slots a ledger yields depend on the kind: read it off the document being filled.
    kind: async () => lint({ blocks: readDocx(bytes, input).blocks }, { rules: [] }).kind,
    allowErrors: Boolean(v["allow-ledger-errors"]),
    io,
  });
  const result = fillDocx(bytes, slots, input);
  writeOutput(output, result.bytes);
  io.stdout(
    `已写入 ${output.target}：填写 ${result.filled.length} 处${result.filled.length ? `（${result.filled.join("、")}）` : ""}\n`,
  );
  if (result.unknown.length > 0) {
    io.stderr(
      `注意：文档中这些插槽没有数据，已原样保留：${result.unknown.map((s) => `renda:${s}`).join("、")}\n`,
    );
  }
  if (result.absent.length > 0) {
    io.stderr(`注意：这些插槽有数据，但文档中没有对应的内容控件：${result.absent.join("、")}\n`);
  }
  for (const s of result.skipped) io.stderr(`注意：插槽 renda:${s.slot} 未填写：${s.reason}\n`);
  return 0;
}

function guard<R>(parse: () => R): R {
  try {
    return parse();
  } catch (e) {
    throw new InputError(`参数有误：${(e as Error).message}`);
  }
}

function usage(io: CliIO, message: string, text: string): number {
  io.stderr(`renda：${message}\n\n${text}\n`);
  return 2;
}

/**
 * Slot data, from the ledger (checked first: a ledger with errors gives wrong figures, so it blocks unless the
 * user says --allow-ledger-errors) or from a slots JSON file (what `renda ledger slots` writes).
 */
async function loadSlots(
  slotsPath: string | undefined,
  ledger: string | undefined,
  optional: boolean,
  ctx: {
    kind: () => Promise<DocumentKindId>;
    year?: number;
    allowErrors: boolean;
    io: CliIO;
    /** Last year's 台账 (--previous-ledger): adds the year-on-year sentence (比上年增加2次). */
    previous?: string | undefined;
  },
): Promise<SlotMap> {
  if (ledger && slotsPath) throw new InputError("--ledger 与 --slots 只能选一个");
  if (ctx.previous && !ledger)
    throw new InputError("--previous-ledger（上年台账）须与 --ledger（本年台账）一起使用");
  if (ledger) {
    const bytes = await readUserFile(ledger, LEDGER_READ);
    const kind = await ctx.kind();
    const { check, metrics, slots } = await ledgerSlots(bytes, {
      kind,
      fileName: ledger,
      reader: "stream",
      ...(ctx.year ? { year: ctx.year } : {}),
    });
    if (!check.usable) throw new InputError(check.issues.map((i) => formatIssue(i)).join("\n"), ledger);
    if (check.counts.error > 0) {
      ctx.io.stderr(renderHuman(check));
      if (!ctx.allowErrors) {
        throw new InputError(
          `台账“${ledger}”有 ${check.counts.error} 个错误（见上），统计数字可能不对，未生成文件。请先修正台账；如确需继续，请加 --allow-ledger-errors。`,
          ledger,
        );
      }
      ctx.io.stderr(
        `注意：台账有 ${check.counts.error} 个错误，按 --allow-ledger-errors 继续，含错误的行未计入统计。\n`,
      );
    }
    if (ctx.previous && metrics) {
      const previous = await previousMetrics(ctx.previous, check.year, ctx.io);
      return { ...slots, ...buildSlots(metrics, { kind, year: check.year, previous }) };
    }
    return slots;
  }
  if (!slotsPath) {
    if (optional) return {};
    throw new InputError("请用 --slots 指定插槽内容文件（JSON）。");
  }
  const raw = new TextDecoder().decode(await readUserFile(slotsPath));
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`“${slotsPath}”不是有效的 JSON：${(e as Error).message}`, slotsPath);
  }
  const parsed = SlotMapSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `“${slotsPath}”的插槽内容格式不对（${issue.path.join(".") || "顶层"}：${issue.message}）。`,
      slotsPath,
    );
  }
  return parsed.data as SlotMap;
}

/** Last year's 台账, read and checked like this year's; its errors are said, not fatal (it is only compared with). */
async function previousMetrics(path: string, year: number | null, io: CliIO) {
  const check = await checkLedger(await readUserFile(path, LEDGER_READ), {
    fileName: path,
    reader: "stream",
    ...(year ? { year: year - 1 } : {}),
  });
  if (!check.usable) throw new InputError(check.issues.map((i) => formatIssue(i)).join("\n"), path);
  if (check.counts.error > 0)
    io.stderr(`注意：上年台账“${path}”有 ${check.counts.error} 个错误，含错误的行未计入同比数字\n`);
  return computeMetrics(check.data, { year: check.year });
}
