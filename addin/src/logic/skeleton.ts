import { draftSkeleton, type OwnKindId, type SkeletonItem, SLOTS_BY_KIND } from "../core.ts";
import type { SkeletonParagraph } from "../ports.ts";

export { SLOTS_BY_KIND };

export const SLOT_PLACEHOLDER = "（此处由“填入台账”生成统计内容）";

/**
 * Word's built-in styles for the skeleton's roles (the add-in cannot rely on the drafter's template having
 * renda's own styles). Chapters "一、" are first-level headings, as GB/T 9704-2012 §7.3.3 makes them and as
 * `renda draft` styles them (Heading 1, 黑体); the two part titles sit at the same outline level.
 */
const STYLE_OF: Record<Exclude<SkeletonItem["role"], "slot">, SkeletonParagraph["style"]> = {
  title: "Title",
  subtitle: "Subtitle",
  part: "Heading1",
  heading: "Heading1",
  guidance: "Normal",
  flush: "Normal",
  body: "Normal",
};

/**
 * The skeleton `renda draft` writes (core/src/draft/skeleton.ts: title block, the kind's sections in order
 * with guidance in brackets, slot controls in their sections), as paragraphs the Word adapter inserts at the
 * end of the document. Every slot the ledger can fill gets its control, holding a placeholder until filled.
 */
export function skeletonFor(kindId: OwnKindId, year: number): SkeletonParagraph[] {
  return draftSkeleton({ kind: kindId, year, slots: SLOTS_BY_KIND[kindId] }).map((item) =>
    item.role === "slot"
      ? { text: SLOT_PLACEHOLDER, style: "Normal", slot: item.slot }
      : { text: item.text, style: STYLE_OF[item.role] },
  );
}
