import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderDraft } from "../../core/src/io/docx-draft.ts";
import { writeSampleLedger } from "../../core/src/ledger/sample.ts";
import { renda } from "../helpers/cli.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

// Each CLI run starts node and tsx: seconds apiece on a shared, loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

/** Issue 14, "nothing lost": every way the tester made an output replace an input, or left a broken file. */

const DRAFT = "一、坚持党的全面领导\n1、把牢政治方向。严格执行请示报告制度,确保正确方向。\n";
const SLOTS = JSON.stringify({ overview: { kind: "paragraphs", paragraphs: ["全年共召开常委会会议8次。"] } });

let ledgerBytes: Uint8Array;
let draftDocx: Uint8Array;

beforeAll(async () => {
  ledgerBytes = await writeSampleLedger({ year: 2025 });
  draftDocx = await renderDraft({ kind: "work-report", year: 2025, slots: {}, body: {} });
});

function folder(): string {
  return mkdtempSync(join(tmpdir(), "renda-out-"));
}

function noStack(r: { stderr: string }) {
  expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
}

describe("an output that is an input is refused, and the input is untouched", () => {
  it("lint --fix -o <the input> (without --in-place)", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    writeFileSync(p, DRAFT);
    const r = renda(["lint", "--fix", "--no-config", "-o", p, p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件");
    expect(readFileSync(p, "utf8")).toBe(DRAFT);
  });

  it("lint --fix -o 台账.xlsx when that ledger is --ledger", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    const ledger = join(d, "台账.xlsx");
    writeFileSync(p, DRAFT);
    writeFileSync(ledger, ledgerBytes);
    const r = renda(["lint", "--fix", "--no-config", "--ledger", ledger, "-o", ledger, p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件");
    expect(new Uint8Array(readFileSync(ledger))).toEqual(ledgerBytes);
  });

  it("lint --fix -o <the config in use>", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    const config = join(d, "renda.config.json");
    writeFileSync(p, DRAFT);
    writeFileSync(config, "{}");
    const r = renda(["lint", "--fix", "-o", config, p]);
    expect(r.code).toBe(2);
    expect(readFileSync(config, "utf8")).toBe("{}");
  });

  it("fill 草稿.docx --ledger 台账.xlsx -o 台账.xlsx", () => {
    const d = folder();
    const docx = join(d, "草稿.docx");
    const ledger = join(d, "台账.xlsx");
    writeFileSync(docx, draftDocx);
    writeFileSync(ledger, ledgerBytes);
    const r = renda(["fill", docx, "--ledger", ledger, "-o", ledger]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件");
    expect(new Uint8Array(readFileSync(ledger))).toEqual(ledgerBytes);
  });

  it("fill -o through a symlink or a hard link to the input", () => {
    const d = folder();
    const docx = join(d, "草稿.docx");
    const slots = join(d, "s.json");
    writeFileSync(docx, draftDocx);
    writeFileSync(slots, SLOTS);
    symlinkSync(docx, join(d, "link.docx"));
    linkSync(docx, join(d, "hard.docx"));
    for (const out of ["link.docx", "hard.docx"]) {
      const r = renda(["fill", docx, "--slots", slots, "-o", join(d, out), "--force"]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain("就是输入文件");
    }
    expect(new Uint8Array(readFileSync(docx))).toEqual(draftDocx);
    // ...and the slots file is an input too.
    const r = renda(["fill", docx, "--slots", slots, "-o", slots]);
    expect(r.code).toBe(2);
    expect(readFileSync(slots, "utf8")).toBe(SLOTS);
  });

  it("ledger slots 台账.xlsx -o 台账.xlsx", () => {
    const d = folder();
    const ledger = join(d, "台账.xlsx");
    writeFileSync(ledger, ledgerBytes);
    const r = renda(["ledger", "slots", ledger, "--kind", "work-report", "-o", ledger, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件");
    expect(new Uint8Array(readFileSync(ledger))).toEqual(ledgerBytes);
  });
});

describe("an existing output is replaced only with --force", () => {
  it("lint --fix -o, ledger slots -o, fill -o, draft -o, ledger template -o", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    const ledger = join(d, "台账.xlsx");
    const docx = join(d, "草稿.docx");
    const slots = join(d, "s.json");
    writeFileSync(p, DRAFT);
    writeFileSync(ledger, ledgerBytes);
    writeFileSync(docx, draftDocx);
    writeFileSync(slots, SLOTS);
    const cases: [string, string[]][] = [
      ["lint", ["lint", "--fix", "--no-config", p, "-o"]],
      ["slots", ["ledger", "slots", ledger, "--kind", "work-report", "-o"]],
      ["fill", ["fill", docx, "--slots", slots, "-o"]],
      ["draft", ["draft", "--kind", "work-report", "--year", "2025", "-o"]],
      ["template", ["ledger", "template", "-o"]],
    ];
    for (const [name, args] of cases) {
      const out = join(d, `已有-${name}${name === "template" ? ".xlsx" : ".bin"}`);
      writeFileSync(out, "同事写的内容");
      const refused = renda([...args, out]);
      expect(refused.code, `${name}: ${refused.stderr}`).toBe(2);
      expect(refused.stderr).toContain("已存在");
      expect(readFileSync(out, "utf8"), name).toBe("同事写的内容");
      const forced = renda([...args, out, "--force"]);
      expect([0, 1], `${name}: ${forced.stderr}`).toContain(forced.code);
      expect(readFileSync(out, "utf8"), name).not.toBe("同事写的内容");
    }
    // The default 原名.fixed.txt is an output like any other.
    writeFileSync(join(d, "草稿.fixed.txt"), "手改过的修正稿");
    expect(renda(["lint", "--fix", "--no-config", p]).code).toBe(2);
    expect(readFileSync(join(d, "草稿.fixed.txt"), "utf8")).toBe("手改过的修正稿");
  }, 180_000);
});

describe("a missing or read-only output folder is exit 2 with a message, never a stack trace", () => {
  it("lint --fix, fill, draft, ledger template", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    const docx = join(d, "草稿.docx");
    const slots = join(d, "s.json");
    writeFileSync(p, DRAFT);
    writeFileSync(docx, draftDocx);
    writeFileSync(slots, SLOTS);
    // /sys refuses new files even to root, which a chmod'ed folder would not.
    for (const where of [join(d, "没有的文件夹"), "/sys"]) {
      const runs = [
        renda(["lint", "--fix", "--no-config", p, "-o", join(where, "a.txt")]),
        renda(["fill", docx, "--slots", slots, "-o", join(where, "a.docx")]),
        renda(["draft", "--kind", "work-report", "--year", "2025", "-o", join(where, "a.docx")]),
        renda(["ledger", "template", "-o", join(where, "a.xlsx")]),
      ];
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(where === "/sys" ? /没有写入权限/ : /文件夹.*不存在/);
        noStack(r);
      }
    }
  }, 180_000);

  it("an output under a path that is a file, not a folder", () => {
    const d = folder();
    const p = join(d, "草稿.txt");
    writeFileSync(p, DRAFT);
    const r = renda(["lint", "--fix", "--no-config", "-o", join(p, "x.txt"), p]);
    expect(r.code, r.stderr).toBe(2);
    noStack(r);
    expect(readFileSync(p, "utf8")).toBe(DRAFT);
  });
});

describe("in place", () => {
  it("through a symlink updates the file it points to, and the link stays a link", () => {
    const d = folder();
    const real = join(d, "真实.txt");
    const link = join(d, "链接.txt");
    writeFileSync(real, DRAFT);
    symlinkSync(real, link);
    const r = renda(["lint", "--fix", "--no-config", "--in-place", link]);
    expect(r.stderr).toContain("已修正");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain("1.把牢政治方向");
    expect(readdirSync(d).sort()).toEqual(["真实.txt", "链接.txt"].sort());
  });

  it("keeps the file's permissions", () => {
    const d = folder();
    const p = join(d, "a.txt");
    writeFileSync(p, DRAFT);
    chmodSync(p, 0o640);
    renda(["lint", "--fix", "--no-config", "--in-place", p]);
    expect(statSync(p).mode & 0o777).toBe(0o640);
  });
});

describe("kill -9 during a large in-place write leaves the old file or the new one, never a broken one", () => {
  it("lint --fix --in-place of a 20 MB draft, killed at many points after the write begins", async () => {
    const body = `${"严格执行请示报告制度，确保正确方向，全面加强常委会自身建设。".repeat(4)}\n`.repeat(
      56_000,
    );
    const original = DRAFT + body;
    const ref = folder();
    writeFileSync(join(ref, "a.txt"), original);
    expect(renda(["lint", "--fix", "--no-config", "--in-place", join(ref, "a.txt")]).code).not.toBe(2);
    const fixed = readFileSync(join(ref, "a.txt"), "utf8");
    expect(fixed).not.toBe(original);
    const outcomes: string[] = [];
    for (const delay of [0, 0, 1, 2, 4, 8, 16, 32]) {
      const d = folder();
      const p = join(d, "a.txt");
      writeFileSync(p, original);
      outcomes.push(await killDuringWrite(p, d, delay));
      const now = readFileSync(p, "utf8");
      expect(now === original || now === fixed, `killed ${delay} ms into the write`).toBe(true);
    }
    // The kills did land during the write, not after the process had finished.
    expect(outcomes).toContain("killed");
  }, 240_000);
});

/** Starts an in-place fix and SIGKILLs it `delay` ms after the first change in the folder (a write begins). */
function killDuringWrite(path: string, dir: string, delay: number): Promise<string> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        resolve(REPO_ROOT, "core/bin/renda.js"),
        "lint",
        "--fix",
        "--no-config",
        "--in-place",
        "-f",
        "json",
        path,
      ],
      { stdio: "ignore" },
    );
    const watcher = watch(dir, () => {
      watcher.close();
      setTimeout(() => child.kill("SIGKILL"), delay);
    });
    child.on("exit", (_code, signal) => {
      watcher.close();
      done(signal === "SIGKILL" ? "killed" : "finished");
    });
  });
}

it("test folders exist (sanity of the helpers)", () => {
  expect(existsSync(folder())).toBe(true);
});
