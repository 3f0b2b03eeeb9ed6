/**
 * The office.js stand-in served at Microsoft's CDN URL in the real-browser test: it builds the Word or Excel
 * stand-in from the configuration the test injects and exposes the model so the test can read what changed.
 */
import { excelHost, excelOffice, newExcelModel, type XSheet } from "./excel.ts";
import { newWordModel, type WControl, wordHost, wordOffice } from "./word.ts";

interface Config {
  host: "word" | "excel";
  paragraphs?: string[];
  /** Block index → slot: that paragraph becomes a content control tagged renda:<slot>. */
  controls?: Record<number, string>;
  sheets?: XSheet[];
  sets?: Record<string, string>;
}

const w = window as unknown as Record<string, unknown> & { __RENDA_STANDIN__: Config };
const cfg = w.__RENDA_STANDIN__;
if (cfg.host === "word") {
  const model = newWordModel(cfg.paragraphs ?? [], cfg.sets);
  for (const [i, slot] of Object.entries(cfg.controls ?? {})) {
    const b = model.blocks[Number(i)]!;
    if ("para" in b) {
      const control: WControl = {
        tag: `renda:${slot}`,
        title: slot,
        cannotEdit: false,
        paragraphs: [b.para],
        table: null,
        after: [],
      };
      model.blocks[Number(i)] = { control };
    }
  }
  w.Office = wordOffice(model);
  w.Word = wordHost(model);
  w.__model = model;
} else {
  const model = newExcelModel(cfg.sheets ?? [], cfg.sets);
  w.Office = excelOffice(model);
  w.Excel = excelHost(model);
  w.__model = model;
}
