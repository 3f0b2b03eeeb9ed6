import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { renda } from "../helpers/cli.ts";
import { makeDocx } from "../helpers/make-docx.ts";

let dir: string;
const DRAFT = "一、坚持党的全面领导\n1、把牢政治方向。严格执行请示报告制度,确保正确方向。";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "renda-fix-"));
});

describe("renda lint --fix", () => {
  it("writes the fixed text to 原名.fixed.txt, says what it changed where, and leaves the draft alone", () => {
    const path = join(dir, "草稿.txt");
    writeFileSync(path, DRAFT);
    const r = renda(["lint", "--fix", "--no-config", "--kind", "work-plan", path]);
    expect(readFileSync(path, "utf8")).toBe(DRAFT);
    expect(readFileSync(join(dir, "草稿.fixed.txt"), "utf8")).toBe(
      "一、坚持党的全面领导\n1.把牢政治方向。严格执行请示报告制度，确保正确方向。",
    );
    expect(r.stderr).toContain("草稿.txt：已修正 2 处，写入");
    expect(r.stderr).toContain("第2行第1列：“1、”→“1.”");
    expect(r.stderr).toContain("第2行第20列：“,”→“，”");
    // The report that follows is about the fixed file: no fixable finding is left in it.
    expect(r.stdout).toContain("草稿.fixed.txt");
    expect(r.stdout).not.toContain("numbering/marker");
  });

  it("writes to -o, or over the input only with --in-place", () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, DRAFT);
    renda(["lint", "--fix", "--no-config", "-o", join(dir, "out.txt"), path]);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toContain("1.把牢政治方向");
    expect(readFileSync(path, "utf8")).toBe(DRAFT);
    renda(["lint", "--fix", "--no-config", "--in-place", path]);
    expect(readFileSync(path, "utf8")).toContain("1.把牢政治方向");
    expect(renda(["lint", "-o", "x.txt", path]).code).toBe(2);
  });

  it("says so when there is nothing to fix, and writes nothing", () => {
    const path = join(dir, "clean.txt");
    writeFileSync(path, "一、坚持党的全面领导\n严格执行请示报告制度。");
    const r = renda(["lint", "--fix", "--no-config", path]);
    expect(r.stderr).toContain("没有可自动修正的问题，未写入文件");
  });

  it("fixes a .docx inside its runs and writes a new .docx", async () => {
    const path = join(dir, "草稿.docx");
    writeFileSync(
      path,
      await makeDocx([
        { text: "一、坚持党的全面领导", heading: 1 },
        { text: "1、把牢政治方向。严格执行请示报告制度,确保正确方向。", bold: true },
      ]),
    );
    const r = renda(["lint", "--fix", "--no-config", "--kind", "work-plan", path]);
    expect(r.stderr).toContain("已修正 2 处");
    const fixed = readDocx(readFileSync(join(dir, "草稿.fixed.docx")));
    expect(fixed.blocks.map((b) => b.text)).toEqual([
      "一、坚持党的全面领导",
      "1.把牢政治方向。严格执行请示报告制度，确保正确方向。",
    ]);
    // formatting kept: the run is still bold
    expect(fixed.blocks[1]!.hint?.bold).toBe(true);
  });
});

describe("renda lint --fix: safe fixes only; suggestions one by one or with --fix-suggestions", () => {
  const WORDING = "一、坚持党的全面领导\n企业家及其它各界代表踊跃捐款,捐物。";

  it("--fix leaves the rewordings alone and says how many suggestions it left", () => {
    const path = join(dir, "草稿.txt");
    writeFileSync(path, WORDING);
    const r = renda(["lint", "--fix", "--no-config", path]);
    expect(readFileSync(join(dir, "草稿.fixed.txt"), "utf8")).toBe(
      "一、坚持党的全面领导\n企业家及其它各界代表踊跃捐款，捐物。",
    );
    expect(r.stderr).toContain("草稿.txt：已修正 1 处");
    expect(r.stderr).toContain("另有 1 条修改建议未应用");
    expect(r.stderr).toContain("--fix-suggestions");
  });

  it("--fix-suggestions applies each finding's first suggestion as well, and lists it", () => {
    const path = join(dir, "草稿.txt");
    writeFileSync(path, WORDING);
    const r = renda(["lint", "--fix-suggestions", "--no-config", "-o", join(dir, "out.txt"), path]);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe(
      "一、坚持党的全面领导\n企业家及其他各界代表踊跃捐款，捐物。",
    );
    expect(r.stderr).toContain("第2行第5列：“其它”→“其他”");
    expect(r.stderr).not.toContain("修改建议未应用");
  });

  it("is in the help", () => {
    expect(renda(["lint", "--help"]).stdout).toMatch(/--fix-suggestions\s+同 --fix，并一并应用/);
  });
});

describe("renda.config.json", () => {
  it("is found next to the draft and applied", () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, DRAFT);
    writeFileSync(join(dir, "renda.config.json"), '{ "rules": { "numbering/marker": "off" } }');
    const ids = JSON.parse(renda(["lint", "--format", "json", path]).stdout).files[0].diagnostics.map(
      (d: { ruleId: string }) => d.ruleId,
    );
    expect(ids).not.toContain("numbering/marker");
    const without = JSON.parse(renda(["lint", "--format", "json", "--no-config", path]).stdout).files[0]
      .diagnostics;
    expect(without.map((d: { ruleId: string }) => d.ruleId)).toContain("numbering/marker");
  });

  it("a broken config stops with its file, line and column, exit 2", () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, DRAFT);
    const config = join(dir, "my.json");
    writeFileSync(config, '{\n  "rules": {\n    "numbering/marker": "of"\n  }\n}');
    const r = renda(["lint", "--config", config, path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my\.json 第3行第\d+列：/);
  });
});
