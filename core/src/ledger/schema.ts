import { z } from "zod";

/**
 * The ledger (台账) workbook contract (README.md, “台账”; `renda ledger template` writes it): one sheet per table, each holding one
 * Excel table with an ASCII name (the add-in reads tables by name, statisticians see the Chinese sheet name).
 * Columns are data, so the template writer, the checker and the docs all read the same definitions.
 */

export const YES_NO = ["是", "否"] as const;
export const MEETING_TYPES = ["人民代表大会会议", "常委会会议", "主任会议"] as const;
export const AGENDA_CATEGORIES = [
  "专项工作报告",
  "计划预算决算",
  "审计",
  "国有资产",
  "环境状况",
  "法治政府",
  "备案审查",
  "决议决定",
  "人事任免",
  "其他",
] as const;
export const REPORTING_BODIES = ["政府", "监察委员会", "法院", "检察院", "其他"] as const;
export const OVERSIGHT_TYPES = [
  "执法检查",
  "视察",
  "调研",
  "专题询问",
  "工作评议",
  "满意度测评",
  "特定问题调查",
] as const;
export const APPOINTMENT_ACTIONS = ["任命", "免职", "接受辞职", "撤职", "选举", "补选"] as const;
export const SUGGESTION_RESULTS = ["已解决", "正在解决", "计划解决", "留作参考"] as const;
export const SATISFACTION_LEVELS = ["满意", "基本满意", "不满意"] as const;
export const FILING_RESULTS = ["无问题", "已纠正", "督促修改"] as const;
export const DEPUTY_ACTIVITY_TYPES = ["列席常委会会议", "视察调研", "执法检查", "进站接待", "培训"] as const;

export type ColumnType = "text" | "date" | "integer" | "enum";

export interface ColumnDef {
  /** Property name in the typed row. */
  key: string;
  /** Header text in the workbook (the statisticians' name for it). */
  header: string;
  type: ColumnType;
  /** Allowed values of an enum column, in the order the drop-down shows them. */
  values?: readonly string[];
  /** The column must exist in the header row. */
  requiredColumn: boolean;
  /** Every data row must fill this cell. */
  requiredCell: boolean;
  /** Column width in characters for the template. */
  width: number;
  /** One line shown in the instructions sheet and as the input prompt of the cell. */
  help: string;
}

export interface TableDef {
  /** Excel table name (ASCII, stable: the add-in and scripts address tables by it). */
  table: string;
  /** Sheet name the statisticians see. */
  sheet: string;
  /** What the table records, for the instructions sheet. */
  purpose: string;
  columns: readonly ColumnDef[];
  /** Columns whose combined value must be unique; `severity` says how bad a repeat is. */
  unique?: { columns: readonly string[]; severity: "error" | "warning" };
}

/** Whether a declared column's cell must be filled: neither optional nor allowed blank. */
type Filled<O extends boolean, B extends boolean> = O extends true ? false : B extends true ? false : true;

/** A column as declared, with its literal key, type, allowed values and fill rule kept in its type. */
type DeclaredColumn<
  K extends string,
  T extends ColumnType,
  V extends readonly string[],
  O extends boolean,
  B extends boolean,
> = ColumnDef & { key: K; type: T; requiredCell: Filled<O, B> } & (V extends readonly []
    ? unknown
    : { values: V });

/**
 * One column, declared once. The literal key, type, values and fill rule stay in the type, so the typed rows
 * (`RowOf`) and their zod schemas below are derived from this declaration instead of being written out again.
 */
const col = <
  const K extends string,
  const T extends ColumnType,
  const V extends readonly string[] = readonly [],
  const O extends boolean = false,
  const B extends boolean = false,
>(
  key: K,
  header: string,
  type: T,
  opts: { values?: V; optional?: O; blankOk?: B; width?: number; help: string },
): DeclaredColumn<K, T, V, O, B> =>
  ({
    key,
    header,
    type,
    ...(opts.values ? { values: opts.values } : {}),
    requiredColumn: !opts.optional,
    requiredCell: !opts.optional && !opts.blankOk,
    width: opts.width ?? (type === "date" ? 12 : type === "integer" ? 10 : 16),
    help: opts.help,
  }) as DeclaredColumn<K, T, V, O, B>;

const dateCol = (help = "日期，格式为2025-03-28") => col("date", "日期", "date", { help });

