import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ARTIFACTS, REPO_ROOT } from "../helpers/paths.ts";

/**
 * Which code core/bin/renda.js runs: dist/ when it was built after every source changed (or when there are no
 * sources, as in an installed package), else src/ through tsx. A copy of the bin sits in a scratch package
 * inside the checkout (so that tsx resolves from the repository's node_modules) whose dist/ and src/ each
 * hold a main() that says which one it is.
 */
const pkg = join(ARTIFACTS, "bin-select");
const stamp = join(pkg, "dist/.built");
const srcMain = join(pkg, "src/cli/main.ts");
const hour = 3600_000;

function setTime(file: string, ms: number): void {
  utimesSync(file, new Date(ms), new Date(ms));
}

function which(env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(pkg, "bin/renda.js"), "lint", "x.txt"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

beforeEach(() => {
  rmSync(pkg, { recursive: true, force: true });
  for (const d of ["bin", "dist/bin", "src/cli"]) mkdirSync(join(pkg, d), { recursive: true });
  for (const f of ["renda.js", "load-cli.js"])
    copyFileSync(resolve(REPO_ROOT, "core/bin", f), join(pkg, "bin", f));
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ type: "module" }));
  // The bundle is CommonJS (bin/load-cli.js runs it with V8's code cache).
  writeFileSync(
    join(pkg, "dist/bin/renda.cjs"),
    'exports.main = async function main(argv, io) { io.stdout("dist " + argv.join(" ") + "\\n"); return 0; };\n',
  );
  // A type annotation: only tsx, not plain Node 20, can load this file.
  writeFileSync(
    srcMain,
    'export async function main(argv: string[], io: { stdout(s: string): void }): Promise<number> {\n  io.stdout("src " + argv.join(" ") + "\\n");\n  return 0;\n}\n',
  );
  writeFileSync(stamp, "");
  const now = Date.now();
  setTime(srcMain, now - 2 * hour);
  setTime(stamp, now - hour);
});

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe("core/bin/renda.js picks dist/ or the sources", () => {
  it("runs dist/ when it was built after the last source change", () => {
    expect(which()).toMatchObject({ code: 0, out: "dist lint x.txt" });
  });

  it("runs the sources through tsx when a source is newer than the build", () => {
    setTime(srcMain, Date.now());
    expect(which()).toMatchObject({ code: 0, out: "src lint x.txt" });
  });

  it("runs the sources when dist/ was never built (right after npm ci)", () => {
    rmSync(join(pkg, "dist"), { recursive: true });
    expect(which()).toMatchObject({ code: 0, out: "src lint x.txt" });
  });

  it("runs dist/ when there are no sources (an installed package)", () => {
    rmSync(join(pkg, "src"), { recursive: true });
    setTime(stamp, 0);
    expect(which()).toMatchObject({ code: 0, out: "dist lint x.txt" });
  });

  it("RENDA_FROM_SOURCES=1 forces the sources", () => {
    expect(which({ RENDA_FROM_SOURCES: "1" })).toMatchObject({ code: 0, out: "src lint x.txt" });
  });

  it("says what is wrong, exit 2, when neither dist/ nor the sources are there", () => {
    rmSync(join(pkg, "src"), { recursive: true });
    rmSync(join(pkg, "dist"), { recursive: true });
    const r = which();
    expect(r.code).toBe(2);
    expect(r.err).toContain("renda：安装不完整，缺少 dist/bin/renda.cjs");
  });
});
