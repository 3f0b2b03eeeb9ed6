import { suggestionText } from "./fix.ts";
import { severityWord } from "./present.ts";
import type { Diagnostic } from "./schema/diagnostic.ts";

/**
 * The words of one finding as a Word comment (批注). The review copy (.docx) and the Word add-in's
 * "写入批注" both call this, so a drafter sees the same comment whichever way it reached the file.
 */

/** Comment author: the drafter sees who wrote it in the comment balloon and can filter by it. */
export const REVIEW_AUTHOR = "人大报告助手";
/** Word shows the initials in the comment mark ([审1]); WPS shows the author. */
export const REVIEW_INITIALS = "审";

export interface CommentTextOptions {
  /**
   * The safe fix is in the document as a tracked change (review copy): say so instead of describing it, so
   * the drafter knows accepting the 修订 is the fix.
   */
  fixTracked?: boolean;
}

/**
 * One line per paragraph of the comment: the finding, the expected wording, the fix or the proposed
 * wordings, and where the rule comes from. `text` is the linted text, to quote what a change replaces.
 */
export function reviewCommentLines(d: Diagnostic, text?: string, options: CommentTextOptions = {}): string[] {
  const lines = [`【${severityWord(d.severity)}】${d.message}`];
  if (d.expected.length > 0) lines.push(`应为：${d.expected.map((e) => `“${e}”`).join("或")}`);
  if (d.fix) {
    const before = text?.slice(d.fix.start, d.fix.end);
    const change =
      before === undefined
        ? `改为“${d.fix.text}”`
        : d.fix.text === ""
          ? `删去“${before}”`
          : before === ""
            ? `加上“${d.fix.text}”`
            : `“${before}”改为“${d.fix.text}”`;
    lines.push(options.fixTracked ? `已作为修订标出：${change}（接受修订即改正）` : `可自动修正：${change}`);
  }
  if (d.suggestions && d.suggestions.length > 0) {
    const list = d.suggestions.map((s) => suggestionText(s, text));
    lines.push(`修改建议（请按语境选用）：${list.join("；")}`);
  }
  if (d.source) lines.push(`依据：${d.source}`);
  lines.push(`规则：${d.ruleId}`);
  return lines;
}

/** The comment as one string, paragraphs separated by "\n" (Word's insertComment makes each a paragraph). */
export function reviewCommentText(d: Diagnostic, text?: string, options: CommentTextOptions = {}): string {
  return reviewCommentLines(d, text, options).join("\n");
}

/** A paragraph as the anchor needs it: where it starts in the text and its text. */
export interface AnchorBlock {
  start: number;
  text: string;
}

/**
 * The text a finding's comment is anchored on, as document offsets. A finding with an extent keeps it; one
 * without (a missing section points at the part heading or the first paragraph, a missing mark at a place)
 * is widened to something a comment can hold: the whole line for a section, else the character before the
 * place (or after it at the start of a line). Null for a document with no text.
 */
export function commentAnchor(
  d: Pick<Diagnostic, "ruleId" | "start" | "end">,
  blocks: readonly AnchorBlock[],
): { start: number; end: number } | null {
  if (blocks.length === 0) return null;
  if (d.end > d.start) return { start: d.start, end: d.end };
  let b = 0;
  while (b + 1 < blocks.length && blocks[b + 1]!.start <= d.start) b++;
  const block = blocks[b]!;
  if (d.ruleId.startsWith("section/") || block.text.length === 0) {
    // The first line from here on with any text (an empty line cannot hold a comment).
    for (let i = b; i < blocks.length; i++) {
      const t = blocks[i]!.text;
      if (t.trim() === "") continue;
      const lead = t.length - t.trimStart().length;
      return { start: blocks[i]!.start + lead, end: blocks[i]!.start + t.trimEnd().length };
    }
    return null;
  }
  if (d.start > block.start) return { start: d.start - 1, end: d.start };
  return { start: d.start, end: d.start + 1 };
}
