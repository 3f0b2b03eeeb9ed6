import { buildSlots } from "../phrasing/ledger.ts";
import type { SlotMap } from "../phrasing/slots.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import { type CheckOptions, checkLedger, type LedgerCheckResult } from "./check.ts";
import { computeMetrics, type LedgerMetrics, type MetricDefinitionsInput } from "./metrics.ts";

export { type CheckOptions, checkLedger, closest, type LedgerCheckResult, LedgerValidator } from "./check.ts";
export {
  chineseMeetingNumbering,
  chineseNumeral,
  formatDateZh,
  formatPercent,
  percentValue,
} from "./format.ts";
export { formatIssue, LedgerIssue } from "./issues.ts";
export {
  computeMetrics,
  DEFAULT_DEFINITIONS,
  type LedgerMetrics,
  MetricDefinitions,
  type MetricDefinitionsInput,
  resolvedLabel,
} from "./metrics.ts";
export { renderHuman, renderJson } from "./report.ts";
export { makeSampleLedger, type SampleOptions, writeSampleLedger } from "./sample.ts";
export * from "./schema.ts";
export {
  INSTRUCTIONS_SHEET,
  type TemplateOptions,
  writeLedgerTemplate,
  writeLedgerWorkbook,
} from "./template.ts";
export { DEFAULT_ZIP_LIMITS, LedgerFileError, type ZipLimits } from "./zip.ts";

/**
 * Ledger bytes → checked rows → metrics → slot contents, in one call (renda draft/fill --ledger, the add-in).
 * Slots are built only from rows without errors; the caller decides whether errors block (result.usable,
 * result.counts.error).
 */
export async function ledgerSlots(
  bytes: Uint8Array,
  options: CheckOptions & { kind: DocumentKindId; definitions?: MetricDefinitionsInput },
): Promise<{ check: LedgerCheckResult; metrics: LedgerMetrics | null; slots: SlotMap }> {
  const check = await checkLedger(bytes, options);
  if (!check.usable) return { check, metrics: null, slots: {} };
  const metrics = computeMetrics(check.data, {
    year: check.year,
    ...(options.definitions ? { definitions: options.definitions } : {}),
  });
  return { check, metrics, slots: buildSlots(metrics, { kind: options.kind, year: check.year }) };
}
