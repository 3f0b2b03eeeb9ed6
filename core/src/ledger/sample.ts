import { chineseNumeral } from "./format.ts";
import type {
  AgendaRow,
  AppointmentRow,
  DeputyActivityRow,
  FilingRow,
  LedgerInput,
  MeetingRow,
  OversightRow,
  PetitionRow,
  SuggestionRow,
} from "./schema.ts";
import { writeLedgerWorkbook } from "./template.ts";

/**
 * A made-up but plausible county year for the demo, the tests and the bench: a congress session in January,
 * a standing-committee meeting about every six weeks, twice as many chairpersons' meetings, hundreds of
 * suggestions spread over the county's departments. Deterministic: the same seed gives the same ledger.
 */
export interface SampleOptions {
  year?: number;
  seed?: number;
  /** Number of 代表建议 rows (300 by default; the bench uses 100,000). */
  suggestions?: number;
  county?: string;
}

type Row<T> = Omit<T, "row">;

/** mulberry32: tiny, fast, and the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HANDLERS = [
  "县交通运输局",
  "县教育局",
  "县卫生健康局",
  "县住房和城乡建设局",
  "县农业农村局",
  "县自然资源局",
  "县水利局",
  "县生态环境分局",
  "县人力资源和社会保障局",
  "县民政局",
  "县财政局",
  "县发展和改革局",
  "县市场监督管理局",
  "县公安局",
  "县文化广电和旅游局",
  "县城市管理局",
  "县应急管理局",
  "县医疗保障局",
  "县商务局",
  "县供电公司",
];
const TOPICS = [
  "农村公路养护",
  "中小学校舍改造",
  "乡镇卫生院人才引进",
  "老旧小区改造",
  "高标准农田建设",
  "农村饮水安全",
  "城区停车难",
  "养老服务设施",
  "河道综合治理",
  "就业技能培训",
  "农产品品牌建设",
  "背街小巷照明",
  "垃圾分类处理",
  "学前教育普惠",
  "医保异地结算",
];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅志刚春燕海波";

export function makeSampleLedger(options: SampleOptions = {}): LedgerInput {
  const year = options.year ?? 2025;
  const rnd = random(options.seed ?? 20250101);
  const county = options.county ?? "清河县";
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const date = (month: number, day: number) =>
    `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, 28)).padStart(2, "0")}`;
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : "");

  const meetings: Row<MeetingRow>[] = [];
  const agenda: Row<AgendaRow>[] = [];
  const appointments: Row<AppointmentRow>[] = [];
  const congress = `${county}第十八届人民代表大会第五次会议`;
  meetings.push({ date: date(1, 8), type: "人民代表大会会议", name: congress, note: null });

  // Standing-committee meetings: numbering continues the term (this year starts at the 20th).
  const standingMonths = [2, 3, 4, 6, 7, 8, 10, 11, 12];
  standingMonths.forEach((month, i) => {
    const name = `${county}十八届人大常委会第${chineseNumeral(20 + i)}次会议`;
    const day = int(20, 28);
    meetings.push({ date: date(month, day), type: "常委会会议", name, note: null });
    const items: [AgendaRow["category"], string, AgendaRow["reporter"], "是" | "否"][] = [];
    const topic = pick(TOPICS);
    items.push(["专项工作报告", `县人民政府关于${topic}工作情况的报告`, "政府", "否"]);
    if (rnd() < 0.5)
      items.push([
        "专项工作报告",
        `县人民法院关于${pick(["诉源治理", "执行工作", "行政审判"])}工作情况的报告`,
        "法院",
        "否",
      ]);
    if (rnd() < 0.4)
      items.push([
        "专项工作报告",
        `县人民检察院关于${pick(["公益诉讼", "未成年人检察", "刑事检察"])}工作情况的报告`,
        "检察院",
        "否",
      ]);
    if (month === 6)
      items.push(["计划预算决算", `关于批准${year - 1}年县级财政决算的决议（草案）`, "政府", "是"]);
    if (month === 6)
      items.push([
        "审计",
        `县人民政府关于${year - 1}年度县本级预算执行和其他财政收支的审计工作报告`,
        "政府",
        "否",
      ]);
    if (month === 8)
      items.push([
        "计划预算决算",
        `县人民政府关于${year}年上半年国民经济和社会发展计划执行情况的报告`,
        "政府",
        "否",
      ]);
    if (month === 10)
      items.push(["国有资产", `县人民政府关于${year - 1}年度国有资产管理情况的综合报告`, "政府", "否"]);
    if (month === 7)
      items.push([
        "环境状况",
        `县人民政府关于${year - 1}年度环境状况和环境保护目标完成情况的报告`,
        "政府",
        "否",
      ]);
    if (month === 11) items.push(["法治政府", "县人民政府关于法治政府建设情况的报告", "政府", "否"]);
    if (month === 12)
      items.push(["备案审查", "县人大常委会法制工作委员会关于备案审查工作情况的报告", "其他", "否"]);
    if (rnd() < 0.3)
      items.push([
        "决议决定",
        `关于${pick(["加强生态环境保护", "推进全过程人民民主基层实践", "开展法治宣传教育"])}的决议`,
        "其他",
        "是",
      ]);
    if (rnd() < 0.7) items.push(["人事任免", "人事任免事项", null, "否"]);
    for (const [category, item, reporter, resolution] of items) {
      agenda.push({ date: date(month, day), meeting: name, item, category, reporter, resolution });
    }
    if (items.some(([c]) => c === "人事任免")) {
      const n = int(2, 8);
      for (let k = 0; k < n; k++) {
        const action = pick(["任命", "任命", "任命", "免职", "免职", "接受辞职"] as const);
        const unit = pick(HANDLERS.filter((h) => h.endsWith("局")));
        appointments.push({
          date: date(month, day),
          meeting: name,
          person: person(),
          position: `${unit}局长`,
          action,
          organ: "县人民政府",
        });
      }
    }
  });
  for (let i = 0; i < 16; i++) {
    const month = Math.min(12, 1 + Math.floor(i * 0.75));
    meetings.push({
      date: date(month, int(1, 18)),
      type: "主任会议",
      name: `${county}十八届人大常委会第${chineseNumeral(40 + i)}次主任会议`,
      note: null,
    });
  }
  appointments.push({
    date: date(1, 8),
    meeting: congress,
    person: person(),
    position: "县人民政府副县长",
    action: "补选",
    organ: "县人民政府",
  });

  const oversight: Row<OversightRow>[] = [];
  const laws = ["水污染防治法", "道路交通安全法", "食品安全法", "未成年人保护法", "安全生产法"];
  for (let i = 0; i < 3; i++)
    oversight.push({
      date: date(int(3, 10), int(1, 28)),
      type: "执法检查",
      subject: `《中华人民共和国${laws[i]}》执法检查`,
      suggestionCount: int(5, 15),
    });
  for (let i = 0; i < 6; i++)
    oversight.push({
      date: date(int(2, 11), int(1, 28)),
      type: "视察",
      subject: `${pick(TOPICS)}情况视察`,
      suggestionCount: int(3, 10),
    });
  for (let i = 0; i < 9; i++)
    oversight.push({
      date: date(int(2, 11), int(1, 28)),
      type: "调研",
      subject: `${pick(TOPICS)}工作调研`,
      suggestionCount: rnd() < 0.2 ? null : int(3, 12),
    });
  oversight.push({
    date: date(6, 26),
    type: "专题询问",
    subject: `${pick(TOPICS)}专题询问`,
    suggestionCount: null,
  });
  oversight.push({
    date: date(11, 20),
    type: "满意度测评",
    subject: "对县人民政府组成部门工作满意度测评",
    suggestionCount: null,
  });
  oversight.sort((a, b) => a.date.localeCompare(b.date));

  const suggestions: Row<SuggestionRow>[] = [];
  const count = options.suggestions ?? 300;
  for (let i = 0; i < count; i++) {
    const handler = pick(HANDLERS);
    const answered = rnd() < 0.97;
    const r = rnd();
    const result = !answered
      ? null
      : r < 0.55
        ? "已解决"
        : r < 0.75
          ? "正在解决"
          : r < 0.92
            ? "计划解决"
            : "留作参考";
    const s = rnd();
    const satisfaction = !answered || s < 0.05 ? null : s < 0.8 ? "满意" : s < 0.96 ? "基本满意" : "不满意";
    suggestions.push({
      id: `${year}${String(i + 1).padStart(count >= 1000 ? 6 : 3, "0")}`,
      title: `关于加强${pick(TOPICS)}的建议`,
      leadDeputy: person(),
      handler,
      isKey: i < Math.min(10, count) ? "是" : "否",
      result,
      answeredOn: answered ? date(int(3, 7), int(1, 28)) : null,
      satisfaction,
    });
  }

  const filings: Row<FilingRow>[] = [];
  for (let i = 0; i < 14; i++) {
    const issuer = rnd() < 0.8 ? "县人民政府" : pick(["城关镇人民代表大会", "河口镇人民代表大会"]);
    filings.push({
      date: date(int(1, 12), int(1, 28)),
      title: `${issuer === "县人民政府" ? "县人民政府关于印发" : `${issuer}关于`}${pick(TOPICS)}管理办法${issuer === "县人民政府" ? "的通知" : "的决定"}（第${i + 1}号）`,
      issuer,
      result: rnd() < 0.85 ? "无问题" : rnd() < 0.5 ? "已纠正" : "督促修改",
    });
  }

  const activities: Row<DeputyActivityRow>[] = [];
  for (const m of meetings.filter((x) => x.type === "常委会会议"))
    activities.push({ date: m.date, type: "列席常委会会议", personTimes: int(6, 12) });
  for (let i = 0; i < 8; i++)
    activities.push({ date: date(int(2, 11), int(1, 28)), type: "视察调研", personTimes: int(15, 40) });
  for (let i = 0; i < 3; i++)
    activities.push({ date: date(int(3, 10), int(1, 28)), type: "执法检查", personTimes: int(10, 20) });
  for (let i = 0; i < 12; i++)
    activities.push({ date: date(i + 1, 15), type: "进站接待", personTimes: int(20, 60) });
  activities.push({ date: date(9, 10), type: "培训", personTimes: int(100, 180) });
  activities.sort((a, b) => a.date.localeCompare(b.date));

  const petitions: Row<PetitionRow>[] = [];
  for (let month = 1; month <= 12; month++) {
    petitions.push({ date: date(month, 28), channel: "来信", count: int(2, 9), referred: "是" });
    petitions.push({
      date: date(month, 28),
      channel: "来访",
      count: int(1, 6),
      referred: rnd() < 0.6 ? "是" : "否",
    });
  }

  return {
    Meetings: meetings.sort((a, b) => a.date.localeCompare(b.date)),
    Agenda: agenda,
    Oversight: oversight,
    Appointments: appointments.sort((a, b) => a.date.localeCompare(b.date)),
    Suggestions: suggestions,
    Filings: filings.sort((a, b) => a.date.localeCompare(b.date)),
    DeputyActivities: activities,
    Petitions: petitions,
  };
}

/** The sample ledger as an .xlsx file (bytes), in the template's layout. */
export function writeSampleLedger(options: SampleOptions = {}): Promise<Uint8Array> {
  return writeLedgerWorkbook(makeSampleLedger(options), { year: options.year ?? 2025 });
}
