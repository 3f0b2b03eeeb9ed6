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

// The built-in data (rule packs, section schemas) is validated here, at build time, by the very modules that
// validate it when run from the sources (rules/packs/builtin.ts, sections/builtin.ts: zod schemas, lexicon
// join, duplicate ids); the bin's bundle gets the validated result as plain data in their place. Validating
// at every start cost a third of a one-file lint's CPU time, and loading zod at all about as much again;
// user configs and imported packs are still validated with zod, loaded only when there is one.
/** Runs a source module (bundled with its zod, in memory) and returns one of its exports. */
async function validatedAtBuild(entry, name) {
  const r = await build({
    entryPoints: [resolve(core, entry)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20.19",
    mainFields: ["module", "main"],
    logLevel: "warning",
  });
  const mod = await import(
    `data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString("base64")}`
  );
  if (mod[name] === undefined) throw new Error(`${entry} exports no ${name}`);
  return mod[name];
}
const prevalidated = new Map([
  [
    resolve(core, "src/rules/packs/builtin.ts"),
    `export const BUILTIN_PACKS = Object.freeze(${JSON.stringify(await validatedAtBuild("src/rules/packs/builtin.ts", "BUILTIN_PACKS"))});\n`,
  ],
  [
    resolve(core, "src/sections/builtin.ts"),
    `export const BUILTIN_KINDS = ${JSON.stringify(await validatedAtBuild("src/sections/builtin.ts", "BUILTIN_KINDS"))};\n`,
  ],
]);
const builtinData = {
  name: "validated-builtin-data",
  setup(b) {
    b.onLoad({ filter: /[\\/]builtin\.ts$/ }, (args) => {
      const contents = prevalidated.get(args.path);
      return contents === undefined ? undefined : { contents, loader: "js" };
    });
  },
};

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
  plugins: [builtinData],
});
mkdirSync(out, { recursive: true });
const stamp = resolve(out, ".built");
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
