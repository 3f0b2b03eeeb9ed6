#!/usr/bin/env node
// `renda` runs the bundled JavaScript dist/bin/renda.cjs with its code cache (see load-cli.js and
// scripts/build.mjs): loading it takes a fraction of
// compiling the TypeScript sources on every start. In a repository checkout, right after `npm ci` (which builds nothing: the
// repository's .npmrc turns lifecycle scripts off) or after a source was edited, dist/ is missing or older
// than src/; the bin then runs the sources through tsx, a dev dependency of the repository, so `npx renda`
// always runs the code as it is checked out. An installed package has no src/ and always runs dist/.
import { existsSync, readdirSync, statSync } from "node:fs";

const src = new URL("../src/", import.meta.url);
const stamp = new URL("../dist/.built", import.meta.url);
const bundle = new URL("../dist/bin/renda.cjs", import.meta.url);

/** True when dist/ was built (build.mjs writes .built last) after every source file was last changed. */
function distIsCurrent() {
  if (!existsSync(stamp)) return false;
  if (!existsSync(src)) return true;
  const built = statSync(stamp).mtimeMs;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs > built)
      return false;
  }
  return true;
}

let main;
if (process.env.RENDA_FROM_SOURCES !== "1" && distIsCurrent()) {
  const { loadCli } = await import("./load-cli.js");
  ({ main } = loadCli(bundle).exports);
} else if (existsSync(src)) {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write(
      "renda：core/dist 未构建，且找不到 tsx（开发依赖）。请在仓库根目录运行 npm ci，或 npm run build 后再试。\n" +
        "renda: core/dist is not built and tsx (a dev dependency) is missing: run `npm ci` or `npm run build`.\n",
    );
    process.exit(2);
  }
  register();
  ({ main } = await import("../src/cli/main.ts"));
} else {
  process.stderr.write(
    "renda：安装不完整，缺少 dist/bin/renda.cjs（package is incomplete: dist/ is missing）。\n",
  );
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
});
