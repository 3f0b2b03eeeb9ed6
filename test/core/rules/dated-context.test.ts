import { describe, expect, it } from "vitest";
import { lint } from "../../../core/src/lint.ts";
import { datedApplies, spokenSpan, timeWordsSpan } from "../../../core/src/rules/engine/period.ts";

const DATED = /^(?:term|formulation)\/|^consistency\/anniversary$|^confusable\/fazhi-guannian$/;

function dated(text: string, year?: number): string[] {
  const r = lint(text, year === undefined ? {} : { year });
  return r.diagnostics
    .filter((d) => DATED.test(d.ruleId))
    .map((d) => `${d.ruleId} ${r.doc.text.slice(d.start, d.end)}`);
}

/** A 2026 report reviewing the past five years and setting the tasks of 2026. */
const FIVE_YEAR_REPORT = [
  "政府工作报告",
  "——2026年1月20日在某省第十四届人民代表大会第四次会议上",
  "各位代表：",
  "一、“十四五”时期工作回顾",
  "五年来主要做了以下工作。",
  "我们坚持忠诚履职尽责。扎实开展党史学习教育，巩固拓展脱贫攻坚成果。",
  "进入“十四五”，全省经济总量较“十三五”末增长三成。回望过去五年，打赢脱贫攻坚战后，发展条件明显改善。",
  "五年来，我们满怀豪情庆祝新中国成立75周年，决胜全面建成小康社会。",
  "二、2026年工作安排",
  "今年是中华人民共和国成立77周年。",
  "扎实开展党史学习教育，推动“十四五”规划重点项目落地。",
].join("\n");

describe("time words of a passage", () => {
  it("reads years, named plan periods and words relative to the year of writing", () => {
    expect(timeWordsSpan("2021年以来，全省", 2026)).toEqual({ from: 2021, to: 2021 });
    expect(timeWordsSpan("2021—2025年", 2026)).toEqual({ from: 2021, to: 2025 });
    expect(timeWordsSpan("“十四五”时期", 2026)).toEqual({ from: 2021, to: 2025 });
    expect(timeWordsSpan("进入“十四五”", undefined)).toEqual({ from: 2021, to: 2025 });
    expect(timeWordsSpan("过去五年", 2026)).toEqual({ from: 2021, to: 2025 });
    expect(timeWordsSpan("今年是", 2024)).toEqual({ from: 2024, to: 2024 });
    expect(timeWordsSpan("今年是", undefined)).toBeUndefined();
    expect(timeWordsSpan("推动“十四五”规划落地", 2026)).toBeUndefined();
  });

  it("takes the scope from the nearest paragraph that opens with time words, not from a passing mention", () => {
    const text =
      "五年来主要做了以下工作。\n我们坚持忠诚履职。\n宏观政策适应调节需要，为今年预留空间。\n开展党史学习教育。";
    expect(spokenSpan(text, text.indexOf("党史"), 2026)).toEqual({ from: 2021, to: 2025 });
    const other = "宏观政策适应调节需要，为今年预留空间。\n开展党史学习教育。";
    expect(spokenSpan(other, other.indexOf("党史"), 2022)).toBeUndefined();
  });

  it("lets narration of earlier years name wording that was current then", () => {
    const campaign = { changed: "2021-02-25", judge: "period", fromYear: 2021, direction: "after" } as const;
    const years = { review: 2025, tasks: 2026 };
    expect(datedApplies(campaign, "review", years, { from: 2021, to: 2025 })).toBe(false);
    expect(datedApplies(campaign, "tasks", years, { from: 2026, to: 2026 })).toBe(true);
    expect(datedApplies(campaign, "tasks", { review: 2020, tasks: 2021 })).toBe(true);
  });
});

