import { renderDraft } from "../../core/src/io/docx-draft.ts";
import { fillDocx } from "../../core/src/io/docx-fill.ts";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { writeSampleLedger } from "../../core/src/ledger/sample.ts";
import { ledgerSlots } from "../../core/src/phrasing/ledger-slots.ts";
import type { SlotMap } from "../../core/src/phrasing/slots.ts";
import { ms } from "./stats.ts";

/** GB/T 9704: 22 lines × 28 characters a page; a rough page count from the text, tables included. */
const CHARS_PER_PAGE = 22 * 28;

async function medianOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/**
 * Generating the draft: ledger → slots, the GB/T 9704 skeleton with the slots (renda draft), and refreshing
 * the slots of an existing draft (renda fill). The sample county ledger is grown until the draft (mostly the
 * meeting and suggestion tables) runs to about 20 pages.
 */
export async function run(): Promise<string> {
  const ledger = await writeSampleLedger({ year: 2025, suggestions: 1500 });
  const { slots: ledgerSlotMap } = await ledgerSlots(ledger, { kind: "work-report", year: 2025 });
  // A county year fills 6–8 pages; the meeting table is repeated (as for a five-year report) to reach ~20.
  const slots: SlotMap = { ...ledgerSlotMap };
  const meetings = slots["meetings-table"];
  if (meetings?.kind === "table") {
    slots["meetings-table"] = { ...meetings, rows: Array.from({ length: 10 }, () => meetings.rows).flat() };
  }
  const draft = await renderDraft({ kind: "work-report", year: 2025, slots });
  const text = readDocx(draft)
    .blocks.map((b) => b.text)
    .join("");
  const pages = Math.round(text.length / CHARS_PER_PAGE);
  const tSlots = await medianOf(10, () => ledgerSlots(ledger, { kind: "work-report", year: 2025 }));
  const tDraft = await medianOf(20, () => renderDraft({ kind: "work-report", year: 2025, slots }));
  const tFill = await medianOf(20, async () => fillDocx(draft, slots));
  return [
    "## Draft generation (issue 4)",
    "",
    `Input: the sample county ledger with 1,500 代表建议 rows (${(ledger.length / 1024).toFixed(0)} KiB), its meeting table repeated ten times; the draft holds ${text.length} characters, about ${pages} pages at 22 × 28 characters. Median of 10–20 warm runs.`,
    "",
    "| step | median |",
    "|---|---|",
    `| ledger → slots (read, check, metrics, sentences and tables) | ${ms(tSlots)} |`,
    `| render the .docx draft with its slots (renda draft) | ${ms(tDraft)} |`,
    `| refill the slots of the draft (renda fill) | ${ms(tFill)} |`,
    "",
  ].join("\n");
}
