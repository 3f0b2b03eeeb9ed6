import { describe, expect, it } from "vitest";
import { occurrenceIndex, word } from "../../addin/src/office/word.ts";
import { wordStandin } from "./standin/install.ts";
import { documentText, flatParagraphs, newWordModel } from "./standin/word.ts";

const standin = wordStandin(() => newWordModel(["标题", "一、监督工作", "开展执法检查2次。"]));
const { install } = standin;
const g = globalThis as Record<string, unknown>;

describe("word adapter: readDocument", () => {
  it("reads every paragraph with its style and outline level, and the ignored findings, in one sync", async () => {
    flatParagraphs(standin.current().model)[1]!.style = "Heading 1";
    flatParagraphs(standin.current().model)[1]!.outlineLevel = 1;
    standin.current().model.settings["renda.ignoredFindings"] = ["a|b|c"];
    const snap = await word.readDocument();
    expect(snap.paragraphs).toEqual([
      { text: "标题", hint: { style: "正文" } },
      { text: "一、监督工作", hint: { style: "Heading 1", outlineLevel: 1 } },
      { text: "开展执法检查2次。", hint: { style: "正文" } },
    ]);
    expect(snap.ignored).toEqual(["a|b|c"]);
    expect(snap.tracking).toBe(false);
    expect(standin.current().host.counter.syncs).toBe(1);
    expect(standin.current().model.writes).toEqual([]);
  });

  it("reports track changes when the host has WordApi 1.4 and tracking is on", async () => {
    standin.current().model.changeTrackingMode = "TrackAll";
    expect((await word.readDocument()).tracking).toBe(true);
  });

  it("names the operation in Chinese when Office fails", async () => {
    g.Word = {
      run: async () => Promise.reject(Object.assign(new Error("denied"), { code: "AccessDenied" })),
    };
    await expect(word.readDocument()).rejects.toThrow(/^读取文稿失败：文档或该区域受保护.*AccessDenied/);
  });
});

describe("word adapter: select and applyEdits", () => {
  it("selects the exact occurrence of the flagged text", async () => {
    install(newWordModel(["的的确确的"]));
    await word.select({ paragraph: 0, paragraphText: "的的确确的", offset: 4, length: 1 });
    expect(standin.current().model.selection).toEqual({ paragraph: 0, start: 4, end: 5 });
    expect(standin.current().host.counter.syncs).toBe(3);
  });

  it("refuses to select in a paragraph changed since the check", async () => {
    await expect(
      word.select({ paragraph: 2, paragraphText: "旧文字", offset: 0, length: 1 }),
    ).rejects.toThrow(/定位原文失败：文稿在检查后已改动/);
  });

  it("replaces exactly the fixed ranges and nothing else", async () => {
    install(newWordModel(["第一段不动。", "开展执法检查2次、视察2次。", "A^B"]));
    const r = await word.applyEdits([
      { paragraph: 1, paragraphText: "开展执法检查2次、视察2次。", offset: 6, length: 1, text: "两" },
      { paragraph: 1, paragraphText: "开展执法检查2次、视察2次。", offset: 11, length: 1, text: "两" },
      { paragraph: 2, paragraphText: "A^B", offset: 1, length: 1, text: "-" },
    ]);
    expect(r).toEqual({ applied: 3, skipped: [] });
    expect(documentText(standin.current().model)).toBe("第一段不动。\n开展执法检查两次、视察两次。\nA-B");
    expect(standin.current().model.writes).toEqual([
      "replace ¶1 “2”→“两”",
      "replace ¶1 “2”→“两”",
      "replace ¶2 “^”→“-”",
    ]);
    expect(standin.current().host.counter.syncs).toBe(3);
  });

  it("makes an insertion (empty range) by widening to the previous character", async () => {
    install(newWordModel(["共召开会议8次"]));
    const r = await word.applyEdits([
      { paragraph: 0, paragraphText: "共召开会议8次", offset: 7, length: 0, text: "。" },
    ]);
    expect(r.applied).toBe(1);
    expect(documentText(standin.current().model)).toBe("共召开会议8次。");
  });

  it("skips an edit on a changed paragraph and an overlapping one, saying why", async () => {
    const r = await word.applyEdits([
      { paragraph: 2, paragraphText: "别的文字", offset: 0, length: 1, text: "x" },
      { paragraph: 1, paragraphText: "一、监督工作", offset: 2, length: 2, text: "监察" },
      { paragraph: 1, paragraphText: "一、监督工作", offset: 3, length: 2, text: "x" },
    ]);
    expect(r.applied).toBe(1);
    expect(r.skipped.map((s) => s.reason)).toEqual([
      "该段在检查后已改动，请重新检查",
      "与另一处修正重叠，重新检查后再应用",
    ]);
    expect(documentText(standin.current().model)).toBe("标题\n一、监察工作\n开展执法检查2次。");
  });

  it("counts Word's non-overlapping matches like Word does", () => {
    expect(occurrenceIndex("aaaa", "aa", 2)).toBe(1);
    expect(occurrenceIndex("aaaa", "aa", 1)).toBe(-1);
    expect(occurrenceIndex("xyx", "x", 2)).toBe(1);
  });
});

describe("word adapter: ignore list", () => {
  it("stores ignored findings in the document settings", async () => {
    await word.saveIgnored(["rule|sec|词"]);
    expect(standin.current().model.settings["renda.ignoredFindings"]).toEqual(["rule|sec|词"]);
    expect(standin.current().host.counter.syncs).toBe(0);
  });
});
