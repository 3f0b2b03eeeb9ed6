import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO_ROOT } from "./paths.ts";

/** dist/ is current when it was built (dist/.built) after every source was last changed, as core/bin/renda.js asks. */
export function coreDistIsCurrent(): boolean {
  const stamp = resolve(REPO_ROOT, "core/dist/.built");
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const src = resolve(REPO_ROOT, "core/src");
  return readdirSync(src, { recursive: true, withFileTypes: true }).every(
    (e) => !e.isFile() || statSync(join(e.parentPath, e.name)).mtimeMs <= built,
  );
}

/** Builds core/dist unless it is current (about ten seconds); throws if the build fails. */
export function ensureCoreDist(log: (s: string) => void = () => {}): void {
  if (coreDistIsCurrent()) return;
  log("building core/dist…\n");
  const b = spawnSync(process.execPath, [resolve(REPO_ROOT, "core/scripts/build.mjs")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (b.status !== 0) throw new Error("core build failed (node core/scripts/build.mjs)");
}
