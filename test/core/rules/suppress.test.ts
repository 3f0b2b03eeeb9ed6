import { describe, expect, it } from "vitest";
import { lint } from "../../../core/src/lint.ts";

const ids = (text: string) => lint(text).diagnostics.map((d) => d.ruleId);

describe("inline suppression", () => {
  it("renda-disable-next-paragraph silences the next non-blank paragraph only", () => {
    const text = "renda-disable-next-paragraph\n\n企业家及其它各界代表。\n企业家及其它各界代表。";
    const found = lint(text).diagnostics.filter((d) => d.ruleId === "confusable/qita");
    expect(found.map((d) => d.line)).toEqual([4]);
  });

  it("names rules or groups; others still fire", () => {
    const text = "<!-- renda-disable-next-paragraph confusable/qita, typography -->\n其它代表,布署工作。";
    const found = ids(text);
    expect(found).not.toContain("confusable/qita");
    expect(found).not.toContain("typography/halfwidth-punctuation");
    expect(found).toContain("confusable/bushu");
  });

  it("renda-disable … renda-enable covers a region", () => {
    const text = "renda-disable confusable\n其它代表。\n布署工作。\nrenda-enable\n其它代表。";
    const found = lint(text).diagnostics.filter((d) => d.ruleId.startsWith("confusable/"));
    expect(found.map((d) => d.line)).toEqual([5]);
  });

  it("silences the places in the silenced paragraph and keeps those outside it", () => {
    const text =
      "renda-disable-next-paragraph typography/halfwidth-punctuation\n甲,乙,丙,丁。\n戊,己,庚,辛。";
    const d = lint(text).diagnostics.filter((x) => x.ruleId === "typography/halfwidth-punctuation");
    expect(d).toHaveLength(3);
    expect(d.every((x) => x.start > text.indexOf("戊"))).toBe(true);
  });

  it("can be turned off", () => {
    const text = "renda-disable-next-paragraph\n其它代表。";
    expect(lint(text, { suppress: false }).diagnostics.map((d) => d.ruleId)).toContain("confusable/qita");
  });

  it("a marker paragraph does not change the structure found in a report", () => {
    const text = [
      "2023年主要工作回顾",
      "坚持法治思维，创新提质增效",
      "<!-- renda-disable-next-paragraph formulation/chushen-tongguo -->",
      "《许昌市钧瓷文化保护和发展条例》已经许昌市八届人大常委会第十次会议初审通过。",
      "2024年主要任务",
      "尊崇宪法法律，筑牢法治之基。坚持“有件必备、有备必审、有错必纠”。",
    ].join("\n");
    const withMarker = lint(text);
    const without = lint(text.replace(/<!--.*-->\n/, ""));
    expect(withMarker.sections.found).toEqual(without.sections.found);
    expect(withMarker.diagnostics.map((d) => d.ruleId)).not.toContain("formulation/chushen-tongguo");
    expect(without.diagnostics.map((d) => d.ruleId)).toContain("formulation/chushen-tongguo");
  });
});
