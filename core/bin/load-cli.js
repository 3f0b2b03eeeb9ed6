// Loads the command line's bundle (dist/bin/renda.cjs) with V8's code cache (dist/bin/renda.cjs.cache), which
// the build writes after linting a sample text: the functions a lint runs are then read compiled instead of
// parsed and compiled at every start. Measured on one small file (test/bench/startup.ts): about 40 ms of a
// 250 ms start, on a machine where Node itself takes 140 ms. Node 20 has no compile cache for ES modules
// (module.enableCompileCache came with Node 22.1), hence one CommonJS file run as a vm.Script, as Node's own
// CommonJS loader runs a module.
//
// V8 checks the cache against the length of the source, its own version and its flags; a cache from another
// Node version, or none at all, is rejected and the bundle is compiled as usual, only slower. V8 does not check
// the cache's contents (a damaged cache with an intact header crashes the process), so the file starts with the
// SHA-256 of the rest, checked here (about 1 ms). The build uses this same function, so the wrapped source is
// the same string in both, and it deletes dist/ first, so a bundle never meets the cache of an earlier build.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** Length of the SHA-256 digest that heads the cache file. */
const DIGEST = 32;

/** Writes V8's cache of a script that has run, headed by its digest (read back by loadCli). */
export function writeCache(script, file) {
  const data = script.createCachedData();
  writeFileSync(file, Buffer.concat([createHash("sha256").update(data).digest(), data]));
}

/**
 * Runs the bundle as a CommonJS module and returns its exports and the compiled script (the build asks the
 * script for its cache after a run).
 * @param {URL | string} bundle
 * @param {{ useCache?: boolean }} [options]
 * @returns {{ exports: { main: (argv: string[], io: object) => Promise<number> }, script: Script, cache: string, cacheState: "used" | "rejected" | "none" }}
 */
export function loadCli(bundle, options = {}) {
  const file = typeof bundle === "string" ? bundle : fileURLToPath(bundle);
  const cache = `${file}.cache`;
  const source = readFileSync(file, "utf8");
  let cachedData;
  if (options.useCache !== false) {
    try {
      const stored = readFileSync(cache);
      const data = stored.subarray(DIGEST);
      if (createHash("sha256").update(data).digest().equals(stored.subarray(0, DIGEST))) cachedData = data;
    } catch {
      // No cache: compiled as usual.
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    script,
    cache,
    // "none": no cache file, or one whose digest does not match (damaged); "rejected": V8 refused it.
    cacheState: cachedData ? (script.cachedDataRejected ? "rejected" : "used") : "none",
  };
}
