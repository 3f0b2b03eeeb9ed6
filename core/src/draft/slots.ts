/**
 * What goes into a Word slot (a content control tagged `renda:<slot>`): generated sentences or a table.
 * The contract between phrasing (metrics → Chinese text) and the writers (renda draft / renda fill / the add-in).
 */
export type SlotContent =
  | { kind: "paragraphs"; paragraphs: string[] }
  | {
      kind: "table";
      /** Table caption placed above it, e.g. "代表建议办理情况统计表". */
      caption?: string;
      header: string[];
      rows: string[][];
      /** Optional note under the table (data source, definitions). */
      note?: string;
    };

/** Slot name → content. Names are the part after "renda:" (e.g. "overview", "suggestions-table"). */
export type SlotMap = Record<string, SlotContent>;

export const SLOT_TAG_PREFIX = "renda:";

/**
 * Every slot the ledger phrasing can fill, per document kind, in the order a drafter meets them. A skeleton
 * made before any ledger is read (the add-in's "插入框架") gives each one a tagged control, so a later fill
 * finds them all. A 工作要点 states intentions, not results: it only gets the table of meetings planned.
 */
export const SLOTS_BY_KIND: Record<"work-report" | "work-plan", readonly string[]> = {
  "work-report": [
    "overview",
    "meetings-table",
    "appointments-table",
    "suggestions",
    "deputy-activities",
    "petitions",
    "suggestions-table",
  ],
  "work-plan": ["meetings-table"],
};

/** Where a slot belongs, by the naming convention of the ledger phrasing ("suggestions", "meetings-table"…). */
export function sectionOfSlot(slot: string): string {
  if (/^overview/.test(slot)) return "overview";
  if (/^(suggestion|deput|proposal)/.test(slot)) return "deputies";
  if (/^appointment/.test(slot)) return "appointments";
  if (/^(decision|resolution)/.test(slot)) return "decisions";
  if (/^filing/.test(slot)) return "rule-of-law";
  if (/^(supervision|oversight|agenda|inspection|meeting)/.test(slot)) return "supervision";
  if (/^petition/.test(slot)) return "deputies";
  return "annex";
}
