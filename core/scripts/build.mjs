// `npm run build -w @renda/core`: compiles src/ to JavaScript and declarations in dist/ (tsconfig.build.json),
// the library that `import "@renda/core"` loads, and bundles the command line into dist/bin/ for `renda`.
// `node scripts/build.mjs <dir>` builds into another directory (the packaging test does, so that it never
// rewrites the dist/ that a running `renda` may be reading).
//
// dist/.built is written last, with the time the build *started*: bin/renda.js runs dist/ only when no
// source is newer than that, so a source saved during a build still counts as unbuilt.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** What the code cache is warmed on: a short report with headings, numbers, quotes and dated wording. */
const SAMPLE = [
  "青禾县人民代表大会常务委员会工作报告",
  "——2026年1月8日在青禾县第十八届人民代表大会第六次会议上",
  "县人大常委会主任 林远山",
  "各位代表：",
  "现在，我代表县人民代表大会常务委员会，向大会报告工作，请予审议。",
  "一、2025年主要工作",
  "（一）坚持党的全面领导",
  "1.深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
  "（二）增强监督实效",
  "2.听取和审议县人民政府关于义务教育工作情况的报告，开展《中华人民共和国安全生产法》执法检查，督促整改隐患36处，占排查总数的85.7%。",
  "二、2026年主要任务",
  "3.支持和保障代表依法履职，推进代表联络站规范化建设，全年开展活动120次，比上年增加15次。",
  "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为全面建设社会主义现代化国家而努力奋斗！",
].join("\n");

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

// The bin runs one bundle rather than the ~90 modules tsc writes plus zod's own: Node's ESM loader spends more
// on loading those files than a small lint takes (a one-file lint used about 40% less CPU time bundled). It is
// one CommonJS file so that bin/load-cli.js can run it with V8's code cache (written below); code the lint
// does not run (the ledger, .docx writing) is only pre-parsed. docx, exceljs and zod stay installed
// dependencies, required where they are used: a lint of a .txt without a config loads none of them (the
// packaging test lints with zod removed). mainFields prefers ES module builds (jsonc-parser's UMD build does
// dynamic requires a bundle cannot follow).
const bundle = resolve(out, "bin/renda.cjs");
await build({
  entryPoints: [resolve(core, "src/cli/main.ts")],
  outfile: bundle,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20.19",
  mainFields: ["module", "main"],
  external: ["docx", "exceljs", "zod"],
  legalComments: "none",
  logLevel: "warning",
  plugins: [builtinData],
});

// The code cache: the bundle run once on a sample report, through the very loader the bin uses, then V8 is asked
// for the code it compiled. Built with this Node; another Node rejects it and compiles as usual.
{
  const { loadCli, writeCache } = await import(pathToFileURL(resolve(core, "bin/load-cli.js")).href);
  const { exports, script, cache } = loadCli(bundle, { useCache: false });
  const dir = mkdtempSync(join(tmpdir(), "renda-build-"));
  try {
    const sample = join(dir, "样稿.txt");
    writeFileSync(sample, SAMPLE);
    const quiet = { stdout() {}, stderr() {}, isTTY: false };
    for (const format of ["stylish", "json"]) await exports.main(["lint", sample, "--format", format], quiet);
    writeCache(script, cache);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
mkdirSync(out, { recursive: true });
const stamp = resolve(out, ".built");
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
