import { type LintOptions, type RulePack, type Severity, unsafeRegex } from "@renda/core";

/**
 * The reviewer's settings: types, defaults and migrations (pure; storage.ts reads and writes them).
 * Reading always goes through `migrate`, so stored data of any earlier shape comes back complete.
 */

export const RULE_GROUPS = [
  { id: "section", name: "章节结构（缺少、顺序、空章节、重复）" },
  { id: "numbering", name: "序号编排" },
  { id: "term", name: "过时表述" },
  { id: "formulation", name: "规范提法" },
  { id: "confusable", name: "易混淆字词" },
  { id: "number", name: "数字用法" },
  { id: "typography", name: "标点与排版" },
  { id: "consistency", name: "前后一致（数字、年份、百分比）" },
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number]["id"];

export type KindSetting = "auto" | "work-report" | "work-plan" | "gov-report" | "other";

const KIND_SETTINGS: readonly string[] = ["auto", "work-report", "work-plan", "gov-report", "other"];

/** What core's parseConfig made of an imported renda.config.json: plain JSON, as stored. */
export interface RulePackConfig {
  kind?: KindSetting;
  year?: number;
  severity?: Record<string, Severity | "off">;
  packs?: RulePack[];
  suppress?: boolean;
}

/** A local rule pack imported on the options page (the same renda.config.json the CLI reads). */
export interface StoredRulePack {
  /** The file name it came from, or 粘贴的配置 for pasted text. */
  name: string;
  /** ISO time of the import. */
  importedAt: string;
  /**
   * The text as imported. The content script uses `config`; the text is kept so that a later version whose
   * pack format changed can re-parse it in a migration instead of dropping the reviewer's pack.
   */
  source: string;
  config: RulePackConfig;
}

export interface Options {
  version: 2;
  kind: KindSetting;
  /** The year the document covers; null = detect from the text. */
  year: number | null;
  groups: Record<RuleGroup, boolean>;
  sites: {
    /** "everywhere": every site except `deny`; "listed": only `allow`. */
    mode: "everywhere" | "listed";
    allow: string[];
    deny: string[];
  };
  /** The office's own rules, imported from a renda.config.json; null = none. */
  rulePack: StoredRulePack | null;
}

export const OPTIONS_KEY = "renda.options";

export function defaultOptions(): Options {
  return {
    version: 2,
    kind: "auto",
    year: null,
    groups: Object.fromEntries(RULE_GROUPS.map((g) => [g.id, true])) as Record<RuleGroup, boolean>,
    sites: { mode: "everywhere", allow: [], deny: [] },
    rulePack: null,
  };
}

type Stored = Record<string, unknown>;

/**
 * Ordered migrations: entry i turns version i data into version i + 1. Version 0 is anything without a version
 * (hand-edited storage, development builds): it may name the kind in Chinese and list sites as one string.
 */
const MIGRATIONS: ReadonlyArray<(old: Stored) => Stored> = [
  (old) => {
    const kind = old.kind === "工作报告" ? "work-report" : old.kind === "工作要点" ? "work-plan" : old.kind;
    const sites = old.sites;
    const list = (v: unknown) =>
      typeof v === "string"
        ? v.split(/[\s,，]+/).filter(Boolean)
        : Array.isArray(v)
          ? v.filter((s): s is string => typeof s === "string")
          : [];
    const siteObj =
      sites && typeof sites === "object" && !Array.isArray(sites)
        ? (sites as Stored)
        : { mode: "everywhere", deny: list(sites) };
    return {
      ...old,
      version: 1,
      kind,
      sites: { ...siteObj, allow: list(siteObj.allow), deny: list(siteObj.deny) },
    };
  },
  // Version 2 adds the imported rule pack: none until the reviewer imports one.
  (old) => ({ ...old, version: 2, rulePack: null }),
];

export const CURRENT_VERSION = MIGRATIONS.length;

