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
