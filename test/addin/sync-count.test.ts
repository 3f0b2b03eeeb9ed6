/**
 * Round trips: every operation makes the same number of context.sync() calls for a 5- and a 500-paragraph
 * document, and for a 10- and a 10,000-row ledger. A sync inside a loop would make the counts differ.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkSheets, summaryRows } from "../../addin/src/logic/ledger.ts";
import { skeletonFor } from "../../addin/src/logic/skeleton.ts";
import { excel } from "../../addin/src/office/excel.ts";
import { word } from "../../addin/src/office/word.ts";
import type { LocatedEdit, SlotMap } from "../../addin/src/ports.ts";
import { excelHost, excelOffice, newExcelModel } from "./standin/excel.ts";
import { ledgerSheets } from "./standin/ledger-sheets.ts";
import { Batch } from "./standin/mock.ts";
import { newWordModel, wordHost, wordOffice } from "./standin/word.ts";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Word;
  delete g.Excel;
  delete g.Office;
});

async function wordSyncs(paragraphCount: number): Promise<Record<string, number>> {
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
  await measure("applyEdits", () => word.applyEdits(edits));
  await measure("insertSkeleton", () => word.insertSkeleton(skeletonFor("work-report", 2025)));
  await measure("fillSlots", () => word.fillSlots(slots));
  await measure("saveIgnored", () => word.saveIgnored(edits.map((e) => `k${e.paragraph}`)));
  // The work was really done at this size: every paragraph got its fix.
  expect(model.writes.filter((w) => w.startsWith("replace")).length).toBe(paragraphCount);
  return counts;
}

async function excelSyncs(rows: number): Promise<Record<string, number>> {
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
  expect(check.rowCounts.Suggestions).toBe(rows);
  await measure("selectCell", () => excel.selectCell("代表建议", `F${rows}`));
  await measure("writeSummary", () => excel.writeSummary(summaryRows(check)));
  await measure("createTemplate", () => excel.createTemplate("AAAA", ["会议"], false));
  return counts;
}

describe("fixed number of context.sync() calls", () => {
  it("Word: 5 and 500 paragraphs take the same syncs per operation", async () => {
    const small = await wordSyncs(5);
    const big = await wordSyncs(500);
    expect(big).toEqual(small);
    expect(small).toEqual({
      readDocument: 1,
      select: 3,
      showCritiques: 3,
      applyEdits: 3,
      insertSkeleton: 1,
      fillSlots: 2,
      saveIgnored: 0,
    });
    console.log("word syncs (5 / 500 paragraphs):", JSON.stringify(small));
  });

  it("Excel: 10 and 10,000 rows take the same syncs per operation", async () => {
    const small = await excelSyncs(10);
    const big = await excelSyncs(10_000);
    expect(big).toEqual(small);
    expect(small).toEqual({ readLedger: 2, selectCell: 1, writeSummary: 2, createTemplate: 1 });
    console.log("excel syncs (10 / 10,000 rows):", JSON.stringify(small));
  });

  it("the counting mock catches a read before sync (so the counts above mean something)", async () => {
    const counter = { syncs: 0 };
    const batch = new Batch(counter);
    const ctx = batch.context({ document: { title: "x" } });
    const paragraphs = batch.collection([{ text: "a" }]);
    paragraphs.load("items/text");
    expect(Array.isArray(paragraphs.items)).toBe(false);
    await ctx.sync();
    expect(paragraphs.items).toEqual([{ text: "a" }]);
    expect(counter.syncs).toBe(1);
  });
});
