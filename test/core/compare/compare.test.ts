import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../core/src/compare/index.ts";
import { termsOf } from "../../../core/src/compare/terms.ts";

const PLAN = [
  "青禾县人大常委会2025年工作要点",
  "（2025年2月20日青禾县第十八届人民代表大会常务委员会第二十六次会议通过）",
  "一、增强监督工作实效",
  "1.听取审议县政府关于义务教育优质均衡发展情况的报告。",
  "2.对《中华人民共和国安全生产法》实施情况开展执法检查。",
  "3.听取审议县人民检察院关于公益诉讼检察工作情况的报告。",
  "二、加强代表工作",
  "4.推进代表联络站规范化建设，开展“代表接待日”活动。",
].join("\n");

const REPORT = [
  "青禾县人民代表大会常务委员会工作报告",
  "——2026年1月8日在青禾县第十八届人民代表大会第六次会议上",
  "各位代表：",
  "一、2025年主要工作回顾",
  "（一）增强监督实效",
  "听取和审议了义务教育工作情况报告，推动城乡学校结对帮扶。",
  "对安全生产法实施情况开展执法检查，督促整改隐患36处。",
  "开展全县文物保护工作视察，推动文物安全责任落实。",
  "（二）支持代表履职",
  "全县代表联络站实现规范化运行，每月开展“代表接待日”活动。",
  "二、2026年主要任务",
  "听取审议县人民检察院关于公益诉讼检察工作情况的报告。",
].join("\n");

describe("compareDocuments: a plan against the report of the same year", () => {
  const result = compareDocuments(PLAN, REPORT);
  const grade = (id: string) => result.items.find((i) => i.id === id)?.grade;

  it("finds an item the report rewords (义务教育优质均衡发展情况的报告 → 义务教育工作情况报告)", () => {
    expect(grade("1")).not.toBe("missing");
    expect(result.items[0]!.evidence[0]!.text).toContain("义务教育工作情况报告");
  });

  it("matches a law by its short name", () => {
    expect(grade("2")).toBe("covered");
    expect(result.items[1]!.evidence[0]!.text).toContain("安全生产法");
  });

  it("grades 未见 an item only the tasks part mentions: the review is what accounts for the year", () => {
    expect(grade("3")).toBe("missing");
    expect(result.items[2]!.evidence).toEqual([]);
  });

  it("lists the report's work that no item asked for", () => {
    expect(result.unplanned.map((u) => u.text)).toEqual(["开展全县文物保护工作视察，推动文物安全责任落实。"]);
    expect(result.unplanned[0]!.section).toBe("增强监督实效");
  });

  it("says what each document is", () => {
    expect(result.plan).toEqual({ kind: "work-plan", year: 2025 });
    expect(result.report).toEqual({ kind: "work-report", year: 2025 });
  });
});

describe("compareDocuments: a report's tasks part against the next year's review", () => {
  const lastYear = [
    "青禾县人民代表大会常务委员会工作报告",
    "——2025年1月8日在青禾县第十八届人民代表大会第五次会议上",
    "各位代表：",
    "一、2024年主要工作回顾",
    "听取和审议了农业农村工作情况报告。",
    "二、2025年主要任务",
    "（一）依法开展监督",
    "对《中华人民共和国安全生产法》实施情况开展执法检查。",
    "听取审议县政府关于河长制落实情况的报告。",
  ].join("\n");

  it("takes the tasks part as the plan: its items, not the review's", () => {
    const result = compareDocuments(lastYear, REPORT);
    expect(result.items.map((i) => i.text)).toEqual([
      "对《中华人民共和国安全生产法》实施情况开展执法检查。",
      "听取审议县政府关于河长制落实情况的报告。",
    ]);
    expect(result.items.map((i) => i.grade)).toEqual(["covered", "missing"]);
  });

  it("keeps a numbered last item that ends with an exclamation mark: it is an undertaking", () => {
    const plan = [
      "青禾县人大常委会2025年工作要点",
      "一、加强代表工作",
      "1.推进代表联络站规范化建设。",
      "2.办好代表接待日！",
    ];
    expect(compareDocuments(plan.join("\n"), REPORT).items.map((i) => i.text)).toEqual([
      "推进代表联络站规范化建设。",
      "办好代表接待日！",
    ]);
  });

  it("leaves out the call that closes the report: it undertakes nothing", () => {
    const closing = ["各位代表！", "让我们紧密团结在县委周围，为谱写青禾高质量发展新篇章而努力奋斗！"];
    const result = compareDocuments([lastYear, ...closing].join("\n"), REPORT);
    expect(result.items.map((i) => i.text)).toEqual([
      "对《中华人民共和国安全生产法》实施情况开展执法检查。",
      "听取审议县政府关于河长制落实情况的报告。",
    ]);
  });
});

