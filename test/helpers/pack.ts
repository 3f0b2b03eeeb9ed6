import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "./paths.ts";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

/**
 * A package-lock.json for an empty project that installs the packed core tarball, with every dependency
 * pinned to the version, tarball and integrity the repository's own lock uses. `npm ci --offline` then takes
 * them all from the npm cache that the repository's `npm ci` filled, by integrity: a plain
 * `npm install <tarball> --offline` would need the registry's package documents, which `npm ci` never fetches.
 * Paths keep the repository's hoisted layout; core's own nested dependencies (core/node_modules/…) move under
 * node_modules/@renda/core/.
 */
export function lockForTarball(appName: string, tarballSpec: string): object {
  const lock = JSON.parse(readFileSync(resolve(REPO_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const core = lock.packages.core!;
  const picked = new Map<string, string>(); // repository lock path → app lock path

  /** Node's lookup: the nearest node_modules/<name> at or above `from`. */
  const locate = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = dir === "" ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (dir === "") return undefined;
      const i = dir.lastIndexOf("/node_modules/");
      dir = i === -1 ? "" : dir.slice(0, i);
    }
  };
  const appPath = (repoPath: string) =>
    repoPath.startsWith("core/") ? `node_modules/@renda/core/${repoPath.slice("core/".length)}` : repoPath;

  const visit = (from: string, entry: LockEntry) => {
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {})
      .filter(([, m]) => m.optional)
      .map(([n]) => n);
    const names = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers.includes(n)),
    ];
    for (const name of names) {
      const found = locate(from, name);
      // Optional dependencies for other platforms are not in the lock.
      if (found === undefined || picked.has(found)) continue;
      picked.set(found, appPath(found));
      visit(found, lock.packages[found]!);
    }
  };
  visit("core", core);

  const packages: Record<string, LockEntry> = {
    "": { name: appName, dependencies: { "@renda/core": tarballSpec } },
    "node_modules/@renda/core": {
      version: (
        JSON.parse(readFileSync(resolve(REPO_ROOT, "core/package.json"), "utf8")) as { version: string }
      ).version,
      resolved: tarballSpec,
      dependencies: core.dependencies,
      bin: core.bin,
      engines: core.engines,
    } as LockEntry,
  };
  for (const [from, to] of [...picked].sort((a, b) => a[1].localeCompare(b[1]))) {
    // The flags describe the repository's dependency graph (dev-only there through tsx, say), not the app's.
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = lock.packages[from]!;
    packages[to] = entry;
  }
  return { name: appName, version: "1.0.0", lockfileVersion: 3, requires: true, packages };
}

/** The environment for a child npm: without the npm_* variables of an enclosing `npm test`. */
export function cleanNpmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && k.toLowerCase() !== "npm_config_cache") continue;
    env[k] = v;
  }
  return env;
}
