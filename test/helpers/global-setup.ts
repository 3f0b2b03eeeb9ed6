import { ensureCoreDist } from "./core-dist.ts";

/**
 * Vitest global setup. The tests spawn `renda` (core/bin/renda.js), which runs the built core/dist when it is
 * current and otherwise compiles the sources through tsx: about a second and 100 MB more at every start, so
 * memory and output bounds would measure tsx, not what a user installs. A fresh checkout has no dist/ (npm ci
 * builds nothing), so it is built here once. The fallback itself is tested in test/cli/bin-select.test.ts.
 */
export default function setup(): void {
  ensureCoreDist((s) => process.stdout.write(s));
}
