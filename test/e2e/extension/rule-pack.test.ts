import { expect, it } from "vitest";
import { openPanel, shotPath, waitForBadge } from "./harness.ts";
import { PAGES } from "./pages.ts";
import { withExtension } from "./with-extension.ts";

/**
 * An office's own wording rule, imported on the options page from the same renda.config.json the CLI reads,
 * reaches an open editor page at once; removing it takes the finding away again.
 */

const { browser, server } = withExtension({ contenteditable: PAGES.contenteditable! });

const RULE = "local/minsheng-lingyu";
const CONFIG = `{
  // 本单位文稿规范：监督工作按领域表述
  "entries": [
    {
      "id": "${RULE}",
      "patterns": ["民生事业监督"],
      "expected": ["民生领域监督"],
      "message": "本单位统一写作“民生领域监督”",
      "severity": "error",
      "source": "市人大常委会办公室文稿规范（2024）",
    },
  ],
}
`;

it("a renda.config.json imported in the options flags its term in the editor; removing it clears the finding", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/contenteditable.html`);
  await page.waitForFunction("window.__test !== undefined");
  const before = await waitForBadge(page, (b) => b.errors >= 2, "the draft's own errors", "contenteditable");

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator("[data-renda-pack-none]").waitFor();

  // A broken paste is refused with the place of the mistake, and nothing is stored.
  await options
    .locator('textarea[name="rule-pack-text"]')
    .fill('{\n  "entries": [\n    { "id" "local/x" }\n  ]\n}');
  await options.locator('button[name="import-pasted"]').click();
  await expect
    .poll(() => options.locator("[data-renda-pack-errors] li").allTextContents())
    .toEqual(["粘贴的配置 第3行第12列：此处缺少冒号"]);
  await expect(options.locator("[data-renda-pack-none]").count()).resolves.toBe(1);

  await options.locator('input[name="rule-pack-file"]').setInputFiles({
    name: "renda.config.json",
    mimeType: "application/json",
    buffer: Buffer.from(CONFIG, "utf8"),
  });
  const shown = options.locator("[data-renda-pack]");
  await shown.waitFor();
  expect(await shown.getAttribute("data-renda-pack")).toBe("renda.config.json");
  expect(await shown.textContent()).toContain("1 个条目");
  expect(await options.locator("[data-renda-pack-errors]").count()).toBe(0);
  await options.screenshot({ path: shotPath("options-rule-pack"), fullPage: true });

  // The open page re-checks with the pack: one more error, listed in the side panel under the local rule.
  const withPack = await waitForBadge(
    page,
    (b) => b.errors === before.errors + 1,
    "the local rule's finding",
    "contenteditable",
  );
  expect(withPack.missing).toEqual(before.missing);
  const panel = await openPanel(browser, page);
  const finding = panel.locator(`li[data-rule="${RULE}"]`);
  await finding.waitFor({ timeout: 10_000 });
  expect(await finding.textContent()).toContain("本单位统一写作“民生领域监督”");
  await panel.screenshot({ path: shotPath("rule-pack-panel"), fullPage: true });

  await options.bringToFront();
  await options.locator('button[name="remove-pack"]').click();
  await options.locator("[data-renda-pack-none]").waitFor();
  await waitForBadge(page, (b) => b.errors === before.errors, "the finding gone", "contenteditable");
  await expect.poll(() => panel.locator(`li[data-rule="${RULE}"]`).count(), { timeout: 5_000 }).toBe(0);
  await panel.close();
  await options.close();
  await page.close();
}, 90_000);
