import { unzipSync } from "fflate";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { formatIssue } from "../../../core/src/ledger/issues.ts";
import { writeLedgerWorkbook } from "../../../core/src/ledger/template.ts";
import { edit, smallLedger } from "./fixtures.ts";

/**
 * Issue 13, "each sheet inflated once": the streaming reader used to inflate every sheet part twice, once in
 * inspectWorkbook to find its merged cells and gauge its depth, once to read its cells. Every inflation in
 * core goes through zip-format.ts's inflateSlices (io/zip.ts's inflateEntrySlices wraps it, and the ledger's
 * readers go through that), so counting its calls per part name counts the inflations.
 */
const inflations = vi.hoisted(() => new Map<string, number>());

vi.mock("../../../core/src/io/zip-format.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../core/src/io/zip-format.ts")>();
  return {
    ...real,
    // Counted when the first slice is asked for: a generator made but never run has inflated nothing.
    inflateSlices: function* (...args: Parameters<typeof real.inflateSlices>) {
      inflations.set(args[0], (inflations.get(args[0]) ?? 0) + 1);
      yield* real.inflateSlices(...args);
    },
  };
});

let ledger: Uint8Array;
let sheetParts: string[];
/** Every part with content (an empty one has nothing to inflate). */
let allParts: string[];

beforeAll(async () => {
  ledger = await edit(await writeLedgerWorkbook(smallLedger()), (wb) => {
    // Merged ranges on three sheets; on 任免 the merge's top-left cell C3 is blank, so a merge issue and a
    // cell error share a cell and their order is decided by the tie-break, not by the cell address.
    wb.getWorksheet("备案审查")!.mergeCells("C2:C3");
    const appointments = wb.getWorksheet("任免")!;
    appointments.getCell("C3").value = null;
    appointments.mergeCells("C3:C4");
    wb.getWorksheet("代表建议")!.mergeCells("B5:C5");
    wb.getWorksheet("代表建议")!.mergeCells("H10:H11");
  });
  const files = unzipSync(ledger);
  allParts = Object.keys(files).filter((n) => files[n]!.length > 0);
  sheetParts = allParts.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
});

beforeEach(() => inflations.clear());

const once = (parts: string[]) => Object.fromEntries(parts.map((p) => [p, 1]));
const counted = (parts: string[]) => Object.fromEntries(parts.map((p) => [p, inflations.get(p) ?? 0]));

const lines = (r: Awaited<ReturnType<typeof checkLedger>>) =>
  r.issues.map((i) => `${i.severity} ${formatIssue(i)}`);

describe("the streaming ledger reader", () => {
  it("inflates each worksheet part exactly once, and still reports every merged range", async () => {
    // A multi-sheet workbook: the template's ledger sheets and its 说明 sheet.
    expect(sheetParts.length).toBeGreaterThanOrEqual(8);
    const r = await checkLedger(ledger, { reader: "stream", year: 2025 });
    // The stream path really ran: checkLedger picks the reader from this option alone (no size threshold),
    // and the rows it read came through it.
    expect(r.reader).toBe("stream");
    expect(r.usable).toBe(true);
    expect(r.rowCounts.Suggestions).toBe(12);
    expect(counted(sheetParts)).toEqual(once(sheetParts));
    // And the rest of the package too: the shared strings, the styles and workbook.xml, which the stream
    // reader needs, are read once, and the relationships and tables inspectWorkbook reads whole are not
    // inflated a second time to check them.
    expect(counted(allParts)).toEqual(once(allParts));
    expect(allParts).toEqual(
      expect.arrayContaining(["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]),
    );
    expect(r.issues.filter((i) => i.code === "cell/merged").map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      "任免!C3:C4",
      "代表建议!B5:C5",
      "代表建议!H10:H11",
      "备案审查!C2:C3",
    ]);
  });

  it("lists the issues in the same order as the whole-file reader, a merged range before its top-left cell's", async () => {
    const stream = await checkLedger(ledger, { reader: "stream", year: 2025 });
    const full = await checkLedger(ledger, { reader: "full", year: 2025 });
    expect(lines(stream)).toEqual(lines(full));
    const appointments = lines(stream).filter((l) => l.includes("任免!C3"));
    expect(appointments).toEqual([
      "error 任免!C3:C4：合并单元格C3:C4：台账不能合并单元格，合并区域只有左上角有值、其余按空白统计；请取消合并并逐格填写",
      "error 任免!C3：姓名为必填项，此处为空",
    ]);
  });

  it("the whole-file reader's inspection still inflates each part itself, once (the counter sees both paths)", async () => {
    const r = await checkLedger(ledger, { reader: "full", year: 2025 });
    expect(r.reader).toBe("full");
    // exceljs inflates with its own library; ours inflates each part once before it, to find the merged cells
    // and to check every part's size, CRC-32 and depth.
    expect(counted(allParts)).toEqual(once(allParts));
  });
});
