import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../../core/src/cli/load.ts";
import { planItems, reportPassages, termsOf } from "../../../core/src/compare/index.ts";
import { detectOutline } from "../../../core/src/outline/detect.ts";
import { fromPlainText, type TextDocument } from "../../../core/src/text/model.ts";
import { FIXTURES } from "../../helpers/paths.ts";

function itemsOf(doc: TextDocument) {
  return planItems(doc, detectOutline(doc), { start: 0, end: doc.text.length });
}

function fixture(name: string): TextDocument {
  const path = resolve(FIXTURES, "compare", name);
  return loadDocument(readFileSync(path), path, () => ({ blocks: [] })).doc;
}

describe("a 工作要点 split into items", () => {
  it("numbers 1.–24. continuously across chapters, each numbered line its own item, under its chapter", () => {
    const items = itemsOf(fixture("qingxi-plan-2025.txt"));
    expect(items).toHaveLength(24);
    expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    // “5.听取审议……的报告。” lines read as a list by the outline are items here.
    expect(items[4]!.text).toBe("听取审议县政府关于义务教育优质均衡发展情况的报告。");
    expect(items[4]!.section).toBe("依法履行法定职责");
    expect(items[15]!.section).toBe("支持和保障代表依法履职");
    // The framing paragraph before the first chapter (总体要求) is no item.
    expect(items.some((i) => i.text.includes("总体要求"))).toBe(false);
  });

  it("takes （一） headings with no paragraphs under them as items, and numbers restarting per chapter", () => {
    const items = itemsOf(fixture("qingshan-plan-2024.md"));
    expect(items).toHaveLength(11);
    expect(items[0]!.text).toBe("听取和审议区人民政府关于老旧小区改造工作情况的报告");
    expect(items[6]!.text).toBe("深化“家站点”建设。推动各街道人大工委代表之家规范运行。");
    expect(items[6]!.section).toBe("加强代表工作");
  });

  it("keeps a run-in item with the paragraph it leads, and the offsets point at the item's words", () => {
    const doc = fromPlainText(
      [
        "某县人大常委会2025年工作要点",
        "一、加强监督工作",
        "聚焦生态环境保护。听取审议县政府关于大气污染防治工作情况的报告。",
        "聚焦民生保障。开展养老服务体系建设专题调研，推动解决突出问题。",
      ].join("\n"),
    );
    const items = itemsOf(doc);
    expect(items.map((i) => i.text)).toEqual([
      "聚焦生态环境保护。听取审议县政府关于大气污染防治工作情况的报告。",
      "聚焦民生保障。开展养老服务体系建设专题调研，推动解决突出问题。",
    ]);
    for (const i of items) expect(doc.text.slice(i.start, i.end)).toBe(i.text);
  });
});

describe("a report's review split into sentences", () => {
  it("cuts at 。；！？ keeping closing quotes, with each sentence's chapter", () => {
    const doc = fixture("qingxi-report-2025.txt");
    const outline = detectOutline(doc);
    const passages = reportPassages(doc, outline, { start: 0, end: doc.text.indexOf("二、2026年主要任务") });
    const found = passages.find((p) => p.text.startsWith("听取和审议了义务教育"));
    expect(found?.section).toBe("围绕中心大局，增强监督实效");
    expect(found?.text).toBe("听取和审议了义务教育工作情况报告，推动城乡学校结对帮扶和教师交流轮岗。");
    for (const p of passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    // Nothing from the tasks part.
    expect(passages.some((p) => p.text.includes("“十五五”规划开局之年"))).toBe(false);
  });
});

describe("terms", () => {
  it("drop the words every item shares and keep the subject's bigrams", () => {
    const t = termsOf("听取审议县政府关于义务教育优质均衡发展情况的报告").terms;
    for (const generic of ["听取", "审议", "情况", "报告"]) expect(t.has(generic)).toBe(false);
    for (const subject of ["义务", "务教", "教育"]) expect(t.has(subject)).toBe(true);
  });

  it("read a law's full title and its short name alike, and weigh quoted names up", () => {
    const full = termsOf("对《中华人民共和国食品安全法》实施情况开展执法检查").terms;
    const short = termsOf("对食品安全法实施情况开展执法检查").terms;
    expect(full.has("中华")).toBe(false);
    expect(full.get("食品")).toBe(2);
    expect(short.get("食品")).toBe(1);
    expect([...short.keys()].every((k) => full.has(k))).toBe(true);
  });
});
