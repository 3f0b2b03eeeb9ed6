// Parcel (inside Plasmo 0.90) cannot parse the core's JSON import attributes (`with { type: "json" }`), so the
// core is bundled once with esbuild into an ES module that Plasmo then takes as a plain dependency
// (package.json "alias": "@renda/core" → vendor/core.generated.js). Type checking still reads core's sources.
import { build } from "esbuild";

const common = {
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "chrome120",
  legalComments: "none",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: [new URL("../../core/src/index.ts", import.meta.url).pathname],
  outfile: new URL("../vendor/core.generated.js", import.meta.url).pathname,
});

// The file workbench's worker with core's file code (.docx, .xlsx, exceljs, docx): its own bundle, loaded by
// the workbench page only (src/tabs/workbench.tsx), so the content script never carries it.
await build({
  ...common,
  entryPoints: [new URL("../src/workbench/worker.ts", import.meta.url).pathname],
  outfile: new URL("../vendor/workbench-worker.generated.js", import.meta.url).pathname,
  alias: { "@renda/core": new URL("../../core/src/index.ts", import.meta.url).pathname },
  minify: true,
});
