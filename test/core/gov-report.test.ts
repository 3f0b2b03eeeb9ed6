import { describe, expect, it } from "vitest";
import { compileKind, getKind, KINDS, kindUncertain, lint } from "../../core/src/index.ts";
import { corpusFiles, measureFile } from "../../scripts/accuracy/measure.ts";

/** A short provincial 政府工作报告 written for these tests, in the layout such reports are published in. */
const GOV_HEAD = [
  "2026年青禾省政府工作报告",
  "——2026年1月27日在青禾省第十四届人民代表大会第四次会议上",
  "青禾省人民政府省长 林远山",
  "各位代表：",
  "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
];
const GOV_REVIEW = [
  "一、2025年工作回顾",
  "过去一年，全省上下攻坚克难，经济运行稳中有进，地区生产总值增长5.2%。",
];
const GOV_TARGETS = [
  "二、2026年经济社会发展总体要求和主要预期目标",
  "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。",
];
const GOV_TASKS = [
  "三、2026年重点工作",
  "今年要重点抓好以下工作：着力扩大内需，加快建设现代化产业体系，持续保障和改善民生。",
];
const GOV_SELF = ["四、全面加强政府自身建设", "坚持依法行政，持续转变政府职能，建设人民满意的服务型政府。"];
const GOV_CLOSING =
  "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为谱写新篇章而努力奋斗！";

function govReport(omit: string[] = []): string {
  const parts: Record<string, string[]> = {
    head: GOV_HEAD,
    review: GOV_REVIEW,
    targets: GOV_TARGETS,
    tasks: GOV_TASKS,
    self: GOV_SELF,
    closing: [GOV_CLOSING],
  };
  return Object.entries(parts)
    .filter(([id]) => !omit.includes(id))
    .flatMap(([, lines]) => lines)
    .join("\n");
}

const sectionFindings = (text: string, kind?: "gov-report" | "other") =>
  lint(text, kind ? { kind } : {}).diagnostics.filter((d) => d.ruleId.startsWith("section/"));

describe("the 政府工作报告 schema is validated data with reasons", () => {
  it("requires only what every such report has, and names its own sections", () => {
    const kind = KINDS["gov-report"];
    expect(kind.name).toBe("政府工作报告");
    const required = kind.sections.filter((s) => s.status === "required").map((s) => s.id);
    expect(required).toEqual(["salutation", "opening", "review", "targets", "tasks"]);
    // No section of a 人大 report (监督, 代表工作…) belongs to a government's report.
    for (const id of ["supervision", "deputies", "political", "overview"])
      expect(kind.byId.has(id), id).toBe(false);
    expect(kind.byId.get("opening")!.reason).toMatch(/宪法第九十二条、第一百一十条/);
    expect(kind.byId.get("targets")!.name).toBe("年度总体要求和主要预期目标");
    expect(getKind("other")).toBeNull();
  });

  it("a kind may name a section the shared lexicon lacks; without a name it is refused", () => {
    const kind = {
      id: "gov-report",
      name: "政府工作报告",
      titleWords: ["政府工作报告"],
      sections: [
        { id: "targets", name: "预期目标", status: "required", where: "body", reason: "须提出预期目标" },
      ],
    };
    expect(compileKind(kind).byId.get("targets")!.name).toBe("预期目标");
    const { name: _dropped, ...unnamed } = kind.sections[0]!;
    expect(() => compileKind({ ...kind, sections: [unnamed] })).toThrow(/lexicon/);
  });
});

