import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../core/src/config/parse.ts";
import { unsafeRegex } from "../../core/src/config/safe-regex.ts";
import { CURRENT_VERSION, migrate } from "../../extension/src/lib/options.ts";
import { importRulePack } from "../../extension/src/lib/rule-pack.ts";
import { renda } from "../helpers/cli.ts";

// Each CLI run starts node and tsx: seconds apiece on a shared, loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

/**
 * Issue 14: a regular expression from a renda.config.json in a parent folder, `(.*.*)*Z`, hung lint; the
 * extension would run an imported pack's expressions in every page. Such expressions are now refused when the
 * config is parsed (CLI, add-in and extension all parse through parseConfig), with the entry named.
 */

function entryWith(before: string): string {
  return JSON.stringify({
    entries: [
      {
        id: "local/slow",
        type: "literal",
        patterns: ["一府两院"],
        expected: ["“一府一委两院”"],
        message: "x",
        severity: "warning",
        source: "本单位",
        context: { before },
      },
    ],
  });
}

describe("the accepted subset", () => {
  it.each([
    ["(.*.*)*Z", /嵌套重复/],
    ["(a+)+$", /嵌套重复/],
    ["(?:a|ab)*c", /嵌套重复/],
    ["((?:x\\d{1,3})+)+", /嵌套重复/],
    ["(a)\\1", /反向引用/],
    ["(?<q>a)\\k<q>", /反向引用/],
    [".*.*.*Z", /超过 2 处/],
    ["a{1,100000}", /上限过大/],
  ])("refuses %s", (src, why) => {
    expect(unsafeRegex(src)).toMatch(why);
  });

  it.each([
    "[^。；;]{1,20}?(?:也要|又要)",
    "人大|人民代表大会|人民政府|\\d|[一二三四五六七八九十]",
    "了?(?:决定|决议|贡献)",
    "(?:的|之)?工作$",
    "[(（]\\d+[)）]",
    "\\p{Script=Han}+",
    "(?<!全国)人大",
  ])("accepts %s", (src) => {
    expect(unsafeRegex(src)).toBeNull();
  });
});

describe("configs with such expressions are refused, fast, with the entry named", () => {
  it("parseConfig names the entry and the field, without running it", () => {
    const start = Date.now();
    const r = parseConfig(entryWith("(.*.*)*Z"), "renda.config.json");
    expect(Date.now() - start).toBeLessThan(2000);
    expect(r.errors.map((e) => e.message).join("\n")).toMatch(/local\/slow.*context\.before.*嵌套重复/);
  });

  it("the extension's pack import refuses it as well", () => {
    const r = importRulePack(entryWith("(a+)+$"), "规则包.json");
    expect(r.ok).toBe(false);
  });

  it("a pack already in the extension's storage with such an expression is not run", () => {
    const stored = (before: string) => ({
      version: CURRENT_VERSION,
      rulePack: {
        name: "旧规则包",
        source: "{}",
        importedAt: "",
        config: {
          packs: [{ id: "local", title: "本地", entries: [{ id: "local/x", context: { before } }] }],
        },
      },
    });
    expect(migrate(stored("(a+)+$")).rulePack).toBeNull();
    expect(migrate(stored("人大|政府")).rulePack?.name).toBe("旧规则包");
  });

  it("lint with such a config in a parent folder: exit 2 in seconds, not a hang", () => {
    const d = mkdtempSync(join(tmpdir(), "renda-regex-"));
    writeFileSync(join(d, "renda.config.json"), entryWith("(.*.*)*Z"));
    const sub = join(d, "下级");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.txt"), `一、坚持党的全面领导\n${"一府两院".repeat(3)}${"a".repeat(40)}。\n`);
    const r = renda(["lint", join(sub, "a.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("local/slow");
  }, 180_000);

  it("a config nested 10,000 levels deep is exit 2 with a message, not a stack trace", () => {
    const d = mkdtempSync(join(tmpdir(), "renda-regex-"));
    writeFileSync(join(d, "renda.config.json"), `{"entries": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
    writeFileSync(join(d, "a.txt"), "一、坚持党的全面领导\n");
    const r = renda(["lint", join(d, "a.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("嵌套超过");
    expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
  }, 180_000);

  it("a config that turns checks off is named, and the switch-off is said", () => {
    const d = mkdtempSync(join(tmpdir(), "renda-regex-"));
    writeFileSync(join(d, "renda.config.json"), JSON.stringify({ rules: { typography: "off" } }));
    const sub = join(d, "下级");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.txt"), "一、坚持党的全面领导\n严格执行请示报告制度,确保正确方向。\n");
    const r = renda(["lint", join(sub, "a.txt")]);
    expect(r.stderr).toContain(`使用配置文件：${join(d, "renda.config.json")}`);
    expect(r.stderr).toMatch(/注意：该配置文件关闭了 1 项检查：typography/);
  }, 180_000);
});
