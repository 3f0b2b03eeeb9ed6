/**
 * Round trips: every operation makes the same number of context.sync() calls for a 5- and a 500-paragraph
 * document, and for a 10- and a 10,000-row ledger. A sync inside a loop would make the counts differ.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Batch } from "./standin/mock.ts";
import { clearHosts, excelSyncs, wordSyncs } from "./standin/sync-counts.ts";

afterEach(clearHosts);

describe("fixed number of context.sync() calls", () => {
  it("Word: 5 and 500 paragraphs take the same syncs per operation", async () => {
    const small = await wordSyncs(5);
    const big = await wordSyncs(500);
    expect(big).toEqual(small);
    expect(small).toEqual({
      readDocument: 1,
      select: 3,
      showCritiques: 3,
      insertComments: 3,
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
