import { lint } from "@renda/core";
import { describe, expect, it } from "vitest";
import { CURRENT_VERSION, lintOptionsOf, migrate } from "../../extension/src/lib/options.ts";
import { importRulePack, PASTED_NAME, packSummary } from "../../extension/src/lib/rule-pack.ts";

/** The office's config as docs/config.md shows it: a place name that changed, comments and trailing commas. */
const CONFIG = `{
  // 钟祥已撤县设市
  "rules": { "confusable/qita": "off", "typography": "warning" },
  "entries": [
    {
      "id": "local/zhongxiang-name",
      "patterns": ["钟祥县"],
      "expected": ["钟祥市"],
      "message": "钟祥已于1992年撤县设市，应写“钟祥市”",
      "severity": "error",
      "source": "国务院批复（1992）",
    },
  ],
}`;

const TEXT = "钟祥县人大常委会工作报告\n其它工作按计划推进。";

describe("importing a renda.config.json on the options page", () => {
  it("a good config becomes a stored pack: its entry flags the term, its rule settings apply", () => {
    const r = importRulePack(CONFIG, "renda.config.json", new Date("2026-03-01T08:00:00Z"));
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
    expect(r.pack).toMatchObject({ name: "renda.config.json", importedAt: "2026-03-01T08:00:00.000Z" });
    expect(r.pack.source).toBe(CONFIG);
    expect(packSummary(r.pack)).toEqual({ entries: 1, rules: 2 });
    // What storage hands back to the content script (a JSON round trip, then migrate) still lints.
    const options = migrate(JSON.parse(JSON.stringify({ ...migrate(undefined), rulePack: r.pack })));
    const ids = lint(TEXT, lintOptionsOf(options)).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain("local/zhongxiang-name");
    expect(ids).not.toContain("confusable/qita");
    const without = lint(TEXT, lintOptionsOf(migrate(undefined))).diagnostics.map((d) => d.ruleId);
    expect(without).not.toContain("local/zhongxiang-name");
    expect(without).toContain("confusable/qita");
  });

  it("a broken file is refused with Chinese messages naming the line and column", () => {
    const r = importRulePack('{\n  "rules": {\n    "typography" "warning"\n  }\n}', "renda.config.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 3, column: 18 });
    expect(r.errors[0]!.message).toBe("renda.config.json 第3行第18列：此处缺少冒号");
  });

  it("an unknown field, an unknown rule and an entry whose own example fails are each refused where they are", () => {
    const unknown = importRulePack('{\n  "colour": "red"\n}', PASTED_NAME);
    expect(!unknown.ok && unknown.errors[0]!.message).toBe("粘贴的配置 第2行第3列：未知的字段“colour”");
    const rule = importRulePack('{ "rules": { "nosuch/rule": "off" } }', PASTED_NAME);
    expect(!rule.ok && rule.errors[0]!.message).toContain("未知的规则或规则组“nosuch/rule”");
    const spec = importRulePack(
      JSON.stringify({
        entries: [
          {
            id: "local/x",
            patterns: ["钟祥县"],
            expected: ["钟祥市"],
            message: "应写钟祥市",
            severity: "error",
            source: "本地",
            specs: { fire: ["钟祥市人大。"], pass: ["钟祥市。"] },
          },
        ],
      }),
      PASTED_NAME,
    );
    expect(!spec.ok && spec.errors[0]!.message).toContain("应触发规则 local/x，但没有触发");
  });

  it("an empty config is refused: there would be nothing to show or remove", () => {
    const r = importRulePack("{ }", PASTED_NAME);
    expect(!r.ok && r.errors[0]!.message).toContain("没有可导入的内容");
  });
});

describe("the stored pack in the options: migration and precedence", () => {
  it("version 1 data gains an empty rule pack slot and keeps everything else", () => {
    const o = migrate({
      version: 1,
      kind: "work-plan",
      year: 2026,
      groups: { typography: false },
      sites: { mode: "listed", allow: ["oa.example.gov.cn"], deny: [] },
    });
    expect(CURRENT_VERSION).toBe(2);
    expect(o.version).toBe(2);
    expect(o.rulePack).toBeNull();
    expect(o).toMatchObject({ kind: "work-plan", year: 2026, groups: { typography: false } });
    expect(o.sites.allow).toEqual(["oa.example.gov.cn"]);
  });

  it("a hand-edited pack of the wrong shape is dropped instead of breaking the content script", () => {
    expect(
      migrate({ version: 2, rulePack: { name: "x", source: "{}", config: { packs: "no" } } }).rulePack,
    ).toBe(null);
    expect(migrate({ version: 2, rulePack: "renda.config.json" }).rulePack).toBeNull();
  });

  it("the page's kind, year and switched-off groups beat the pack's own settings", () => {
    const r = importRulePack(
      '{ "kind": "work-plan", "year": 2025, "rules": { "term/yifu-liangyuan": "warning", "typography": "error" } }',
      PASTED_NAME,
    );
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const fromPack = lintOptionsOf({ ...migrate(undefined), rulePack: r.pack });
    expect(fromPack).toMatchObject({ kind: "work-plan", year: 2025 });
    expect(fromPack.severity).toEqual({ "term/yifu-liangyuan": "warning", typography: "error" });
    const page = lintOptionsOf({
      ...migrate({ version: 2, kind: "work-report", year: 2024, groups: { term: false } }),
      rulePack: r.pack,
    });
    expect(page).toMatchObject({ kind: "work-report", year: 2024 });
    expect(page.severity).toEqual({ term: "off", typography: "error" });
  });
});
