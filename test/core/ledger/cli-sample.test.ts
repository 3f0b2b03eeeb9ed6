import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLedger } from "../../../core/src/cli/ledger.ts";
import { checkLedger } from "../../../core/src/ledger/check.ts";
import { computeMetrics } from "../../../core/src/ledger/metrics.ts";
import { makeSampleLedger, writeSampleLedger } from "../../../core/src/ledger/sample.ts";
import { lint } from "../../../core/src/lint.ts";
import { buildSlots } from "../../../core/src/phrasing/ledger.ts";
import { edit } from "./fixtures.ts";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runLedger(argv, {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

describe("sample ledger", () => {
  it("is a plausible county year, the same for the same seed", () => {
    const a = makeSampleLedger();
    expect(makeSampleLedger()).toEqual(a);
    expect(makeSampleLedger({ seed: 7 })).not.toEqual(a);
    expect(a.Meetings!.filter((m) => m.type === "常委会会议").length).toBeGreaterThanOrEqual(6);
    expect(a.Meetings!.length).toBeGreaterThanOrEqual(24);
    expect(a.Suggestions).toHaveLength(300);
    expect(new Set(a.Suggestions!.map((s) => s.handler)).size).toBeGreaterThanOrEqual(15);
  });

  it("checks clean with both readers and yields slots that lint clean", async () => {
    const bytes = await writeSampleLedger();
    for (const reader of ["full", "stream"] as const) {
      const r = await checkLedger(bytes, { year: 2025, reader });
      expect(r.issues, reader).toEqual([]);
      expect(r.rowCounts.Suggestions).toBe(300);
    }
    const r = await checkLedger(bytes, { year: 2025 });
    const slots = buildSlots(computeMetrics(r.data, { year: 2025 }), { kind: "work-report", year: 2025 });
    expect(Object.keys(slots)).toHaveLength(7);
    for (const content of Object.values(slots)) {
      const texts =
        content.kind === "paragraphs" ? content.paragraphs : [content.caption ?? "", content.note ?? ""];
      for (const t of texts.filter(Boolean))
        expect(
          lint(t, { kind: "work-report", year: 2025, severity: { section: "off" } }).diagnostics,
        ).toEqual([]);
    }
  });
});

describe("renda ledger (CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "renda-ledger-cli-"));

  it("writes the template, refuses to overwrite it without --force", async () => {
    const path = join(dir, "台账.xlsx");
    expect(await run("template", "-o", path, "--year", "2025")).toEqual({
      code: 0,
      out: `已生成台账模板：${path}\n`,
      err: "",
    });
    const again = await run("template", "-o", path);
    expect(again.code).toBe(2);
    expect(again.err).toContain("已存在");
    expect((await run("template", "-o", path, "--force", "--sample")).code).toBe(0);
  });

  it("check: exit 0 on a clean ledger, 1 with errors, 2 for an unusable file; human and JSON output", async () => {
    const clean = join(dir, "clean.xlsx");
    writeFileSync(clean, await writeSampleLedger());
    const ok = await run("check", clean, "--year", "2025");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("台账检查通过，未发现问题。");

    const bad = join(dir, "bad.xlsx");
    writeFileSync(
      bad,
      await edit(await writeSampleLedger(), (wb) => {
        wb.getWorksheet("代表建议")!.getCell("F12").value = "已办";
      }),
    );
    const human = await run("check", bad, "--year", "2025");
    expect(human.code).toBe(1);
    expect(human.out).toContain(
      "  错误  代表建议!F12：办理结果“已办”不在允许值中（已解决/正在解决/计划解决/留作参考）",
    );
    expect(human.out).toContain("共发现错误1处、警告0处、提示0处。");

    const json = await run("check", bad, "--year", "2025", "--format", "json", "--reader", "full");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out);
    expect(parsed).toMatchObject({
      file: "bad.xlsx",
      usable: true,
      year: 2025,
      counts: { error: 1, warning: 0, info: 0 },
    });
    expect(parsed.issues[0]).toMatchObject({
      severity: "error",
      code: "cell/not-in-list",
      sheet: "代表建议",
      cell: "F12",
    });

    const csv = join(dir, "台账.csv");
    writeFileSync(csv, "编号,标题\n1,修路\n");
    const unusable = await run("check", csv);
    expect(unusable.code).toBe(2);
    expect(unusable.out).toContain("台账.csv：这是文本文件（如CSV）");

    const missing = await run("check", join(dir, "nope.xlsx"));
    expect(missing).toMatchObject({ code: 2, out: "" });
    expect(missing.err).toContain("找不到文件");
    expect((await run("check", clean, "--format", "xml")).code).toBe(2);
  });

  it("slots: writes the SlotMap JSON that renda draft/fill accept", async () => {
    const ledger = join(dir, "sample.xlsx");
    writeFileSync(ledger, await writeSampleLedger());
    const defs = join(dir, "defs.json");
    writeFileSync(defs, JSON.stringify({ resolved: { results: ["已解决", "计划解决"] } }));
    const out = join(dir, "slots.json");
    const r = await run("slots", ledger, "--kind", "work-report", "--definitions", defs, "-o", out);
    expect(r.code).toBe(0);
    const slots = JSON.parse(readFileSync(out, "utf8"));
    expect(slots.overview.paragraphs[0]).toMatch(/^2025年，共召开常委会会议9次、主任会议16次，/);
    expect(slots.suggestions.paragraphs[0]).toContain("得到解决或计划逐步解决的");
    writeFileSync(defs, JSON.stringify({ percentDecimals: 7 }));
    const badDefs = await run("slots", ledger, "--kind", "work-report", "--definitions", defs);
    expect(badDefs.code).toBe(2);
    expect(badDefs.err).toContain("percentDecimals");
  });
});