describe("kind detection says what it saw", () => {
  it("a provincial 政府工作报告: title, reporter line and opening, with a high confidence", () => {
    const r = lint(govReport());
    expect(r.kind).toBe("gov-report");
    expect(r.kindDetection.forced).toBe(false);
    expect(r.kindDetection.confidence).toBeGreaterThan(0.9);
    expect(r.kindDetection.evidence).toEqual(
      expect.arrayContaining([
        "标题含“政府工作报告”",
        "开头语“我代表省人民政府，向大会报告工作”",
        "报告人“青禾省人民政府省长 林远山”",
      ]),
    );
  });

  it("a 政府工作报告 published from 各位代表： on, without title or reporter line", () => {
    const text = [
      "各位代表：",
      "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。",
      ...GOV_REVIEW,
      ...GOV_TASKS,
    ].join("\n");
    const r = lint(text);
    expect(r.kind).toBe("gov-report");
    expect(r.kindDetection.evidence).toContain("开头语“我代表国务院，向大会报告政府工作”");
  });

  it("the reporter line may wrap its name onto the next line (国务院总理 / 李　强)", () => {
    const text = [
      "政府工作报告",
      "国务院总理",
      "李　强",
      "各位代表：",
      "现在，我代表国务院，向大会报告政府工作，请予审议。",
    ].join("\n");
    expect(lint(text).kindDetection.evidence).toContain("报告人“国务院总理 李　强”");
  });

  it("the reporter line belongs to the title block, not to the chapters (no empty-heading finding)", () => {
    for (const lines of [
      ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理", "李　强"],
      ["2026年青禾市政府工作报告", "青禾市市长 龚 正"],
    ]) {
      const text = [
        ...lines,
        "各位代表：",
        "现在，我代表国务院，向大会报告政府工作，请予审议。",
        ...GOV_REVIEW,
      ].join("\n");
      const r = lint(text);
      const speakers = r.outline.roles.flatMap((role, i) =>
        role === "speaker" ? [r.doc.blocks[i]!.text] : [],
      );
      expect(speakers.join("|"), lines.join("/")).toBe(lines.slice(-(lines.length === 4 ? 2 : 1)).join("|"));
      expect(r.diagnostics.filter((d) => d.ruleId === "section/empty")).toEqual([]);
    }
  });

  it("a 人大常委会 report stays a 工作报告, on its opening and reporter line even without its title", () => {
    const text = [
      "青禾县人大常委会主任 王光业",
      "各位代表：",
      "我受县人大常委会委托，向大会报告工作，请予审议。",
      "2024年主要工作回顾",
      "一、坚持党的全面领导",
      "严格执行请示报告制度。",
    ].join("\n");
    const r = lint(text);
    expect(r.kind).toBe("work-report");
    expect(r.kindDetection.evidence).toEqual(
      expect.arrayContaining([
        "开头语“我受县人大常委会委托，向大会报告工作”",
        "报告人“青禾县人大常委会主任 王光业”",
      ]),
    );
  });

  it("a court's report or a speech is `other`", () => {
    const court = [
      "青禾县人民法院工作报告",
      "各位代表：",
      "现在，我代表县人民法院，向大会报告工作，请予审议。",
      "一、2024年工作回顾",
      "全年受理各类案件8000件。",
    ].join("\n");
    const r = lint(court);
    expect(r.kind).toBe("other");
    expect(r.kindDetection.evidence[0]).toMatch(/^标题“青禾县人民法院工作报告”/);
    expect(lint("在全县人大工作会议上的讲话\n同志们：\n今天我们召开会议。").kind).toBe("other");
    expect(lint("关于青禾县人大常委会工作报告的决议\n会议同意这个报告。").kind).toBe("other");
    // A notice that issues a plan carries the plan itself.
    expect(
      lint("关于印发《青禾县人大常委会2025年工作要点》的通知\n一、坚持党的全面领导\n严格执行请示报告制度。")
        .kind,
    ).toBe("work-plan");
  });

  it("a report delivered for a party committee is `other`, on its opening even without a title", () => {
    const party = [
      "同志们：",
      "现在，我代表第九届县委向大会作报告。",
      "一、过去五年的工作",
      "五年来，全县经济持续发展。县人大常委会、县政府、县政协和各部门共同努力，常委会依法履职，常委会组成人员积极参与。",
    ].join("\n");
    const r = lint(party);
    expect(r.kind).toBe("other");
    expect(r.kindDetection.evidence[0]).toBe("开头语“我代表第九届县委向大会作报告”");
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith("section/"))).toEqual([]);
    const congress = "——在中国共产党青禾县第十五次代表大会上的报告\n同志们：\n大会的主题是：团结奋斗。";
    expect(lint(congress).kind).toBe("other");
    expect(lint("现在，我代表中央委员会，向大会作报告。\n五年来，我们取得了新成就。").kind).toBe("other");
  });

  it("a count of 常委会 in the body alone is weak: below the confidence at which structure is checked", () => {
    const r = lint(
      "全国人大常委会通过了法律。常委会听取报告。常委会开展检查。\n二、主要工作\n做了很多工作。",
    );
    expect(r.kindDetection.confidence).toBeLessThan(0.5);
  });

  it("a kind guessed below STRUCTURE_CONFIDENCE gives structure findings as info only; forcing it restores them", () => {
    const text = "一、主要工作\n做了很多工作。\n二、加强监督\n开展执法检查。";
    const r = lint(text);
    expect(kindUncertain(r.kindDetection)).toBe(true);
    const structural = r.diagnostics.filter((d) => d.ruleId.startsWith("section/"));
    expect(structural.length).toBeGreaterThan(0);
    for (const d of structural) expect(d.severity).toBe("info");
    const forced = lint(text, { kind: "work-report" });
    expect(forced.diagnostics.some((d) => d.ruleId.startsWith("section/") && d.severity !== "info")).toBe(
      true,
    );
  });

  it("a text with no mark at all is still checked as a 工作报告, and says how little was seen", () => {
    const r = lint("切实加强代表工作。做好建议办理。");
    expect(r.kind).toBe("work-report");
    expect(r.kindDetection.confidence).toBeLessThan(0.5);
    expect(r.kindDetection.evidence).toEqual(["未见标题、称呼、开头语等标志，按工作报告检查"]);
  });

  it("a kind the caller sets is marked forced", () => {
    const r = lint("切实加强代表工作。", { kind: "gov-report" });
    expect([r.kind, r.kindDetection.forced, r.kindDetection.confidence]).toEqual(["gov-report", true, 1]);
  });
});

