import { describe, expect, it } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { formatIssue } from "../../../core/src/ledger/issues.ts";
import { writeLedgerWorkbook } from "../../../core/src/ledger/template.ts";
import { edit, plainWorkbook, smallLedger } from "./fixtures.ts";

const lines = (r: Awaited<ReturnType<typeof checkLedger>>) =>
  r.issues.map((i) => `${i.severity} ${formatIssue(i)}`);

describe.each(["full", "stream"] as const)("ledger check (%s reader)", (reader) => {
  it("finds nothing wrong in a well-kept ledger and returns its rows typed", async () => {
    const r = await checkLedger(await writeLedgerWorkbook(smallLedger()), { reader, year: 2025 });
    expect(lines(r)).toEqual([]);
    expect(r.usable).toBe(true);
    expect(r.rowCounts).toMatchObject({ Meetings: 6, Agenda: 7, Suggestions: 12, Petitions: 2 });
    expect(r.data.Suggestions[10]).toEqual({
      row: 12,
      id: "2025011",
      title: "关于第011号事项的建议",
      leadDeputy: "张代表",
      handler: "县卫生健康局",
      isKey: "否",
      result: "已解决",
      answeredOn: "2025-04-16",
      satisfaction: "满意",
    });
  });

  it("names the sheet and cell of every wrong value, as a statistician would look it up", async () => {
    const bytes = await edit(await writeLedgerWorkbook(smallLedger()), (wb) => {
      const sug = wb.getWorksheet("代表建议")!;
      sug.getCell("F12").value = "已办";
      sug.getCell("A5").value = "2025002";
      sug.getCell("G4").value = "2025年4月20日";
      sug.getCell("G7").value = new Date(Date.UTC(2024, 11, 30));
      const act = wb.getWorksheet("代表活动")!;
      act.getCell("C3").value = "10";
      act.getCell("C4").value = "七";
      act.getCell("C5").value = { formula: "20+10", result: 30 } as never;
      act.getCell("C6").value = { formula: "100+20" } as never;
      const meet = wb.getWorksheet("会议")!;
      meet.getCell("A3").value = 45708;
      // A fresh style object: exceljs shares loaded styles between cells, so `.numFmt =` would change them all.
      meet.getCell("A3").style = { numFmt: "General" };
      meet.getCell("B4").value = "常委会";
      meet.getCell("C5").value = "县十八届人大常委会第22次会议";
      wb.getWorksheet("任免")!.getCell("C3").value = null;
      wb.getWorksheet("备案审查")!.mergeCells("C2:C3");
    });
    const r = await checkLedger(bytes, { reader, year: 2025 });
    expect(lines(r)).toEqual([
      "warning 会议!A3：日期以数字45708存储、未设置日期格式，已按2025-02-20读取；请把单元格格式设为日期",
      "error 会议!B4：会议类型“常委会”不在允许值中（人民代表大会会议/常委会会议/主任会议）",
      "warning 会议!C5：会议名称“县十八届人大常委会第22次会议”的届次、会次应使用汉字数字，如“县十八届人大常委会第二十二次会议”（GB/T 15835-2011）",
      "warning 议题!B7：会议名称“县十八届人大常委会第二十二次会议”在“会议”表中找不到，是否为“县十八届人大常委会第22次会议”？（统计批次和一览表按会议名称对应）",
      "warning 议题!B8：会议名称“县十八届人大常委会第二十二次会议”在“会议”表中找不到，是否为“县十八届人大常委会第22次会议”？（统计批次和一览表按会议名称对应）",
      "error 任免!C3：姓名为必填项，此处为空",
      "warning 任免!B6：会议名称“县十八届人大常委会第二十二次会议”在“会议”表中找不到，是否为“县十八届人大常委会第22次会议”？（统计批次和一览表按会议名称对应）",
      "warning 任免!B7：会议名称“县十八届人大常委会第二十二次会议”在“会议”表中找不到，是否为“县十八届人大常委会第22次会议”？（统计批次和一览表按会议名称对应）",
      "error 代表建议!G4：日期“2025年4月20日”以文本形式存储，已按2025-04-20读取；请改为日期格式（如2025-04-20）".replace(
        "error",
        "warning",
      ),
      "error 代表建议!A5：编号“2025002”重复（第一次出现在第3行）",
      "error 代表建议!G7：日期2024-12-30不在2025年内",
      "error 代表建议!F12：办理结果“已办”不在允许值中（已解决/正在解决/计划解决/留作参考）",
      "error 备案审查!C2:C3：合并单元格C2:C3：台账不能合并单元格，合并区域只有左上角有值、其余按空白统计；请取消合并并逐格填写",
      "error 备案审查!C3：制定机关为必填项，此处为空",
      "warning 代表活动!C3：数字“10”以文本形式存储，已按10读取；请转换为数字（Excel：选中单元格—“转换为数字”）",
      "error 代表活动!C4：人次应为整数，此处为“七”",
      "info 代表活动!C5：单元格为公式（=20+10），已按保存的计算结果“30”读取；台账宜直接填写数值",
      "error 代表活动!C6：单元格为公式（=100+20），文件中没有保存计算结果；请在Excel中打开并保存后再检查，或改为填写数值",
    ]);
    expect(r.counts).toEqual({ error: 9, warning: 8, info: 1 });
    const notInList = r.issues.find((i) => i.cell === "F12")!;
    expect(notInList).toMatchObject({ sheet: "代表建议", code: "cell/not-in-list", severity: "error" });
    // A row with an error is left out of the typed data (and so of the statistics), a warning row is kept.
    expect(r.data.Suggestions.map((s) => s.row)).not.toContain(12);
    expect(r.data.Suggestions.find((s) => s.row === 4)?.answeredOn).toBe("2025-04-20");
  });

  it("reports missing, renamed and extra sheets and columns, suggesting the closest name", async () => {
    const bytes = await plainWorkbook({
      会议: [
        ["日期", "会议类型", "会议名称"],
        [new Date(Date.UTC(2025, 2, 1)), "常委会会议", "县十八届人大常委会第二十次会议"],
      ],
      议题: [["日期", "会议名称", "议题", "类别", "报告机关", "作出决议决定"]],
      监督: [["日期", "类型", "主题", "提出意见建议条数"]],
      代表建议: [
        ["编号", "标题", "领衔代表", "承办单位", "是否重点", "办理结果", "答复时间", "联系电话"],
        [
          "1",
          "关于修缮校舍的建议",
          "张代表",
          "县教育局",
          "否",
          "已解决",
          new Date(Date.UTC(2025, 3, 1)),
          "123",
        ],
      ],
      草稿: [["随手记"]],
    });
    const r = await checkLedger(bytes, { reader, year: 2025 });
    expect(lines(r)).toEqual([
      "warning 会议：工作表中没有Excel表格；请选中数据区域“插入—表格”，并命名为Meetings（加载项按表格名读取台账）",
      "warning 议题：工作表中没有Excel表格；请选中数据区域“插入—表格”，并命名为Agenda（加载项按表格名读取台账）",
      "warning 议题：表中没有数据；如本年度确无此类事项可忽略，相应统计将不出现在报告中",
      "error 任免：缺少工作表“任免”（表格Appointments）；可用“renda ledger template”生成的模板补上",
      "warning 代表建议：工作表中没有Excel表格；请选中数据区域“插入—表格”，并命名为Suggestions（加载项按表格名读取台账）",
      "error 代表建议!A1:H1：缺少必需列“满意度”",
      "error 代表建议!G1：表头“答复时间”不是标准列名，应为“答复日期”；已按“答复日期”检查此列，请改回标准名称",
      "info 代表建议!H1：列“联系电话”不是台账标准列，检查和统计时忽略",
      "error 备案审查：缺少工作表“备案审查”（表格Filings）；可用“renda ledger template”生成的模板补上",
      "error 代表活动：缺少工作表“代表活动”（表格DeputyActivities）；可用“renda ledger template”生成的模板补上",
      "error 信访：缺少工作表“信访”（表格Petitions）；可用“renda ledger template”生成的模板补上",
      "error 监督：缺少工作表“监督活动”；工作表“监督”像是它，已按“监督活动”检查，请改回标准名称",
      "warning 监督：工作表中没有Excel表格；请选中数据区域“插入—表格”，并命名为Oversight（加载项按表格名读取台账）",
      "warning 监督：表中没有数据；如本年度确无此类事项可忽略，相应统计将不出现在报告中",
      "info 草稿：不是台账标准工作表，检查和统计时忽略",
    ]);
    // The renamed column is still read under its standard meaning.
    expect(r.data.Suggestions[0]?.answeredOn).toBe("2025-04-01");
  });

  it("folds repeats of one mistake in one column after 20, counting the rest", async () => {
    const input = smallLedger();
    const base = input.Suggestions![0]!;
    input.Suggestions = Array.from({ length: 60 }, (_, i) => ({
      ...base,
      id: `X${i}`,
      result: "办结" as never,
    }));
    const r = await checkLedger(await writeLedgerWorkbook(input), { reader, year: 2025 });
    const listed = r.issues.filter((i) => i.code === "cell/not-in-list");
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatchObject({ cell: "F2", omitted: 40 });
    expect(formatIssue(listed[0]!)).toBe(
      "代表建议!F2：办理结果“办结”不在允许值中（已解决/正在解决/计划解决/留作参考）（同列另有40处同类问题未逐一列出）",
    );
    expect(r.counts.error).toBe(60);
  });

  it("infers the year from the dates when none is given, and says so", async () => {
    const r = await checkLedger(await writeLedgerWorkbook(smallLedger()), { reader });
    expect(r.year).toBe(2025);
    expect(r.yearSource).toBe("inferred");
    expect(lines(r)).toEqual(["info 未指定年度，按台账中的日期推定为2025年"]);
  });

  it("flags rows typed below the Excel table, which the add-in would not see", async () => {
    const bytes = await edit(await writeLedgerWorkbook(smallLedger()), (wb) => {
      const ws = wb.getWorksheet("信访")!;
      ws.getCell("A5").value = new Date(Date.UTC(2025, 6, 1));
      ws.getCell("B5").value = "网上信访";
      ws.getCell("C5").value = 3;
    });
    const r = await checkLedger(bytes, { reader, year: 2025 });
    expect(lines(r)).toEqual([
      "warning 信访!A5:D5：第5—5行在表格Petitions（A1:D3）之外：本次已检查，但加载项按表格读取时会漏掉；请“表格设计—调整表格大小”把这些行包括进来",
    ]);
    expect(r.data.Petitions).toHaveLength(3);
  });
});
