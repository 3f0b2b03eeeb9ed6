import { findNodeAtLocation, type Node, type ParseError, parseTree } from "jsonc-parser";
import { z } from "zod";
import type { LintOptions } from "../lint.ts";
import { lint } from "../lint.ts";
import { mergeEntries } from "../rules/engine/compile.ts";
import { BUILTIN_PACKS } from "../rules/packs/index.ts";
import {
  EnumerationEntry,
  LiteralEntry,
  type PackEntry,
  type RulePack,
  type SpecCase,
} from "../rules/packs/schema.ts";
import { builtinRules } from "../rules/registry.ts";
import { Severity } from "../schema/diagnostic.ts";
import { unsafeRegex } from "./safe-regex.ts";

export { CONFIG_NAMES } from "./names.ts";

const Setting = z.union([Severity, z.literal("off")]);

/**
 * renda.config.json (comments and trailing commas allowed):
 *   kind / year: what the document is, when detection is not wanted;
 *   rules: rule id or group → "off" | "error" | "warning" | "info";
 *   entries: the office's own pack entries (its place names, its slogans), same shape as the built-in packs,
 *            ids under "local/…" or an existing id to replace a built-in entry;
 *   suppress: false to ignore inline renda-disable markers.
 */
export const RendaConfig = z
  .object({
    $schema: z.string().optional(),
    kind: z.enum(["work-report", "work-plan", "gov-report", "other", "auto"]).optional(),
    year: z.number().int().min(1949).max(2100).optional(),
    rules: z.record(z.string(), Setting).optional(),
    entries: z.array(z.unknown()).optional(),
    suppress: z.boolean().optional(),
  })
  .strict();
export type RendaConfig = z.infer<typeof RendaConfig>;

export interface ConfigError {
  line: number;
  column: number;
  /** Ready to print: "renda.config.json 第3行第5列：……". */
  message: string;
}

export interface ParsedConfig {
  options: Partial<LintOptions>;
  errors: ConfigError[];
}

const PARSE_ERROR: Record<number, string> = {
  1: "无效的符号",
  2: "数字格式不对",
  3: "此处应为属性名（用双引号括起）",
  4: "此处应为一个值",
  5: "此处缺少冒号",
  6: "此处缺少逗号",
  7: "此处缺少右花括号 }",
  8: "此处缺少右方括号 ]",
  9: "此处应为文件结尾",
  10: "注释不完整",
  11: "注释没有结束",
  12: "字符串没有结束（缺少双引号）",
  13: "数字没有结束",
  14: "无效的 Unicode 转义",
  15: "无效的转义字符",
  16: "无效的字符",
};

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `类型不对，应为${typeName(issue.expected)}`;
    case "unrecognized_keys":
      return `未知的字段：${issue.keys.map((k) => `“${k}”`).join("、")}`;
    case "invalid_value":
      return `取值应为：${issue.values.map((v) => JSON.stringify(v)).join("、")}`;
    case "too_small":
      return issue.origin === "array"
        ? `至少需要${issue.minimum}项`
        : `不能小于${issue.minimum}（或不能为空）`;
    case "too_big":
      return `不能大于${issue.maximum}`;
    case "invalid_union":
      return '取值不对：规则设置应为 "off"、"error"、"warning" 或 "info"';
    default:
      return issue.message;
  }
}

function typeName(t: string): string {
  return (
    { string: "字符串", number: "数字", boolean: "true 或 false", object: "对象 {…}", array: "数组 […]" }[
      t
    ] ?? t
  );
}

/**
 * Reads renda.config.json text. Never throws: every problem comes back with its line and column, so a user can
 * fix the file without reading code. Local entries are validated like built-in ones and their specs are run.
 */
export function parseConfig(text: string, file: string): ParsedConfig {
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string) => {
    const { line, column } = lineColumn(text, offset);
    errors.push({ line, column, message: `${file} 第${line}行第${column}列：${message}` });
  };
  const deep = tooDeep(text);
  if (deep !== -1) {
    at(deep, `嵌套超过 ${MAX_CONFIG_DEPTH} 层，不是有效的配置；请检查是否多写了括号`);
    return { options: {}, errors };
  }
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) at(e.offset, PARSE_ERROR[e.error] ?? "JSON 语法错误");
  if (parseErrors.length > 0 || !tree) {
    if (!tree && parseErrors.length === 0) at(0, "文件为空，应为一个 JSON 对象 {…}");
    return { options: {}, errors };
  }
  const nodeAt = (path: (string | number)[]): Node => {
    for (let k = path.length; k >= 0; k--) {
      const n = findNodeAtLocation(tree, path.slice(0, k));
      if (n) return n.parent?.type === "property" && k === path.length ? n.parent : n;
    }
    return tree;
  };
  const report = (path: (string | number)[], issue: z.core.$ZodIssue) => {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) at(nodeAt([...path, key]).offset, `未知的字段“${key}”`);
      return;
    }
    const field = path[path.length - 1];
    if (issue.code === "invalid_type" && typeof field === "string") {
      // Name the field: at an entry's "{" a bare "类型不对" does not say which of its fields is meant.
      const missing = !findNodeAtLocation(tree, path);
      at(
        nodeAt(path).offset,
        missing
          ? `缺少字段“${field}”（应为${typeName(issue.expected)}）`
          : `字段“${field}”${issueMessage(issue)}`,
      );
      return;
    }
    at(nodeAt(path).offset, issueMessage(issue));
  };

  const top = RendaConfig.safeParse(nodeValue(tree));
  if (!top.success) {
    for (const issue of top.error.issues) report(issue.path as (string | number)[], issue);
    return { options: {}, errors };
  }
  const config = top.data;

  const entries: PackEntry[] = [];
  (config.entries ?? []).forEach((raw, i) => {
    const path = ["entries", i];
    const schema =
      raw && typeof raw === "object" && (raw as { type?: unknown }).type === "enumeration"
        ? EnumerationEntry
        : LiteralEntry;
    const r = schema.safeParse(withDefaultSpecs(raw));
    if (!r.success) {
      for (const issue of r.error.issues) report([...path, ...(issue.path as (string | number)[])], issue);
      return;
    }
    const bad = badRegex(r.data);
    if (bad) {
      at(
        nodeAt([...path, ...bad.where]).offset,
        bad.unsafe
          ? `条目“${r.data.id}”的 ${bad.where.join(".")} 正则表达式不被接受：${bad.message}`
          : `正则表达式无效：${bad.message}`,
      );
      return;
    }
    entries.push(r.data);
  });

  const localPack: RulePack = { id: "local", title: "本地规则（renda.config.json）", entries, fixed: [] };
  const packs = entries.length > 0 ? [localPack] : [];
  const known = knownIds(packs);
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id))
      at(nodeAt(["rules", id]).offset, `未知的规则或规则组“${id}”（规则一览见 docs/rules.md）`);
  }
  if (errors.length === 0) {
    entries.forEach((entry, i) => {
      for (const problem of specProblems(entry, packs)) at(nodeAt(["entries", i, "specs"]).offset, problem);
    });
  }

  const options: Partial<LintOptions> = {};
  if (config.kind) options.kind = config.kind;
  if (config.year !== undefined) options.year = config.year;
  if (config.rules) options.severity = config.rules;
  if (packs.length > 0) options.packs = packs;
  if (config.suppress !== undefined) options.suppress = config.suppress;
  return { options, errors };
}

