import { describe, expect, it } from "vitest";
import {
  lintOptions,
  ownKind,
  parseYearInput,
  readDocumentOptions,
  readLedgerYear,
} from "../../addin/src/logic/options.ts";

describe("the panes' year and kind settings", () => {
  it("reads a typed year: blank is automatic, full-width digits and a trailing 年 are accepted", () => {
    expect(parseYearInput("")).toEqual({ year: null });
    expect(parseYearInput("  ")).toEqual({ year: null });
    expect(parseYearInput("2025")).toEqual({ year: 2025 });
    expect(parseYearInput("２０２５")).toEqual({ year: 2025 });
    expect(parseYearInput("2025年")).toEqual({ year: 2025 });
  });

  it("refuses what is not a four-digit year in range, with a message for the field", () => {
    for (const bad of ["25", "20255", "1979", "2101", "二〇二五", "2025.0", "2025-01"])
      expect(parseYearInput(bad)).toEqual({ error: "请填写1980—2100之间的四位年份，或留空自动识别" });
  });

  it("stored settings are read leniently: anything unexpected means automatic", () => {
    expect(readDocumentOptions({ kind: "work-plan", year: 2026 })).toEqual({ kind: "work-plan", year: 2026 });
    expect(readDocumentOptions(undefined)).toEqual({ kind: "auto", year: null });
    expect(readDocumentOptions("work-plan")).toEqual({ kind: "auto", year: null });
    expect(readDocumentOptions({ kind: "minutes", year: 2025.5 })).toEqual({ kind: "auto", year: null });
    expect(readDocumentOptions({ kind: "gov-report", year: null })).toEqual({
      kind: "gov-report",
      year: null,
    });
    expect(readDocumentOptions({ kind: "other", year: null })).toEqual({ kind: "other", year: null });
    expect(readLedgerYear(2024)).toBe(2024);
    expect(readLedgerYear("2024")).toBeNull();
  });

  it("automatic choices are left out of lint()'s options so core detects them", () => {
    expect(lintOptions({ kind: "auto", year: null })).toEqual({});
    expect(lintOptions({ kind: "work-plan", year: 2026 })).toEqual({ kind: "work-plan", year: 2026 });
  });

  it("a skeleton or a ledger fill is built for the office's own two documents only", () => {
    expect(
      ["auto", "work-report", "work-plan", "gov-report", "other"].map((k) => ownKind(k as never)),
    ).toEqual(["work-report", "work-report", "work-plan", "work-report", "work-report"]);
  });
});
