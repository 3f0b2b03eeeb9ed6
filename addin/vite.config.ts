import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Office only loads add-ins over HTTPS: the dev server uses the localhost certificate office-addin-dev-certs
 * keeps in ~/.office-addin-dev-certs (`npm run certs -w addin`, once per machine; `npm run start:*` does it
 * too). The build needs no certificate. RENDA_DEV_PORT moves the server off 3000 (the manifest's port) for
 * the smoke test, which runs beside other servers.
 */
export default defineConfig(async ({ command }) => ({
  root: here,
  plugins: [react()],
  // Vite's own output goes to static/ so that public/assets (the manifest's icons) keeps its URLs.
  build: {
    outDir: "dist",
    assetsDir: "static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { taskpane: resolve(here, "taskpane.html"), commands: resolve(here, "commands.html") },
    },
  },
  server: {
    port: Number(process.env.RENDA_DEV_PORT ?? 3000),
    strictPort: true,
    https: command === "serve" && !process.env.RENDA_NO_HTTPS ? await devCerts() : undefined,
    fs: { allow: [resolve(here, "..")] },
  },
}));

/**
 * Reads the certificate files when they are there and still valid; only otherwise asks office-addin-dev-certs
 * to create and trust them (which prompts for the system trust store). Reading first keeps the dev server from
 * touching the trust store on every start, and lets the smoke test use certificates made in a scratch HOME.
 */
async function devCerts() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  const ca = join(dir, "ca.crt");
  if (existsSync(cert) && existsSync(key) && existsSync(ca)) {
    const validTo = Date.parse(new X509Certificate(readFileSync(cert)).validTo);
    if (validTo > Date.now() + 24 * 3600_000)
      return { cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(ca) };
  }
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  return getHttpsServerOptions();
}
