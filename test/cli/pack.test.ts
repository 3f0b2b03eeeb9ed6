import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocx } from "../helpers/make-docx.ts";
import { cleanNpmEnv, lockForTarball } from "../helpers/pack.ts";
import { REPO_ROOT } from "../helpers/paths.ts";

/**
 * `npm pack` of core, installed in an empty folder as an npm user would, with no network: the build runs into
 * a scratch copy of the package (never the checkout's core/dist, which other tests' `renda` may be reading),
 * and the dependencies come from the npm cache that `npm ci` filled (see lockForTarball).
 */
const scratch = mkdtempSync(join(tmpdir(), "renda-pack-"));
const pkgDir = join(scratch, "core");
const app = join(scratch, "app");
let tarball: string;
let files: string[];

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...cleanNpmEnv(), NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  mkdirSync(pkgDir);
  copyFileSync(resolve(REPO_ROOT, "core/package.json"), join(pkgDir, "package.json"));
  cpSync(resolve(REPO_ROOT, "core/bin"), join(pkgDir, "bin"), { recursive: true });
  const build = run(
    process.execPath,
    [resolve(REPO_ROOT, "core/scripts/build.mjs"), join(pkgDir, "dist")],
    REPO_ROOT,
  );
  expect(build.code, build.stdout + build.stderr).toBe(0);

  const pack = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], pkgDir);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, info!.filename);
  files = info!.files.map((f) => f.path);

  mkdirSync(app);
  const spec = `file:${tarball}`;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "app",
      version: "1.0.0",
      private: true,
      type: "module",
      dependencies: { "@renda/core": spec },
    }),
  );
  writeFileSync(join(app, "package-lock.json"), JSON.stringify(lockForTarball("app", spec), null, 2));
  const install = run("npm", ["ci", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], app);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

// Removing the installed node_modules (about 200 packages) takes a while on a busy machine.
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

describe("npm pack of @renda/core, installed in an empty folder (offline)", () => {
  it("holds the built JavaScript, declarations, data files and the bin, not the TypeScript sources", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "bin/renda.js",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/io/index.js",
        "dist/cli/main.js",
        "bin/load-cli.js",
        "dist/bin/renda.cjs",
        "dist/bin/renda.cjs.cache",
        "dist/sections/data/lexicon.json",
        "dist/rules/packs/terms.json",
      ]),
    );
    expect(files.filter((f) => f.startsWith("src/") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual(
      [],
    );
    // tsx is a development tool of the repository: an installed renda must not need it.
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);
  });

  it("npx renda lint checks a .txt and a .docx file", async () => {
    writeFileSync(join(app, "草稿.txt"), "各位代表：\n现将一府两院的工作报告如下，请予审议。\n");
    writeFileSync(
      join(app, "草稿.docx"),
      await makeDocx([{ text: "各位代表：" }, { text: "监督一府两院工作。" }]),
    );
    // Dated wording is judged by the text's year; these two lines state none, so it is given.
    const r = run(
      "npx",
      ["--no", "--", "renda", "lint", "--format", "json", "--year", "2025", "草稿.txt", "草稿.docx"],
      app,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
    expect(report.files.map((f) => f.path)).toEqual(["草稿.txt", "草稿.docx"]);
    for (const f of report.files) expect(f.diagnostics.map((d) => d.ruleId)).toContain("term/yifu-liangyuan");
    const version = run("npx", ["--no", "--", "renda", "--version"], app);
    expect(version.stdout.trim()).toBe("0.1.0");
  }, 120_000);

  it("the bundled `renda lint` of a .txt loads no zod: the built-in data comes validated from the build", () => {
    // zod is required only where a config or a ledger is parsed: with it gone from the install, a .txt still
    // lints, and a config file is what needs it.
    const zod = join(app, "node_modules/zod");
    const away = join(scratch, "zod-away");
    renameSync(zod, away);
    try {
      const dir = join(app, "no-zod");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "草稿.txt"), "各位代表：\n现将一府两院的工作报告如下，请予审议。\n");
      const plain = run("npx", ["--no", "--", "renda", "lint", join(dir, "草稿.txt"), "--year", "2025"], app);
      expect(plain.stderr).toBe("");
      expect(plain.code).toBe(1);
      expect(plain.stdout).toContain("term/yifu-liangyuan");
      writeFileSync(join(dir, "renda.config.json"), JSON.stringify({ rules: {} }));
      const configured = run("npx", ["--no", "--", "renda", "lint", join(dir, "草稿.txt")], app);
      expect(configured.code).not.toBe(0);
      expect(configured.code).not.toBe(1);
      expect(configured.stderr).toContain("zod");
    } finally {
      renameSync(away, zod);
    }
  });

  it("runs with the code cache the build wrote, and without it when the cache is damaged", async () => {
    const root = join(app, "node_modules/@renda/core");
    const bundle = join(root, "dist/bin/renda.cjs");
    const { loadCli } = (await import(pathToFileURL(join(root, "bin/load-cli.js")).href)) as {
      loadCli: (f: string) => { cacheState: string };
    };
    // This Node built the cache: V8 takes it.
    expect(loadCli(bundle).cacheState).toBe("used");
    // A damaged cache (V8 would crash on it: it checks only the header) fails its digest and is not used.
    const cache = `${bundle}.cache`;
    const good = readFileSync(cache);
    writeFileSync(cache, Buffer.concat([good.subarray(0, 96), Buffer.alloc(good.length - 96, 7)]));
    try {
      expect(loadCli(bundle).cacheState).toBe("none");
      writeFileSync(join(app, "damaged.txt"), "监督一府两院工作。\n");
      const lint = run("npx", ["--no", "--", "renda", "lint", "damaged.txt", "--year", "2025"], app);
      expect(lint.code).toBe(1);
      expect(lint.stdout).toContain("term/yifu-liangyuan");
    } finally {
      writeFileSync(cache, good);
    }
  });

  it("imports in Node (the JSON import attributes of the built code) and type-checks under nodenext", () => {
    const script =
      'import { fromPlainText, lint } from "@renda/core"; import { readDocx } from "@renda/core/io";' +
      'const r = lint(fromPlainText("监督一府两院。"), { year: 2025 }); console.log(typeof readDocx, r.diagnostics.some((d) => d.ruleId === "term/yifu-liangyuan"));';
    const node = run(process.execPath, ["--input-type=module", "-e", script], app);
    expect(node.stderr).toBe("");
    expect(node.stdout.trim()).toBe("function true");

    // "types" → dist/*.d.ts: a wrong assignment must be the only error, so the declarations did resolve.
    writeFileSync(
      join(app, "check.ts"),
      [
        'import { fromPlainText, lint } from "@renda/core";',
        'import { readDocx } from "@renda/core/io";',
        'const r = lint(fromPlainText("各位代表："));',
        "export const count: number = r.diagnostics.length;",
        "export const wrong: string = r.diagnostics.length;",
        "export { readDocx };",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    const tsc = run(
      process.execPath,
      [resolve(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
      app,
    );
    expect(tsc.stdout.trim()).toMatch(
      /^check\.ts\(5,14\): error TS2322: Type 'number' is not assignable to type 'string'\.$/,
    );
  }, 120_000);
});
