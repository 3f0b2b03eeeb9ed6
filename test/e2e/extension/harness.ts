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
  /** Response headers for the page itself (a Content-Security-Policy, say). */
  headers?: Record<string, string>;
  /**
   * Classic scripts served as /<name>.<key>.js and loaded in order at the end of the body: a page under
   * `script-src 'self'` cannot run inline scripts, so its own code has to come from a file.
   */
  scripts?: Record<string, string>;
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

const BASE_CSS = `body{font-family:"Noto Sans CJK SC",sans-serif;margin:16px;max-width:900px}`;

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
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { ...headers, "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (path === "/base.css") return send(200, TYPES[".css"]!, BASE_CSS);
    const script = /^\/([\w-]+)\.([\w-]+)\.js$/.exec(path);
    const scriptText = script ? pages[script[1]!]?.scripts?.[script[2]!] : undefined;
    if (typeof scriptText === "string") return send(200, TYPES[".js"]!, scriptText);
    // Chromium asks every origin for a favicon; a 404 would log a console error on every page.
    if (path === "/favicon.ico") return send(204, "image/x-icon", "");
    const page = /^\/([\w-]+)\.html$/.exec(path);
    if (page && pages[page[1]!]) {
      const name = page[1]!;
      const p = pages[name]!;
      const css = bundles.has(`/bundles/${name}.css`)
        ? `<link rel="stylesheet" href="/bundles/${name}.css">`
        : "";
      const js = p.bundle ? `<script type="module" src="/bundles/${name}.js"></script>` : "";
      const scripts = Object.keys(p.scripts ?? {})
        .map((key) => `<script src="/${name}.${key}.js"></script>`)
        .join("");
      // A stylesheet link rather than an inline <style>, which a page under `style-src 'self'` would refuse.
      return send(
        200,
        TYPES[".html"]!,
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title>` +
          `<link rel="stylesheet" href="/base.css">${css}${p.head ?? ""}</head>` +
          `<body>${p.body}${scripts}${js}</body></html>`,
        p.headers,
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

/** One error seen on a page, and which world it came from. */
export interface PageError {
  /** "page" (the page's own scripts), "extension" (a content script's isolated world) or "browser" (console log). */
  world: "page" | "extension" | "browser";
  text: string;
}

/**
 * Collects every error a page shows in DevTools, from every JavaScript world: uncaught exceptions and
 * console.error calls in the page's main world and in the extension's isolated world (Playwright's own
 * pageerror/console events see only the main world), and browser log entries such as CSP violations.
 * Attach before navigating.
 */
export async function collectErrors(browser: ExtensionBrowser, page: Page): Promise<PageError[]> {
  const errors: PageError[] = [];
  const cdp = await browser.context.newCDPSession(page);
  const worlds = new Map<number, "page" | "extension">();
  cdp.on("Runtime.executionContextCreated", ({ context }) => {
    const extension =
      context.origin.startsWith("chrome-extension://") || context.auxData?.type === "isolated";
    worlds.set(context.id, extension ? "extension" : "page");
  });
  cdp.on("Runtime.exceptionThrown", ({ exceptionDetails: d }) => {
    const text = d.exception?.description ?? d.text;
    errors.push({
      world: worlds.get(d.executionContextId ?? -1) ?? "page",
      text: `${text} (${d.url ?? ""})`,
    });
  });
  cdp.on("Runtime.consoleAPICalled", (e) => {
    if (e.type !== "error" && e.type !== "assert") return;
    const text = e.args.map((a) => a.description ?? String(a.value)).join(" ");
    errors.push({ world: worlds.get(e.executionContextId) ?? "page", text });
  });
  cdp.on("Log.entryAdded", ({ entry }) => {
    if (entry.level === "error")
      errors.push({ world: "browser", text: `${entry.text} (${entry.url ?? ""})` });
  });
  await cdp.send("Runtime.enable");
  await cdp.send("Log.enable");
  return errors;
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** A badge as the reviewer sees it: its text and its computed look, from inside its closed shadow root. */
export interface BadgeView {
  editor: string;
  label: string;
  title: string;
  /** Computed style of the badge's button: an unstyled button would have neither colour nor rounding. */
  background: string;
  borderRadius: string;
}

/** One underline in a textarea's mirror overlay, with its boxes in the top page's viewport coordinates. */
export interface UnderlineView {
  severity: string;
  text: string;
  /** Computed `text-decoration-line` and `-style`, e.g. "underline wavy": proof that the mirror is styled. */
  decoration: string;
  boxes: { x: number; y: number; width: number; height: number }[];
}

const attrsOf = (n: CdpNode): Record<string, string> => {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i]!] = a[i + 1]!;
  return out;
};

const textOf = (n: CdpNode): string =>
  n.nodeType === 3 ? n.nodeValue : (n.children ?? []).map(textOf).join("");

function walk(n: CdpNode, visit: (n: CdpNode) => void): void {
  visit(n);
  for (const c of n.children ?? []) walk(c, visit);
  for (const c of n.shadowRoots ?? []) walk(c, visit);
  if (n.contentDocument) walk(n.contentDocument, visit);
}

/**
 * Reads the extension's closed shadow roots through DevTools: page scripts (and Playwright locators) cannot
 * pierce a closed root, DevTools can. Attach once per page.
 */
export async function inspectShadows(browser: ExtensionBrowser, page: Page) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const tree = async () => (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })).root as CdpNode;
  const style = async (nodeId: number) => {
    const { computedStyle } = await cdp.send("CSS.getComputedStyleForNode", { nodeId });
    return new Map(computedStyle.map((p) => [p.name, p.value]));
  };
  return {
    async badges(): Promise<BadgeView[]> {
      const hosts: CdpNode[] = [];
      walk(await tree(), (n) => {
        if (n.attributes && "data-renda-badge" in attrsOf(n)) hosts.push(n);
      });
      const out: BadgeView[] = [];
      for (const h of hosts) {
        let button: CdpNode | undefined;
        for (const root of h.shadowRoots ?? [])
          walk(root, (n) => {
            if (n.localName === "button") button ??= n;
          });
        if (!button) throw new Error("a badge without its button");
        const s = await style(button.nodeId);
        out.push({
          editor: attrsOf(h)["data-renda-editor"] ?? "",
          label: textOf(button),
          title: attrsOf(button).title ?? "",
          background: s.get("background-color") ?? "",
          borderRadius: s.get("border-top-left-radius") ?? "",
        });
      }
      return out;
    },
    /** Underlines (only those over `text`, if given: a long draft has thousands, each a few round trips). */
    async underlines(text?: string): Promise<UnderlineView[]> {
      const marks: CdpNode[] = [];
      walk(await tree(), (n) => {
        if (
          n.attributes &&
          "data-renda-underline" in attrsOf(n) &&
          (text === undefined || textOf(n) === text)
        )
          marks.push(n);
      });
      const out: UnderlineView[] = [];
      for (const m of marks) {
        const { quads } = await cdp.send("DOM.getContentQuads", { nodeId: m.nodeId });
        const s = await style(m.nodeId);
        out.push({
          severity: attrsOf(m)["data-renda-underline"] ?? "",
          text: textOf(m),
          decoration: `${s.get("text-decoration-line")} ${s.get("text-decoration-style")}`,
          boxes: quads.map((q) => {
            const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
            const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
            const x = Math.min(...xs);
            const y = Math.min(...ys);
            return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
          }),
        });
      }
      return out;
    },
    detach: () => cdp.detach(),
  };
}
