import type { Outline } from "../outline/types.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { TextDocument } from "../text/model.ts";
import { KINDS } from "./kinds.ts";

/**
 * Which kind of document this is, from its own evidence: the title words first, then the marks each kind
 * carries (a report speaks to the congress and has a review part; a plan has an adoption note and 总体要求).
 */
export function detectKind(doc: TextDocument, outline: Outline): DocumentKindId {
  const title = outline.titleBlocks.map((i) => doc.blocks[i]!.text).join("");
  for (const kind of Object.values(KINDS)) {
    if (kind.titleRes.some((re) => re.test(title))) return kind.id;
  }
  let report = 0;
  let plan = 0;
  if (outline.salutation !== null) report += 3;
  if (outline.headings.some((h) => h.part === "review")) report += 3;
  if (outline.headings.some((h) => h.part === "tasks")) report += 2;
  if (/向大会报告|请予审议/.test(doc.text)) report += 3;
  if (outline.adoptionNote !== null) plan += 3;
  if (/工作的总体要求是|总体要求是/.test(doc.text.slice(0, 2000))) plan += 2;
  return plan > report ? "work-plan" : "work-report";
}
