import { type ConfigError, parseConfig } from "@renda/core";
import type { RulePackConfig, StoredRulePack } from "./options.ts";

/** The name shown for a pack pasted into the options page rather than read from a file. */
export const PASTED_NAME = "粘贴的配置";

export type ImportResult = { ok: true; pack: StoredRulePack } | { ok: false; errors: ConfigError[] };

/**
 * A renda.config.json as the CLI reads it (comments and trailing commas allowed) → the pack the extension
 * stores. Validation is core's own parseConfig: the same schema, the same Chinese messages with line and
 * column, and each local entry's example sentences run once here, so a wrong entry never reaches the pages.
 */
export function importRulePack(text: string, name: string, now: Date = new Date()): ImportResult {
  const { options, errors } = parseConfig(text, name);
  if (errors.length > 0) return { ok: false, errors };
  const config: RulePackConfig = {};
  if (options.kind) config.kind = options.kind;
  if (options.year !== undefined) config.year = options.year;
  if (options.severity) config.severity = { ...options.severity };
  if (options.packs) config.packs = [...options.packs];
  if (options.suppress !== undefined) config.suppress = options.suppress;
  if (Object.keys(config).length === 0)
    return {
      ok: false,
      errors: [
        { line: 1, column: 1, message: `${name}：没有可导入的内容（entries、rules、kind、year 都没有写）` },
      ],
    };
  // Storage keeps JSON; a round trip now means what the content script reads back is exactly what was checked.
  const stored = JSON.parse(JSON.stringify(config)) as RulePackConfig;
  return { ok: true, pack: { name, importedAt: now.toISOString(), source: text, config: stored } };
}

/** What the options page says about an imported pack. */
export function packSummary(pack: StoredRulePack): { entries: number; rules: number } {
  const entries = (pack.config.packs ?? []).reduce((n, p) => n + p.entries.length, 0);
  return { entries, rules: Object.keys(pack.config.severity ?? {}).length };
}
