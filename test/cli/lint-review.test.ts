import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { fromBlocks } from "../../core/src/text/model.ts";
import { commentsOf } from "../core/docx/review-xml.ts";
import { renda } from "../helpers/cli.ts";
import { makeDocx } from "../helpers/make-docx.ts";

const DRAFT =
  "一、坚持党的全面领导\n1、把牢政治方向。严格执行请示报告制度,确保正确方向。\n听取一府两院工作报告。";
const FIXED =
  "一、坚持党的全面领导\n1.把牢政治方向。严格执行请示报告制度，确保正确方向。\n听取一府两院工作报告。";
const textOf = (bytes: Uint8Array) => fromBlocks(readDocx(bytes).blocks).text;

// Each case runs the real bin several times; on a loaded machine one run takes seconds.
describe("renda lint --review", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "renda-review-"));

  it("writes 草稿.审校.docx beside a .docx draft, with a comment per finding, and leaves the draft alone", async () => {
    const path = join(dir, "草稿.docx");
    const docx = await makeDocx(DRAFT.split("\n").map((text) => ({ text })));
    writeFileSync(path, docx);
    const r = renda(["lint", "--review", "--no-config", "--kind", "work-plan", "--format", "json", path]);
    expect(readFileSync(path)).toEqual(Buffer.from(docx));
    const out = join(dir, "草稿.审校.docx");
    const copy = new Uint8Array(readFileSync(out));
    const report = (JSON.parse(r.stdout) as { files: { diagnostics: unknown[] }[] }).files[0];
    const comments = commentsOf(copy);
    expect(comments).toHaveLength(report!.diagnostics.length);
    expect(comments.every((c) => c.author === "人大报告助手")).toBe(true);
    expect(r.stderr).toContain(`草稿.docx：已写入审校稿 ${out}：批注 ${comments.length} 条，修订 2 处`);
    // The tracked changes, accepted, are what --fix writes.
    const fixed = renda(["lint", "--fix", "--no-config", "--kind", "work-plan", path]);
    expect(fixed.code).not.toBe(2);
    expect(textOf(copy)).toBe(textOf(new Uint8Array(readFileSync(join(dir, "草稿.fixed.docx")))));
    expect(textOf(copy)).toBe(FIXED);

    // An existing review copy is replaced only with --force.
    const again = renda(["lint", "--review", "--no-config", path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(again.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readFileSync(out)).toEqual(Buffer.from(copy));
    expect(renda(["lint", "--review", "--no-config", "--force", path]).code).not.toBe(2);
  });

  it("turns a .txt draft into a commented .docx, to -o when asked", () => {
    const path = join(dir, "要点.txt");
    writeFileSync(path, DRAFT);
    const out = join(dir, "给起草人.docx");
    const r = renda(["lint", "--review", "--no-config", "--kind", "work-plan", "-o", out, path]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "要点.审校.docx"))).toBe(false);
    const copy = new Uint8Array(readFileSync(out));
    expect(commentsOf(copy).length).toBeGreaterThanOrEqual(3);
    expect(textOf(copy)).toBe(FIXED);
  });

  it("refuses unusable combinations with a Chinese message and exit code 2", () => {
    const path = join(dir, "b.txt");
    writeFileSync(path, DRAFT);
    const both = renda(["lint", "--review", "--fix", "--no-config", path]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining("--review 与 --fix 只能选一个")]);
    const txt = renda(["lint", "--review", "--no-config", "-o", join(dir, "b.txt"), path]);
    expect([txt.code, txt.stderr]).toEqual([2, expect.stringContaining("应以 .docx 结尾")]);
    const self = join(dir, "c.docx");
    writeFileSync(self, readFileSync(join(dir, "草稿.docx")));
    const over = renda(["lint", "--review", "--no-config", "--force", "-o", self, self]);
    expect(over.code).toBe(2);
    expect(readFileSync(self)).toEqual(readFileSync(join(dir, "草稿.docx")));
  });
});
