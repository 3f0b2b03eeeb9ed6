import { describe, expect, it } from "vitest";
import { applyFixes, type Diagnostic, fixesOf } from "../../core/src/index.ts";

const diag = (start: number, end: number, text: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  ruleId: "test/x",
  severity: "warning",
  message: "m",
  start,
  end,
  line: 1,
  column: start + 1,
  section: null,
  expected: [text],
  fix: { start, end, text },
  ...extra,
});

describe("applyFixes", () => {
  it("applies fixes back to front so earlier offsets stay valid", () => {
    const text = "一.坚持党的领导\n1、把牢政治方向";
    const r = applyFixes(text, [
      { start: 0, end: 2, text: "一、" },
      { start: 9, end: 11, text: "1." },
    ]);
    expect(r.text).toBe("一、坚持党的领导\n1.把牢政治方向");
    expect(r.applied).toHaveLength(2);
    expect(r.skipped).toEqual([]);
  });

  it("skips a fix that overlaps one already applied, keeping the later one", () => {
    const r = applyFixes("abcdef", [
      { start: 1, end: 4, text: "X" },
      { start: 3, end: 5, text: "Y" },
    ]);
    expect(r.text).toBe("abcYf");
    expect(r.skipped).toEqual([{ start: 1, end: 4, text: "X" }]);
  });

  it("refuses fixes outside the text instead of corrupting it", () => {
    const r = applyFixes("abc", [{ start: 2, end: 9, text: "Z" }]);
    expect(r.text).toBe("abc");
    expect(r.skipped).toHaveLength(1);
  });

  it("expands a grouped finding into the fixes of all its hits (fix-all)", () => {
    const grouped = diag(1, 2, "，", {
      related: [
        { start: 1, end: 2, fix: { start: 1, end: 2, text: "，" } },
        { start: 3, end: 4, fix: { start: 3, end: 4, text: "；" } },
      ],
    });
    const fixes = fixesOf([grouped, diag(5, 6, "！")]);
    expect(fixes.map((f) => f.text)).toEqual(["，", "；", "！"]);
    expect(applyFixes("甲,乙;丙!", fixes).text).toBe("甲，乙；丙！");
  });
});
