import { describe, expect, it } from "vitest";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { pack, sampleReport } from "./build.ts";

describe("readDocx on a report typed in Word", async () => {
  const bytes = await pack(sampleReport());
  const { blocks } = readDocx(bytes, "报告.docx");
  const byText = (t: string) => blocks.find((b) => b.text === t);

  it("reads the paragraphs in order, table cells included", () => {
    expect(blocks.map((b) => b.text)).toEqual([
      "某县人民代表大会常务委员会工作报告",
      "——2025年1月8日在某县第十八届人民代表大会第五次会议上",
      "各位代表：",
      "我受县人民代表大会常务委员会委托，向大会报告工作，请予审议。",
      "2024年主要工作回顾",
      "一、坚持党的全面领导",
      "常委会坚持党的领导。",
      "（一）强化政治引领",
      "第一行",
      "第二行\t尾",
      "全部加粗的段落",
      "承办单位",
      "件数",
      "县政府办",
      "12",
      "表后正文。",
    ]);
  });

  it("gives heading hints from styles, basedOn chains and direct outline levels", () => {
    expect(byText("某县人民代表大会常务委员会工作报告")?.hint?.style).toBe("Title");
    expect(byText("2024年主要工作回顾")?.hint).toMatchObject({ style: "Heading 1", outlineLevel: 1 });
    // custom style → custom style → Heading 1
    expect(byText("一、坚持党的全面领导")?.hint).toMatchObject({ style: "报告章标题", outlineLevel: 1 });
    expect(byText("（一）强化政治引领")?.hint?.outlineLevel).toBe(2);
    expect(byText("各位代表：")?.hint?.outlineLevel).toBeUndefined();
  });

  it("keeps inserted text and drops deleted text of tracked changes", () => {
    expect(byText("常委会坚持党的领导。")).toBeDefined();
    expect(blocks.some((b) => b.text.includes("旧的说法"))).toBe(false);
  });

  it("marks bold paragraphs and table cells", () => {
    expect(byText("全部加粗的段落")?.hint?.bold).toBe(true);
    expect(byText("第一行")?.hint?.bold).toBeUndefined();
    expect(byText("县政府办")?.hint?.inTable).toBe(true);
    expect(byText("表后正文。")?.hint?.inTable).toBeUndefined();
  });

  it("builds the text the lint offsets refer to", () => {
    const doc = fromBlocks(blocks);
    expect(doc.text.startsWith("某县人民代表大会常务委员会工作报告\n——2025年")).toBe(true);
    expect(doc.text).toContain("第一行\n第二行\t尾");
  });
});
