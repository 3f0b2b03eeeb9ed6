import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../core/src/config/parse.ts";
import { lint } from "../../../core/src/lint.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function jsoncBlocks(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), "utf8");
  return [...text.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe("configuration examples in the docs are valid", () => {
  it.each(["README.md", "docs/config.md"])("%s", (file) => {
    const blocks = jsoncBlocks(file);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const { errors, options } = parseConfig(block, file);
      expect(errors).toEqual([]);
      expect(lint("钟祥县人大常委会。", options).diagnostics.map((d) => d.ruleId)).toContain(
        "local/zhongxiang-name",
      );
    }
  });
});