describe("dated wording in context", () => {
  it("stays silent on a five-year review and fires on the same words in the tasks", () => {
    expect(dated(FIVE_YEAR_REPORT)).toEqual([
      "term/dangshi-xuexi-jiaoyu 党史学习教育",
      "term/shisiwu “十四五”",
    ]);
  });

  it("judges the 2018 report's own present as 2018", () => {
    const text = [
      "政府工作报告",
      "一、过去五年工作回顾",
      "依法开展扫黑除恶专项斗争。",
      "二、2018年政府工作建议",
      "今年是全面贯彻党的十九大精神的开局之年，是决胜全面建成小康社会、实施“十三五”规划承上启下的关键一年。",
      "坚决打好三大攻坚战，依法开展扫黑除恶专项斗争。",
    ].join("\n");
    expect(dated(text, 2017)).toEqual([]);
  });

  it("never flags titles, quotations or names of bodies and meetings", () => {
    expect(dated("学习《关于开展扫黑除恶专项斗争的通知》。", 2024)).toEqual([]);
    expect(dated("出席市扫黑除恶专项斗争领导小组办公室会议。", 2024)).toEqual([]);
    expect(dated("正如讲话所说：“要坚决打赢脱贫攻坚战，确保如期全面建成小康社会。”", 2024)).toEqual([]);
    expect(dated("持续开展扫黑除恶专项斗争。", 2024)).toEqual(["term/saohei-zhuanxiang 扫黑除恶专项斗争"]);
  });

  it("lets a year given for the document override a part heading naming one year (last year's text reused)", () => {
    const text = [
      "2020年的主要工作",
      "一、加强监督",
      "持续三年关注扫黑除恶专项斗争。",
      "2021年主要任务",
      "一、加强学习",
      "深入学习。",
    ].join("\n");
    expect(dated(text)).toEqual([]);
    expect(dated(text, 2025)).toEqual(["term/saohei-zhuanxiang 扫黑除恶专项斗争"]);
  });

  it("does not read the dateline under a title as the time the body speaks of", () => {
    // A speech published with its date under the title, and no year of its own: the dateline is the day of
    // delivery, not the scope of the narration forty paragraphs further down.
    const speech = [
      "团结奋斗开创新局面",
      "——在青禾省第十二次代表大会上的报告",
      "（2022年10月16日）",
      "同志们：",
      "现在，我代表上届委员会向大会作报告。",
      "我们坚持精准扶贫，打赢了脱贫攻坚战，扫黑除恶专项斗争取得阶段性成果。",
    ].join("\n");
    expect(dated(speech)).toEqual([]);
    // A year line that frames a passage still frames it.
    const framed = ["2022年主要工作", "持续开展扫黑除恶专项斗争。"].join("\n");
    expect(dated(framed)).toEqual(["term/saohei-zhuanxiang 扫黑除恶专项斗争"]);
  });

  it("reads a text without any year as undated and stays silent", () => {
    expect(dated("深入开展扫黑除恶专项斗争，扎实开展党史学习教育。")).toEqual([]);
    // The pre-2017 guiding-thought list cannot be ruled out either.
    expect(dated("以邓小平理论、“三个代表”重要思想、科学发展观为指导。")).toEqual([]);
    expect(dated("以邓小平理论、“三个代表”重要思想、科学发展观为指导。", 2023)).toHaveLength(1);
    // Lists that were the wording of their day (CPC congress reports carry no year).
    expect(dated("深入学习马克思列宁主义、毛泽东思想、邓小平理论和“三个代表”重要思想。")).toEqual([]);
    expect(dated("以马克思列宁主义、毛泽东思想、邓小平理论作为行动指南。")).toEqual([]);
    expect(dated("把党的领导、人民当家作主和依法治国有机统一起来。")).toEqual([]);
    expect(dated("坚定道路自信、理论自信、制度自信。")).toEqual([]);
    expect(dated("全面推进经济建设、政治建设、文化建设、社会建设。")).toEqual([]);
    expect(dated("增强全社会的法制观念。")).toEqual([]);
    expect(dated("增强全社会的法制观念。", 2013)).toEqual([]);
    expect(dated("增强全社会的法制观念。", 2023)).toHaveLength(1);
  });
});

describe("anniversaries", () => {
  it("counts 今年 from the year the report is delivered", () => {
    const report = (n: number) =>
      [
        "政府工作报告",
        "一、2023年工作回顾",
        "各项工作稳步推进。",
        "二、2024年政府工作任务",
        `今年是中华人民共和国成立${n}周年。`,
      ].join("\n");
    expect(dated(report(75), 2023)).toEqual([]);
    expect(dated(report(74), 2023)).toEqual(["consistency/anniversary 74"]);
  });

  it("accepts any year of a five-year review", () => {
    expect(dated(FIVE_YEAR_REPORT).filter((d) => d.startsWith("consistency"))).toEqual([]);
    expect(dated(FIVE_YEAR_REPORT.replace("77周年", "76周年"))).toContain("consistency/anniversary 76");
  });

  it("counts from the year of delivery wherever the sentence stands, unless the sentence names its time", () => {
    // Delivered in 2031 (review 2030, tasks 2031): a closing call in the tasks part speaks of 2031.
    const report = (closing: string) =>
      [
        "政府工作报告",
        "——2031年1月15日在某市第二届人民代表大会第三次会议上",
        "一、2030年工作回顾",
        "过去一年，各项事业稳步推进。",
        "二、2031年工作任务",
        "各位代表！",
        closing,
      ].join("\n");
    expect(dated(report("让我们同心协力，迎接中华人民共和国成立82周年！"))).toEqual([]);
    expect(dated(report("让我们同心协力，迎接中华人民共和国成立81周年！"))).toEqual([
      "consistency/anniversary 81",
    ]);
    // The sentence names its own time: a year, 去年 (delivery − 1), 明年 (delivery + 1).
    expect(dated(report("2029年，我们隆重庆祝中华人民共和国成立80周年。"))).toEqual([]);
    expect(dated(report("去年，我们隆重庆祝中国共产党成立109周年。"))).toEqual([]);
    expect(dated(report("去年，我们隆重庆祝中国共产党成立110周年。"))).toEqual([
      "consistency/anniversary 110",
    ]);
    expect(dated(report("明年是中国共产党成立111周年。"))).toEqual([]);
    // A celebration told as done may be the year just ended; a forward-looking one may not.
    expect(dated(report("隆重庆祝中国共产党成立109周年。"))).toEqual([]);
    expect(dated(report("隆重庆祝中国共产党成立105周年。"))).toEqual(["consistency/anniversary 105"]);
    expect(dated(report("让我们迎接中国共产党成立109周年。"))).toEqual(["consistency/anniversary 109"]);
    // A review paragraph without time words of its own still counts from the year of delivery.
    const review = [
      "政府工作报告",
      "——2031年1月15日在某市第二届人民代表大会第三次会议上",
      "一、2030年工作回顾",
      "各位代表！",
      "让我们迎接中华人民共和国成立82周年！",
      "二、2031年工作任务",
      "扎实工作。",
    ].join("\n");
    expect(dated(review)).toEqual([]);
  });

  it("stays silent without any year", () => {
    expect(dated("让我们迎接中华人民共和国成立61周年！")).toEqual([]);
  });
});
