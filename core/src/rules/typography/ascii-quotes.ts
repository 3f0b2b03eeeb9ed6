import { blockAt } from "../../text/model.ts";
import { isCjk } from "../engine/cjk.ts";
import { eachHit, type Hit } from "../engine/fold.ts";
import type { Rule } from "../types.ts";

/** ASCII double quotes in Chinese text become “ ”, paired within the paragraph. */
export const asciiQuotes: Rule = {
  meta: {
    id: "typography/ascii-quotes",
    group: "typography",
    description: '中文里用了英文直引号 "…"，应改为“…”',
    severity: "error",
    fixable: true,
    fixSafety: "safe",
    source: "GB/T 15834-2011 §4.4（引号：横排文稿用“ ”）",
  },
  check(ctx) {
    const text = ctx.doc.text;
    const hits: Hit[] = [];
    // One pass over the text for the quotes; they pair up within their paragraph.
    const byBlock = new Map<number, number[]>();
    for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
      const block = blockAt(ctx.doc, i)!.index;
      // Appended in place: copying the list per quote was quadratic in a paragraph's quotes.
      const list = byBlock.get(block);
      if (list) list.push(i);
      else byBlock.set(block, [i]);
    }
    for (const quotes of byBlock.values()) {
      for (let k = 0; k + 1 < quotes.length; k += 2) {
        const o = quotes[k]!;
        const c = quotes[k + 1]!;
        let cjk = false;
        for (let j = o + 1; j < c && !cjk; j++) cjk = isCjk(text.charCodeAt(j));
        if (!cjk) continue;
        hits.push({ start: o, end: o + 1, fix: { start: o, end: o + 1, text: "“" }, expected: ["“"] });
        hits.push({ start: c, end: c + 1, fix: { start: c, end: c + 1, text: "”" }, expected: ["”"] });
      }
    }
    for (const r of eachHit(hits, (h) => ({ message: `英文直引号应改为中文引号${h.expected![0]}` }))) {
      ctx.report(r);
    }
  },
};