/** Any stored value → complete current options; unknown or wrong-typed fields fall back to the defaults. */
export function migrate(stored: unknown): Options {
  let data: Stored = stored && typeof stored === "object" ? { ...(stored as Stored) } : {};
  let version = typeof data.version === "number" ? data.version : 0;
  while (version < CURRENT_VERSION) {
    data = MIGRATIONS[version]!(data);
    version++;
  }
  const d = defaultOptions();
  const kind =
    typeof data.kind === "string" && KIND_SETTINGS.includes(data.kind) ? (data.kind as KindSetting) : "auto";
  const year =
    typeof data.year === "number" && Number.isInteger(data.year) && data.year >= 1979 && data.year <= 2100
      ? data.year
      : null;
  const groups = { ...d.groups };
  if (data.groups && typeof data.groups === "object") {
    for (const g of RULE_GROUPS) {
      const v = (data.groups as Stored)[g.id];
      if (typeof v === "boolean") groups[g.id] = v;
    }
  }
  const s = (data.sites ?? {}) as Stored;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  return {
    version: 2,
    kind,
    year,
    groups,
    sites: {
      mode: s.mode === "listed" ? "listed" : "everywhere",
      allow: strings(s.allow),
      deny: strings(s.deny),
    },
    rulePack: storedRulePack(data.rulePack),
  };
}

/**
 * The stored pack if it has the shape the import wrote, else null. Its entries were validated by core's
 * parseConfig (schema, regexes, specs) when imported; here only what could break the content script is checked.
 */
function storedRulePack(v: unknown): StoredRulePack | null {
  if (!v || typeof v !== "object") return null;
  const p = v as Stored;
  const c = p.config as Stored | undefined;
  if (typeof p.name !== "string" || typeof p.source !== "string" || !c || typeof c !== "object") return null;
  const packs = c.packs;
  if (
    packs !== undefined &&
    !(Array.isArray(packs) && packs.every((k) => k && typeof k === "object" && Array.isArray(k.entries)))
  )
    return null;
  if (c.severity !== undefined && (typeof c.severity !== "object" || c.severity === null)) return null;
  // A pack stored before expressions were held to the safe subset (or edited in storage) must not run its
  // expressions in every page: one that would not be imported today is dropped here.
  if (Array.isArray(packs) && packs.some((k) => (k.entries as unknown[]).some(hasUnsafeRegex))) return null;
  return {
    name: p.name,
    importedAt: typeof p.importedAt === "string" ? p.importedAt : "",
    source: p.source,
    config: c as RulePackConfig,
  };
}

function hasUnsafeRegex(entry: unknown): boolean {
  if (!entry || typeof entry !== "object") return true;
  const e = entry as Record<string, unknown>;
  for (const where of ["context", "unless"]) {
    const around = e[where] as Record<string, unknown> | undefined;
    for (const side of ["before", "after"]) {
      const src = around?.[side];
      if (src !== undefined && (typeof src !== "string" || unsafeRegex(src) !== null)) return true;
    }
  }
  return false;
}

/** Whether the content script should run on a host name. Patterns: "oa.gov.cn", "*.gov.cn", "127.0.0.1". */
export function siteAllowed(options: Options, host: string): boolean {
  const h = host.toLowerCase();
  const match = (pattern: string) => {
    const p = pattern.trim().toLowerCase();
    if (!p) return false;
    if (p.startsWith("*.")) return h === p.slice(2) || h.endsWith(p.slice(1));
    return h === p;
  };
  if (options.sites.deny.some(match)) return false;
  if (options.sites.mode === "listed") return options.sites.allow.some(match);
  return true;
}

/**
 * The core's lint options for these settings. The options page's own choices beat the imported pack's, as
 * the CLI's arguments beat its config file: a kind or year set here wins, and a rule group switched off here
 * stays off even where the pack sets one of its rules.
 */
export function lintOptionsOf(
  options: Options,
): LintOptions & { severity: Record<string, Severity | "off"> } {
  const pack = options.rulePack?.config;
  const severity: Record<string, Severity | "off"> = { ...pack?.severity };
  for (const g of RULE_GROUPS) {
    if (options.groups[g.id]) continue;
    for (const id of Object.keys(severity)) if (id.startsWith(`${g.id}/`)) delete severity[id];
    severity[g.id] = "off";
  }
  const out: LintOptions & { severity: Record<string, Severity | "off"> } = {
    kind: options.kind !== "auto" ? options.kind : (pack?.kind ?? "auto"),
    severity,
  };
  const year = options.year ?? pack?.year;
  if (year !== undefined) out.year = year;
  if (pack?.packs && pack.packs.length > 0) out.packs = pack.packs;
  if (pack?.suppress !== undefined) out.suppress = pack.suppress;
  return out;
}
