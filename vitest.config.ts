import { defineConfig } from "vitest/config";

// Tests import @renda/core's TypeScript sources (its "source" export condition) rather than core/dist, which a
// fresh checkout has not built. Vitest resolves Node-environment tests with the server conditions and jsdom
// ones with the client conditions; each list is Vite 8's default with "source" in front.
export default defineConfig({
  resolve: { conditions: ["source", "module", "browser", "development|production"] },
  ssr: { resolve: { conditions: ["source", "module", "node", "development|production"] } },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Builds core/dist when it is not current, so spawned `renda` runs what users install (see the file).
    globalSetup: ["test/helpers/global-setup.ts"],
    // Real-browser and LibreOffice tests spawn heavy processes; two cores cannot run many at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    // beforeAll hooks spawn the CLI too (a sample ledger, say); 10 s was not enough on a loaded machine.
    hookTimeout: 60_000,
  },
});
