import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { LEDGER_TABLES } from "../../../core/src/ledger/schema.ts";
import { writeLedgerTemplate, writeLedgerWorkbook } from "../../../core/src/ledger/template.ts";
import { smallLedger } from "./fixtures.ts";

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("ledger template", () => {
  it("has the instructions sheet, then one sheet per table holding a named Excel table with the headers", async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "说明",
      "会议",
      "议题",
      "监督活动",
      "任免",
      "代表建议",
      "备案审查",
      "代表活动",
      "信访",
    ]);
    for (const def of LEDGER_TABLES) {
      const ws = wb.getWorksheet(def.sheet)!;
      const table = ws.getTable(def.table) as unknown as {
        table: { ref: string; columns: { name: string }[] };
      };
      expect(table, def.table).toBeTruthy();
      expect(table.table.columns.map((c) => c.name)).toEqual(def.columns.map((c) => c.header));
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(def.columns.map((c) => c.header));
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(def.columns.map((_, i) => ws.getColumn(i + 1).width)).toEqual(def.columns.map((c) => c.width));
    }
  });

  it("puts drop-down lists on enumerated columns, date checks and formats on date columns", async () => {
    const wb = await load(await writeLedgerTemplate({ year: 2025 }));
    const ws = wb.getWorksheet("代表建议")!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const result = dv.F2 ?? Object.entries(dv).find(([k]) => k.startsWith("F2"))?.[1];
    expect(result).toMatchObject({ type: "list", formulae: ['"已解决,正在解决,计划解决,留作参考"'] });
    const date = dv.G2 ?? Object.entries(dv).find(([k]) => k.startsWith("G2"))?.[1];
    expect(date?.type).toBe("date");
    expect(ws.getColumn(7).numFmt).toBe("yyyy-mm-dd");
    const meetings = wb.getWorksheet("会议")!;
    const dvm = (
      meetings as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const type = dvm.B2 ?? Object.entries(dvm).find(([k]) => k.startsWith("B2"))?.[1];
    expect(type?.formulae).toEqual(['"人民代表大会会议,常委会会议,主任会议"']);
  });

  it("explains every table and column in Chinese on the instructions sheet", async () => {
    const wb = await load(await writeLedgerTemplate());
    const text = wb
      .getWorksheet("说明")!
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string")
      .join("\n");
    expect(text).toContain("填写须知");
    for (const def of LEDGER_TABLES) {
      expect(text).toContain(`${def.sheet}（${def.table}）`);
      for (const c of def.columns) expect(text).toContain(c.header);
    }
    expect(text).toContain("可选值：已解决/正在解决/计划解决/留作参考");
  });

  it("checks clean: the empty template has no errors, only empty-table warnings", async () => {
    const r = await checkLedger(await writeLedgerTemplate({ year: 2025 }), { year: 2025 });
    expect(r.usable).toBe(true);
    expect(r.counts.error).toBe(0);
    expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(["table/empty"]));
  });

  it("round-trips filled rows through exceljs with the same values", async () => {
    const input = smallLedger();
    const r = await checkLedger(await writeLedgerWorkbook(input), { year: 2025 });
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
    for (const def of LEDGER_TABLES) {
      const rows = r.data[def.table].map(({ row: _, ...rest }) => rest);
      expect(rows, def.table).toEqual(input[def.table]);
    }
  });

  it("is read back by LibreOffice (csv export of every sheet) with the same headers and values", () => {
    const dir = mkdtempSync(join(tmpdir(), "renda-ledger-lo-"));
    return writeLedgerWorkbook(smallLedger()).then((bytes) => {
      writeFileSync(join(dir, "ledger.xlsx"), bytes);
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          // 44 = comma, 34 = quote, 76 = UTF-8; the last token -1 exports every sheet to <name>-<sheet>.csv.
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          dir,
          join(dir, "ledger.xlsx"),
        ],
        { stdio: "pipe", timeout: 60_000 },
      );
      const csv = (sheet: string) =>
        readFileSync(join(dir, `ledger-${sheet}.csv`), "utf8")
          .trim()
          .split("\n")
          .map((l) => l.split(","));
      for (const def of LEDGER_TABLES) {
        expect(csv(def.sheet)[0], def.sheet).toEqual(def.columns.map((c) => c.header));
      }
      const suggestions = csv("代表建议");
      expect(suggestions).toHaveLength(13);
      expect(suggestions[1]).toEqual([
        "2025001",
        "关于第001号事项的建议",
        "张代表",
        "县交通运输局",
        "是",
        "已解决",
        "2025-04-10",
        "满意",
      ]);
      expect(suggestions[5]).toEqual([
        "2025005",
        "关于第005号事项的建议",
        "张代表",
        "县交通运输局",
        "否",
        "",
        "",
        "",
      ]);
      const meetings = csv("会议");
      expect(meetings[2]).toEqual(["2025-02-20", "常委会会议", "县十八届人大常委会第二十次会议", ""]);
      const activities = csv("代表活动");
      expect(activities.slice(1).map((r) => r[2])).toEqual(["8", "10", "7", "30", "120"]);
    });
  }, 90_000);
});

describe("a ledger saved again by LibreOffice (its own XML: styles, shared strings, tables)", () => {
  it("reads the same rows with the streaming and the whole-file reader, without errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renda-ledger-lo2-"));
    writeFileSync(join(dir, "in.xlsx"), await writeLedgerWorkbook(smallLedger()));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        join(dir, "in.xlsx"),
      ],
      { stdio: "pipe", timeout: 60_000 },
    );
    const bytes = new Uint8Array(readFileSync(join(dir, "out", "in.xlsx")));
    const stream = await checkLedger(bytes, { year: 2025, reader: "stream" });
    const full = await checkLedger(bytes, { year: 2025, reader: "full" });
    expect(stream.counts.error).toBe(0);
    expect(stream.issues).toEqual(full.issues);
    expect(stream.data).toEqual(full.data);
    const input = smallLedger();
    for (const def of LEDGER_TABLES) {
      expect(
        stream.data[def.table].map(({ row: _, ...rest }) => rest),
        def.table,
      ).toEqual(input[def.table]);
    }
  }, 90_000);
});
