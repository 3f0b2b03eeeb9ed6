/**
 * The development loop without an Office host: Microsoft's own tools read our manifest, and the Vite dev
 * server serves the task pane over HTTPS with certificates made by office-addin-dev-certs. The certificates
 * go to a scratch HOME and are trusted only by this test's client, so the machine's trust store is never
 * touched (`npm run certs -w addin` is what installs them for real).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { getOfficeAppsForManifestHosts, OfficeAddinManifest } from "office-addin-manifest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.ts";

const ADDIN = join(REPO_ROOT, "addin");
const MANIFEST = join(ADDIN, "manifest.xml");
const pkg = JSON.parse(readFileSync(join(ADDIN, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function fetchTls(url: string, ca?: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // rejectUnauthorized stays on: the chain must verify against the generated CA for host "localhost".
    get(url, ca ? { ca } : {}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("office-addin-debugging reads the manifest the npm scripts give it", () => {
  it("start:word / start:excel / start:web / stop call the installed office-addin-debugging with this manifest", () => {
    for (const [name, app] of [
      ["start:word", "word"],
      ["start:excel", "excel"],
    ] as const)
      expect(pkg.scripts[name]).toBe(
        `office-addin-debugging start manifest.xml desktop --app ${app} --dev-server "npm run dev" --dev-server-port 3000`,
      );
    expect(pkg.scripts["start:web"]).toMatch(/^office-addin-debugging start manifest\.xml web /);
    expect(pkg.scripts.stop).toBe("office-addin-debugging stop manifest.xml");
    expect(pkg.scripts.certs).toBe("office-addin-dev-certs install");
    // The options the scripts use exist in the installed version (a rename would break them silently).
    const help = spawnSync(join(REPO_ROOT, "node_modules/.bin/office-addin-debugging"), ["start", "--help"], {
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    for (const option of ["--app", "--dev-server ", "--dev-server-port", "--document", "--no-sideload"])
      expect(help.stdout).toContain(option);
  });

  it("parses addin/manifest.xml: id, both hosts as Word and Excel, HTTPS pane on the dev server's port", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe("人大报告助手");
    expect(getOfficeAppsForManifestHosts(info.hosts)).toEqual(["word", "excel"]);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });
});

describe("the HTTPS dev server with office-addin-dev-certs certificates", () => {
  const home = mkdtempSync(join(tmpdir(), "renda-certs-"));
  const certs = join(home, ".office-addin-dev-certs");
  let server: ChildProcess | undefined;
  let port = 0;
  let log = "";

  beforeAll(async () => {
    // The same generator `office-addin-dev-certs install` uses, minus trusting the CA system-wide.
    await generateCertificates(
      join(certs, "ca.crt"),
      join(certs, "localhost.crt"),
      join(certs, "localhost.key"),
      30,
    );
    port = await freePort();
    // npm puts vite's bin in addin/ (the workspace that depends on it) or hoists it to the root.
    const vite = [join(ADDIN, "node_modules/.bin/vite"), join(REPO_ROOT, "node_modules/.bin/vite")].find(
      existsSync,
    );
    if (!vite) throw new Error("vite is not installed: run npm ci");
    server = spawn(vite, ["--strictPort"], {
      cwd: ADDIN,
      env: { ...process.env, HOME: home, RENDA_DEV_PORT: String(port), BROWSER: "none", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.on("error", (e) => {
      log += String(e);
    });
    server.stdout?.on("data", (c: Buffer) => {
      log += c.toString();
    });
    server.stderr?.on("data", (c: Buffer) => {
      log += c.toString();
    });
    const until = Date.now() + 60_000;
    // Colour codes can split the URL ("localhost:\x1b[1m3000"), whatever NO_COLOR says under CI.
    while (!/https:\/\/localhost:\d+/.test(log.replace(/\x1b\[[0-9;]*m/g, ""))) {
      if (Date.now() > until || server.exitCode !== null) throw new Error(`vite did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(home, { recursive: true, force: true });
  });

  it("made the CA, the localhost certificate and its key where the dev server looks", () => {
    for (const f of ["ca.crt", "localhost.crt", "localhost.key"])
      expect(existsSync(join(certs, f))).toBe(true);
  });

  it("serves the task pane over verified HTTPS, office.js from Microsoft's CDN tag, icons and help page", async () => {
    const ca = readFileSync(join(certs, "ca.crt"));
    const pane = await fetchTls(`https://localhost:${port}/taskpane.html`, ca);
    expect(pane.status).toBe(200);
    expect(pane.body.toString()).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
    const icon = await fetchTls(`https://localhost:${port}/assets/icon-32.png`, ca);
    expect(icon.status).toBe(200);
    expect(icon.body.subarray(1, 4).toString()).toBe("PNG");
    const help = await fetchTls(`https://localhost:${port}/help.html`, ca);
    expect(help.status).toBe(200);
    expect(help.body.toString()).toContain("人大报告助手");
  });

  it("refuses a client that does not trust the generated CA (the certificate is not a public one)", async () => {
    await expect(fetchTls(`https://localhost:${port}/taskpane.html`)).rejects.toThrow();
  });
});
