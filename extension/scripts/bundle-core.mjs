// Parcel (inside Plasmo 0.90) cannot parse the core's JSON import attributes (`with { type: "json" }`), so the
// core is bundled once with esbuild into an ES module that Plasmo then takes as a plain dependency
// (package.json "alias": "@renda/core" → vendor/core.generated.js). Type checking still reads core's sources.
import { build } from "esbuild";

await build({
  entryPoints: [new URL("../../core/src/index.ts", import.meta.url).pathname],
  outfile: new URL("../vendor/core.generated.js", import.meta.url).pathname,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "chrome120",
  legalComments: "none",
  logLevel: "warning",
});
