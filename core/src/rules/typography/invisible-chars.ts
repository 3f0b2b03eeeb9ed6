import { INVISIBLE_NAMES, INVISIBLE_RE, isBidiControl, isInvisible } from "../engine/invisible.ts";
import type { Rule } from "../types.ts";

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Zero-width and bidirectional control characters: invisible on the page, yet they split terms for search
 * and for the checks, and bidi controls reorder what is shown. Deleting them is the one right change (a
 * Chinese report needs none of them), so the fix is safe. A run of them is one finding with one fix.
 */
export const invisibleChars: Rule = {
  meta: {
    id: "typography/invisible-chars",
    group: "typography",
    description: "文中夹有看不见的零宽字符或双向文字控制符（多由网页、聊天软件复制带入），应删去",
    severity: "warning",
    fixable: true,
    fixSafety: "safe",
    source:
      "Unicode 标准 §23.2（零宽格式字符）；Unicode UAX #9 §2（双向控制符）；Unicode TR #36 §2.3（双向文字造成的显示欺骗）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    // Most texts hold none: one regular-expression scan decides, then one pass over the text.
    if (!INVISIBLE_RE.test(text)) return;
    for (let i = 0; i < text.length; i++) {
      if (!isInvisible(text.charCodeAt(i))) continue;
      const start = i;
      while (i + 1 < text.length && isInvisible(text.charCodeAt(i + 1))) i++;
      const end = i + 1;
      const codes = [...new Set(Array.from(text.slice(start, end), (c) => c.charCodeAt(0)))];
      const names = codes.map((c) => `${INVISIBLE_NAMES.get(c)}（${hex(c)}）`).join("、");
      const count = end - start > 1 ? `${end - start}个` : "";
      const bidi = codes.some(isBidiControl);
      const it = end - start > 1 ? "它们" : "它";
      const message = bidi
        ? `此处有${count}看不见的双向文字控制符：${names}，${it}会改变文字的显示顺序，使看到的与实际的文字不同，应删去`
        : `此处有${count}看不见的字符：${names}，${it}会使检查和检索漏掉所在的词语，应删去`;
      ctx.report({ message, start, end, expected: [""], fix: { start, end, text: "" } });
    }
  },
};
