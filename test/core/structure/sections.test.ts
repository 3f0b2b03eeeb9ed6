import { sectionDuplicate } from "../../../core/src/rules/section/duplicate.ts";
import { sectionEmpty } from "../../../core/src/rules/section/empty.ts";
import { sectionMissing } from "../../../core/src/rules/section/missing.ts";
import { sectionOrder } from "../../../core/src/rules/section/order.ts";
import { CLOSING, HEAD, report } from "../../helpers/drafts.ts";
import { ruleTester } from "../../helpers/rule-tester.ts";

ruleTester(sectionMissing, {
  valid: [
    { name: "complete report", text: report() },
    {
      name: "complete plan",
      text: [
        "青禾县人大常委会2025年工作要点",
        "（2025年2月20日青禾县第十八届人民代表大会常务委员会第二十六次会议通过）",
        "县人大常委会工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，依法履职尽责。",
        "一、坚持党的全面领导",
        "1.把牢政治方向。深刻领悟“两个确立”的决定性意义。",
        "二、增强监督工作实效",
        "2.聚焦财政经济监督。听取和审议预算执行情况的报告。",
        "三、支持和保障代表依法履职",
        "3.强化建议督办。做好代表建议督办工作。",
        "四、全面加强自身建设",
        "4.加强作风建设。严格落实中央八项规定及其实施细则精神。",
      ].join("\n"),
    },
    {
      name: "the closing is found before an attachment and end notes",
      text: `${report()}\n附件1\n2025年县十件民生实事\n一、提高城乡低保标准\n城乡低保标准提高5%。\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。`,
    },
    {
      name: "deputies merged under another wording is still found",
      text: report().replace("三、支持和保障代表依法履职", "三、密切联系人大代表，发挥代表主体作用"),
    },
  ],
  invalid: [
    {
      name: "review part lacks 代表工作",
      text: report({ omit: ["deputies"] }),
      errors: [
        {
          message: /^缺少必备章节“代表工作”（回顾部分）/,
          line: 5,
          severity: "error",
          expected: ["代表工作"],
        },
      ],
    },
    {
      name: "tasks part lacks 代表工作, reported separately",
      text: report({ omit: ["tasks.deputies"] }),
      errors: [{ message: /^缺少必备章节“代表工作”（任务部分）/, line: 15 }],
    },
    {
      name: "both parts lack 自身建设",
      text: report({ omit: ["self-building", "tasks.self-building"] }),
      errors: [{ message: /自身建设”（回顾部分）/ }, { message: /自身建设”（任务部分）/ }],
    },
    {
      name: "no title block, no salutation, no opening, no closing",
      text: report().split("\n").slice(4, -1).join("\n"),
      errors: [
        { message: /“标题”/, line: 1 },
        { message: /“称呼”/ },
        { message: /“开头语”/ },
        { message: /“结束语”/ },
      ],
    },
    {
      name: "a text that starts at the salutation: the missing title is info only",
      text: report().split("\n").slice(2).join("\n"),
      errors: [
        {
          message: /^正文从称呼开始，未见标题（标题在别处填写时可忽略）/,
          line: 1,
          severity: "info",
          expected: ["标题"],
        },
      ],
    },
    {
      name: "abridged report: title block items are info only",
      text: ["青禾县人民代表大会常务委员会工作报告（摘要）", ...report().split("\n").slice(4, -1)].join("\n"),
      errors: [
        { message: /^摘要稿未含“称呼”/, severity: "info" },
        { message: /^摘要稿未含“开头语”/, severity: "info" },
        { message: /^摘要稿未含“结束语”/, severity: "info" },
      ],
    },
    {
      name: "an election year expects 换届选举 in the tasks",
      text: report({ tasksYear: 2026 }).replace("2024年主要工作回顾", "2025年主要工作回顾"),
      errors: [{ message: /^2026年应有“换届选举”章节/, severity: "warning" }],
    },
    {
      name: "no tasks part at all",
      text: [
        ...HEAD,
        "2024年主要工作回顾",
        "一年来，共召开常委会会议7次。",
        "一、坚持党的全面领导",
        "请示报告12次。",
        "二、依法开展监督",
        "开展执法检查3次。",
        "三、支持和保障代表依法履职",
        "代表列席40人次。",
        "四、全面加强自身建设",
        "培训2期。",
        CLOSING,
      ].join("\n"),
      errors: [{ message: /^缺少必备章节“下一年主要任务”/ }],
    },
  ],
});