export const LEDGER_TABLES = [
  {
    table: "Meetings",
    sheet: "会议",
    purpose: "本年度召开的人民代表大会会议、常委会会议和主任会议，每次会议一行",
    columns: [
      dateCol("会议开幕（召开）日期"),
      col("type", "会议类型", "enum", { values: MEETING_TYPES, width: 18, help: "从下拉列表选择" }),
      col("name", "会议名称", "text", {
        width: 36,
        help: "全称，届次和会次用汉字，如“县十八届人大常委会第二十一次会议”；议题表、任免表按此名称引用",
      }),
      col("note", "备注", "text", { optional: true, width: 24, help: "可不填" }),
    ],
    unique: { columns: ["name"], severity: "error" },
  },
  {
    table: "Agenda",
    sheet: "议题",
    purpose: "各次会议审议的议题，每个议题一行",
    columns: [
      dateCol("审议日期"),
      col("meeting", "会议名称", "text", { width: 36, help: "与“会议”表中的会议名称一致" }),
      col("item", "议题", "text", { width: 44, help: "议题全称，如“听取和审议县人民政府关于……情况的报告”" }),
      col("category", "类别", "enum", { values: AGENDA_CATEGORIES, width: 14, help: "从下拉列表选择" }),
      col("reporter", "报告机关", "enum", {
        values: REPORTING_BODIES,
        blankOk: true,
        width: 12,
        help: "提出报告的机关；人事任免等议题可不填",
      }),
      col("resolution", "作出决议决定", "enum", {
        values: YES_NO,
        blankOk: true,
        width: 12,
        help: "审议后是否作出决议或决定；不填视为“否”",
      }),
    ],
    unique: { columns: ["meeting", "item"], severity: "warning" },
  },
  {
    table: "Oversight",
    sheet: "监督活动",
    purpose: "执法检查、视察、调研、专题询问等监督活动，每次活动一行",
    columns: [
      dateCol("活动开始日期"),
      col("type", "类型", "enum", { values: OVERSIGHT_TYPES, width: 14, help: "从下拉列表选择" }),
      col("subject", "主题", "text", { width: 40, help: "如“《中华人民共和国水污染防治法》执法检查”" }),
      col("suggestionCount", "提出意见建议条数", "integer", {
        blankOk: true,
        width: 16,
        help: "整数；未提出可不填",
      }),
    ],
  },
  {
    table: "Appointments",
    sheet: "任免",
    purpose: "常委会及人民代表大会会议的人事任免，每人每项任免一行（一行即一人次）",
    columns: [
      dateCol("表决日期"),
      col("meeting", "会议名称", "text", {
        width: 36,
        help: "与“会议”表中的会议名称一致；同一次会议的任免为一批",
      }),
      col("person", "姓名", "text", { width: 10, help: "被任免人姓名" }),
      col("position", "职务", "text", { width: 30, help: "任免的职务" }),
      col("action", "任免类型", "enum", { values: APPOINTMENT_ACTIONS, width: 12, help: "从下拉列表选择" }),
      col("organ", "机关", "text", {
        blankOk: true,
        width: 16,
        help: "所在国家机关，如县人民政府、县人民法院",
      }),
    ],
    unique: { columns: ["meeting", "person", "position", "action"], severity: "warning" },
  },
  {
    table: "Suggestions",
    sheet: "代表建议",
    purpose: "代表在人民代表大会会议期间和闭会期间提出的建议、批评和意见，每件一行",
    columns: [
      col("id", "编号", "text", { width: 10, help: "建议编号，不得重复" }),
      col("title", "标题", "text", { width: 40, help: "建议标题" }),
      col("leadDeputy", "领衔代表", "text", { width: 10, help: "领衔代表姓名" }),
      col("handler", "承办单位", "text", { width: 20, help: "主办单位；统计表按此分组" }),
      col("isKey", "是否重点", "enum", {
        values: YES_NO,
        blankOk: true,
        width: 10,
        help: "是否为主任会议确定的重点督办建议；不填视为“否”",
      }),
      col("result", "办理结果", "enum", {
        values: SUGGESTION_RESULTS,
        blankOk: true,
        width: 12,
        help: "答复后填写：已解决（含基本解决）、正在解决、计划解决（列入计划逐步解决）、留作参考",
      }),
      col("answeredOn", "答复日期", "date", {
        blankOk: true,
        width: 12,
        help: "书面答复代表的日期；未答复不填",
      }),
      col("satisfaction", "满意度", "enum", {
        values: SATISFACTION_LEVELS,
        blankOk: true,
        width: 10,
        help: "代表对办理结果的反馈；未反馈不填",
      }),
    ],
    unique: { columns: ["id"], severity: "error" },
  },
  {
    table: "Filings",
    sheet: "备案审查",
    purpose: "报送备案的规范性文件及审查结果，每件一行",
    columns: [
      dateCol("收到备案文件的日期"),
      col("title", "文件名称", "text", { width: 44, help: "规范性文件全称" }),
      col("issuer", "制定机关", "text", { width: 18, help: "如县人民政府、乡镇人民代表大会" }),
      col("result", "审查结果", "enum", { values: FILING_RESULTS, width: 12, help: "从下拉列表选择" }),
    ],
    unique: { columns: ["title", "issuer"], severity: "warning" },
  },
  {
    table: "DeputyActivities",
    sheet: "代表活动",
    purpose: "组织代表参加的活动，每次活动一行，填参加人次",
    columns: [
      dateCol("活动日期"),
      col("type", "活动类型", "enum", { values: DEPUTY_ACTIVITY_TYPES, width: 16, help: "从下拉列表选择" }),
      col("personTimes", "人次", "integer", { width: 8, help: "参加的代表人次（整数）" }),
    ],
  },
  {
    table: "Petitions",
    sheet: "信访",
    purpose: "受理的群众来信来访，可按日按方式汇总为一行",
    columns: [
      dateCol("受理日期"),
      col("channel", "方式", "text", { width: 12, help: "来信、来访、网上信访、电话等" }),
      col("count", "件次", "integer", { width: 8, help: "件次（整数）" }),
      col("referred", "是否转办", "enum", {
        values: YES_NO,
        blankOk: true,
        width: 10,
        help: "是否交有关机关办理",
      }),
    ],
  },
] as const satisfies readonly TableDef[];

