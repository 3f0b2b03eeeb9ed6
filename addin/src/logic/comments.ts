import { commentAnchor, type Diagnostic, type LintResult, reviewCommentText } from "../core.ts";
import type { LocatedComment } from "../ports.ts";
import { findingKey } from "./findings.ts";

/**
 * The findings as Word comments, anchored as in the review copy (core's commentAnchor) and worded by the same
 * core function, so a comment written here reads like one in a 审校稿. Ignored findings are left out. A finding
 * across a paragraph break is anchored on its part in the first paragraph: a Word comment made by the add-in
 * covers one search hit, which never crosses paragraphs.
 */
export function commentsFor(result: LintResult, ignored: ReadonlySet<string> = new Set()): LocatedComment[] {
  const blocks = result.doc.blocks;
  const out: LocatedComment[] = [];
  for (const d of result.diagnostics) {
    if (ignored.has(findingKey(d, result.doc.text))) continue;
    const located = locateComment(result, d);
    if (located) out.push(located);
  }
  return out;

  function locateComment(r: LintResult, d: Diagnostic): LocatedComment | null {
    const range = commentAnchor(d, blocks);
    if (!range) return null;
    let b = 0;
    while (b + 1 < blocks.length && blocks[b + 1]!.start <= range.start) b++;
    const block = blocks[b]!;
    const offset = range.start - block.start;
    const end = Math.min(range.end, block.end) - block.start;
    return {
      paragraph: block.index,
      paragraphText: block.text,
      offset,
      length: Math.max(0, end - offset),
      text: reviewCommentText(d, r.doc.text),
    };
  }
}
