import { afterAll, beforeAll } from "vitest";
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  servePages,
  type TestPage,
} from "./harness.ts";

/**
 * A test file's page server and Chromium with the built extension: started before its tests, closed after.
 * The two are returned as stand-ins that forward to the real objects once they exist, so a file can write
 * `const { browser, server } = withExtension(…)` at the top instead of the same let/beforeAll/afterAll block.
 */
export function withExtension(pages: Record<string, TestPage>): {
  browser: ExtensionBrowser;
  server: PageServer;
} {
  let browser: ExtensionBrowser | undefined;
  let server: PageServer | undefined;
  beforeAll(async () => {
    server = await servePages(pages);
    browser = await launchWithExtension();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const forward = <T extends object>(get: () => T | undefined): T =>
    new Proxy({} as T, {
      get: (_, key) => {
        const target = get();
        if (!target)
          throw new Error("withExtension: the browser is started in beforeAll, use it inside a test");
        return Reflect.get(target, key);
      },
    });
  return { browser: forward(() => browser), server: forward(() => server) };
}