/** getNodeValue without the dependency on its exact semantics for duplicate keys: the last one wins. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "object": {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return o;
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** An office's entry need not carry specs: its first pattern must fire, its replacement must not. */
function withDefaultSpecs(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "specs" in raw) return raw;
  const r = raw as { patterns?: unknown; expected?: unknown; items?: unknown };
  if (Array.isArray(r.patterns) && typeof r.patterns[0] === "string") {
    const pass = Array.isArray(r.expected) && typeof r.expected[0] === "string" ? r.expected[0] : "。";
    return { ...r, specs: { fire: [`${r.patterns[0]}。`], pass: [pass || "。"] } };
  }
  if (Array.isArray(r.items) && r.items.every((x) => typeof x === "string")) {
    return {
      ...r,
      specs: { fire: [`${[...r.items].reverse().join("、")}。`], pass: [`${r.items.join("、")}。`] },
    };
  }
  return raw;
}

function badRegex(entry: PackEntry): { where: (string | number)[]; message: string; unsafe?: true } | null {
  if (entry.type === "enumeration") {
    for (const [i, form] of entry.accept.entries()) {
      if (form.after === undefined) continue;
      const where = ["accept", i, "after"];
      try {
        new RegExp(form.after, "u");
      } catch (e) {
        return { where, message: (e as Error).message };
      }
      const unsafe = unsafeRegex(form.after);
      if (unsafe) return { where, message: unsafe, unsafe: true };
    }
    return null;
  }
  if (entry.type !== "literal") return null;
  for (const where of ["context", "unless"] as const) {
    for (const side of ["before", "after"] as const) {
      const src = entry[where]?.[side];
      if (src === undefined) continue;
      try {
        new RegExp(src, "u");
      } catch (e) {
        return { where: [where, side], message: (e as Error).message };
      }
      // Before the entry's specs run: an expression that backtracks without end would hang right here.
      const unsafe = unsafeRegex(src);
      if (unsafe) return { where: [where, side], message: unsafe, unsafe: true };
    }
  }
  return null;
}

/** Nesting beyond this is no config a person wrote; the JSON parser and the schema recurse per level. */
const MAX_CONFIG_DEPTH = 64;

/** Offset where brackets nest deeper than MAX_CONFIG_DEPTH (strings and comments skipped), or -1. */
function tooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === "{" || c === "[") {
      if (++depth > MAX_CONFIG_DEPTH) return i;
    } else if (c === "}" || c === "]") depth--;
  }
  return -1;
}

function knownIds(local: readonly RulePack[]): Set<string> {
  const ids = new Set<string>();
  for (const rule of builtinRules()) {
    ids.add(rule.meta.id);
    ids.add(rule.meta.group);
  }
  for (const { entry } of mergeEntries([...BUILTIN_PACKS, ...local])) {
    ids.add(entry.id);
    ids.add(entry.id.slice(0, entry.id.indexOf("/")));
  }
  return ids;
}

/** Runs a local entry's specs as the test suite runs the built-in ones; a wrong local rule is caught at load. */
export function specProblems(entry: PackEntry, packs: readonly RulePack[]): string[] {
  const problems: string[] = [];
  const run = (spec: SpecCase) => {
    const c = typeof spec === "string" ? { text: spec } : spec;
    const r = lint(c.text, { kind: "work-plan", year: c.year ?? 2024, packs });
    return { c, hits: r.diagnostics.filter((d) => d.ruleId === entry.id) };
  };
  for (const spec of entry.specs.fire) {
    const { c, hits } = run(spec);
    if (hits.length === 0) problems.push(`例句“${c.text}”应触发规则 ${entry.id}，但没有触发`);
  }
  for (const spec of entry.specs.pass) {
    const { c, hits } = run(spec);
    if (hits.length > 0) problems.push(`例句“${c.text}”不应触发规则 ${entry.id}，但触发了`);
  }
  return problems;
}
