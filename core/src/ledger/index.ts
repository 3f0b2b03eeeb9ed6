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
