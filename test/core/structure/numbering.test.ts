import { numberingLevelOrder } from "../../../core/src/rules/numbering/level-order.ts";
import { numberingMarker } from "../../../core/src/rules/numbering/marker.ts";
import { numberingSequence } from "../../../core/src/rules/numbering/sequence.ts";
import { ruleTester } from "../../helpers/rule-tester.ts";

const body = "听取和审议报告。";

ruleTester(numberingSequence, {
  valid: [
    {
      name: "一、二、三",
      text: `一、坚持党的领导\n${body}\n二、依法开展监督\n${body}\n三、加强自身建设\n${body}`,
    },
    {
      name: "items restart under each chapter",
      text: `一、坚持党的领导\n1.把牢政治方向。${body}\n2.强化政治担当。${body}\n二、依法开展监督\n1.聚焦财政监督。${body}\n2.聚焦民生监督。${body}`,
    },
    {
      name: "items numbered continuously across chapters (corpus 004 style)",
      text: `一、坚持党的领导\n1.把牢政治方向。${body}\n2.强化政治担当。${body}\n二、依法开展监督\n3.聚焦财政监督。${body}\n4.聚焦民生监督。${body}\n三、加强自身建设\n5.加强作风建设。${body}`,
    },
    {
      name: "review and tasks parts each restart at 一",
      text: `2024年主要工作回顾\n一、坚持党的领导\n${body}\n二、依法开展监督\n${body}\n2025年主要任务\n一、坚持党的领导\n${body}\n二、增强监督实效\n${body}`,
    },
    {
      name: "a chapter that carries a year keeps its number: 二、 after 一、2025年工作回顾 is no skip",
      text: `一、2025年工作回顾\n（一）稳住经济大盘。${body}\n（二）增进民生福祉。${body}\n二、2026年工作总体要求\n${body}\n三、2026年重点工作\n（一）扩大有效需求。${body}\n四、加强政府自身建设\n${body}`,
    },
    {
      name: "items whose titles start with a number keep their numbers (20.2026年…, 21.5+2…)",
      text: `一、名词解释\n1.“三农”：农业、农村、农民。${body}\n2.“两新”：设备更新和消费品以旧换新。${body}\n3.2027年10件实事：${body}\n4.3+1政策：${body}\n5.“双碳”：碳达峰、碳中和。${body}`,
    },
    {
      name: "a marker broken over two lines (（ then 二）…) still numbers its item",
      text: `一、主要成绩\n（一）经济稳中有进。${body}\n（\n二）改革持续深化。${body}\n（三）民生不断改善。${body}`,
    },
    {
      name: "a list of reports to be heard is not a run of headings",
      text: `一、依法开展监督\n全年计划听取和审议以下报告：\n1.县政府关于2025年计划执行情况的报告\n2.县政府关于2025年预算执行情况的报告\n4.县法院关于执行工作情况的报告\n二、加强自身建设\n${body}`,
    },
    {
      name: "items that run on in clauses (1.…；2.…；) are a list",
      text: `一、依法开展监督\n（一）聚焦财政经济监督。${body}\n1.听取和审议计划执行情况的报告；\n3.听取和审议预算执行情况的报告；\n（二）聚焦民生事业监督。${body}`,
    },
    {
      name: "an attachment restarts the numbering (GB/T 9704 §7.3.4)",
      text: `一、坚持党的领导\n${body}\n二、依法开展监督\n${body}\n附件1\n2026年十件民生实事\n一、提高低保标准\n${body}\n二、建设养老服务设施\n${body}`,
    },
    {
      name: "full-width digits count by value",
      text: `一、坚持党的领导\n１.把牢政治方向。${body}\n２.强化政治担当。${body}`,
    },
  ],
  invalid: [
    {
      name: "一、二、四",
      text: `一、坚持党的领导\n${body}\n二、依法开展监督\n${body}\n四、加强自身建设\n${body}`,
      errors: [{ message: "编号跳号：应为“三、”，实为“四、”", line: 5, column: 1, expected: ["三、"] }],
    },
    {
      name: "items 5. then 7.",
      text: `一、坚持党的领导\n1.把牢政治方向。${body}\n2.强化政治担当。${body}\n3.履行政治责任。${body}\n4.维护法治统一。${body}\n5.开展执法检查。${body}\n7.落实司法监督。${body}`,
      errors: [{ message: "编号跳号：应为“6.”，实为“7.”", line: 7 }],
    },
    {
      name: "a repeated number",
      text: `（一）把牢政治方向。${body}\n（二）强化政治担当。${body}\n（二）履行政治责任。${body}`,
      errors: [{ message: "编号“（二）”与上一项重复，应为“（三）”" }],
    },
    {
      name: "continuous numbering that skips across a chapter boundary",
      text: `一、坚持党的领导\n1.把牢政治方向。${body}\n2.强化政治担当。${body}\n二、依法开展监督\n3.聚焦财政监督。${body}\n4.聚焦民生监督。${body}\n三、加强自身建设\n6.加强作风建设。${body}`,
      errors: [{ message: "编号跳号：应为“5.”，实为“6.”（本部分采用跨章节连续编号）", line: 8 }],
    },
    {
      name: "items under a second tasks heading are checked too",
      text: `一、2013年工作回顾\n（一）稳住经济大盘。${body}\n二、2014年工作总体部署\n${body}\n三、2014年重点工作\n（一）扩大内需。${body}\n（三）深化改革。${body}`,
      errors: [{ message: "编号跳号：应为“（二）”，实为“（三）”", line: 7 }],
    },
    {
      name: "numbering going back",
      text: `一、坚持党的领导\n${body}\n二、依法开展监督\n${body}\n三、加强自身建设\n${body}\n二、做好代表工作\n${body}`,
      errors: [{ message: "编号倒退：应为“四、”，实为“二、”" }],
    },
  ],
});