describe("compareDocuments: long items and the review's own shortcomings", () => {
  const plan = (items: string[]) =>
    ["青禾县人大常委会2025年工作要点", "一、增强监督工作实效", ...items.map((t, i) => `${i + 1}.${t}`)].join(
      "\n",
    );
  const report = (review: string[]) =>
    [
      "青禾县人民代表大会常务委员会工作报告",
      "各位代表：",
      "一、2025年主要工作回顾",
      ...review,
      "二、2026年主要任务",
      "听取审议县政府关于民政工作情况的报告。",
    ].join("\n");
  // Detail sentences that share no specific word with the review below: they make the lead a small share.
  const DETAIL = [
    "围绕城乡供水一体化、老旧管网改造、水源地保护区划定等事项逐项跟踪督办。",
    "邀请部分省级代表、基层群众代表、行业协会专家参与实地察看并召开座谈会。",
    "对照上一年度审议意见研究处理情况清单，逐条核实整改进度和资金到位数额。",
    "会后形成调研报告印发有关部门，明确责任单位、完成时限和验收标准。",
  ];

  it("does not grade 未见 an item whose lead the review answers, however long its detail", () => {
    const result = compareDocuments(
      plan([`开展农村饮水安全巩固提升专题询问。${DETAIL.join("")}`]),
      report(["开展农村饮水安全巩固提升专题询问，县政府及水务部门负责人到会应询。"]),
    );
    expect(result.items[0]!.grade).toBe("partial");
    expect(result.items[0]!.evidence[0]!.text).toContain("农村饮水安全巩固提升专题询问");
  });

  it("finds one clause of a long sentence that the review answers in a sentence of its own", () => {
    // The clause shares only three-character words with the review (no phrase of four characters), and is a
    // small share of its sentence: only looked up on its own is it found.
    const item = "坚持建机制、补短板、兜底线，督促县政府统筹城乡供水一体化和老旧管网改造，逐条核实整改进度。";
    const result = compareDocuments(
      plan([item]),
      report(["我们保基本、兜底线、建机制、补短板，民生投入继续增加。"]),
    );
    // One clause of three: found, but no sentence of the review answers the item's sentence, so not 已体现.
    expect(result.items[0]!.grade).toBe("partial");
    expect(result.items[0]!.evidence[0]!.text).toContain("兜底线、建机制");
  });

  it("takes no evidence from the paragraph where the review owns up to what is still wrong", () => {
    const result = compareDocuments(
      plan(["听取审议县政府关于农村饮水安全巩固提升工作情况的报告。"]),
      report([
        "听取和审议了县政府关于义务教育工作情况的报告。",
        "我们也清醒看到，常委会工作还存在一些不足：农村饮水安全巩固提升工作跟踪监督不够有力。",
      ]),
    );
    expect(result.items[0]!.grade).toBe("missing");
    // The shortcomings are no unplanned work either.
    expect(result.unplanned.map((u) => u.text).join("")).not.toContain("不足");
  });

  it("reads problems named in the middle of the review, before a chapter heading, as work", () => {
    const result = compareDocuments(
      plan(["听取审议县政府关于农村饮水安全巩固提升工作情况的报告。", "推进代表联络站规范化建设。"]),
      report([
        "（一）增强监督实效",
        "对审议中发现的问题和不足，督促县政府整改落实。",
        "听取和审议了农村饮水安全巩固提升工作情况的报告。",
        "（二）支持代表履职",
        "全县代表联络站实现规范化运行。",
      ]),
    );
    expect(result.items.map((i) => i.grade)).toEqual(["covered", "covered"]);
  });
});

describe("termsOf: the words items and sentences are compared on", () => {
  it("drops the salutation a report is read out under, but not the deputies it names", () => {
    expect([...termsOf("各位代表！").terms.keys()]).toEqual([]);
    expect([...termsOf("办理代表建议").terms.keys()]).toContain("代表");
  });

  it("keeps 依法 in the names of policies (依法行政, 依法治国) and drops it as the manner of an act", () => {
    expect([...termsOf("推动依法行政").terms.keys()]).toEqual(["依法", "法行", "行政"]);
    expect([...termsOf("全面依法治国").terms.keys()]).toEqual(["依法", "法治", "治国"]);
    expect([...termsOf("依法监督").terms.keys()]).toEqual(["监督"]);
  });
});
