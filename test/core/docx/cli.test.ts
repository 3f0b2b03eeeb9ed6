import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDraft, runFill } from "../../../core/src/cli/docx-commands.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { SLOTS, SLOTS_UPDATED } from "./slots.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describe("renda draft and renda fill on files", () => {
  const dir = mkdtempSync(join(tmpdir(), "renda-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const slots = join(dir, "slots.json");
  const updated = join(dir, "updated.json");
  writeFileSync(slots, JSON.stringify(SLOTS));
  writeFileSync(updated, JSON.stringify(SLOTS_UPDATED));
  const draft = join(dir, "草稿.docx");
  const filled = join(dir, "已填写.docx");

  it("writes a draft, then refuses to overwrite it without --force", async () => {
    const c = capture();
    expect(
      await runDraft(["--kind", "work-report", "--year", "2025", "--slots", slots, "-o", draft], c.io),
    ).toBe(0);
    expect(c.out.join("")).toContain("已生成");
    expect(readDocx(readFileSync(draft)).controls.map((x) => x.tag)).toContain("renda:overview");
    const again = capture();
    expect(await runDraft(["--kind", "work-report", "--year", "2025", "-o", draft], again.io)).toBe(2);
    expect(again.err.join("")).toContain("已存在");
  });

  it("fills into a new file and leaves the input as it was", async () => {
    const before = readFileSync(draft);
    const c = capture();
    expect(await runFill([draft, "--slots", updated, "-o", filled], c.io)).toBe(0);
    expect(readFileSync(draft)).toEqual(before);
    expect(readDocx(readFileSync(filled)).blocks.map((b) => b.text)).toContain(
      "依法任免国家机关工作人员41人次。",
    );
    expect(c.out.join("")).toContain("填写 3 处");
  });

  it("will not write over the input unless --in-place is given", async () => {
    const c = capture();
    expect(await runFill([draft, "--slots", updated], c.io)).toBe(2);
    expect(await runFill([draft, "--slots", updated, "-o", draft], c.io)).toBe(2);
    expect(c.err.join("")).toContain("--in-place");
    const copy = join(dir, "副本.docx");
    writeFileSync(copy, readFileSync(draft));
    expect(await runFill([copy, "--slots", updated, "--in-place"], capture().io)).toBe(0);
    expect(readFileSync(copy)).toEqual(readFileSync(filled));
  });

  it("explains bad input with exit code 2", async () => {
    const txt = join(dir, "改名.docx");
    writeFileSync(txt, "各位代表：");
    const c = capture();
    expect(await runFill([txt, "--slots", slots, "-o", join(dir, "x.docx")], c.io)).toBe(2);
    expect(c.err.join("")).toContain("不是有效的 .docx");
    const badJson = join(dir, "bad.json");
    writeFileSync(badJson, '{"overview": {"kind": "list"}}');
    const d = capture();
    expect(
      await runDraft(
        ["--kind", "work-plan", "--year", "2025", "--slots", badJson, "-o", join(dir, "p.docx")],
        d.io,
      ),
    ).toBe(2);
    expect(d.err.join("")).toContain("插槽内容格式不对");
    const e = capture();
    expect(await runDraft(["--kind", "报告", "--year", "2025", "-o", join(dir, "q.docx")], e.io)).toBe(2);
  });
});