ruleTester(numberingLevelOrder, {
  valid: [
    {
      name: "一、 then （一） then 1.",
      text: `一、坚持党的领导\n（一）把牢政治方向\n1.严格请示报告。${body}`,
    },
    { name: "skipping a level is allowed", text: `一、坚持党的领导\n1.把牢政治方向。${body}` },
    { name: "only second-level markers", text: `（一）把牢政治方向。${body}\n（二）强化政治担当。${body}` },
    {
      name: "（一） under a numbered review part, then 二、 chapters",
      text: `一、2025年工作回顾\n一年来，主要做了以下工作。\n（一）全力促进经济平稳健康发展\n${body}\n二、“十五五”时期主要目标任务\n${body}\n三、2026年主要任务\n（一）着力扩大内需。${body}`,
    },
  ],
  invalid: [
    {
      name: "（一） before any 一、",
      text: `（一）把牢政治方向。${body}\n一、依法开展监督\n${body}`,
      errors: [
        {
          message:
            "层级倒置：“（一）”级标题“（一）把牢政治方向”出现在任何“一、”级标题之前（结构层次依次为一、（一）1.（1））",
          line: 1,
        },
      ],
    },
    {
      name: "1. before any （一） and 一、",
      text: `1.把牢政治方向。${body}\n（一）依法开展监督\n${body}\n一、加强自身建设\n${body}`,
      errors: [{ message: /^层级倒置：“1\.”级标题/ }, { message: /^层级倒置：“（一）”级标题/ }],
    },
  ],
});

ruleTester(numberingMarker, {
  valid: [
    {
      name: "canonical markers",
      text: `一、坚持党的领导\n（一）把牢政治方向\n1.严格请示报告。${body}\n（1）重大事项。${body}`,
    },
    {
      name: "dates and decimals at a line start are not markers",
      text: "2024年，常委会共召开会议7次。\n1.5亿元用于民生实事。",
    },
  ],
  invalid: [
    {
      name: "1、 and full-width digits",
      text: `一、坚持党的领导\n1、把牢政治方向。${body}\n２、强化政治担当。${body}`,
      errors: [
        { message: "序号“1、”写法不规范，应为“1.”", expected: ["1."] },
        { message: "序号“２、”写法不规范，应为“2.”", expected: ["2."] },
      ],
      output: `一、坚持党的领导\n1.把牢政治方向。${body}\n2.强化政治担当。${body}`,
    },
    {
      name: "一. and （一）、 and ASCII parentheses",
      text: `一.坚持党的领导\n（一）、把牢政治方向\n${body}\n(二)强化政治担当\n${body}`,
      errors: [
        { message: "序号“一.”写法不规范，应为“一、”" },
        { message: "序号“（一）、”写法不规范，应为“（一）”" },
        { message: "序号“(二)”写法不规范，应为“（二）”" },
      ],
      output: `一、坚持党的领导\n（一）把牢政治方向\n${body}\n（二）强化政治担当\n${body}`,
    },
  ],
});
