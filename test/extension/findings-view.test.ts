import { lint } from "@renda/core";
import { describe, expect, it } from "vitest";
import { isPanelRequest } from "../../extension/src/lib/messages.ts";
import { sectionRows } from "../../extension/src/lib/panel-view.ts";
import { resultView } from "../../extension/src/lib/report.ts";

const TEXT = "开展调研,提出建议,督促整改,跟踪问效。企业家及其它各界代表。";

describe("side panel findings: safe fixes, suggestions one by one, same-kind groups", () => {
  const view = resultView(lint(TEXT));
  const marks = view.findings.filter((f) => f.ruleId === "typography/halfwidth-punctuation");
  const qita = view.findings.find((f) => f.ruleId === "confusable/qita")!;

  it("a safe fix keeps its 改为 button text; a rewording comes as a suggestion label only", () => {
    expect(marks.map((f) => [f.column, f.fixText, f.suggestions])).toEqual([
      [5, "，", []],
      [10, "，", []],
      [15, "，", []],
    ]);
    expect(qita.fixText).toBeNull();
    expect(qita.suggestions).toEqual(["改为“其他”"]);
  });

  it("groups a section's same-kind findings, each place still listed, where the first one was", () => {
    const rows = sectionRows(view.findings.filter((f) => f.ruleId !== "section/missing"));
    const group = rows.find((r) => "items" in r && r.ruleId === "typography/halfwidth-punctuation");
    expect(group && "items" in group ? group.items.map((f) => f.index) : null).toEqual(
      marks.map((f) => f.index),
    );
    expect(marks[0]!.kindLabel).toMatch(/半角标点/);
    // Two findings of a kind are listed one by one.
    expect(sectionRows(marks.slice(0, 2))).toEqual(marks.slice(0, 2));
  });

  it("accepts a suggestion choice and a fix-all of listed findings, and nothing malformed", () => {
    expect(isPanelRequest({ type: "renda/apply-fix", editorId: "e", index: 3, suggestion: 0 })).toBe(true);
    expect(isPanelRequest({ type: "renda/apply-fix", editorId: "e", index: 3, suggestion: "0" })).toBe(false);
    expect(isPanelRequest({ type: "renda/apply-fixes", editorId: "e", indices: [1, 2, 3] })).toBe(true);
    expect(isPanelRequest({ type: "renda/apply-fixes", editorId: "e", indices: [1, "x"] })).toBe(false);
    expect(isPanelRequest({ type: "renda/apply-fixes", editorId: "e" })).toBe(false);
  });
});
