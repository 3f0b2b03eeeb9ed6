/**
 * Must-fire and must-not-fire texts for every rule written as code (pack entries carry their own specs). The
 * rules reference (docs/rules.md) shows them and test/core/rules/code-rules.test.ts runs them, so the examples a
 * reader sees are examples that pass.
 */
export interface CodeRuleExamples {
  fire: { text: string; output?: string }[];
  pass: string[];
}

export const CODE_RULE_EXAMPLES: Record<string, CodeRuleExamples> = {
  "typography/halfwidth-punctuation": {
    fire: [
      {
        text: "区人大常委会工作的总体要求是:坚持党的领导。",
        output: "区人大常委会工作的总体要求是：坚持党的领导。",
      },
      { text: "全市26个代表联络站(点)提档升级。", output: "全市26个代表联络站（点）提档升级。" },
      { text: "开展调研,提出建议;督促整改!", output: "开展调研，提出建议；督促整改！" },
    ],
    pass: [
      "收入1,000元。",
      "会议于10:30开始。",
      "（1）开展执法检查。",
      "访问 https://www.npc.gov.cn 查询。",
      "详见[规则一览](docs/rules.md)。",
      "运行`renda lint --fix 草稿.txt`即可。",
      // "?" where a character was lost in conversion: reported without a fix (see the test below)
    ],
  },
  "typography/ascii-quotes": {
    fire: [{ text: '坚持"第一议题"制度。', output: "坚持“第一议题”制度。" }],
    pass: ["坚持“第一议题”制度。", 'The "ABC" standard.'],
  },
  "typography/time-range": {
    fire: [
      { text: "编制2021-2025年规划。", output: "编制2021—2025年规划。" },
      { text: "（2021年-2025年）", output: "（2021—2025年）" },
      { text: "1-3月开展视察。", output: "1—3月开展视察。" },
    ],
    pass: ["编制2021—2025年规划。", "于2011-02-15印发。", "2021年至2025年。"],
  },
  "typography/interpunct": {
    fire: [
      { text: "纪念“六·五”环境日。", output: "纪念“六五”环境日。" },
      { text: "开展“3.15”宣传。", output: "开展“3·15”宣传。" },
    ],
    pass: ["纪念“一二·九”运动。", "纪念六五环境日。", "推进“代表三进·共同缔造”活动。", "开展“12·4”宣传。"],
  },
  "typography/cjk-space": {
    fire: [
      { text: "《湖北省实施办法 》贯彻实施情况。", output: "《湖北省实施办法》贯彻实施情况。" },
      { text: "加强代表 工作。", output: "加强代表工作。" },
      { text: "打响“好客山东”品牌，加强代表 工作。", output: "打响“好客山东”品牌，加强代表工作。" },
      { text: "他说：“加强代表 工作，做好监督。”", output: "他说：“加强代表工作，做好监督。”" },
    ],
    pass: [
      "　　加强代表工作。",
      "《聚焦群众身边事 聚合代表大智慧》获奖。",
      "发稿90余篇 (2023)。",
      "青禾县人民代表大会常务委员会工作报告\n——2026年1月8日在青禾县第十八届人民代表大会第六次会议上\n青禾县人大常委会主任　林春华\n各位代表：",
      "第一部分　过去一年的主要工作\n召开会议8次。",
      // slogans of two clauses, bylines, photo captions and headlines use a space as a separator
      "打响“好客山东 好品山东”品牌。",
      "省长作政府工作报告。本报记者 朱江 摄\n各位代表：",
      "上海市市长　龚　正\n各位代表：\n现在，我代表市人民政府作报告。",
      "解读政府工作报告：在服务大局中担难担重前行 在识变应变中向新向优发展\n各位代表：",
    ],
  },
  "typography/invisible-chars": {
    fire: [
      { text: "支持“一府\u200b两院”依法履职。", output: "支持“一府两院”依法履职。" },
      { text: "各位代表：\u200d\n现在作报告。", output: "各位代表：\n现在作报告。" },
      { text: "审议\u202e报告\u202c。", output: "审议报告。" },
    ],
    pass: ["支持“一府两院”依法履职。", "\ufeff各位代表：", "呼和浩特市人大常委会"],
  },
  "number/mixed-numerals": {
    fire: [
      { text: "确定5个专题，组织五个专班开展调研。", output: "确定5个专题，组织5个专班开展调研。" },
      { text: "“六横”建成，确定5个专题，组织六个专班。", output: "“六横”建成，确定5个专题，组织6个专班。" },
    ],
    pass: [
      "确定5个专题，组织5个专班开展调研。",
      "召开会议3次，增强“四个意识”。",
      "收集意见建议163条，落实中央八项规定。",
      "确定5个专题，开展三四个月调研。",
      "地区生产总值连跨两个万亿元台阶，高于全国0.3个百分点。",
      "聚焦解决“谁来投、怎么投、如何管”四个问题，发布3个清单。",
      "“六横”指六个横向输水大动脉，包括西线6个工程。",
      "打造14个集聚区，实施五个新城专项规划。深化五个新城建设。",
    ],
  },
  "number/chinese-year-zero": {
    fire: [{ text: "二零二四年二月。", output: "二〇二四年二月。" }],
    pass: ["二〇二四年二月。", "2024年2月。"],
  },
  "number/range-units": {
    fire: [
      { text: "增长15～30%。", output: "增长15%～30%。" },
      { text: "投资9-16亿元。", output: "投资9亿～16亿元。" },
    ],
    pass: ["增长15%～30%。", "投资9亿～16亿元。", "2021-2025年。"],
  },
  "number/approx-redundant": {
    fire: [
      { text: "参加约300人左右。", output: "参加约300人。" },
      { text: "收到约300余条。", output: "收到300余条。" },
    ],
    pass: ["参加约300人。", "收到300余条。", "参加300人左右。"],
  },
  "number/meeting-numerals": {
    fire: [{ text: "市人大常委会第17次会议审议。", output: "市人大常委会第十七次会议审议。" }],
    pass: ["市人大常委会第十七次会议审议。", "召开会议17次。"],
  },
  "consistency/percentage": {
    fire: [{ text: "代表建议120件，已办结108件，占85%。" }],
    pass: [
      "提出的60件议案和建议已全部办结，得到解决或计划逐步解决的有53件，占议案和建议总数的88.3%。",
      "代表建议120件，已办结108件，占90%。",
      "代表建议3件，解决2件，占66.7%。",
      "代表建议3件，解决2件，占67%。",
      "收到100多件建议，办结80件，占80%。",
      "新增9家国家卓越级智能工厂、38家国家级5G工厂，规上高技术制造业对工业增长贡献率达36.5%。",
      "新增普惠县26个、优质均衡县23个，普通高中学位供给率70.4%。",
      "建成8个国家级区域医疗中心，新建13个省级区域医疗中心，住院报销比例达70%。",
      "抽检超1.5万批次，其中零售环节抽检超9000批次，农村地区抽检超1500批次，抽检覆盖率达到100%。",
      // the rate's part is the clause's own subject, not a count of the sentence
      "新建图书馆12个、文化站340个，本地茶叶出口占全省同类产品出口额的87.2%。",
      // the count before 占 is the largest: its whole lies outside the sentence
      "三年共清理文件215件，累计废止和修改的文件总数达到1460件，占现行文件的41.7%。",
    ],
  },
  "consistency/repeated-statistic": {
    fire: [{ text: "全年共任免地方国家机关工作人员15人次。\n依法任免地方国家机关工作人员17人次。" }],
    pass: [
      "全年共任免地方国家机关工作人员15人次。\n任免地方国家机关工作人员15人次。",
      "开展集中学习、交流研讨21次。\n召开中心组集中学习12次、交流研讨6次。",
      // last year's count in the review, next year's plan in the tasks part
      "2025年主要工作回顾\n一、依法开展监督\n开展执法检查4次。\n2026年主要任务\n一、增强监督实效\n开展执法检查3次。",
      // the five-year review and last year's review count apart
      "五年来主要做了以下工作。\n实施“三化”改造项目1424个。\n刚刚过去的2025年，实施“三化”改造项目304个。",
      "工业增加值增长7.6%，高于全国1.7个百分点；服务业增加值增长6.1%，高于全国0.7个百分点。",
    ],
  },
  "consistency/tasks-year": {
    fire: [
      {
        text: "2023年主要工作回顾\n一、加强监督\n听取报告3项。\n2025年主要任务\n一、加强监督\n听取报告。",
        output: "2023年主要工作回顾\n一、加强监督\n听取报告3项。\n2024年主要任务\n一、加强监督\n听取报告。",
      },
    ],
    pass: ["2023年主要工作回顾\n一、加强监督\n听取报告3项。\n2024年主要任务\n一、加强监督\n听取报告。"],
  },
  "consistency/anniversary": {
    fire: [
      {
        text: "2024年，是中华人民共和国成立70周年。",
        output: "2024年，是中华人民共和国成立75周年。",
      },
      { text: "2024年主要工作回顾\n一、加强监督\n纪念人民代表大会制度建立65周年。" },
      {
        text: "2024年工作回顾\n过去一年，经济运行稳中有进。\n2025年主要任务\n各位代表！\n让我们以优异成绩迎接中华人民共和国成立75周年。",
        output:
          "2024年工作回顾\n过去一年，经济运行稳中有进。\n2025年主要任务\n各位代表！\n让我们以优异成绩迎接中华人民共和国成立76周年。",
      },
    ],
    pass: [
      "2024年，是中华人民共和国成立75周年，是人民代表大会制度建立70周年。",
      "2019年，我们隆重庆祝新中国成立70周年。",
      "庆祝中国共产党成立100周年。",
      // a salutation opens a new passage: the 过去一年 above it does not date the closing call
      "2024年工作回顾\n过去一年，经济运行稳中有进。\n2025年主要任务\n过去一年，城乡建设扎实推进。\n各位代表！\n让我们以优异成绩迎接中华人民共和国成立76周年。",
      "2024年工作回顾\n过去一年，经济运行稳中有进。\n2025年主要任务\n过去一年，城乡建设扎实推进。\n各位代表！让我们以优异成绩迎接中华人民共和国成立76周年。",
    ],
  },
  "consistency/latest-plenum": {
    fire: [
      {
        text: "2025年工作要点\n（2025年2月20日区人大常委会第二十五次会议通过）\n全面贯彻落实党的二十大和二十届二中全会精神。",
      },
    ],
    pass: [
      "（2024年2月28日区人大常委会第二十次会议通过）\n全面贯彻落实党的二十大和二十届二中全会精神。",
      "2020年的主要工作\n一、加强监督\n开展十九届四中、五中全会精神等专题学习。\n2021年主要任务\n一、加强监督\n开展监督。",
      "（2025年2月20日区人大常委会第二十五次会议通过）\n全面贯彻党的二十大和二十届历次全会精神。",
    ],
  },
  "formulation/near-miss": {
    fire: [
      { text: "坚持有件必备、有备必审、有错必究。", output: "坚持有件必备、有备必审、有错必纠。" },
      { text: "发展全过程人民主。", output: "发展全过程人民民主。" },
      {
        text: "紧密团结在以习近平同志为核新的党中央周围。",
        output: "紧密团结在以习近平同志为核心的党中央周围。",
      },
      { text: "培育和践行社会主义核心价直观。", output: "培育和践行社会主义核心价值观。" },
    ],
    pass: [
      "坚持有件必备、有备必审、有错必纠。",
      "发展全过程人民民主。",
      "努力让每个孩子都享有更加公平、更有质量的教育。",
      "人民代表大会制定地方性法规。",
      "对违法行为有错必究。",
      "深入推进人民代表大会制度理论和实践创新。",
      // two characters short of a formulation is another real term
      "同科学社会主义价值观主张具有高度契合性。",
      "中国社会主义现代化建设道路是一条和平发展的道路。",
    ],
  },
};
