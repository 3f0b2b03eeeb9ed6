import { describe, expect, it } from "vitest";
import {
  emptyLedger,
  LEDGER_TABLES,
  LedgerData,
  MeetingRow,
  ROW_SCHEMAS,
  SuggestionRow,
} from "../../../core/src/ledger/schema.ts";

/**
 * Each ledger table is declared once (LEDGER_TABLES: columns, types, allowed values, required, Chinese headers);
 * the typed rows and their schemas follow from it. A statistician's row either fits the declaration or is
 * rejected, whichever table it belongs to.
 */
describe("ledger tables declared once", () => {
  const sample = (c: (typeof LEDGER_TABLES)[number]["columns"][number]): unknown =>
    c.type === "date"
      ? "2025-03-28"
      : c.type === "integer"
        ? 3
        : c.type === "enum"
          ? c.values![0]
          : "某项内容";

  for (const def of LEDGER_TABLES) {
    describe(`${def.sheet} (${def.table})`, () => {
      const full = Object.fromEntries([["row", 2], ...def.columns.map((c) => [c.key, sample(c)])]);

      it("a row filling every declared column is accepted as it is", () => {
        expect(ROW_SCHEMAS[def.table].parse(full)).toEqual(full);
      });

      for (const c of def.columns) {
        it(`${c.header}: ${c.requiredCell ? "must be filled" : "may be blank"}`, () => {
          const blank = ROW_SCHEMAS[def.table].safeParse({ ...full, [c.key]: null });
          expect(blank.success).toBe(!c.requiredCell);
          if (c.type === "enum")
            expect(ROW_SCHEMAS[def.table].safeParse({ ...full, [c.key]: "不在列表中" }).success).toBe(false);
          if (c.type === "integer")
            expect(ROW_SCHEMAS[def.table].safeParse({ ...full, [c.key]: -1 }).success).toBe(false);
          if (c.type === "date")
            expect(ROW_SCHEMAS[def.table].safeParse({ ...full, [c.key]: "2025年3月28日" }).success).toBe(
              false,
            );
          if (c.type === "text" && c.requiredCell)
            expect(ROW_SCHEMAS[def.table].safeParse({ ...full, [c.key]: "" }).success).toBe(false);
        });
      }
    });
  }

  it("the named row schemas and the whole-ledger schema are the same derivation", () => {
    expect(
      MeetingRow.safeParse({
        row: 2,
        date: "2025-01-08",
        type: "主任会议",
        name: "第一次主任会议",
        note: null,
      }).success,
    ).toBe(true);
    expect(
      SuggestionRow.safeParse({
        row: 3,
        id: "1",
        title: "关于……的建议",
        leadDeputy: "张三",
        handler: "县交通运输局",
        isKey: null,
        result: "已解决",
        answeredOn: null,
        satisfaction: "满意",
      }).success,
    ).toBe(true);
    expect(Object.keys(emptyLedger())).toEqual(LEDGER_TABLES.map((t) => t.table));
    expect(LedgerData.safeParse(emptyLedger()).success).toBe(true);
    expect(LedgerData.safeParse({ ...emptyLedger(), Meetings: [{ row: 2 }] }).success).toBe(false);
  });
});
