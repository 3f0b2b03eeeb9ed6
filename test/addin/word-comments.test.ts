// @vitest-environment jsdom
/// <reference lib="dom" />
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { commentsFor } from "../../addin/src/logic/comments.ts";
import { word } from "../../addin/src/office/word.ts";
import { App } from "../../addin/src/ui/App.ts";
import { h } from "../../addin/src/ui/h.ts";
import { lint } from "../../core/src/lint.ts";
import { reviewCommentText } from "../../core/src/review-comment.ts";
import { fakeSettings, fakeWord, installDomGaps, SAMPLE_REPORT } from "./fakes.ts";
import { wordStandin } from "./standin/install.ts";
import { documentText, newWordModel } from "./standin/word.ts";

installDomGaps();
afterEach(cleanup);

const DRAFT = [
  "某县人民代表大会常务委员会工作报告",
  "一、2025年主要工作回顾",
  "常委会听取一府两院工作报告,审议了计划。",
  "1、加强监督工作。听取一府两院报告。",
];
const standin = wordStandin(() => newWordModel([...DRAFT], { WordApi: "1.4" }));

describe("写入批注: the findings as Word comments", () => {
  it("puts each finding on its text, worded as in the review copy, in one batch of writes", async () => {
    const result = lint({ blocks: DRAFT.map((text) => ({ text })) });
    const comments = commentsFor(result);
    expect(comments).toHaveLength(result.diagnostics.length);
    const r = await word.insertComments(comments);
    expect(r).toEqual({ inserted: comments.length, skipped: [] });
    const { model, host } = standin.current();
    // Reads, searches, then every comment: three syncs whatever the number of findings.
    expect(host.counter.syncs).toBe(3);
    expect(documentText(model)).toBe(DRAFT.join("\n"));
    expect(model.comments.map((c) => c.text)).toEqual(
      result.diagnostics.map((d) => reviewCommentText(d, result.doc.text)),
    );
    // The second "一府两院" of paragraph 3 is the second finding there, not the first occurrence again.
    const yifu = model.comments.filter((c) => c.anchor === "一府两院");
    expect(yifu.map((c) => [c.paragraph, c.start])).toEqual([
      [2, 5],
      [3, 11],
    ]);
    // A missing section: on the heading of the part it is missing from.
    const missing = model.comments.find((c) => c.text.includes("（回顾部分）"))!;
    expect([missing.paragraph, missing.anchor]).toEqual([1, "2025年主要工作回顾"]);
    expect(model.comments.find((c) => c.text.includes("“1、”改为“1.”"))!.anchor).toBe("1、");
  });

  it("skips a paragraph changed since the check, and says why", async () => {
    const result = lint({ blocks: DRAFT.map((text) => ({ text })) });
    standin.current().model.blocks[2] = { para: { text: "已改写。", style: "正文", outlineLevel: 10 } };
    const r = await word.insertComments(commentsFor(result));
    expect(r.skipped.length).toBeGreaterThan(0);
    expect(new Set(r.skipped.map((s) => s.reason))).toEqual(new Set(["该段在检查后已改动，请重新检查"]));
    expect(standin.current().model.comments.some((c) => c.paragraph === 2)).toBe(false);
  });

  it("names the missing requirement set in Chinese when Word lacks WordApi 1.4", async () => {
    standin.install(newWordModel([...DRAFT], { WordApi: "1.3" }));
    const result = lint({ blocks: DRAFT.map((text) => ({ text })) });
    await expect(word.insertComments(commentsFor(result))).rejects.toThrow(
      /^写入批注失败：当前 Office 不支持 WordApi 1.4，此功能不可用/,
    );
    expect(standin.current().model.comments).toEqual([]);
  });
});

describe("Word pane: 写入批注 button", () => {
  it("writes the listed findings as comments and says how many", async () => {
    const fake = fakeWord([...SAMPLE_REPORT]);
    render(
      h(App, {
        host: "word",
        word: fake.port,
        settings: fakeSettings().port,
        services: { buildSlots: () => ({}), download: () => {} },
        features: [],
        defaultYear: 2025,
      } as never),
    );
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    // The button shows once the whole check has run: on a loaded machine that takes more than the default 1 s.
    fireEvent.click(await screen.findByRole("button", { name: "写入批注" }, { timeout: 10_000 }));
    await waitFor(() => expect(fake.calls.comments.length).toBeGreaterThan(0));
    const result = lint({ blocks: SAMPLE_REPORT.map((text) => ({ text })) }, { year: 2025 });
    expect(fake.calls.comments.length).toBeLessThanOrEqual(result.diagnostics.length);
    await screen.findByText(new RegExp(`已写入批注${fake.calls.comments.length}条`));
  });
});
