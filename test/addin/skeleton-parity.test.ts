import { describe, expect, it } from "vitest";
import { SLOT_PLACEHOLDER, SLOTS_BY_KIND, skeletonFor } from "../../addin/src/logic/skeleton.ts";
import type { SlotMap } from "../../core/src/draft/slots.ts";
import { renderDraft } from "../../core/src/io/docx-draft.ts";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { lint } from "../../core/src/lint.ts";

/**
 * The Word add-in's "插入框架" and `renda draft` once built their skeletons separately and drifted (the add-in
 * lacked the speaker line, the 不足 paragraph and the notes on optional sections, and made chapters Heading 2).
 * Both now take it from core; this reads the .docx back and holds the two to the same paragraphs.
 */
describe.each([
  ["work-report", 2025],
  ["work-report", 2026],
  ["work-plan", 2026],
] as const)("skeleton of %s %i: the add-in and renda draft", async (kind, year) => {
  const plan = skeletonFor(kind, year);
  // The slots the add-in creates, holding the add-in's placeholder, so that texts compare one to one.
  const slots: SlotMap = Object.fromEntries(
    SLOTS_BY_KIND[kind].map((s) => [s, { kind: "paragraphs", paragraphs: [SLOT_PLACEHOLDER] }]),
  );
  const content = readDocx(await renderDraft({ kind, year, slots }), "draft.docx");

  it("have the same paragraphs in the same order: title block, parts, headings, guidance", () => {
    expect(content.blocks.map((b) => b.text)).toEqual(plan.map((p) => p.text));
  });

  it("put the same slots in the same places", () => {
    const inDocx = content.controls.map((c) => [c.tag, c.firstBlock]);
    const inAddin = plan.flatMap((p, i) => (p.slot ? [[`renda:${p.slot}`, i]] : []));
    expect(inDocx).toEqual(inAddin);
    expect(inAddin.map(([tag]) => tag).sort()).toEqual(SLOTS_BY_KIND[kind].map((s) => `renda:${s}`).sort());
  });

  it("give the linter the same outline: the same sections found and missing", () => {
    const fromAddin = lint(
      { blocks: plan.map((p) => ({ text: p.text, hint: { style: p.style } })) },
      { kind },
    );
    const fromDocx = lint({ blocks: content.blocks }, { kind });
    expect(fromAddin.sections.found.length).toBeGreaterThan(5);
    expect(fromAddin.sections.found).toEqual(fromDocx.sections.found);
    expect(fromAddin.sections.missing).toEqual(fromDocx.sections.missing);
  });
});
