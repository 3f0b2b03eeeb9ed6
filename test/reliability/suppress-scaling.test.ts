import { describe, expect, it } from "vitest";
import { applySuppressions, indexZones, isSilenced, type Zone } from "../../core/src/rules/suppress.ts";
import type { Diagnostic } from "../../core/src/schema/diagnostic.ts";
import { fromPlainText } from "../../core/src/text/model.ts";
import { countWork } from "./work-counter.ts";

/**
 * Issue 14: a document with many `renda-disable-next-paragraph` markers and many findings used to test every
 * finding against every zone (zones × findings). The zones are now indexed once; the work of dropping the
 * silenced findings must grow with the document, not with its square. Work is counted, not timed.
 */
function document(n: number): { text: string; diagnostics: Diagnostic[] } {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push("renda-disable-next-paragraph confusable/qita", "其它代表。", "其它代表。");
  const doc = fromPlainText(lines.join("\n"));
  const diagnostics: Diagnostic[] = doc.blocks
    .filter((b) => b.text === "其它代表。")
    .map((b) => ({
      ruleId: "confusable/qita",
      severity: "warning",
      message: "其它",
      start: b.start,
      end: b.start + 2,
      line: 1,
      column: 1,
    })) as Diagnostic[];
  return { text: lines.join("\n"), diagnostics };
}

function work(n: number): { work: number; kept: number } {
  const { text, diagnostics } = document(n);
  const doc = fromPlainText(text);
  let kept = 0;
  const counted = countWork(() => {
    kept = applySuppressions(doc, diagnostics).length;
  });
  return { work: [...counted.values()].reduce((a, b) => a + b, 0), kept };
}

describe("suppression zones scale with the document", () => {
  it("silences exactly the paragraph after each marker", () => {
    expect(work(100).kept).toBe(100);
  });

  it("does about 4× the work on 4× the markers and findings", () => {
    const small = work(2_000);
    const large = work(8_000);
    expect(large.kept).toBe(8_000);
    // n log n allows a little over 4×; zones × findings would be 16×.
    expect(large.work).toBeLessThan(4.8 * small.work);
  });

  it("agrees with testing every zone, on nested and overlapping zones", () => {
    let seed = 7;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    for (let round = 0; round < 50; round++) {
      const zones: Zone[] = [];
      for (let i = 0; i < 1 + rand(8); i++) {
        const start = rand(100);
        const ids =
          rand(3) === 0 ? new Set<string>() : new Set([rand(2) ? "confusable" : "typography/cjk-space"]);
        zones.push({ start, end: start + 1 + rand(40), ids });
      }
      const index = indexZones(zones);
      for (let offset = 0; offset < 150; offset++)
        for (const rule of ["confusable/qita", "typography/cjk-space", "term/yifu-liangyuan"]) {
          const group = rule.slice(0, rule.indexOf("/"));
          const brute = zones.some(
            (z) =>
              offset >= z.start &&
              offset < z.end &&
              (z.ids.size === 0 || z.ids.has(rule) || z.ids.has(group)),
          );
          expect(isSilenced(index, rule, offset), `${rule} at ${offset}`).toBe(brute);
        }
    }
  });
});
