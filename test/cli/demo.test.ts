import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

describe("npm run demo (the README's first command)", () => {
  it("runs the whole chain and writes the files it lists", () => {
    const r = spawnSync("npm", ["run", "--silent", "demo"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout
      .slice(r.stdout.indexOf("生成的文件："))
      .split("\n")
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    expect(listed).toEqual(
      expect.arrayContaining([
        "out/demo/台账（示例）.xlsx",
        "out/demo/工作报告（已填写）.docx",
        "out/demo/工作要点（框架）.docx",
        "out/demo/lint-report.json",
        "out/demo/落实情况对照表.xlsx",
      ]),
    );
    for (const f of listed) expect(existsSync(resolve(REPO_ROOT, f)), f).toBe(true);
    // The filled report carries the ledger's figures and passes its own check.
    const text = readDocx(readFileSync(resolve(REPO_ROOT, "out/demo/工作报告（已填写）.docx")))
      .blocks.map((b) => b.text)
      .join("\n");
    expect(text).toMatch(/共召开常委会会议\d+次/);
    expect(r.stdout).toContain("✓ 1 个文件，未发现问题");
    const lint = JSON.parse(readFileSync(resolve(REPO_ROOT, "out/demo/lint-report.json"), "utf8"));
    expect(lint.files.length).toBeGreaterThanOrEqual(7);
    // The plan against its report: graded items, and the ones the report leaves out.
    expect(r.stdout).toMatch(/已体现/);
    expect(r.stdout).toMatch(/未见/);
  }, 240_000);
});
