import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = resolve(REPO_ROOT, "test/fixtures");
/**
 * The real public documents, read from ../shared next to the checkout (never copied into the repo).
 * A clone made elsewhere on this machine (CI) finds them at /work/shared; RENDA_CORPUS overrides both.
 */
export const CORPUS =
  [process.env.RENDA_CORPUS, resolve(REPO_ROOT, "../shared/corpus"), "/work/shared/corpus"].find(
    (p): p is string => p !== undefined && existsSync(p),
  ) ?? resolve(REPO_ROOT, "../shared/corpus");
export const ARTIFACTS = resolve(REPO_ROOT, "test/artifacts");
