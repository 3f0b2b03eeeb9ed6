import { describe, expect, it } from "vitest";
import { lint } from "../../../core/src/lint.ts";
import { compiledPacks, compilePacks, expandQuotes } from "../../../core/src/rules/engine/compile.ts";
import { datedApplies, fromYearOf, periodYear, writtenYear } from "../../../core/src/rules/engine/period.ts";
import { BUILTIN_PACKS } from "../../../core/src/rules/packs/index.ts";
import { type RulePack, RulePack as RulePackSchema } from "../../../core/src/rules/packs/schema.ts";
import { builtinRules } from "../../../core/src/rules/registry.ts";
import { Diagnostic } from "../../../core/src/schema/diagnostic.ts";

const pack = (entries: unknown[]): RulePack => RulePackSchema.parse({ id: "t", title: "测试", entries });
const spec = { fire: ["甲。"], pass: ["乙。"] };

describe("pack compilation", () => {
  it("matches a quoted slogan with and without its quotation marks", () => {
    expect(expandQuotes("“两个机关”建设")).toEqual(["“两个机关”建设", "两个机关建设", '"两个机关"建设']);
    expect(expandQuotes("其它")).toEqual(["其它"]);
  });

  it("builds one automaton for all packs and caches it per pack set", () => {
    const a = compiledPacks(BUILTIN_PACKS);
    expect(compiledPacks(BUILTIN_PACKS)).toBe(a);
    const patterns = BUILTIN_PACKS.flatMap((p) => p.entries).length;
    expect(a.automaton.patterns.length).toBeGreaterThan(patterns);
  });

  it("reuses the compiled rules for equal local packs passed as new arrays", () => {
    const local = () => [
      pack([
        {
          id: "local/a",
          patterns: ["甲"],
          expected: ["乙"],
          message: "甲应为乙",
          severity: "warning",
          source: "本单位",
          specs: spec,
        },
      ]),
    ];
    const first = builtinRules(local());
    expect(builtinRules(local())).toBe(first);
    expect(builtinRules()).not.toBe(first);
  });

  it("lets a later pack replace an entry with the same id", () => {
    const base = { patterns: ["其它"], expected: ["其他"], severity: "warning", source: "测试", specs: spec };
    const set = compilePacks([
      pack([{ ...base, id: "x/a", message: "旧" }]),
      pack([{ ...base, id: "x/a", message: "新" }]),
    ]);
    expect(set.entries).toHaveLength(1);
    expect(set.entries[0]!.entry.message).toBe("新");
  });
});

describe("dated entries", () => {
  const report = { review: 2020, tasks: 2021 };
  it("reads the years a passage describes and the year a text was written", () => {
    expect(periodYear("review", report)).toBe(2020);
    expect(periodYear("tasks", report)).toBe(2021);
    expect(periodYear("plan", { plan: 2024, presented: 2024 })).toBe(2024);
    expect(writtenYear(report)).toBe(2021);
    expect(writtenYear({ review: 2023 })).toBe(2024);
    expect(writtenYear({ plan: 2024 })).toBe(2024);
  });

  it("judges a period entry by the part: a 2020 review may name the campaign, its 2021 tasks may not", () => {
    const campaign = { changed: "2021-01-01", judge: "period", direction: "after" } as const;
    expect(fromYearOf(campaign)).toBe(2021);
    expect(datedApplies(campaign, "review", report)).toBe(false);
    expect(datedApplies(campaign, "tasks", report)).toBe(true);
  });

  it("judges a written entry by when the text was written, whatever the part", () => {
    const renamed = { changed: "2021-10-14", judge: "written", direction: "after" } as const;
    expect(datedApplies(renamed, "tasks", report)).toBe(false);
    expect(datedApplies(renamed, "review", { review: 2021, tasks: 2022 })).toBe(true);
    const notYet = { changed: "2020-11-17", judge: "written", direction: "before" } as const;
    expect(datedApplies(notYet, "review", report)).toBe(false);
    expect(datedApplies(notYet, "plan", { plan: 2020 })).toBe(true);
  });

  it("stays silent on a text without any year instead of guessing from today's date", () => {
    const renamed = { changed: "2018-03-11", judge: "written", direction: "after" } as const;
    const campaign = { changed: "2021-01-01", judge: "period", direction: "after" } as const;
    const notYet = { changed: "2020-11-17", judge: "written", direction: "before" } as const;
    expect(datedApplies(renamed, "other", {})).toBe(false);
    expect(datedApplies(campaign, "other", {})).toBe(false);
    expect(datedApplies(notYet, "other", {})).toBe(false);
    expect(lint("督促“一府两院”依法履职。").diagnostics.map((d) => d.ruleId)).not.toContain(
      "term/yifu-liangyuan",
    );
    // A sentence that names its own year can still be judged.
    expect(lint("2023年，持续开展扫黑除恶专项斗争。").diagnostics.map((d) => d.ruleId)).toContain(
      "term/saohei-zhuanxiang",
    );
  });
});

describe("findings", () => {
  it("respect the Diagnostic schema, grouped ones included", () => {
    const r = lint("企业家及其它各界代表,踊跃捐款,捐物,出力。督促“一府两院”依法履职。增长15～30%。");
    expect(r.diagnostics.length).toBeGreaterThan(2);
    for (const d of r.diagnostics) expect(Diagnostic.safeParse(d).success, d.ruleId).toBe(true);
  });

  it("carry the rule's source and the date the wording changed", () => {
    const d = lint("督促“一府两院”依法履职。", { year: 2024 }).diagnostics.find(
      (x) => x.ruleId === "term/yifu-liangyuan",
    )!;
    expect(d.source).toContain("2018-03-11");
    expect(d.expected).toEqual(["一府一委两院"]);
  });

  it("switch off per entry id and per group, as renda.config.json does", () => {
    const text = "其它代表,布署工作,开展调研,提出建议。";
    const ids = (severity: Record<string, "off" | "info">) =>
      lint(text, { severity }).diagnostics.map((d) => d.ruleId);
    expect(ids({ "confusable/qita": "off" })).not.toContain("confusable/qita");
    expect(ids({ "confusable/qita": "off" })).toContain("confusable/bushu");
    expect(ids({ confusable: "off" }).filter((id) => id.startsWith("confusable/"))).toEqual([]);
    expect(ids({ confusable: "off", "confusable/bushu": "info" })).toContain("confusable/bushu");
  });
});