describe("structure checks belong to a kind's schema", () => {
  it("a complete 政府工作报告 has no section findings; its sections are found", () => {
    const r = lint(govReport());
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith("section/"))).toEqual([]);
    expect(r.sections.found).toEqual(
      expect.arrayContaining([
        "title",
        "salutation",
        "opening",
        "review",
        "targets",
        "tasks",
        "self-building",
      ]),
    );
  });

  it("reports the government's own missing sections, never a 人大 one", () => {
    const found = sectionFindings(govReport(["targets", "tasks"]));
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^缺少必备章节“年度总体要求和主要预期目标”/),
      expect.stringMatching(/^缺少必备章节“今年主要任务”/),
    ]);
  });

  it("finds the year's target stated in a sentence of the tasks part, as older reports state it", () => {
    // Reports of the 2000s put 今年经济增长预期目标为…左右 inside the first chapter of the year's work.
    const text = [
      ...GOV_HEAD,
      ...GOV_REVIEW,
      "二、2026年主要任务",
      "综合分析各方面情况，今年经济增长预期目标为5%左右，这是必要的，经过努力也是可以实现的。",
      "今年要重点抓好以下工作：着力扩大内需，加快建设现代化产业体系。",
      ...GOV_SELF,
      GOV_CLOSING,
    ].join("\n");
    expect(sectionFindings(text)).toEqual([]);
    // Last year's target, narrated in the review, does not stand for this year's.
    const reviewOnly = [
      ...GOV_HEAD,
      "一、2025年工作回顾",
      "去年经济增长预期目标为5%左右，实际增长5.2%。",
      ...GOV_TASKS,
      ...GOV_SELF,
      GOV_CLOSING,
    ].join("\n");
    expect(sectionFindings(reviewOnly).map((d) => d.message)).toEqual([
      expect.stringMatching(/^缺少必备章节“年度总体要求和主要预期目标”/),
    ]);
  });

  it("finds a salutation run into the opening sentence (各位代表，现在，我代表……)", () => {
    const text = govReport()
      .replace("各位代表：\n现在，", "各位代表，现在，")
      .split("\n")
      .slice(3)
      .join("\n");
    expect(text.startsWith("各位代表，现在，我代表")).toBe(true);
    const r = lint(text);
    expect(r.sections.found).toEqual(expect.arrayContaining(["salutation", "opening"]));
    expect(r.diagnostics.filter((d) => d.ruleId === "section/missing")).toEqual([]);
    // Without the words of address the salutation is missing, as before.
    const bare = lint(text.replace("各位代表，", ""));
    expect(bare.diagnostics.filter((d) => d.ruleId === "section/missing").map((d) => d.message)).toEqual([
      expect.stringMatching(/^缺少必备章节“称呼”/),
    ]);
  });

  it("orders a 政府工作报告 by its own usual order", () => {
    const text = [...GOV_HEAD, ...GOV_SELF, ...GOV_REVIEW, ...GOV_TARGETS, ...GOV_TASKS].join("\n");
    const order = sectionFindings(text).filter((d) => d.ruleId === "section/order");
    expect(order.map((d) => d.message)).toEqual([
      "章节“政府自身建设”位于“过去一年工作回顾”“今年主要任务”之前，与通常顺序不符（过去一年工作回顾→今年主要任务→政府自身建设）",
    ]);
  });

  it("`other` gets no structure check at all, but phrasing checks still run", () => {
    const text =
      "青禾县人民法院工作报告\n一、审判工作\n二、审判工作\n三、队伍建设\n坚持两个机关建设，加强队伍建设。";
    const r = lint(text);
    expect(r.kind).toBe("other");
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith("section/"))).toEqual([]);
    expect([r.sections.found, r.sections.missing]).toEqual([[], []]);
    // The same headings checked as a 工作报告 do give structure findings: the rules are there, the kind decides.
    expect(sectionFindings(text.replace("人民法院", "人大常委会")).length).toBeGreaterThan(0);
  });

  it("a numbered paragraph whose lead clause is long is not an empty section", () => {
    const text = [
      ...GOV_HEAD,
      ...GOV_REVIEW,
      "（一）坚持创新引领发展，着力激发社会创造力，整体创新能力和效率显著提高。实施创新驱动发展战略，研发投入持续增长。",
      "（二）加快建设现代化产业体系",
      ...GOV_TARGETS,
      ...GOV_TASKS,
    ].join("\n");
    const empty = sectionFindings(text).filter((d) => d.ruleId === "section/empty");
    expect(empty.map((d) => d.message)).toEqual(["标题“加快建设现代化产业体系”下没有内容"]);
  });

  it("years: the review is the year before delivery, the tasks the delivery year, whatever the headings say", () => {
    const text = govReport().replace("三、2026年重点工作", "三、2026年主要工作");
    const r = lint(text);
    expect([r.years.review, r.years.tasks, r.year]).toEqual([2025, 2026, 2025]);
  });
});

