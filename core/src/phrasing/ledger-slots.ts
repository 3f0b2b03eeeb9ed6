import type { SlotMap } from "../draft/slots.ts";
import {
  type CheckOptions,
  checkLedger,
  computeMetrics,
  type LedgerCheckResult,
  type LedgerMetrics,
  type MetricDefinitionsInput,
} from "../ledger/index.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import { buildSlots } from "./ledger.ts";

/**
 * Ledger bytes → checked rows → metrics → slot contents, in one call (renda draft/fill --ledger, the add-in).
 * It lives in phrasing, not ledger: phrasing reads the ledger's figures, so the ledger must not import it back.
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
