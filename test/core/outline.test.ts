import { describe, expect, it } from "vitest";
import { detectOutline, fromBlocks, fromPlainText, lint } from "../../core/src/index.ts";

function headings(text: string) {
  return detectOutline(fromPlainText(text)).headings.map((h) => ({
    form: h.form,
    marker: h.marker?.style ?? null,
    title: h.title,
    ...(h.part ? { part: h.part } : {}),
  }));
}

describe("outline detection", () => {
  it("reads the GB/T 9704 hierarchy 一、（一）1.（1）", () => {
    const outline = detectOutline(
      fromPlainText(
        "一、坚持党的领导\n（一）把牢政治方向\n1.严格请示报告。全年请示报告12次。\n（1）重大事项。及时报告重大事项。",
      ),
    );
    expect(outline.headings.map((h) => [h.marker?.style, h.title])).toEqual([
      ["cn", "坚持党的领导"],
      ["cn-paren", "把牢政治方向"],
      ["num", "严格请示报告"],
      ["num-paren", "重大事项"],
    ]);
    const chapter = outline.root.children[0]!;
    expect(chapter.children[0]!.children[0]!.children[0]!.heading!.title).toBe("重大事项");
  });

  it("reads 第一部分 as a part containing 一、 chapters", () => {
    const outline = detectOutline(
      fromPlainText(
        "第一部分　过去一年的主要工作\n一、坚持党的领导\n请示报告12次。\n第二部分　今年的主要任务\n一、增强监督实效\n开展执法检查。",
      ),
    );
    expect(outline.root.children.map((n) => [n.heading!.part, n.children.length])).toEqual([
      ["review", 1],
      ["tasks", 1],
    ]);
  });

  it("reads unnumbered heading lines and run-in leads (corpus 001 style)", () => {
    expect(
      headings(
        "坚持举旗铸魂，坚定政治方向，更好体现人大站位\n始终坚持党对人大工作的全面领导，确保人大工作正确政治方向。\n切实强化思想引领。严格落实“第一议题”制度，开展集中学习21次。",
      ),
    ).toEqual([
      { form: "line", marker: null, title: "坚持举旗铸魂，坚定政治方向，更好体现人大站位" },
      { form: "run-in", marker: null, title: "切实强化思想引领" },
    ]);
  });

  it("does not take an ordinary opening sentence for a run-in heading", () => {
    expect(
      headings(
        "一、坚持党的领导\n这些成绩的取得，是县委坚强领导的结果。在此表示感谢。\n会议听取了报告。随后进行了审议。\n2024年，是人民代表大会制度建立70周年。全年召开会议7次。",
      ),
    ).toEqual([{ form: "marker", marker: "cn", title: "坚持党的领导" }]);
  });

  it("reads year headings as the review and tasks parts, with their years", () => {
    const outline = detectOutline(
      fromPlainText(
        "2023年主要工作回顾\n一、坚持党的领导\n请示报告。\n2024年主要任务\n一、增强监督实效\n开展执法检查。",
      ),
    );
    expect(outline.headings.filter((h) => h.part).map((h) => [h.part, h.year])).toEqual([
      ["review", 2023],
      ["tasks", 2024],
    ]);
    for (const wording of [
      "过去一年的主要工作",
      "一年来的主要工作",
      "关于2024年的工作",
      "2024年的主要工作",
      "过去五年工作回顾",
    ]) {
      expect(headings(`${wording}\n一、坚持党的领导\n请示报告。`)[0], wording).toMatchObject({
        part: "review",
      });
    }
    for (const wording of [
      "今年的主要任务",
      "今后一年的主要任务",
      "2025年工作建议",
      "今后一年工作的建议",
      "2025年主要任务",
    ]) {
      expect(headings(`${wording}\n一、坚持党的领导\n请示报告。`)[0], wording).toMatchObject({
        part: "tasks",
      });
    }
  });

  it("recognises the title block, the salutation and the adoption note", () => {
    const report = detectOutline(
      fromPlainText(
        "青禾县人民代表大会常务委员会工作报告（摘要）\n——2025年1月8日在青禾县第十八届人民代表大会第五次会议上\n县人大常委会主任　林春华\n各位代表：\n我受县人大常委会委托，向大会报告工作，请予审议。",
      ),
    );
    expect(report.roles.slice(0, 4)).toEqual(["title", "subtitle", "speaker", "salutation"]);
    expect(report.abridged).toBe(true);
    const plan = detectOutline(
      fromPlainText(
        "（2024年2月28日区十六届人大常委会第二十次会议通过）\n2024年，区人大常委会工作的总体要求是：……",
      ),
    );
    expect(plan.adoptionNote).toBe(0);
    const titled = detectOutline(
      fromPlainText(
        "武昌区人大常委会\n2024年工作要点\n（2024年2月28日区十六届人大常委会第二十次会议通过）\n一、坚持党的领导\n请示报告。",
      ),
    );
    expect(titled.titleBlocks).toEqual([0, 1]);
    expect(titled.adoptionNote).toBe(2);
  });

  it("uses host hints: Word outline level, heading style, HTML tag, bold", () => {
    const doc = fromBlocks([
      { text: "坚持党的领导", hint: { outlineLevel: 1 } },
      { text: "严格执行请示报告制度，全年请示报告12次，确保人大工作正确政治方向。" },
      { text: "依法开展监督", hint: { style: "标题 1" } },
      { text: "开展执法检查3次、专题询问1次，听取和审议专项工作报告12个。" },
      { text: "做好代表工作", hint: { tag: "h2" } },
      { text: "代表列席常委会会议40人次，办理代表建议96件，全部按期答复。" },
      { text: "加强自身建设：", hint: { bold: true } },
      { text: "对标“四个机关”定位要求，组织履职培训2期。" },
    ]);
    expect(detectOutline(doc).headings.map((h) => [h.form, h.rank, h.title])).toEqual([
      ["host", 1, "坚持党的领导"],
      ["host", 1, "依法开展监督"],
      ["host", 2, "做好代表工作"],
      ["line", 1, "加强自身建设："],
    ]);
  });

  it("treats lines of only whitespace as blank and keeps offsets", () => {
    const doc = fromPlainText("一、坚持党的领导\n   \n\t\n请示报告12次。");
    const outline = detectOutline(doc);
    expect(outline.roles).toEqual(["heading", "blank", "blank", "body"]);
    expect(doc.blocks[3]!.start).toBe(doc.text.indexOf("请示"));
  });

  it("reads full-width digits and ASCII dots after Chinese numerals as headings", () => {
    expect(headings("一.坚持党的领导\n１、把牢政治方向。请示报告。\n（１）重大事项。及时报告。")).toEqual([
      { form: "marker", marker: "cn", title: "坚持党的领导" },
      { form: "marker", marker: "num", title: "把牢政治方向" },
      { form: "marker", marker: "num-paren", title: "重大事项" },
    ]);
  });
});