ruleTester(sectionOrder, {
  valid: [
    { name: "usual order", text: report() },
    // 换届选举 and 决定 have no fixed place: 000 puts election before 代表工作.
    {
      name: "floating sections do not count",
      text: report().replace(
        "二、增强监督实效",
        "二、依法做好换届选举工作\n开展换届选举。\n三、增强监督实效",
      ),
    },
  ],
  invalid: [
    {
      name: "自身建设 before 监督 (corpus 001's anomaly)",
      text: report({ order: ["political", "self-building", "supervision", "deputies"] }),
      errors: [
        {
          message:
            "章节“自身建设”位于“监督工作”“代表工作”之前，与通常顺序不符（政治→立法/法治→监督→代表工作→自身建设）",
          severity: "warning",
          line: 9,
        },
      ],
    },
    {
      name: "政治 last",
      text: report({ order: ["supervision", "deputies", "self-building", "political"] }),
      errors: [{ message: /^章节“坚持党的领导”位于“监督工作”“代表工作”“自身建设”之后/ }],
    },
  ],
});

ruleTester(sectionEmpty, {
  valid: [
    { name: "chapters with text", text: report() },
    {
      name: "an attachment that holds the end notes",
      text: "一、坚持党的领导\n请示报告12次。\n附件2\n名词解释\n1.“四上”企业：\n达到一定规模的法人单位。",
    },
    {
      name: "a chapter whose text is in its sub-items",
      text: "一、坚持党的全面领导\n（一）把牢政治方向\n严格执行请示报告制度。",
    },
    {
      name: "run-in chapter headings of any length, the body in the same paragraph",
      text: "一、过去五年工作回顾\n（三）坚持创新引领发展，着力激发社会创造力，整体创新能力和效率显著提高。实施创新驱动发展战略，优化创新生态。\n（四）坚持全面深化改革，着力破除体制机制弊端，发展动力和活力持续增强。推进重点领域改革。",
    },
    {
      name: "terms explained after a colon (1.“两重”：是指……)",
      text: "名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。",
    },
    {
      name: "a paragraph broken by the layout is not a run of headings",
      text: "一、2016年工作回顾\n基础设施支撑能力持续提升。新建\n高速铁路\n投产里程超过1900公里。\n“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。\n（二）深化重要领域和关键环节改革。\n要全面深化各领域改\n革，加快推进基础性、关键性改革。\n过去一年，我们攻坚克难。\n党的十八届六中全会\n正式明确\n习近平\n总书记的核心地位，体现了党和人民的根本利益。",
    },
    {
      name: "page chrome after a colon is text",
      text: "一、加强政府自身建设\n严明纪律规矩。\n责任编辑：\n李明华\n扫一扫在手机打开当前页\n打印本页\n关闭窗口\n2026年青禾省人民政府工作报告\n各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。",
    },
  ],
  invalid: [
    {
      name: "heading followed directly by the next heading",
      text: report().replace("对标“四个机关”定位要求，组织履职培训2期。\n", ""),
      errors: [{ message: "标题“全面加强自身建设”下没有内容", line: 13, column: 3 }],
    },
  ],
});

ruleTester(sectionDuplicate, {
  valid: [{ name: "distinct chapters", text: report() }],
  invalid: [
    {
      name: "two chapters on 代表工作",
      text: report().replace(
        "四、全面加强自身建设",
        "四、密切联系代表，支持代表履职\n代表活动12次。\n五、全面加强自身建设",
      ),
      errors: [
        {
          message:
            "章节“密切联系代表，支持代表履职”与前面的“支持和保障代表依法履职”同为“代表工作”，内容可能重复，请考虑合并",
        },
      ],
    },
    {
      name: "the same heading twice in a part",
      text: "一、坚持党的全面领导\n（一）把牢政治方向\n请示报告。\n（二）把牢政治方向\n请示报告。",
      errors: [{ message: "标题“把牢政治方向”与第2行的标题相同", line: 4 }],
    },
  ],
});
