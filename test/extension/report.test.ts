import { lint } from "@renda/core";
import { describe, expect, it } from "vitest";
import { kindEvidenceText } from "../../extension/src/lib/messages.ts";
import { CURRENT_VERSION, lintOptionsOf, migrate } from "../../extension/src/lib/options.ts";
import { resultView } from "../../extension/src/lib/report.ts";

const GOV = [
  "2026年青禾省政府工作报告",
  "——2026年1月27日在青禾省第十四届人民代表大会第四次会议上",
  "青禾省人民政府省长 林远山",
  "各位代表：",
  "现在，我代表省人民政府，向大会报告工作，请予审议。",
  "一、2025年工作回顾",
  "过去一年，全省经济运行稳中有进。",
  "二、2026年重点工作",
  "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
].join("\n");

describe("side panel: the kind and why", () => {
  it("a 政府工作报告 is named as such, with its evidence, and no 人大 section is missing", () => {
    const view = resultView(lint(GOV));
    expect([view.kind, view.kindName, view.structured, view.kindForced]).toEqual([
      "gov-report",
      "政府工作报告",
      true,
      false,
    ]);
    expect(view.missing).toEqual([]);
    expect(view.kindEvidence).toContain("标题含“政府工作报告”");
    expect(kindEvidenceText(view)).toMatch(
      /^识别依据：标题含“政府工作报告”；开头语“我代表省人民政府，向大会报告工作”.*（把握\d+%）。如识别有误，可在选项中设定文稿类型。$/,
    );
  });

  it("其他 set in the options: forced, no section schema, only the wording is checked", () => {
    const stored = migrate({ version: CURRENT_VERSION, kind: "other" });
    expect(stored.kind).toBe("other");
    const view = resultView(lint(GOV, lintOptionsOf(stored)));
    expect([view.kind, view.kindName, view.structured, view.kindForced]).toEqual([
      "other",
      "其他文稿",
      false,
      true,
    ]);
    expect(view.findings.filter((f) => f.ruleId.startsWith("section/"))).toEqual([]);
    expect(kindEvidenceText(view)).toBe("按选项中设定的文稿类型检查。此类文稿不检查章节结构，只检查表述。");
    expect(migrate({ version: CURRENT_VERSION, kind: "gov-report" }).kind).toBe("gov-report");
    expect(migrate({ version: CURRENT_VERSION, kind: "minutes" }).kind).toBe("auto");
  });
});
