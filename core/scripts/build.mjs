// `npm run build -w @renda/core`: compiles src/ to JavaScript and declarations in dist/ (tsconfig.build.json),
// the library that `import "@renda/core"` loads, and bundles the command line into dist/bin/ for `renda`.
// `node scripts/build.mjs <dir>` builds into another directory (the packaging test does, so that it never
// rewrites the dist/ that a running `renda` may be reading).
//
// dist/.built is written last, with the time the build *started*: bin/renda.js runs dist/ only when no
// source is newer than that, so a source saved during a build still counts as unbuilt.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const core = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] ?? resolve(core, "dist"));
const started = new Date();
// A clean directory: files of deleted or renamed sources must not linger in the package.
rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", resolve(core, "tsconfig.build.json"), "--outDir", out], {
  stdio: "inherit",
});
if (r.status !== 0) process.exit(r.status ?? 1);

// The bin runs a bundle rather than the ~90 modules tsc writes plus zod's own: Node's ESM loader spends more
// on loading those files than a small lint takes (a one-file lint used about 40% less CPU time bundled). Each
// command stays its own chunk, loaded on demand; docx and exceljs, large and only for .docx writing and
// ledgers, stay installed dependencies. mainFields prefers ES module builds (jsonc-parser's UMD build does
// dynamic requires a bundle cannot follow).
await build({
  entryPoints: { main: resolve(core, "src/cli/main.ts") },
  outdir: resolve(out, "bin"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  mainFields: ["module", "main"],
  external: ["docx", "exceljs"],
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
});
mkdirSync(out, { recursive: true });
const stamp = resolve(out, ".built");
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
