import { describe, expect, it } from "vitest";
import { fixText } from "../../../core/src/autofix.ts";

describe("fixText (renda lint --fix)", () => {
  it("applies the safe fixes only and counts the suggestions it left for the user", () => {
    const r = fixText("企业家及其它各界代表,踊跃捐款,捐物,出力。\n组织前任法律知识考试。");
    expect(r.text).toBe("企业家及其它各界代表，踊跃捐款，捐物，出力。\n组织前任法律知识考试。");
    expect(r.changed).toBe(true);
    expect(r.applied.map((a) => a.ruleId)).toEqual(Array(3).fill("typography/halfwidth-punctuation"));
    expect(r.applied[0]).toEqual({
      ruleId: "typography/halfwidth-punctuation",
      line: 1,
      column: 11,
      before: ",",
      after: "，",
      pass: 1,
    });
    expect(r.remaining.filter((d) => d.fix)).toEqual([]);
    // 其它 and 前任法律知识 are rewordings: suggestions, left for the user.
    expect(r.suggestionsLeft).toBe(2);
  });

  it("applies the suggestions too when asked (--fix-suggestions), and says what it changed where", () => {
    const r = fixText("企业家及其它各界代表,踊跃捐款,捐物,出力。\n组织前任法律知识考试。", {
      suggestions: true,
    });
    expect(r.text).toBe("企业家及其他各界代表，踊跃捐款，捐物，出力。\n组织任前法律知识考试。");
    expect(r.applied).toContainEqual({
      ruleId: "confusable/qita",
      line: 1,
      column: 5,
      before: "其它",
      after: "其他",
      pass: 1,
    });
    expect(r.applied.filter((a) => a.ruleId === "typography/halfwidth-punctuation")).toHaveLength(3);
    expect(r.suggestionsLeft).toBe(0);
  });

  it("keeps CRLF line endings and a BOM", () => {
    const r = fixText("\uFEFF其它代表,委员。\r\n布署工作。\r\n");
    expect(r.text).toBe("\uFEFF其它代表，委员。\r\n布署工作。\r\n");
    expect(fixText("\uFEFF其它代表。\r\n布署工作。\r\n", { suggestions: true }).text).toBe(
      "\uFEFF其他代表。\r\n部署工作。\r\n",
    );
  });

  it("changes nothing in a clean text", () => {
    const r = fixText("企业家及其他各界代表踊跃捐款。");
    expect(r).toMatchObject({
      changed: false,
      applied: [],
      passes: 0,
      text: "企业家及其他各界代表踊跃捐款。",
    });
  });
});
