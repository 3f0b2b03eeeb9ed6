import type { SlotMap } from "../../../core/src/phrasing/slots.ts";

/** Hand-written slot data in the shape the phrasing module produces from a ledger. */
export const SLOTS: SlotMap = {
  overview: {
    kind: "paragraphs",
    paragraphs: [
      "一年来，共召开常委会会议7次、主任会议12次，听取和审议专项工作报告15个，依法任免国家机关工作人员38人次。",
    ],
  },
  suggestions: {
    kind: "paragraphs",
    paragraphs: ["县十八届人大五次会议期间代表提出的236件建议已全部办结，其中已解决168件。"],
  },
  "suggestions-table": {
    kind: "table",
    caption: "代表建议办理情况统计表",
    header: ["承办单位", "件数", "已解决", "正在解决"],
    rows: [
      ["县发展和改革局", "12", "8", "4"],
      ["县教育局", "9", "6", "3"],
    ],
    note: "注：数据截至2025年12月31日。",
  },
};

/** The same slots with next year's figures, as a second `renda fill` would bring. */
export const SLOTS_UPDATED: SlotMap = {
  ...SLOTS,
  overview: {
    kind: "paragraphs",
    paragraphs: ["一年来，共召开常委会会议9次、主任会议14次。", "依法任免国家机关工作人员41人次。"],
  },
  "suggestions-table": {
    kind: "table",
    caption: "代表建议办理情况统计表",
    header: ["承办单位", "件数"],
    rows: [["县教育局", "10"]],
  },
};
