import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Office only loads add-ins over HTTPS: the dev server uses the localhost certificate office-addin-dev-certs
 * installs (`npx office-addin-dev-certs install`, once per machine). The build needs no certificate.
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
    port: 3000,
    strictPort: true,
    https: command === "serve" && !process.env.RENDA_NO_HTTPS ? await devCerts() : undefined,
    fs: { allow: [resolve(here, "..")] },
  },
}));

async function devCerts() {
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  return getHttpsServerOptions();
}