describe("real texts keep their kinds", () => {
  const files = corpusFiles();

  it("every published 政府工作报告 is a gov-report, with no section missing or out of order", () => {
    const published = files.filter((f) => f.set === "published");
    expect(published.length).toBeGreaterThanOrEqual(20);
    for (const f of published) {
      const { result } = measureFile(f);
      expect(result.kind, f.name).toBe("gov-report");
      expect(result.kindDetection.confidence, f.name).toBeGreaterThan(0.8);
      const structural = result.diagnostics.filter((d) => /^section\/(missing|order)$/.test(d.ruleId));
      expect(
        structural.map((d) => d.message),
        f.name,
      ).toEqual([]);
    }
  });

  it("the real 人大 excerpts, the seed texts and the fixtures keep their kinds", () => {
    const own = files.filter((f) => f.set !== "published");
    expect(own.length).toBeGreaterThanOrEqual(7);
    for (const f of own) {
      const expected = /plan|004_/.test(f.name) ? "work-plan" : "work-report";
      expect(measureFile(f).result.kind, f.name).toBe(expected);
    }
  });
});

describe("chapters of a report in the first year of a five-year plan", () => {
  const fiveYear = [
    ...GOV_HEAD.slice(0, 4),
    "本届政府任期即将结束。现在，我代表省人民政府，向大会作政府工作报告，请各位代表审议。",
    "一、2025年主要工作和“十四五”发展成就",
    "过去五年，全省经济总量跃上新台阶，地区生产总值年均增长5.5%。",
    "二、“十五五”时期主要目标任务",
    "今后五年，要着力推动高质量发展，基本实现新型工业化。",
    ...GOV_TARGETS.map((l) => l.replace("二、", "三、")),
    ...GOV_TASKS.map((l) => l.replace("三、", "四、")),
    ...GOV_SELF.map((l) => l.replace("四、", "五、")),
    GOV_CLOSING,
  ].join("\n");

  it("tells the plan's tasks, last year's work and this year's tasks apart", () => {
    const r = lint(fiveYear);
    expect(r.kind).toBe("gov-report");
    expect(sectionFindings(fiveYear)).toEqual([]);
    const primary = r.sections.chapters.map((c) => c.primary);
    expect(primary).toEqual(["review", "five-year-plan", "targets", "tasks", "self-building"]);
  });

  it("finds the opening formula in a paragraph that opens on another sentence", () => {
    const r = lint(fiveYear);
    expect(r.sections.found).toContain("opening");
    expect(r.outline.headings.some((h) => h.title.startsWith("本届政府"))).toBe(false);
  });
});
