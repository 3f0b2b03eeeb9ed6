/**
 * Ledger rows → slot contents, by core's phrasing: the same metrics and sentences `renda fill --ledger` writes
 * into a .docx, so a report filled in Word and one filled on the command line read alike.
 */
import { buildSlots, computeMetrics, type DocumentKindId, type LedgerData, type SlotMap } from "../core.ts";

export type SlotBuilder = (
  data: LedgerData,
  options: { kind: DocumentKindId; year: number | null },
) => SlotMap;

export const coreSlots: SlotBuilder = (data, { kind, year }) =>
  buildSlots(computeMetrics(data, { year }), { kind, year });
