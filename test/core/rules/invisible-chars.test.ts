import { describe, expect, it } from "vitest";
import { visible } from "../../../core/src/cli/terminal.ts";
import { applyFixes, fixesOf } from "../../../core/src/fix.ts";
import { lint } from "../../../core/src/lint.ts";
import { foldInvisible, originalRange } from "../../../core/src/rules/engine/invisible.ts";
import { invisibleChars } from "../../../core/src/rules/typography/invisible-chars.ts";
import { ruleTester } from "../../helpers/rule-tester.ts";

// A text pasted from a web page or a chat tool: invisible characters inside words (issue 14).
ruleTester(invisibleChars, {
  valid: [
    { text: "督促“一府两院”依法履职。" },
    { name: "a byte order mark opening a file is not text", text: "\ufeff各位代表：\n现在作报告。" },
    { name: "Mongolian and Uyghur place names in Chinese", text: "呼和浩特市、乌鲁木齐市人大常委会" },
    { name: "ordinary and full-width spaces", text: "　　加强代表工作。 " },
  ],
  invalid: [
    {
      name: "a zero-width space inside a term",
      text: "督促“一府\u200b两院”依法履职。",
      errors: [{ column: 6, severity: "warning", message: /零宽空格（U\+200B）/ }],
      output: "督促“一府两院”依法履职。",
    },
    {
      name: "a run of several is one finding with one fix",
      text: "听取\u200b\u200c\u2060审议。",
      errors: [
        {
          column: 3,
          message: /3个看不见的字符：零宽空格（U\+200B）、零宽不连字（U\+200C）、零宽不断行（U\+2060）/,
        },
      ],
      output: "听取审议。",
    },
    {
      name: "right-to-left override (Trojan Source) is a bidi control",
      text: "同意\u202e任免\u202c名单。",
      errors: [
        { column: 3, message: /双向文字控制符：从右至左强制（U\+202E）/ },
        { column: 6, message: /嵌入结束/ },
      ],
      output: "同意任免名单。",
    },
    {
      name: "isolates, marks and the Arabic letter mark",
      text: "审议\u2066报告\u2069，\u200e通过\u200f，\u061c表决。",
      errors: [{ column: 3 }, { column: 6 }, { column: 8 }, { column: 11 }, { column: 13 }],
      output: "审议报告，通过，表决。",
    },
    {
      name: "a zero-width no-break space inside the text and a soft hyphen",
      text: "各位代表：\n现在\ufeff作报告，re\u00adport。",
      errors: [
        { line: 2, column: 3, message: /零宽不断空格/ },
        { line: 2, column: 10, message: /软连字符（U\+00AD）/ },
      ],
      output: "各位代表：\n现在作报告，report。",
    },
  ],
});

describe("term matching ignores invisible characters", () => {
  it("finds 一府\\u200B两院 as 一府两院, its range covering the invisible character", () => {
    const text = "督促“一府\u200b两院”依法履职。";
    const d = lint(text, { year: 2024 }).diagnostics;
    const term = d.find((x) => x.ruleId === "term/yifu-liangyuan")!;
    expect(text.slice(term.start, term.end)).toBe("一府\u200b两院");
    expect(term.column).toBe(4);
    // The rewording replaces the whole original range, so the invisible character goes with it.
    expect(applyFixes(text, [term.suggestions![0]!.fix]).text).toBe("督促“一府一委两院”依法履职。");
    // The safe fix deletes the character; the term is still reported, now over clean text.
    const fixed = applyFixes(text, fixesOf(d)).text;
    expect(fixed).toBe("督促“一府两院”依法履职。");
    expect(lint(fixed, { year: 2024 }).diagnostics.map((x) => x.ruleId)).toContain("term/yifu-liangyuan");
  });

  it("bidi controls inside a term do not hide it either", () => {
    const text = "督促“一\u202d府\u202c两\u2067院\u2069”依法履职。";
    const term = lint(text, { year: 2024 }).diagnostics.find((x) => x.ruleId === "term/yifu-liangyuan")!;
    expect(text.slice(term.start, term.end)).toBe("一\u202d府\u202c两\u2067院");
    expect(term.message).toContain("“一府两院”已过时");
  });

  it("dated terms keep reading their part's year through the folded text", () => {
    const clean =
      "2024年工作回顾\n一、加强监督\n督促“一府两院”依法履职。\n2025年主要任务\n一、加强监督\n开展监督。";
    const hidden = clean.replace("一府两院", "一府\u200b两院").replace("2024年工作", "2024\u200b年工作");
    const ids = (t: string) =>
      lint(t)
        .diagnostics.filter((x) => x.ruleId.startsWith("term/"))
        .map((x) => [x.ruleId, x.line]);
    expect(ids(clean)).toEqual([["term/yifu-liangyuan", 3]]);
    expect(ids(hidden)).toEqual(ids(clean));
  });

  it("confusables, enumerations and near misses are found across invisible characters", () => {
    const text = "企业及其\u200b它各界代表。坚持有件必备、有备必审、有错\u200d必究。";
    const d = lint(text).diagnostics;
    const qita = d.find((x) => x.ruleId === "confusable/qita")!;
    expect(text.slice(qita.start, qita.end)).toBe("其\u200b它");
    const near = d.find((x) => x.ruleId === "formulation/near-miss")!;
    expect(text.slice(near.start, near.end)).toBe("有错\u200d必究");
    expect(near.suggestions![0]!.fix).toEqual({ start: near.start, end: near.end, text: "有错必纠" });
  });

  it("maps folded offsets back: a range covers the invisible characters inside it, none outside", () => {
    const f = foldInvisible("\u200b甲\u200b乙\u200b")!;
    expect(f.text).toBe("甲乙");
    expect(originalRange(f, 0, 2)).toEqual({ start: 1, end: 4 });
    expect(originalRange(f, 1, 2)).toEqual({ start: 3, end: 4 });
    expect(originalRange(f, 2, 2)).toEqual({ start: 5, end: 5 });
    expect(foldInvisible("甲乙")).toBeNull();
  });
});

describe("terminal output", () => {
  it("shows bidi controls from a document as U+FFFD, keeping columns, so a line cannot be reordered", () => {
    const line = "同意\u202e任免\u202c名单，一府\u200b两院";
    const shown = visible(line);
    expect(shown).toBe("同意\ufffd任免\ufffd名单，一府\u200b两院");
    expect(shown.length).toBe(line.length);
  });
});
