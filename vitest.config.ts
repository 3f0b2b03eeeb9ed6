import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Real-browser and LibreOffice tests spawn heavy processes; two cores cannot run many at once.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