export type LedgerTableName = (typeof LEDGER_TABLES)[number]["table"];

export function tableDef(name: LedgerTableName): TableDef {
  return LEDGER_TABLES.find((t) => t.table === name)!;
}

/** Dates are kept as ISO calendar dates ("2025-03-28"): no time zone can shift a day. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为YYYY-MM-DD");

/** Every typed row remembers its worksheet row, so later checks (year, duplicates) can name the cell. */
const rowNo = z.number().int().positive();

type Declared = (typeof LEDGER_TABLES)[number];
type ColumnsOf<N extends LedgerTableName> = Extract<Declared, { table: N }>["columns"][number];
type ValueOf<C> = C extends { type: "enum"; values: readonly (infer E)[] }
  ? E
  : C extends { type: "integer" }
    ? number
    : string;
type CellOf<C> = C extends { requiredCell: true } ? ValueOf<C> : ValueOf<C> | null;

/** One typed row of a table: its worksheet row number and one property per declared column. */
export type RowOf<N extends LedgerTableName> = {
  row: number;
} & { [C in ColumnsOf<N> as C["key"]]: CellOf<C> } extends infer R
  ? { [K in keyof R]: R[K] }
  : never;

/** The zod schema of a table's typed row, read off its declaration (a filled cell is never an empty string). */
function rowSchema<N extends LedgerTableName>(name: N): z.ZodType<RowOf<N>> {
  const shape: Record<string, z.ZodType> = { row: rowNo };
  for (const c of tableDef(name).columns) {
    const base =
      c.type === "date"
        ? IsoDate
        : c.type === "integer"
          ? z.number().int().nonnegative()
          : c.type === "enum"
            ? z.enum(c.values as readonly [string, ...string[]])
            : c.requiredCell
              ? z.string().min(1)
              : z.string();
    shape[c.key] = c.requiredCell ? base : base.nullable();
  }
  return z.object(shape) as unknown as z.ZodType<RowOf<N>>;
}

export const MeetingRow = rowSchema("Meetings");
export type MeetingRow = RowOf<"Meetings">;
export const AgendaRow = rowSchema("Agenda");
export type AgendaRow = RowOf<"Agenda">;
export const OversightRow = rowSchema("Oversight");
export type OversightRow = RowOf<"Oversight">;
export const AppointmentRow = rowSchema("Appointments");
export type AppointmentRow = RowOf<"Appointments">;
export const SuggestionRow = rowSchema("Suggestions");
export type SuggestionRow = RowOf<"Suggestions">;
export const FilingRow = rowSchema("Filings");
export type FilingRow = RowOf<"Filings">;
export const DeputyActivityRow = rowSchema("DeputyActivities");
export type DeputyActivityRow = RowOf<"DeputyActivities">;
export const PetitionRow = rowSchema("Petitions");
export type PetitionRow = RowOf<"Petitions">;

/** Each table's row schema, keyed by table name, in declaration order. */
export const ROW_SCHEMAS = Object.fromEntries(
  LEDGER_TABLES.map((t) => [t.table, rowSchema(t.table)]),
) as unknown as {
  [N in LedgerTableName]: z.ZodType<RowOf<N>>;
};

/** The whole ledger as typed rows: what the checker returns and what metrics are computed from. */
export type LedgerData = { [N in LedgerTableName]: RowOf<N>[] };
export const LedgerData = z.object(
  Object.fromEntries(LEDGER_TABLES.map((t) => [t.table, z.array(ROW_SCHEMAS[t.table])])),
) as unknown as z.ZodType<LedgerData>;

/** Rows as a writer takes them: the `row` number is assigned when written. */
export type LedgerInput = { [K in LedgerTableName]?: Omit<LedgerData[K][number], "row">[] };

export function emptyLedger(): LedgerData {
  return Object.fromEntries(LEDGER_TABLES.map((t) => [t.table, []])) as unknown as LedgerData;
}

/** "A", "B", … "Z", "AA": column letters for cell addresses in messages. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
