import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig, loadConfig, parseConfig } from "../../../core/src/config/index.ts";
import { lint } from "../../../core/src/lint.ts";

const FILE = "renda.config.json";

describe("renda.config.json", () => {
  it("switches rules and groups off and changes severities; a rule id beats its group", () => {
    const { options, errors } = parseConfig(
      `{
        // 本单位习惯写“其它”，不查
        "rules": { "confusable/qita": "off", "typography": "info", "typography/cjk-space": "error", },
      }`,
      FILE,
    );
    expect(errors).toEqual([]);
    const r = lint("企业家及其它各界代表,踊跃捐款,捐物,出力。加强代表 工作。", options);
    const ids = r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`);
    expect(ids).not.toContain("confusable/qita:warning");
    expect(ids).toContain("typography/halfwidth-punctuation:info");
    expect(ids).toContain("typography/cjk-space:error");
  });

  it("adds an office's own entries, checked in the same pass as the built-in ones", () => {
    const { options, errors } = parseConfig(
      JSON.stringify({
        entries: [
          {
            id: "local/zhongxiang-name",
            patterns: ["钟祥县"],
            expected: ["钟祥市"],
            message: "钟祥已于1992年撤县设市，应写“钟祥市”",
            severity: "error",
            source: "国务院批复（1992）",
            specs: { fire: ["钟祥县人大常委会。"], pass: ["钟祥市人大常委会。"] },
          },
          {
            id: "local/slogan",
            type: "enumeration",
            name: "三个钟祥",
            items: ["大美钟祥", "实力钟祥", "活力钟祥"],
            message: "“三个钟祥”须完整、按序",
            severity: "warning",
            source: "市委全会（2020）",
          },
        ],
      }),
      FILE,
    );
    expect(errors).toEqual([]);
    const r = lint("钟祥县人大常委会推动建设实力钟祥、大美钟祥、活力钟祥。", options);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(["local/zhongxiang-name", "local/slogan"]),
    );
    // A local entry is a suggestion unless it says "safe": true.
    const own = r.diagnostics.find((d) => d.ruleId === "local/zhongxiang-name")!;
    expect(own.fix).toBeNull();
    expect(own.suggestions![0]!.fix.text).toBe("钟祥市");
  });

  it("replaces a built-in entry that has the same id", () => {
    const { options, errors } = parseConfig(
      JSON.stringify({
        entries: [
          {
            id: "confusable/qita",
            patterns: ["其它"],
            expected: ["其他"],
            message: "本单位规定：一律写“其他”",
            severity: "error",
            source: "本单位公文规范",
          },
        ],
      }),
      FILE,
    );
    expect(errors).toEqual([]);
    const d = lint("其它代表。", options).diagnostics.find((x) => x.ruleId === "confusable/qita")!;
    expect(d.severity).toBe("error");
    expect(d.message).toContain("本单位规定");
  });

  it("names the line and column of a JSON syntax error", () => {
    const { errors, options } = parseConfig('{\n  "rules": {\n    "confusable/qita" "off"\n  }\n}', FILE);
    expect(options).toEqual({});
    expect(errors[0]).toMatchObject({ line: 3, column: 23 });
    expect(errors[0]!.message).toBe("renda.config.json 第3行第23列：此处缺少冒号");
  });

  it("names the line and column of a schema error, an unknown field and an unknown rule", () => {
    const text =
      '{\n  "rules": {\n    "confusable/qita": "of",\n    "nosuch/rule": "off"\n  },\n  "colour": 1\n}';
    const { errors } = parseConfig(text, FILE);
    const messages = errors.map((e) => e.message);
    expect(messages).toContain("renda.config.json 第6行第3列：未知的字段“colour”");
    expect(messages).toContain(
      'renda.config.json 第3行第5列：取值不对：规则设置应为 "off"、"error"、"warning" 或 "info"',
    );
  });

  it("rejects an unknown rule id with its position", () => {
    const { errors } = parseConfig('{\n  "rules": { "nosuch/rule": "off" }\n}', FILE);
    expect(errors).toEqual([
      {
        line: 2,
        column: 14,
        message: expect.stringMatching(/^renda\.config\.json 第2行第14列：未知的规则或规则组“nosuch\/rule”/),
      },
    ]);
  });

  it("checks local entries like built-in ones: fields, regular expressions and specs", () => {
    const bad = (entry: object) =>
      parseConfig(JSON.stringify({ entries: [entry] }, null, 2), FILE).errors.map((e) => e.message);
    const base = {
      id: "local/x",
      patterns: ["甲乙"],
      message: "甲乙不对",
      severity: "warning",
      source: "本单位",
    };
    expect(bad({ ...base, severity: "fatal" })[0]).toMatch(/第\d+行第\d+列：取值应为/);
    expect(bad({ ...base, id: "NoGroup" })[0]).toMatch(/规则编号须为“组\/名称”/);
    expect(bad({ ...base, context: { before: "([" } })[0]).toMatch(/正则表达式无效/);
    const list = {
      id: "local/y",
      type: "enumeration",
      name: "甲乙丙",
      items: ["甲甲", "乙乙", "丙丙"],
      message: "须完整",
      severity: "warning",
      source: "本单位",
      specs: { fire: ["甲甲、乙乙。"], pass: ["甲甲、乙乙、丙丙。"] },
    };
    expect(bad({ ...list, accept: [{ items: [0, 1], after: "([", source: "本单位" }] })[0]).toMatch(
      /正则表达式无效/,
    );
    expect(bad({ ...base, specs: { fire: ["丙丁。"], pass: ["戊己。"] } })[0]).toMatch(
      /例句“丙丁。”应触发规则 local\/x，但没有触发/,
    );
    expect(bad(base)).toEqual([]);
    // A missing or mistyped field is named, not just "类型不对" at the entry's brace.
    const { source: _omitted, ...noSource } = base;
    expect(bad(noSource)).toEqual(["renda.config.json 第3行第5列：缺少字段“source”（应为字符串）"]);
    expect(bad({ ...base, message: 3 })).toEqual([
      "renda.config.json 第8行第7列：字段“message”类型不对，应为字符串",
    ]);
  });

  it("finds the nearest config upwards and loads it", () => {
    const root = mkdtempSync(path.join(tmpdir(), "renda-config-"));
    const deep = path.join(root, "a", "b");
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(root, FILE), '{ "rules": { "typography": "off" } }');
    const found = findConfig(deep);
    expect(found).toBe(path.join(root, FILE));
    expect(loadConfig(found!).options.severity).toEqual({ typography: "off" });
    expect(loadConfig(path.join(root, "missing.json")).errors[0]!.message).toMatch(/文件不存在/);
  });
});
