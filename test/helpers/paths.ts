import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = resolve(REPO_ROOT, "test/fixtures");
/** The real public documents, read from ../shared next to the checkout (never copied into the repo). */
export const CORPUS = resolve(REPO_ROOT, "../shared/corpus");
export const ARTIFACTS = resolve(REPO_ROOT, "test/artifacts");
