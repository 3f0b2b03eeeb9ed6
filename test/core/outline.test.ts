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
      "2025年和“十四五”时期工作回顾",
      "“十四五”时期和2025年工作回顾",
      "2025年工作和“十四五”发展回顾",
      "2025年工作回顾和“十四五”发展主要成绩",
      "2025年及“十四五”时期工作回顾",
      "“十四五”时期工作回顾",
      "工作回顾",
    ]) {
      expect(headings(`一、${wording}\n（一）坚持党的领导\n请示报告。`)[0], wording).toMatchObject({
        part: "review",
      });
    }
    for (const wording of [
      "2026年重点工作",
      "2026年的重点工作",
      "2024年政府工作任务",
      "2015年工作总体部署",
      "对2018年政府工作的建议",
      "“十五五”时期目标任务和2026年工作安排",
      "2026年工作安排",
    ]) {
      expect(headings(`一、${wording}\n（一）坚持党的领导\n请示报告。`)[0], wording).toMatchObject({
        part: "tasks",
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

  it("reads “2020年主要工作” as the review or the tasks by the report's own date", () => {
    const parts = (text: string) =>
      detectOutline(fromPlainText(text))
        .headings.filter((h) => h.part)
        .map((h) => [h.part, h.year]);
    // delivered the year after: the review (房山 2021 form)
    expect(
      parts(
        "——2021年1月12日在某区第八届人民代表大会第七次会议上\n各位代表：\n2020年主要工作\n全年召开会议7次。",
      ),
    ).toEqual([["review", 2020]]);
    // no date line: the review, as in an excerpt (corpus 000 "2020年的主要工作")
    expect(parts("2020年的主要工作\n一、坚持党的领导\n请示报告。")).toEqual([["review", 2020]]);
    // delivered the same year, after the review: the tasks (海南 2026 form)
    expect(
      parts(
        "政府工作报告\n——2026年1月27日在某省第七届人民代表大会第五次会议上\n各位代表：\n一、2025年和“十四五”时期工作回顾\n过去一年，经济稳中有进。\n二、“十五五”时期主要目标任务\n目标如下。\n三、2026年主要工作\n（一）聚力促进更高水平开放\n推动开放。",
      ),
    ).toEqual([
      ["review", 2025],
      ["tasks", 2026],
    ]);
    expect(
      parts("一、2025年工作回顾\n一年来经济稳中有进。\n二、2026年主要工作\n（一）扩大内需\n提振消费。"),
    ).toEqual([
      ["review", 2025],
      ["tasks", 2026],
    ]);
  });

  it("keeps a numbered part at its chapter level: 二、 after 一、2025年工作回顾 is its sibling", () => {
    const outline = detectOutline(
      fromPlainText(
        "一、2025年工作回顾\n（一）稳住经济大盘\n经济稳中有进。\n二、2026年工作总体要求\n总体要求如下。\n三、2026年重点工作\n（一）扩大内需\n提振消费。",
      ),
    );
    expect(
      outline.root.children.map((n) => [n.heading!.title, n.heading!.part ?? null, n.children.length]),
    ).toEqual([
      ["2025年工作回顾", "review", 1],
      ["2026年工作总体要求", null, 0],
      ["2026年重点工作", "tasks", 1],
    ]);
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

describe("unnumbered leads inside a numbered chapter", () => {
  const text = [
    "各位代表：",
    "现在，我代表县人民政府，向大会报告工作，请予审议。",
    "一、过去五年工作回顾",
    "五年来，我们团结奋斗，完成了各项任务。",
    "五年来，全县经济持续较快发展，产业结构不断优化",
    "地区生产总值年均增长7.5%，财政收入翻了一番。",
    "五年来，城乡面貌明显改观，民生持续改善",
    "新建学校12所，城乡居民收入年均增长8%。",
    "二、今年主要任务",
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
  ].join("\n");

  it("rank below the numbered chapter and sit in it, not beside it", () => {
    const outline = detectOutline(fromPlainText(text));
    const chapter = outline.root.children.find((c) => c.heading?.title === "过去五年工作回顾")!;
    expect(chapter.children.map((c) => c.heading?.title)).toEqual([
      "五年来，全县经济持续较快发展，产业结构不断优化",
      "五年来，城乡面貌明显改观，民生持续改善",
    ]);
    expect(outline.root.children.map((c) => c.heading?.title)).toEqual(["过去五年工作回顾", "今年主要任务"]);
  });

  it("are not taken for chapters of the same section (no section/duplicate)", () => {
    const r = lint(text, { kind: "gov-report" });
    expect(r.diagnostics.filter((d) => d.ruleId === "section/duplicate")).toEqual([]);
  });

  it("an unnumbered text keeps its line headings as chapters", () => {
    const plain = "坚持党的领导\n请示报告12次。\n加强监督工作\n开展执法检查3次。";
    expect(detectOutline(fromPlainText(plain)).root.children.map((c) => c.heading?.title)).toEqual([
      "坚持党的领导",
      "加强监督工作",
    ]);
  });
});

describe("title block as published reports write it", () => {
  const head = (text: string) => {
    const outline = detectOutline(fromPlainText(text));
    const doc = fromPlainText(text);
    return doc.blocks
      .filter((b) => outline.roles[b.index] !== "blank")
      .map((b) => `${outline.roles[b.index]}:${b.text.trim()}`);
  };

  it("reads a title and a date line each wrapped over two lines, and a speaker with a space in the name", () => {
    const text =
      "青禾黎族自治县人民代表大会\n常务委员会工作报告\n——2025年1月8日在青禾黎族自治县\n第十六届人民代表大会第五次会议上\n青禾黎族自治县人大常委会主任 林 春\n各位代表、同志们：\n我受县人大常委会的委托，向大会报告工作，请予审议。\n关于2024年的工作\n一、加强党的领导，坚定正确方向\n县人大常委会坚持在县委领导下履行职责。";
    expect(head(text).slice(0, 7)).toEqual([
      "title:青禾黎族自治县人民代表大会",
      "title:常务委员会工作报告",
      "subtitle:——2025年1月8日在青禾黎族自治县",
      "subtitle:第十六届人民代表大会第五次会议上",
      "speaker:青禾黎族自治县人大常委会主任 林 春",
      "salutation:各位代表、同志们：",
      "body:我受县人大常委会的委托，向大会报告工作，请予审议。",
    ]);
    const r = lint(text);
    expect(r.sections.found).toEqual(expect.arrayContaining(["title", "salutation", "opening", "review"]));
    expect(r.diagnostics.filter((d) => d.ruleId === "section/empty")).toEqual([]);
    expect(r.years).toMatchObject({ presented: 2025, review: 2024 });
  });

  it("reads a caption before the title, a date line in brackets, and the office and the name on two lines", () => {
    const text =
      "政府工作报告。 本报记者 王明 摄\n政府工作报告\n（2026年1月20日在青禾省第十四届人民代表大会第四次会议上）\n青禾省人民政府省长　\n　李　平\n各位代表：\u200d\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，全省经济运行稳中有进。";
    expect(head(text).slice(0, 7)).toEqual([
      "body:政府工作报告。 本报记者 王明 摄",
      "title:政府工作报告",
      "subtitle:（2026年1月20日在青禾省第十四届人民代表大会第四次会议上）",
      "speaker:青禾省人民政府省长",
      "speaker:李　平",
      "salutation:各位代表：\u200d",
      "body:现在，我代表省人民政府，向大会报告工作，请予审议。",
    ]);
    expect(lint(text).sections.found).toEqual(expect.arrayContaining(["title", "salutation", "opening"]));
  });

  it("reads a date line without a dash, in Chinese numerals, after page chrome", () => {
    const text =
      "2026年青禾省人民政府工作报告\n2026年02月10日 07时41分\n来源：\n青禾日报\n分享：\n二〇二六年一月二十日在青禾省第十四届人民代表大会第四次会议上\n青禾省省长 李平\n任振华作政府工作报告。青禾日报记者 王明\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，全省经济运行稳中有进。";
    const roles = head(text);
    expect(roles.slice(0, 9)).toEqual([
      "title:2026年青禾省人民政府工作报告",
      "body:2026年02月10日 07时41分",
      "body:来源：",
      "body:青禾日报",
      "body:分享：",
      "subtitle:二〇二六年一月二十日在青禾省第十四届人民代表大会第四次会议上",
      "speaker:青禾省省长 李平",
      "body:任振华作政府工作报告。青禾日报记者 王明",
      "salutation:各位代表：",
    ]);
    expect(detectOutline(fromPlainText(text)).headings.map((h) => h.title)).toEqual(["2025年工作回顾"]);
  });

  it("reads a title broken before its last character", () => {
    expect(
      head(
        "政府工作报\n告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。",
      ).slice(0, 3),
    ).toEqual([
      "title:政府工作报",
      "title:告",
      "subtitle:——2017年3月5日在第十二届全国人民代表大会第五次会议上",
    ]);
  });

  it("reads the head in any order: the date line above the title, an acting chair as the speaker", () => {
    expect(
      head(
        "——2021年1月12日在某区第八届人民代表大会第七次会议上\n某区人民代表大会常务委员会工作报告\n某区人大常委会常务副主任 孙 强\n各位代表：\n我受区人大常委会委托，向大会报告工作，请予审议。",
      ).slice(0, 4),
    ).toEqual([
      "subtitle:——2021年1月12日在某区第八届人民代表大会第七次会议上",
      "title:某区人民代表大会常务委员会工作报告",
      "speaker:某区人大常委会常务副主任 孙 强",
      "salutation:各位代表：",
    ]);
  });

  it("takes a text that starts at the salutation: no title, but the salutation and the opening", () => {
    const r = lint(
      "\u200b\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。\n\n一、2025年工作回顾\n过去一年，经济运行稳中有进。",
    );
    expect(r.outline.salutation).toBe(1);
    expect(r.outline.titleBlocks).toEqual([]);
    expect(r.outline.headless).toBe(true);
    expect(
      detectOutline(fromPlainText("某县人大常委会工作报告\n各位代表：\n我受委托，向大会报告工作。")).headless,
    ).toBe(false);
    expect(r.sections.found).toEqual(expect.arrayContaining(["salutation", "opening", "review"]));
  });

  it("reads a plan after a news lead, with an adoption note in ASCII brackets", () => {
    const outline = detectOutline(
      fromPlainText(
        "2月23日，青禾区人大常委会召开会议，审议通过了青禾区人大常委会2023年工作要点。全文如下。\n青禾区人大常委会2023年工作要点\n(2023年2月23日青禾区第十七届人民代表大会常务委员会第九次会议通过)\n2023年是全面贯彻党的二十大精神的开局之年。\n一、坚持党的全面领导\n1.把牢政治方向。坚持请示报告。",
      ),
    );
    expect(outline.roles.slice(0, 3)).toEqual(["body", "title", "adoption-note"]);
    expect(outline.headings.map((h) => h.title)).toEqual(["坚持党的全面领导", "把牢政治方向"]);
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

  it("finds the year in every form a report states it", () => {
    const years = (text: string) => {
      const r = lint(text);
      return { ...r.years, year: r.year };
    };
    // a title with its year and a date line in Chinese numerals; the parts name no year
    expect(
      years(
        "2026年青禾省政府工作报告\n——二〇二六年一月二十七日在青禾省十四届人民代表大会第四次会议上\n青禾省省长 李平\n各位代表：\n我代表省人民政府，向大会报告工作，请予审议。\n“十四五”时期工作回顾\n五年来经济稳中有进。",
      ),
    ).toEqual({ presented: 2026, review: 2025, tasks: 2026, year: 2025 });
    // the title alone
    expect(years("2026年青禾省政府工作报告\n各位代表：\n一、工作回顾\n过去一年，经济稳中有进。").review).toBe(
      2025,
    );
    // a date line without the dash
    expect(
      years(
        "政府工作报告\n2026年2月3日在青禾省第十四届人民代表大会第五次会议上\n各位代表：\n一、工作回顾\n过去一年，经济稳中有进。",
      ).presented,
    ).toBe(2026);
    // no title or date: a chapter about the year ahead names it (国务院 2018 form)
    expect(
      years(
        "各位代表：\n现在，我代表国务院，向大会报告过去五年政府工作，请予审议。\n一、过去五年工作回顾\n五年来，经济实力跃上新台阶。\n二、2018年经济社会发展总体要求和政策取向\n今年是决胜全面建成小康社会的关键一年。",
      ),
    ).toEqual({ review: 2017, tasks: 2018, year: 2017 });
    // "今年是“十五五”开局之年": the tasks year by the five-year plan
    expect(
      years(
        "各位代表：\n一、工作回顾\n过去一年，经济稳中有进。\n二、工作安排\n今年是“十五五”开局之年。要稳中求进。",
      ),
    ).toEqual({ review: 2025, tasks: 2026, year: 2025 });
    // "2025年是…" opening the review
    expect(years("各位代表：\n一、工作回顾\n2025年是“十四五”收官之年。经济稳中有进。").review).toBe(2025);
  });

  it("leaves the year unknown when the text states none", () => {
    const r = lint("各位代表：\n一、工作回顾\n过去一年，经济稳中有进，民生持续改善。");
    expect([r.year, r.years]).toEqual([null, {}]);
  });

  it("lets the caller force kind and year", () => {
    const r = lint("一、坚持党的领导\n请示报告。", { kind: "work-plan", year: 2026 });
    expect([r.kind, r.year]).toEqual(["work-plan", 2026]);
  });
});
