/** Plain-object ports for component tests: the panes render and work without any Office object. */
import type {
  ExcelPort,
  FillReport,
  LocatedComment,
  LocatedEdit,
  SettingsPort,
  SheetData,
  SkeletonParagraph,
  SlotMap,
  WordPort,
} from "../../addin/src/ports.ts";

export function fakeWord(paragraphs: string[], fillReport?: FillReport) {
  const calls = {
    selected: [] as Omit<LocatedEdit, "text">[],
    fills: [] as SlotMap[],
    ignored: [] as string[],
    skeleton: [] as SkeletonParagraph[],
    reinserted: [] as string[],
    comments: [] as LocatedComment[],
  };
  const port: WordPort = {
    readDocument: async () => ({
      paragraphs: paragraphs.map((text) => ({ text })),
      ignored: [...calls.ignored],
      tracking: false,
    }),
    select: async (at) => {
      calls.selected.push(at);
    },
    applyEdits: async (edits) => {
      for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
        const p = paragraphs[e.paragraph]!;
        paragraphs[e.paragraph] = p.slice(0, e.offset) + e.text + p.slice(e.offset + e.length);
      }
      return { applied: edits.length, skipped: [] };
    },
    saveIgnored: async (keys) => {
      calls.ignored = keys;
    },
    insertSkeleton: async (p) => {
      calls.skeleton = p;
    },
    fillSlots: async (slots) => {
      calls.fills.push(slots);
      return (
        fillReport ?? { filled: Object.keys(slots), missing: [], failed: [], untouched: [], warnings: [] }
      );
    },
    insertSlotAtCursor: async (slot) => {
      calls.reinserted.push(slot);
    },
    insertComments: async (comments) => {
      calls.comments.push(...comments);
      return { inserted: comments.length, skipped: [] };
    },
    showCritiques: async () => false,
  };
  return { port, calls, paragraphs };
}

/** Document settings as a Map; `saved` counts writes, as saveAsync would. */
export function fakeSettings(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  const calls = { saved: 0 };
  const port: SettingsPort = {
    get: (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
      calls.saved++;
    },
  };
  return { port, values, calls };
}

export function fakeExcel(sheets: SheetData[], existing: string[] = []) {
  const calls = {
    selected: [] as string[],
    summary: [] as (string | number)[][],
    templates: [] as { names: string[]; replace: boolean; base64: string }[],
  };
  const port: ExcelPort = {
    readLedger: async () => sheets,
    selectCell: async (sheet, cell) => {
      calls.selected.push(`${sheet}!${cell}`);
    },
    createTemplate: async (base64, names, replace) => {
      calls.templates.push({ names, replace, base64 });
      const conflicts = names.filter((n) => existing.includes(n));
      return conflicts.length && !replace ? { created: false, conflicts } : { created: true, conflicts };
    },
    writeSummary: async (rows) => {
      calls.summary = rows;
    },
  };
  return { port, calls };
}

/** The stand-in's sheets as the Excel adapter returns them (dates as Date objects). */
export function sheetData(
  sheets: {
    name: string;
    cells: (string | number | boolean | null)[][];
    formats: string[][];
    tables: { name: string; ref: string }[];
  }[],
): SheetData[] {
  return sheets.map((s) => ({
    name: s.name,
    tables: s.tables,
    merges: [],
    firstRow: 1,
    firstColumn: 1,
    values: s.cells.map((r, i) =>
      r.map((v, j) =>
        typeof v === "number" && s.formats[i]?.[j] === "yyyy-mm-dd"
          ? new Date(Math.round((v - 25569) * 86400000))
          : v,
      ),
    ),
  }));
}

export const SAMPLE_REPORT = [
  "××县人民代表大会常务委员会工作报告",
  "各位代表：",
  "现在，我受××县人民代表大会常务委员会委托，向大会报告工作，请予审议。",
  "2024年主要工作回顾",
  "一、坚持党的全面领导",
  "1、加强政治引领。常委会认真学习贯彻党的二十大精神。",
  "二、依法履行监督职责",
  "开展执法检查2次，视察调研5次。",
  "三、自身建设",
  "加强常委会自身建设。",
  "2025年主要任务",
  "一、坚持党的全面领导",
  "二、监督工作",
];

/** jsdom has no ResizeObserver; Fluent's MessageBar observes its own size for reflow. */
export function installDomGaps(): void {
  const g = globalThis as { ResizeObserver?: unknown };
  g.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
