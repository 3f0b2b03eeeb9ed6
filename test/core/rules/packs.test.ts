import { describe, expect, it } from "vitest";
import { applyFixes } from "../../../core/src/fix.ts";
import { lint } from "../../../core/src/lint.ts";
import {
  BUILTIN_PACKS,
  loadPack,
  type PackEntry,
  type SpecCase,
} from "../../../core/src/rules/packs/index.ts";

/** A spec text is linted as a 工作要点 for its year (2024 unless it says), so dated entries are judged by it. */
function run(entry: PackEntry, spec: SpecCase) {
  const c = typeof spec === "string" ? { text: spec } : spec;
  const year = c.year ?? 2024;
  const result = lint(c.text, { kind: "work-plan", year });
  const own = result.diagnostics.filter((d) => d.ruleId === entry.id);
  return { c, own };
}

const entries = BUILTIN_PACKS.flatMap((p) => p.entries.map((e) => ({ pack: p.id, entry: e })));

describe("built-in rule packs", () => {
  it("hold at least the entries issue 3 asks for", () => {
    const count = (pack: string, type?: string) =>
      entries.filter((e) => e.pack === pack && (!type || e.entry.type === type)).length;
    expect(entries.filter((e) => e.pack === "terms" && e.entry.dated).length).toBeGreaterThanOrEqual(20);
    expect(count("formulations")).toBeGreaterThanOrEqual(15);
    expect(count("formulations", "enumeration")).toBeGreaterThanOrEqual(10);
    expect(count("confusables")).toBeGreaterThanOrEqual(60);
  });

  it("have unique ids across packs, each with a source", () => {
    const ids = entries.map((e) => e.entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { entry } of entries) expect(entry.source.length).toBeGreaterThan(0);
  });

  it("reject a malformed pack with the path of the problem", () => {
    expect(() => loadPack({ id: "bad", title: "坏包", entries: [{ id: "no-group" }] }, "bad.json")).toThrow(
      /bad\.json 无效/,
    );
  });
});

describe.each(entries.map((e) => [e.entry.id, e.entry] as const))("%s", (_id, entry) => {
  it.each(
    entry.specs.fire.map((s) => [typeof s === "string" ? s : s.text, s] as const),
  )("fires on %s", (_t, spec) => {
    const { c, own } = run(entry, spec);
    expect(own.length, `“${c.text}” should trigger ${entry.id}`).toBeGreaterThan(0);
    expect(own[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    // Fix safety is the entry's: a safe entry fixes, every other entry only suggests (pack rewordings).
    for (const d of own) {
      if (entry.type === "literal" && entry.safe) expect(d.suggestions).toBeUndefined();
      else expect(d.fix).toBeNull();
    }
    if (c.output !== undefined) {
      const fixes = own.map((d) => d.fix ?? d.suggestions?.[0]?.fix ?? null).filter((f) => f !== null);
      expect(applyFixes(c.text, fixes).text).toBe(c.output);
      // Fixed output must lint clean for this entry (a fix that re-triggers its own rule loops forever).
      expect(run(entry, { ...c, text: c.output }).own).toEqual([]);
    }
  });
  it.each(
    entry.specs.pass.map((s) => [typeof s === "string" ? s : s.text, s] as const),
  )("stays silent on %s", (_t, spec) => {
    const { c, own } = run(entry, spec);
    expect(own, `“${c.text}” should not trigger ${entry.id}`).toEqual([]);
  });
});
