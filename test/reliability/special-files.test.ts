import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { renda } from "../helpers/cli.ts";

// Each CLI run starts node and tsx: seconds apiece on a shared, loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

/**
 * Issue 14, "bounded memory and time": only regular files are read, and the size cap is checked before
 * reading. Before the fix `renda lint /dev/zero` grew to 17.9 GB and a FIFO blocked forever; each run here
 * would then hit the test timeout instead of returning exit 2.
 */

function folder(): string {
  return mkdtempSync(join(tmpdir(), "renda-special-"));
}

function fifo(path: string): string {
  execFileSync("mkfifo", [path]);
  return path;
}

const DRAFT = "一、坚持党的全面领导\n严格执行请示报告制度。\n";

describe("special files are refused at once with exit 2", () => {
  it("lint /dev/zero, a FIFO, a FIFO as --ledger, ledger check of a FIFO", () => {
    const d = folder();
    const pipe = fifo(join(d, "草稿.txt"));
    const ledgerPipe = fifo(join(d, "台账.xlsx"));
    const draft = join(d, "a.txt");
    writeFileSync(draft, DRAFT);
    const runs = [
      renda(["lint", "--no-config", "/dev/zero"]),
      renda(["lint", "--no-config", pipe]),
      renda(["lint", "--no-config", "--ledger", ledgerPipe, draft]),
      renda(["ledger", "check", ledgerPipe]),
      renda(["fill", pipe, "--slots", draft, "-o", join(d, "out.docx")]),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stderr).toContain("不是普通文件");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 180_000);

  it("a renda.config.json that is a FIFO, found in a parent folder, does not hang lint", () => {
    const d = folder();
    fifo(join(d, "renda.config.json"));
    const sub = join(d, "子目录");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.txt"), DRAFT);
    const r = renda(["lint", join(sub, "a.txt")]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("不是普通文件");
  }, 180_000);

  it("a file over the cap is refused by its size, before it is read", () => {
    const d = folder();
    const big = join(d, "大.txt");
    writeFileSync(big, "");
    // Sparse: 60 MB on paper, nothing on disk; reading it would take the memory the cap is there to save.
    truncateSync(big, 60 * 1024 * 1024);
    const r = renda(["lint", "--no-config", big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/文件过大.*50 MB/);
    const ledger = join(d, "大.xlsx");
    writeFileSync(ledger, "");
    truncateSync(ledger, 201 * 1024 * 1024);
    const c = renda(["ledger", "check", ledger]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/文件过大.*200 MB/);
  }, 180_000);

  it("a folder given as the ledger is exit 2 with a message, not a stack trace", () => {
    const d = folder();
    writeFileSync(join(d, "a.txt"), DRAFT);
    const r = renda(["lint", "--no-config", "--ledger", d, join(d, "a.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件夹");
    expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
  }, 180_000);
});
