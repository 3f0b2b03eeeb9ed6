import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes, fixesOf } from "../../../core/src/fix.ts";
import { lint } from "../../../core/src/lint.ts";
import { CORPUS } from "../../helpers/paths.ts";

// ../shared/corpus next to the checkout (path.resolve(REPO_ROOT, "../shared/corpus")), or /work/shared/corpus
// for a clone made elsewhere on this machine; RENDA_CORPUS overrides both.
const corpusDir = CORPUS;
const read = (name: string) => readFileSync(path.join(corpusDir, name), "utf8");

/** Structure findings are tested with the structure rules; here: everything a phrasing reviewer would say. */
const STRUCTURE = /^(?:section|numbering)\//;
/** The NFKC half-width marks (hundreds per text, one per place) have their own test below. */
const NFKC = "typography/halfwidth-punctuation";

function findings(name: string): string[] {
  const r = lint(read(name));
  return r.diagnostics
    .filter((d) => !STRUCTURE.test(d.ruleId) && d.ruleId !== NFKC)
    .map((d) => `${d.ruleId} ${d.line} ${r.doc.text.slice(d.start, d.end)}`);
}

/**
 * The expected findings are DOMAIN.md F, one by one: every line here is a real problem in the corpus text.
 * A new rule that adds a finding to these real, carefully written reports must justify it here.
 */
const EXPECTED: Record<string, string[]> = {
  "000_6bf9c3b57a5e077f.txt": [
    "confusable/qita 3 其它", // F 000 #1
    "number/mixed-numerals 4 五", // F 000 #2 (5个专题，组织五个专班)
    "formulation/wuran-fangzhi-gongjianzhan 5 生态环保攻坚战", // F 000 #6
    "formulation/guojia-xianfari-quote 7 国家“宪法日”", // F 000 #3
    "formulation/shangbannian-zhengfu-baogao 8 上半年政府工作报告", // F 000 #5
    "formulation/tingqu-shenyi-juesuan 8 听取和审议", // F 000 #4 (听取和审议…决算)
    "formulation/baxiang-guiding 18 八项规定及实施细则", // F 000 #8
    "confusable/jingjian 18 精减", // F 000 #7
    "formulation/baxiang-guiding 31 八项规定及实施细则", // F 000 #8 (second time)
  ],
  "001_754274ce12da7e36.txt": [
    "formulation/chushen-tongguo 15 初审通过", // F 001 #1
    "formulation/renda-zhuren-huiyi 28 人大主任会议", // F 001 #3
    "formulation/huiyi-mingcheng 28 次人大常委会会议", // F 001 #2 (第十七次人大常委会会议)
    "formulation/tigao-hua 32 提高", // F 001 #5 (提高代表活动常态化、规范化)
    "confusable/renci 34 余人", // F 001 #4 (3100余人)
  ],
  "004_8891c7e8e44110e1.txt": [
    "confusable/falv-jiancha 9 法律检查", // F 004 #7
    "typography/cjk-space 9  ", // F 004 #3 (办法 》)
    "typography/interpunct 14 六·五", // F 004 #2
    "formulation/daihui-dahui 15 次大会", // F 004 #1
    "formulation/zhuren-huiyi-yishi-guize 21 主任会议事规则", // F 004 #5
    "term/fazhihua 21 法制化", // F 004 #6
  ],
};

describe("phrasing findings on the corpus (DOMAIN.md F)", () => {
  it.each(Object.keys(EXPECTED))("%s: exactly the real problems", (name) => {
    expect(findings(name)).toEqual(EXPECTED[name]);
  });

  it.each(
    Object.keys(EXPECTED),
  )("%s: the NFKC half-width marks are one finding per place; safe fixes and suggestions clear them", (name) => {
    const r = lint(read(name));
    const marks = r.diagnostics.filter((d) => d.ruleId === NFKC);
    expect(marks.length).toBeGreaterThan(100);
    expect(new Set(marks.map((d) => d.start)).size).toBe(marks.length);
    for (const d of marks) expect(d.end - d.start).toBe(1);
    const safe = applyFixes(r.doc.text, fixesOf(marks)).text;
    // What the safe fix-all leaves are the marks with Chinese on one side only: each is still offered.
    const left = lint(safe).diagnostics.filter((d) => d.ruleId === NFKC);
    expect(left.length).toBeLessThan(marks.length);
    for (const d of left) expect(d.suggestions).toHaveLength(1);
    const all = applyFixes(r.doc.text, fixesOf(marks, { suggestions: true })).text;
    expect(lint(all).diagnostics.filter((d) => d.ruleId === NFKC)).toEqual([]);
  });

  it("does not touch what is right: 法制工作委员会-style names, 法制统一, 品味 as a verb, 其他", () => {
    const all = Object.keys(EXPECTED).flatMap(findings).join("\n");
    expect(all).not.toMatch(/法制统一|法工委|任前|明察暗访|台账/);
  });

  it("judges 000 (2020 review, 2021 tasks) by its own years, and a 2025 draft of the same text by 2025", () => {
    const text = read("000_6bf9c3b57a5e077f.txt");
    const ids = (t: string) => new Set(lint(t).diagnostics.map((d) => d.ruleId));
    const asWritten = ids(text);
    const as2025 = ids(
      text.replace("2020年的主要工作", "2024年的主要工作").replace("2021年主要任务", "2025年主要任务"),
    );
    for (const dated of [
      "term/xinguan-feiyan-yiqing",
      "term/saohei-zhuanxiang",
      "term/liangge-jiguan",
      "formulation/jiandu-yuanze",
      "term/buwang-chuxin-jiaoyu",
    ]) {
      expect(asWritten.has(dated), dated).toBe(false);
      expect(as2025.has(dated), dated).toBe(true);
    }
  });

  it("a fix-all pass over every finding leaves no fixable phrasing finding behind", () => {
    for (const name of Object.keys(EXPECTED)) {
      const first = lint(read(name));
      const fixed = applyFixes(first.doc.text, fixesOf(first.diagnostics, { suggestions: true })).text;
      const again = lint(fixed).diagnostics.filter(
        (d) => !STRUCTURE.test(d.ruleId) && (d.fix || d.suggestions),
      );
      expect(again.map((d) => d.ruleId)).toEqual([]);
    }
  });
});
