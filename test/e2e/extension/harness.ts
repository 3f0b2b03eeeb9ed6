import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { build } from "esbuild";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { ARTIFACTS, REPO_ROOT } from "../../helpers/paths.ts";

/**
 * Real-browser harness: Debian Chromium with the built extension loaded, and a tiny HTTP server on 127.0.0.1
 * serving test pages whose editors come from npm (bundled here with esbuild, or served from node_modules).
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const EXTENSION_DIR = resolve(REPO_ROOT, "extension/build/chrome-mv3-prod");
export const SHOTS = resolve(ARTIFACTS, "extension");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the extension when the build is missing or older than its sources or the core it bundles — at most
 * once per test run: test files run in parallel workers (children of one vitest process), and a rebuild under
 * a browser that has the extension loaded would pull files from under it.
 */
export function ensureExtensionBuilt(): void {
  const manifest = join(EXTENSION_DIR, "manifest.json");
  const buildDir = resolve(REPO_ROOT, "extension/build");
  const marker = join(buildDir, `.e2e-run-${process.ppid}`);
  if (existsSync(marker) && existsSync(manifest)) return;
  mkdirSync(buildDir, { recursive: true });
  const lock = join(buildDir, ".e2e-build-lock");
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until)
        throw new Error(`${lock} held for 3 minutes: remove it if no test run is building`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (existsSync(marker) && existsSync(manifest)) return;
    const sources = Math.max(
      newestMtime(resolve(REPO_ROOT, "extension/src")),
      newestMtime(resolve(REPO_ROOT, "core/src")),
      statSync(resolve(REPO_ROOT, "extension/package.json")).mtimeMs,
    );
    if (!existsSync(manifest) || statSync(manifest).mtimeMs < sources) {
      const r = spawnSync("npm", ["run", "build", "-w", "extension"], { cwd: REPO_ROOT, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`extension build failed:\n${r.stdout}\n${r.stderr}`);
    }
    for (const old of readdirSync(buildDir))
      if (old.startsWith(".e2e-run-")) rmSync(join(buildDir, old), { force: true });
    writeFileSync(marker, "");
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface TestPage {
  /** Body HTML; may reference /bundles/<name>.js and .css. */
  body: string;
  /** Source of an ES module bundled with esbuild (imports resolve from the repo's node_modules). */
  bundle?: string;
  head?: string;
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
};

/** Serves /<name>.html pages, /bundles/<name>.js|.css and /tinymce/* (the npm package's files). */
export async function servePages(pages: Record<string, TestPage>): Promise<PageServer> {
  const bundles = new Map<string, string>();
  for (const [name, page] of Object.entries(pages)) {
    if (!page.bundle) continue;
    const out = await build({
      stdin: { contents: page.bundle, resolveDir: REPO_ROOT, loader: "js" },
      bundle: true,
      format: "esm",
      write: false,
      outdir: "/bundles",
      entryNames: name,
      minify: true,
      logLevel: "error",
      loader: { ".svg": "text" },
    });
    for (const f of out.outputFiles) bundles.set(f.path.replace(/^.*\/bundles\//, "/bundles/"), f.text);
  }
  const tinymceDir = resolve(REPO_ROOT, "node_modules/tinymce");
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    const page = /^\/([\w-]+)\.html$/.exec(path);
    if (page && pages[page[1]!]) {
      const p = pages[page[1]!]!;
      const css = bundles.has(`/bundles/${page[1]}.css`)
        ? `<link rel="stylesheet" href="/bundles/${page[1]}.css">`
        : "";
      const js = p.bundle ? `<script type="module" src="/bundles/${page[1]}.js"></script>` : "";
      return send(
        200,
        TYPES[".html"]!,
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${page[1]}</title>${css}${p.head ?? ""}` +
          `<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:16px;max-width:900px}</style></head>` +
          `<body>${p.body}${js}</body></html>`,
      );
    }
    if (bundles.has(path)) return send(200, TYPES[extname(path)] ?? "text/plain", bundles.get(path)!);
    if (path.startsWith("/tinymce/")) {
      const file = resolve(tinymceDir, `.${path.slice("/tinymce".length)}`);
      if (file.startsWith(tinymceDir) && existsSync(file) && statSync(file).isFile())
        return send(200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
    }
    send(404, "text/plain", "not found");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** One Chromium per test file, with the built extension loaded into a fresh profile. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  ensureExtensionBuilt();
  // Lets context.on("request") see the extension service worker's requests too (the privacy test needs them).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";
  const profile = mkdtempSync(join(tmpdir(), "renda-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1100, height: 900 },
    locale: "zh-CN",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The badge host's data attributes for the editor driven by `adapter` on `page`. */
export async function badgeOf(
  page: Page,
  adapter: string,
): Promise<{ missing: string[]; errors: number; warnings: number; adapter: string } | null> {
  return page.evaluate((kind) => {
    // biome-ignore lint/suspicious/noExplicitAny: the page's DOM, without DOM types in the test tsconfig
    const doc = (globalThis as any).document;
    const hosts = doc.querySelectorAll(`[data-renda-badge][data-renda-adapter="${kind}"]`);
    if (hosts.length > 1) throw new Error(`${hosts.length} badges for ${kind}`);
    const host = hosts[0];
    if (!host || host.hasAttribute("data-renda-checking")) return null;
    const missing = host.getAttribute("data-renda-missing") ?? "";
    return {
      missing: missing ? missing.split(",") : [],
      errors: Number(host.getAttribute("data-renda-errors")),
      warnings: Number(host.getAttribute("data-renda-warnings")),
      adapter: host.getAttribute("data-renda-adapter") ?? "",
    };
  }, adapter);
}

/** Waits until the badge satisfies `ok` (the content script checks after a debounce). */
export async function waitForBadge(
  page: Page,
  ok: (b: NonNullable<Awaited<ReturnType<typeof badgeOf>>>) => boolean,
  what: string,
  adapter: string,
  timeout = 10_000,
): Promise<NonNullable<Awaited<ReturnType<typeof badgeOf>>>> {
  const until = Date.now() + timeout;
  let last: Awaited<ReturnType<typeof badgeOf>> = null;
  while (Date.now() < until) {
    last = await badgeOf(page, adapter);
    if (last && ok(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`badge never showed ${what}; last: ${JSON.stringify(last)}`);
}

/** Opens the side panel page as a tab pinned to `page`'s tab (the real panel follows the active tab). */
export async function openPanel(browser: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const tabId = await browser.worker.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: chrome.* inside the extension's service worker
    const c = (globalThis as any).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id as number;
  });
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

export function shotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return join(SHOTS, `${name}.png`);
}
