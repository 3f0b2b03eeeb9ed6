import { describe, expect, it } from "vitest";
import { detectOutline } from "../../../core/src/outline/detect.ts";
import type { RuleContext } from "../../../core/src/rules/types.ts";
import { cjkSpace, cjkSpaceWork } from "../../../core/src/rules/typography/cjk-space.ts";
import type { Report } from "../../../core/src/schema/diagnostic.ts";
import { fromPlainText } from "../../../core/src/text/model.ts";

/** One paragraph: stray spaces, 书名号 with inner spaces, quoted slogans, all repeated `times` times. */
function paragraph(times: number): string {
  const unit =
    "加强代表 工作，打响“好客山东 好品山东”品牌，学习《聚焦群众身边事 聚合代表大智慧》，做好监督 工作；";
  return `${"　　"}${unit.repeat(times)}完成。`;
}

/** Runs the rule alone on the text; returns the places it flagged and the work it counted. */
function run(text: string): { places: number; steps: number } {
  const doc = fromPlainText(text);
  const reports: Report[] = [];
  const ctx = {
    doc,
    outline: detectOutline(doc),
    partAt: () => null,
    sectionAt: () => null,
    report: (r: Report) => reports.push(r),
  } as unknown as RuleContext;
  cjkSpace.check(ctx);
  // One report per place (fix safety, issue 10): no folded findings.
  const places = reports.length;
  return { places, steps: cjkSpaceWork.steps };
}

describe("typography/cjk-space is linear in a paragraph's length", () => {
  it("does 4× and 16× the work on a 4× and 16× longer paragraph", () => {
    const base = 2000;
    const [a, b, c] = [1, 4, 16].map((k) => run(paragraph(base * k)));
    // Two stray spaces per unit are flagged; the slogan and the title spaces are not.
    expect([a!.places, b!.places, c!.places]).toEqual([2 * base, 8 * base, 32 * base]);
    expect(a!.steps).toBeGreaterThan(0);
    // Linear: work grows with the length (allowing a constant per-document overhead), never with its square.
    expect(b!.steps).toBeLessThanOrEqual(4 * a!.steps + 64);
    expect(c!.steps).toBeLessThanOrEqual(16 * a!.steps + 64);
    expect(c!.steps).toBeGreaterThanOrEqual(15 * a!.steps);
  });

  it("counts every character between spaces once, however many spaces a paragraph holds", () => {
    const text = `前言。\n${"代表 ".repeat(50000)}工作。`;
    const { places, steps } = run(text);
    expect(places).toBe(50000);
    // Each of the 150,000 characters of the paragraph is looked at a bounded number of times.
    expect(steps).toBeLessThan(text.length * 3);
  });
});
