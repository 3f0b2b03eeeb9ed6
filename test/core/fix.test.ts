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

  it("takes only safe fixes; a suggestion is applied only when asked for", () => {
    const reworded = diag(0, 2, "其他", {
      fix: null,
      suggestions: [{ fix: { start: 0, end: 2, text: "其他" } }, { fix: { start: 0, end: 2, text: "别的" } }],
    });
    const diags = [reworded, diag(3, 4, "，"), diag(5, 6, "！")];
    expect(fixesOf(diags).map((f) => f.text)).toEqual(["，", "！"]);
    expect(applyFixes("其它甲,乙!", fixesOf(diags)).text).toBe("其它甲，乙！");
    // --fix-suggestions: each finding's first suggestion, never two of one finding.
    expect(applyFixes("其它甲,乙!", fixesOf(diags, { suggestions: true })).text).toBe("其他甲，乙！");
  });

  it("builds the output in one pass: the text copied is linear in its length, not one copy per fix", () => {
    // 20,000 fixes over a 40,000-character text: the old back-to-front splice copied the whole text per fix
    // (about 4 × 10^8 characters); one pass copies each character of the input at most once.
    const text = "甲,".repeat(20_000);
    const fixes = Array.from({ length: 20_000 }, (_, i) => ({
      start: 2 * i + 1,
      end: 2 * i + 2,
      text: "，",
    }));
    const slice = String.prototype.slice;
    let copied = 0;
    String.prototype.slice = function (this: string, ...args: [number?, number?]) {
      const out = slice.apply(this, args);
      copied += out.length;
      return out;
    };
    let r: ReturnType<typeof applyFixes>;
    try {
      r = applyFixes(text, fixes);
    } finally {
      String.prototype.slice = slice;
    }
    expect(r.text).toBe("甲，".repeat(20_000));
    expect(r.applied).toHaveLength(20_000);
    expect(copied).toBeLessThanOrEqual(text.length);
  });

  it("keeps the order of insertions at one place and of an insertion before a replacement", () => {
    const r = applyFixes("abc", [
      { start: 1, end: 1, text: "X" },
      { start: 1, end: 2, text: "B" },
      { start: 1, end: 1, text: "Y" },
    ]);
    expect(r.text).toBe("aYXBc");
  });
});
