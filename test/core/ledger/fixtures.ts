import ExcelJS from "exceljs";
import type { LedgerInput } from "../../../core/src/ledger/schema.ts";

/**
 * A small county ledger whose figures are computed by hand in the tests (metrics, phrasing):
 * 常委会会议3次、主任会议2次、人民代表大会会议1次; 专项工作报告3个、计划预算决算1个、审计1个; 决议决定2项;
 * 执法检查2次、视察1次、调研3次、专题询问1次 (意见建议35条); 任免3批6人次; 代表建议12件 …
 */
export function smallLedger(): LedgerInput {
  const M20 = "县十八届人大常委会第二十次会议";
  const M21 = "县十八届人大常委会第二十一次会议";
  const M22 = "县十八届人大常委会第二十二次会议";
  const P5 = "县十八届人民代表大会第五次会议";
  return {
    Meetings: [
      { date: "2025-01-10", type: "人民代表大会会议", name: P5, note: null },
      { date: "2025-02-20", type: "常委会会议", name: M20, note: null },
      { date: "2025-04-25", type: "常委会会议", name: M21, note: null },
      { date: "2025-06-27", type: "常委会会议", name: M22, note: "含专题询问" },
      { date: "2025-02-10", type: "主任会议", name: "县十八届人大常委会第四十一次主任会议", note: null },
      { date: "2025-04-15", type: "主任会议", name: "县十八届人大常委会第四十二次主任会议", note: null },
    ],
    Agenda: [
      {
        date: "2025-02-20",
        meeting: M20,
        item: "县人民政府关于2024年度县本级预算执行和其他财政收支的审计工作报告",
        category: "审计",
        reporter: "政府",
        resolution: "否",
      },
      {
        date: "2025-02-20",
        meeting: M20,
        item: "县人民政府关于农村饮水安全工作情况的报告",
        category: "专项工作报告",
        reporter: "政府",
        resolution: "否",
      },
      {
        date: "2025-02-20",
        meeting: M20,
        item: "人事任免事项",
        category: "人事任免",
        reporter: null,
        resolution: null,
      },
      {
        date: "2025-04-25",
        meeting: M21,
        item: "县人民法院关于加强诉源治理工作情况的报告",
        category: "专项工作报告",
        reporter: "法院",
        resolution: "否",
      },
      {
        date: "2025-04-25",
        meeting: M21,
        item: "关于批准2024年县级财政决算的决议（草案）",
        category: "计划预算决算",
        reporter: "政府",
        resolution: "是",
      },
      {
        date: "2025-06-27",
        meeting: M22,
        item: "县人民检察院关于公益诉讼检察工作情况的报告",
        category: "专项工作报告",
        reporter: "检察院",
        resolution: "否",
      },
      {
        date: "2025-06-27",
        meeting: M22,
        item: "关于开展第九个五年法治宣传教育的决议",
        category: "决议决定",
        reporter: "其他",
        resolution: "是",
      },
    ],
    Oversight: [
      {
        date: "2025-03-12",
        type: "执法检查",
        subject: "《中华人民共和国水污染防治法》执法检查",
        suggestionCount: 12,
      },
      {
        date: "2025-05-08",
        type: "执法检查",
        subject: "《中华人民共和国道路交通安全法》执法检查",
        suggestionCount: 8,
      },
      { date: "2025-04-02", type: "视察", subject: "重点项目建设情况视察", suggestionCount: 5 },
      { date: "2025-03-20", type: "调研", subject: "乡村振兴工作调研", suggestionCount: null },
      { date: "2025-06-05", type: "调研", subject: "养老服务工作调研", suggestionCount: 6 },
      { date: "2025-07-15", type: "调研", subject: "营商环境调研", suggestionCount: 4 },
      { date: "2025-06-27", type: "专题询问", subject: "农村饮水安全专题询问", suggestionCount: null },
    ],
    Appointments: [
      {
        date: "2025-01-10",
        meeting: P5,
        person: "李明",
        position: "县人民政府副县长",
        action: "选举",
        organ: "县人民政府",
      },
      {
        date: "2025-02-20",
        meeting: M20,
        person: "王芳",
        position: "县教育局局长",
        action: "任命",
        organ: "县人民政府",
      },
      {
        date: "2025-02-20",
        meeting: M20,
        person: "赵强",
        position: "县交通运输局局长",
        action: "任命",
        organ: "县人民政府",
      },
      {
        date: "2025-02-20",
        meeting: M20,
        person: "钱伟",
        position: "县交通运输局局长",
        action: "免职",
        organ: "县人民政府",
      },
      {
        date: "2025-06-27",
        meeting: M22,
        person: "孙丽",
        position: "县人民法院审判员",
        action: "任命",
        organ: "县人民法院",
      },
      {
        date: "2025-06-27",
        meeting: M22,
        person: "周军",
        position: "县人民检察院检察员",
        action: "接受辞职",
        organ: "县人民检察院",
      },
    ],
    Suggestions: [
      s("001", "县交通运输局", "是", "已解决", "2025-04-10", "满意"),
      s("002", "县交通运输局", "否", "已解决", "2025-04-12", "满意"),
      s("003", "县交通运输局", "否", "正在解决", "2025-04-20", "基本满意"),
      s("004", "县交通运输局", "否", "计划解决", "2025-05-06", "满意"),
      s("005", "县交通运输局", "否", null, null, null),
      s("006", "县教育局", "是", "已解决", "2025-04-08", "满意"),
      s("007", "县教育局", "否", "已解决", "2025-04-18", "满意"),
      s("008", "县教育局", "否", "计划解决", "2025-05-10", "不满意"),
      s("009", "县教育局", "否", "留作参考", "2025-05-20", "基本满意"),
      s("010", "县卫生健康局", "否", "已解决", "2025-04-15", "满意"),
      s("011", "县卫生健康局", "否", "已解决", "2025-04-16", "满意"),
      s("012", "县卫生健康局", "否", "正在解决", "2025-05-30", "满意"),
    ],
    Filings: [
      {
        date: "2025-03-01",
        title: "县人民政府关于印发农村集体资产管理办法的通知",
        issuer: "县人民政府",
        result: "无问题",
      },
      {
        date: "2025-05-11",
        title: "县人民政府办公室关于城区停车收费管理的通知",
        issuer: "县人民政府",
        result: "已纠正",
      },
      {
        date: "2025-08-19",
        title: "城关镇人民代表大会关于镇人大主席团工作规则的决定",
        issuer: "城关镇人民代表大会",
        result: "无问题",
      },
    ],
    DeputyActivities: [
      { date: "2025-02-20", type: "列席常委会会议", personTimes: 8 },
      { date: "2025-04-25", type: "列席常委会会议", personTimes: 10 },
      { date: "2025-06-27", type: "列席常委会会议", personTimes: 7 },
      { date: "2025-04-02", type: "视察调研", personTimes: 30 },
      { date: "2025-09-10", type: "培训", personTimes: 120 },
    ],
    Petitions: [
      { date: "2025-06-30", channel: "来信", count: 10, referred: "是" },
      { date: "2025-12-31", channel: "来访", count: 5, referred: "否" },
    ],
  };
}

function s(
  id: string,
  handler: string,
  isKey: "是" | "否",
  result: "已解决" | "正在解决" | "计划解决" | "留作参考" | null,
  answeredOn: string | null,
  satisfaction: "满意" | "基本满意" | "不满意" | null,
) {
  return {
    id: `2025${id}`,
    title: `关于第${id}号事项的建议`,
    leadDeputy: "张代表",
    handler,
    isKey,
    result,
    answeredOn,
    satisfaction,
  };
}

/** Loads workbook bytes into exceljs, lets a test damage it, writes it back: a ledger with known mistakes. */
export async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook without Excel tables, from plain rows per sheet (for header/sheet mistakes). */
export async function plainWorkbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
