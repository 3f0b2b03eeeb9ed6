/**
 * Counts context.sync() calls per add-in operation on the office-addin-mock stand-ins, at a given document or
 * ledger size. Shared by the round-trip test and `npm run bench`, so the figures recorded are the tested ones.
 */
import { checkSheets, summaryRows } from "../../../addin/src/logic/ledger.ts";
import { skeletonFor } from "../../../addin/src/logic/skeleton.ts";
import { excel } from "../../../addin/src/office/excel.ts";
import { word } from "../../../addin/src/office/word.ts";
import type { LocatedEdit, SlotMap } from "../../../addin/src/ports.ts";
import { excelHost, excelOffice, newExcelModel } from "./excel.ts";
import { ledgerSheets } from "./ledger-sheets.ts";
import { newWordModel, wordHost, wordOffice } from "./word.ts";

const g = globalThis as Record<string, unknown>;

/** Removes the stand-in globals an earlier measurement installed. */
export function clearHosts(): void {
  delete g.Word;
  delete g.Excel;
  delete g.Office;
}

export async function wordSyncs(paragraphCount: number): Promise<Record<string, number>> {
  const texts = Array.from({ length: paragraphCount }, (_, i) => `第${i + 1}段，开展执法检查2次、视察2次。`);
  const model = newWordModel(texts);
  const host = wordHost(model);
  g.Word = host;
  g.Office = wordOffice(model);
  const counts: Record<string, number> = {};
  const measure = async (name: string, op: () => Promise<unknown>) => {
    host.counter.syncs = 0;
    await op();
    counts[name] = host.counter.syncs;
  };
  const edits: LocatedEdit[] = texts.map((t, i) => ({
    paragraph: i,
    paragraphText: t,
    offset: t.indexOf("2"),
    length: 1,
    text: "两",
  }));
  const slots: SlotMap = { overview: { kind: "paragraphs", paragraphs: ["共召开会议8次。"] } };
  await measure("readDocument", () => word.readDocument());
  await measure("select", () => word.select(edits[edits.length - 1]!));
  await measure("showCritiques", () =>
    word.showCritiques(
      edits.map((e) => ({
        paragraph: e.paragraph,
        offset: e.offset,
        length: 1,
        severity: "warning" as const,
      })),
    ),
  );
  await measure("insertComments", () =>
    word.insertComments(edits.map((e) => ({ ...e, text: "【警告】数字写法" }))),
  );
  await measure("applyEdits", () => word.applyEdits(edits));
  await measure("insertSkeleton", () => word.insertSkeleton(skeletonFor("work-report", 2025)));
  await measure("fillSlots", () => word.fillSlots(slots));
  await measure("saveIgnored", () => word.saveIgnored(edits.map((e) => `k${e.paragraph}`)));
  // The work was really done at this size: every paragraph got its fix.
  const replaced = model.writes.filter((w) => w.startsWith("replace")).length;
  if (model.comments.length !== paragraphCount)
    throw new Error(`expected ${paragraphCount} comments, got ${model.comments.length}`);
  if (replaced !== paragraphCount)
    throw new Error(`expected ${paragraphCount} replacements, got ${replaced}`);
  return counts;
}

export async function excelSyncs(rows: number): Promise<Record<string, number>> {
  const model = newExcelModel(ledgerSheets(rows));
  const host = excelHost(model);
  g.Excel = host;
  g.Office = excelOffice(model);
  const counts: Record<string, number> = {};
  const measure = async <T>(name: string, op: () => Promise<T>): Promise<T> => {
    host.counter.syncs = 0;
    const r = await op();
    counts[name] = host.counter.syncs;
    return r;
  };
  const sheets = await measure("readLedger", () => excel.readLedger());
  const check = await checkSheets(sheets, 2025);
  if (check.rowCounts.Suggestions !== rows)
    throw new Error(`read ${check.rowCounts.Suggestions} of ${rows} rows`);
  await measure("selectCell", () => excel.selectCell("代表建议", `F${rows}`));
  await measure("writeSummary", () => excel.writeSummary(summaryRows(check)));
  await measure("createTemplate", () => excel.createTemplate("AAAA", ["会议"], false));
  return counts;
}
