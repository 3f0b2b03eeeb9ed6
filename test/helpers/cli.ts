import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { REPO_ROOT } from "./paths.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `renda` bin as a user would, in a child process (core/dist, or the sources through tsx when dist is unbuilt or stale). */
export function renda(args: string[], opts: { cwd?: string; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [resolve(REPO_ROOT, "core/bin/renda.js"), ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    input: opts.input,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