describe("kind and year detection", () => {
  it("tells a report from a plan by title, and without a title by its marks", () => {
    expect(lint("青禾县人大常委会2025年工作要点\n一、坚持党的领导\n请示报告。").kind).toBe("work-plan");
    expect(lint("青禾县人民代表大会常务委员会工作报告\n各位代表：").kind).toBe("work-report");
    expect(
      lint("（2024年2月28日区十六届人大常委会第二十次会议通过）\n2024年，区人大常委会工作的总体要求是：……")
        .kind,
    ).toBe("work-plan");
    expect(lint("各位代表：\n我受县人大常委会委托，向大会报告工作，请予审议。").kind).toBe("work-report");
  });

  it("finds the years a report reviews and plans, from its part headings or its subtitle", () => {
    expect(
      lint("2023年主要工作回顾\n一、坚持党的领导\n请示报告。\n2024年主要任务\n一、增强监督实效\n执法检查。")
        .years,
    ).toMatchObject({ review: 2023, tasks: 2024 });
    expect(
      lint(
        "某县人民代表大会常务委员会工作报告\n——2025年1月8日在某县第十八届人民代表大会第五次会议上\n过去一年的主要工作\n一、坚持党的领导\n请示报告。",
      ).years,
    ).toMatchObject({
      review: 2024,
      tasks: 2025,
      presented: 2025,
    });
    expect(lint("某县人大常委会2024年工作要点\n一、坚持党的领导\n请示报告。").year).toBe(2024);
  });

  it("lets the caller force kind and year", () => {
    const r = lint("一、坚持党的领导\n请示报告。", { kind: "work-plan", year: 2026 });
    expect([r.kind, r.year]).toEqual(["work-plan", 2026]);
  });
});
