import { formatMarker, type MarkerStyle } from "../../outline/markers.ts";
import type { Heading } from "../../outline/types.ts";
import type { Rule, RuleContext } from "../types.ts";
import { nodesIn, SOURCE_9704, scopes } from "./scopes.ts";

/**
 * 一、二、四 (a gap), 二、二 (a repeat), 3. after 5. (going back). Items 1.–16. numbered continuously across
 * chapters (corpus 004) are one sequence over the part; otherwise each parent restarts at 1.
 */
export const numberingSequence: Rule = {
  meta: {
    id: "numbering/sequence",
    group: "numbering",
    description: "同级编号跳号、重号或倒退（含跨章节连续编号）",
    severity: "error",
    fixable: false,
    fixSafety: "suggestion",
    source: SOURCE_9704,
  },
  check(ctx) {
    for (const scope of scopes(ctx)) {
      const nodes = nodesIn(scope, scope !== ctx.outline.root);
      const byStyle = new Map<MarkerStyle, Heading[][]>();
      for (const n of nodes) {
        if (n !== scope && n.heading?.part) continue;
        const groups = new Map<MarkerStyle, Heading[]>();
        for (const c of n.children) {
          const h = c.heading!;
          if (!h.marker) continue;
          if (!groups.has(h.marker.style)) groups.set(h.marker.style, []);
          groups.get(h.marker.style)!.push(h);
        }
        for (const [style, hs] of groups) {
          if (!byStyle.has(style)) byStyle.set(style, []);
          byStyle.get(style)!.push(hs);
        }
      }
      for (const [style, groups] of byStyle) {
        const continuous = isContinuous(groups);
        if (continuous) {
          checkRun(ctx, style, groups.flat(), 1, "（本部分采用跨章节连续编号）");
        } else {
          for (const g of groups) checkRun(ctx, style, g, 1, "");
        }
      }
    }
  },
};

/** Continuous when some later group starts where the previous one stopped, and none restarts at 1. */
function isContinuous(groups: Heading[][]): boolean {
  if (groups.length < 2) return false;
  let continued = 0;
  for (let i = 1; i < groups.length; i++) {
    const prevLast = groups[i - 1]!.at(-1)!.marker!.value;
    const first = groups[i]![0]!.marker!.value;
    if (first !== 1 && first === prevLast + 1) continued++;
  }
  return continued >= Math.ceil((groups.length - 1) / 2);
}

function checkRun(ctx: RuleContext, style: MarkerStyle, hs: Heading[], first: number, note: string): void {
  let expected = first;
  let prevBlock = -1;
  for (const h of hs) {
    const after = prevBlock;
    prevBlock = h.block;
    const m = h.marker!;
    const start =
      ctx.doc.blocks[h.block]!.start +
      (ctx.doc.blocks[h.block]!.text.length - ctx.doc.blocks[h.block]!.text.trimStart().length);
    const range = { start, end: start + m.raw.length };
    const want = formatMarker(style, expected);
    if (m.value === expected - 1 && expected > first) {
      ctx.report({ ...range, message: `编号“${m.raw}”与上一项重复，应为“${want}”${note}`, expected: [want] });
    } else if (m.value > expected && !writtenBetween(ctx, style, expected, m.value, after, h.block)) {
      ctx.report({ ...range, message: `编号跳号：应为“${want}”，实为“${m.raw}”${note}`, expected: [want] });
    } else if (m.value < expected) {
      ctx.report({ ...range, message: `编号倒退：应为“${want}”，实为“${m.raw}”${note}`, expected: [want] });
    }
    expected = m.value + 1;
  }
}

/**
 * Are the skipped numbers there, written where the outline could not take them as markers? “20.2026年10件民生
 * 实事” and “21.5+2就业之家” open with 20. and 21. glued to a number; a marker broken over two lines (“（” then
 * “三）……”) still opens its paragraph. Such items are numbered: the run has no gap.
 */
function writtenBetween(
  ctx: RuleContext,
  style: MarkerStyle,
  from: number,
  to: number,
  after: number,
  before: number,
) {
  if (after < 0) return false;
  const opens: string[] = [];
  const blocks = ctx.doc.blocks;
  for (let i = after + 1; i < before; i++) {
    const t = blocks[i]!.text.trim();
    if (t === "") continue;
    const next = blocks.slice(i + 1, before).find((b) => b.text.trim() !== "");
    opens.push(t.length <= 2 && next ? t + next.text.trim() : t);
  }
  for (let k = from; k < to; k++) {
    const want = formatMarker(style, k);
    const forms = style === "num" ? [`${k}.`, `${k}．`] : [want, want.replace("（", "(").replace("）", ")")];
    if (!opens.some((t) => forms.some((f) => t.startsWith(f)))) return false;
  }
  return true;
}
