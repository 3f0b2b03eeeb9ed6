import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renda } from "../helpers/cli.ts";
import { report } from "../helpers/drafts.ts";
import { FIXTURES } from "../helpers/paths.ts";

let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "renda-cli-"));
});

describe("renda lint --format json", () => {
  it("lists deputies under sections.missing for a draft without its 代表工作 section, exit 1", () => {
    const path = file("no-deputies.txt", report({ omit: ["deputies"] }));
    const r = renda(["lint", "--format", "json", path]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["files"]);
    const f = out.files[0];
    expect(Object.keys(f)).toEqual(["path", "kind", "year", "kindDetection", "sections", "diagnostics"]);
    expect([f.path, f.kind, f.year]).toEqual([path, "work-report", 2024]);
    expect(Object.keys(f.kindDetection)).toEqual(["confidence", "evidence", "forced"]);
    expect(f.kindDetection.evidence).toContain("标题含“常务委员会工作报告”");
    expect(f.sections.missing).toContain("deputies");
    const missing = f.diagnostics.find((d: { ruleId: string }) => d.ruleId === "section/missing");
    expect(Object.keys(missing)).toEqual([
      "ruleId",
      "severity",
      "message",
      "start",
      "end",
      "line",
      "column",
      "section",
      "expected",
      "fix",
      // Added with fix safety (issue 10): the existing fields are unchanged.
      "suggestions",
    ]);
    expect(missing).toMatchObject({
      severity: "error",
      line: 5,
      column: 1,
      expected: ["代表工作"],
      fix: null,
    });
  });

  it("gives offsets into the text as decoded, and fixes with start/end/text", () => {
    const text = "一、坚持党的全面领导\n1、把牢政治方向。严格执行请示报告制度。";
    const r = renda(["lint", "--format", "json", "--kind", "work-plan", file("marker.txt", text)]);
    const d = JSON.parse(r.stdout).files[0].diagnostics.find(
      (x: { ruleId: string }) => x.ruleId === "numbering/marker",
    );
    expect(text.slice(d.start, d.end)).toBe("1、");
    expect(d.fix).toEqual({ start: d.start, end: d.end, text: "1." });
  });

  it("lints several files at once, exit 0 when none has an error", () => {
    const a = resolve(FIXTURES, "drafts/report-full-numbered.txt");
    const b = resolve(FIXTURES, "drafts/plan-continuous.txt");
    const r = renda(["lint", "--format", "json", a, b]);
    const out = JSON.parse(r.stdout);
    expect(
      out.files.map((f: { kind: string; sections: { missing: string[] } }) => [f.kind, f.sections.missing]),
    ).toEqual([
      ["work-report", []],
      ["work-plan", []],
    ]);
    expect(
      out.files.flatMap((f: { diagnostics: { severity: string }[] }) =>
        f.diagnostics.filter((d) => d.severity === "error"),
      ),
    ).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("honours --kind and --year (also in Chinese)", () => {
    const path = file("kind.txt", "一、坚持党的全面领导\n严格执行请示报告制度。");
    const out = JSON.parse(
      renda(["lint", "--format", "json", "--kind", "工作要点", "--year", "2026", path]).stdout,
    );
    expect([out.files[0].kind, out.files[0].year]).toEqual(["work-plan", 2026]);
    // 2026 is an election year for county and township congresses: 换届选举 is expected.
    expect(out.files[0].sections.missing).toContain("election");
  });
});

describe("renda lint --format json: fix safety", () => {
  it("keeps `fix` for a safe change and lists a rewording under `suggestions`, one finding per place", () => {
    const text = "企业家及其它各界代表,踊跃捐款,捐物,出力。";
    const r = renda(["lint", "--format", "json", "--no-config", file("safety.txt", text)]);
    const ds = JSON.parse(r.stdout).files[0].diagnostics as {
      ruleId: string;
      start: number;
      fix: unknown;
      suggestions: unknown[];
    }[];
    const qita = ds.find((d) => d.ruleId === "confusable/qita")!;
    expect(qita.fix).toBeNull();
    expect(qita.suggestions).toEqual([{ fix: { start: 4, end: 6, text: "其他" } }]);
    const marks = ds.filter((d) => d.ruleId === "typography/halfwidth-punctuation");
    expect(marks.map((d) => [d.start, d.fix, d.suggestions])).toEqual([
      [10, { start: 10, end: 11, text: "，" }, []],
      [15, { start: 15, end: 16, text: "，" }, []],
      [18, { start: 18, end: 19, text: "，" }, []],
    ]);
  });
});

describe("renda lint: kinds beyond the two", () => {
  const GOV = [
    "2026年青禾省政府工作报告",
    "——2026年1月27日在青禾省第十四届人民代表大会第四次会议上",
    "青禾省人民政府省长 林远山",
    "各位代表：",
    "现在，我代表省人民政府，向大会报告工作，请予审议。",
    "一、2025年工作回顾",
    "过去一年，全省经济运行稳中有进。",
    "二、2026年重点工作",
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
  ].join("\n");

  it("says in the header which kind and why, and how to force another", () => {
    const r = renda(["lint", "--no-color", file("gov.txt", GOV)]);
    expect(r.stdout).toContain("（政府工作报告，2025年）");
    expect(r.stdout).toMatch(
      /类型：政府工作报告（自动识别，把握 \d+%；依据：标题含“政府工作报告”；开头语“我代表省人民政府，向大会报告工作”；报告人“青禾省人民政府省长 林远山”/,
    );
    expect(r.stdout).toContain("可用 --kind 指定（工作报告、工作要点、政府工作报告、其他）");
    expect(r.stdout).not.toContain("section/missing");
  });

  it("says when the kind is uncertain: structure findings are info only, and how to force the kind", () => {
    const r = renda([
      "lint",
      "--no-color",
      file("weak.txt", "一、主要工作\n做了很多工作。\n二、加强监督\n开展执法检查。\n"),
    ]);
    expect(r.stdout).toContain("类型把握不足，章节结构问题只作提示；可用 --kind 指定");
    expect(r.code).toBe(0);
  });

  it("--kind 其他 turns structure checks off and is marked forced in JSON", () => {
    const out = JSON.parse(
      renda(["lint", "--format", "json", "--kind", "其他", file("other.txt", "一、坚持党的领导\n")]).stdout,
    );
    const f = out.files[0];
    expect([f.kind, f.kindDetection.forced, f.sections]).toEqual(["other", true, { found: [], missing: [] }]);
    expect(f.diagnostics.filter((d: { ruleId: string }) => d.ruleId.startsWith("section/"))).toEqual([]);
    const bad = renda(["lint", "--kind", "讲话", file("k.txt", "x")]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringContaining("gov-report（政府工作报告）或 other（其他）"),
    ]);
  });
});

describe("renda lint stylish output", () => {
  it("groups same-kind findings of a section for display, listing every place with line:column", () => {
    const text = "一、坚持党的全面领导\n开展调研,提出建议,督促整改,跟踪问效。企业家及其它各界代表。";
    const r = renda(["lint", "--no-config", "--kind", "work-plan", file("grouped.txt", text)]);
    expect(r.stdout).toMatch(/2:5 +错误 +中文里用了半角标点.*×3（3处可安全修正）/);
    expect(r.stdout).toContain("2:5 “,” → “，”  2:10 “,” → “，”  2:15 “,” → “，”");
    expect(r.stdout).toMatch(/“其它” +建议：改为“其他”/);
    // The count is of findings, each place one: six missing sections, three marks, one wording.
    expect(r.stdout).toMatch(/共 10 个问题（错误 9，警告 1，提示 0）/);
  });

  it("is in Chinese, grouped by section, with line:column and the words in question", () => {
    const r = renda(["lint", resolve(FIXTURES, "drafts/report-parts-misordered.txt")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("（工作报告，2023年）");
    expect(r.stdout).toContain("缺少 1 个（任务部分 · 代表工作）");
    const lines = r.stdout.split("\n");
    const group = lines.findIndex((l) => l.trim() === "自身建设");
    expect(group).toBeGreaterThan(0);
    expect(lines[group + 1]).toMatch(
      /^\s+10:3\s+警告\s+章节“自身建设”位于“监督工作”“代表工作”之前.*section\/order$/,
    );
    expect(lines[group + 2]).toContain("“加强自身建设，提升履职能力”");
    expect(lines.at(-2)).toMatch(/^共 \d+ 个问题（错误 1，警告 \d+，提示 \d+），1 个文件$/);
  });
});

describe("renda lint when the text states no year", () => {
  const noYear = () =>
    file("no-year.txt", "各位代表：\n一、工作回顾\n过去一年，经济稳中有进，民生持续改善。");

  it("reports year null in JSON", () => {
    expect(JSON.parse(renda(["lint", "--format", "json", noYear()]).stdout).files[0].year).toBeNull();
  });

  it("says in stylish output that the year is unknown and how to give it", () => {
    expect(renda(["lint", noYear()]).stdout).toContain(
      "未能识别年份，过时表述按年份判断的检查未运行；可用 --year 指定",
    );
  });

  it("says nothing of it once --year gives the year", () => {
    const given = renda(["lint", "--year", "2025", noYear()]).stdout;
    expect(given).toContain("2025年）");
    expect(given).not.toContain("未能识别年份");
  });
});

describe("renda lint --format sarif", () => {
  it("writes SARIF 2.1.0 with rule ids, regions and fixes", () => {
    const r = renda([
      "lint",
      "--format",
      "sarif",
      file("sarif.txt", "一、坚持党的全面领导\n1、把牢政治方向。严格执行请示报告制度。"),
    ]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain("numbering/marker");
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === "numbering/marker");
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 1 });
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe("1.");
  });
});

describe("bad input: a clear message naming the file, exit 2, never a stack trace", () => {
  const refused: [string, () => string, RegExp][] = [
    ["an empty file", () => file("empty.txt", ""), /empty\.txt：文件为空/],
    ["a file of only whitespace", () => file("blank.txt", "  \n\t\n   \n"), /blank\.txt：文件只有空白/],
    [
      "a binary file",
      () => file("image.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48])),
      /image\.txt：这是二进制文件/,
    ],
    [
      "a PDF renamed .txt",
      () => file("scan.txt", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2])),
      /scan\.txt：这是二进制文件（PDF 文件）/,
    ],
    ["a file that does not exist", () => join(dir, "nope.txt"), /nope\.txt：文件不存在/],
    ["a folder", () => dir, /这是文件夹/],
  ];
  for (const [what, make, message] of refused) {
    it(what, () => {
      const r = renda(["lint", make()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("reads a GBK text file and says how it was read", () => {
    // "一、坚持党的全面领导\n严格执行请示报告制度。" in GBK.
    const gbk = Buffer.from(
      "d2bba1a2bce1b3d6b5b3b5c4c8abc3e6c1ecb5bc0ad1cfb8f1d6b4d0d0c7ebcabeb1a8b8e6d6c6b6c8a1a3",
      "hex",
    );
    const r = renda(["lint", "--kind", "work-plan", file("gbk.txt", gbk)]);
    expect(r.stdout).toContain("按 GB18030 编码读取");
    expect(r.stdout).toContain("坚持党的全面领导");
    expect([0, 1]).toContain(r.code);
  });

  it("refuses unknown options and formats with the usage", () => {
    const bad = renda(["lint", "--format", "xml", "a.txt"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringContaining("--format 只能是 stylish、json 或 sarif"),
    ]);
    const unknown = renda(["lint", "--colour", "a.txt"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("用法：renda lint");
    const year = renda(["lint", "--year", "25", "a.txt"]);
    expect([year.code, year.stderr]).toEqual([2, expect.stringContaining("--year 应为四位年份")]);
    expect(renda(["lint"]).code).toBe(2);
    expect(renda(["frobnicate"]).stderr).toContain("未知命令“frobnicate”");
    // Five CLI starts in one test: on a loaded two-core machine each can take several seconds.
  }, 120_000);

  it("lints a 5 MB text without crashing", () => {
    const chapter = report();
    const big = Array.from(
      { length: Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(chapter)) },
      () => chapter,
    ).join("\n");
    const r = renda(["lint", "--format", "json", file("big.txt", big)]);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout);
    expect(out.files[0].kind).toBe("work-report");
    // Past --max-findings (1,000 by default) the findings are counted and stderr says so; nothing else.
    expect(out.files[0].diagnostics.length).toBeLessThanOrEqual(1000);
    expect(r.stderr.replace(/^.*只列出前 1000 处.*--max-findings 0.*\n/m, "")).toBe("");
  });
});
