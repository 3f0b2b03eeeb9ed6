import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.ts";

const INSTALL =
  "sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk chromium python3-uno";
const scratch = mkdtempSync(join(tmpdir(), "renda-preflight-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory of stand-in programs: each prints `output` and exits 0. */
function fakeBin(name: string, programs: Record<string, string>): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [program, output] of Object.entries(programs)) {
    const file = join(dir, program);
    writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/** Runs scripts/preflight.ts as `npm test` does, with a PATH of our choosing (node itself by absolute path). */
function preflight(path: string, chromium: string, python = join(scratch, "no-python")) {
  const r = spawnSync(process.execPath, ["--import", "tsx", resolve(REPO_ROOT, "scripts/preflight.ts")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { PATH: path, CHROMIUM_PATH: chromium, RENDA_PYTHON_UNO: python, HOME: scratch },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm test preflight (system tools)", () => {
  it("stops with one Chinese and English message naming every missing package and the install command", () => {
    const r = preflight(fakeBin("empty", {}), join(scratch, "no-chromium"));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("npm test：缺少测试所需的系统软件：LibreOffice（soffice）、poppler");
    expect(r.stderr).toContain(
      "Debian 软件包：libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk chromium python3-uno",
    );
    expect(r.stderr).toContain(`\n  ${INSTALL}\n`);
    expect(r.stderr).toContain("npm test: system tools the tests need are missing");
    // One message, not one per tool: the install command appears once.
    expect(r.stderr.split(INSTALL).length).toBe(2);
    expect(r.stderr).not.toMatch(/ENOENT/);
  });

  it("names only what is missing (here poppler) and still gives the whole install command", () => {
    const dir = fakeBin("no-poppler", { soffice: "", "fc-list": "Noto Sans CJK SC:style=Regular" });
    const chromium = join(fakeBin("chromium-dir", { chromium: "" }), "chromium");
    const r = preflight(dir, chromium, join(fakeBin("python-dir", { python3: "" }), "python3"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "缺少测试所需的系统软件：poppler（pdftotext、pdfinfo、pdftoppm）（Debian 软件包：poppler-utils）",
    );
    expect(r.stderr).not.toContain("LibreOffice（soffice）");
    expect(r.stderr).toContain(INSTALL);
  });

  it("passes silently when every tool is there", () => {
    const dir = fakeBin("all", {
      soffice: "",
      pdftotext: "",
      pdfinfo: "",
      pdftoppm: "",
      "fc-list": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular",
    });
    const chromium = join(fakeBin("chromium-ok", { chromium: "" }), "chromium");
    const r = preflight(dir, chromium, join(fakeBin("python-ok", { python3: "" }), "python3"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
