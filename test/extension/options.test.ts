import { describe, expect, it } from "vitest";
import {
  CURRENT_VERSION,
  defaultOptions,
  lintOptionsOf,
  migrate,
  siteAllowed,
} from "../../extension/src/lib/options.ts";

describe("extension options: stored data of any shape comes back complete", () => {
  it("nothing stored gives the defaults: every site, every rule group, kind and year detected", () => {
    const o = migrate(undefined);
    expect(o).toEqual(defaultOptions());
    expect(o.version).toBe(CURRENT_VERSION);
    expect(Object.values(o.groups).every(Boolean)).toBe(true);
  });

  it("unversioned data naming the kind in Chinese and listing sites as text is migrated", () => {
    const o = migrate({ kind: "工作要点", year: 2026, sites: "oa.example.gov.cn，*.intranet.cn" });
    expect(o.kind).toBe("work-plan");
    expect(o.year).toBe(2026);
    expect(o.sites).toEqual({ mode: "everywhere", allow: [], deny: ["oa.example.gov.cn", "*.intranet.cn"] });
  });

  it("wrong-typed fields fall back to the defaults instead of breaking the content script", () => {
    const o = migrate({
      version: 1,
      kind: "minutes",
      year: "2025",
      groups: { term: "no", typography: false },
    });
    expect(o.kind).toBe("auto");
    expect(o.year).toBeNull();
    expect(o.groups.term).toBe(true);
    expect(o.groups.typography).toBe(false);
  });

  it("a rule group switched off becomes an 'off' severity for the core's lint", () => {
    const o = migrate({ version: 1, year: 2024, groups: { typography: false } });
    expect(lintOptionsOf(o)).toEqual({ kind: "auto", year: 2024, severity: { typography: "off" } });
  });

  it("sites: the never-list wins, wildcards cover subdomains, a listed-only mode runs nowhere else", () => {
    const o = migrate({ version: 1, sites: { mode: "everywhere", deny: ["*.example.cn"] } });
    expect(siteAllowed(o, "oa.example.cn")).toBe(false);
    expect(siteAllowed(o, "example.cn")).toBe(false);
    expect(siteAllowed(o, "oa.other.cn")).toBe(true);
    const listed = migrate({ version: 1, sites: { mode: "listed", allow: ["OA.renda.gov.cn"] } });
    expect(siteAllowed(listed, "oa.renda.gov.cn")).toBe(true);
    expect(siteAllowed(listed, "127.0.0.1")).toBe(false);
  });
});
