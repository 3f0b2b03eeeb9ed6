import type { OutlineNode } from "../../outline/types.ts";
import type { RuleContext } from "../types.ts";

/** Where the numbering rules get their clause from; shared so the two rules cite it in the same words. */
export const SOURCE_9704 = "GB/T 9704-2012 §7.3.3 结构层次序数";

/**
 * Scopes in which numbering restarts: each part of a report, or the whole text when it has no parts. Every part
 * heading counts, not only the first of each kind ("二、2014年工作总体部署" then "三、2014年重点工作").
 */
export function scopes(ctx: RuleContext): OutlineNode[] {
  const parts = ctx.outline.root.children.filter((c) => c.heading?.part);
  return [ctx.outline.root, ...parts];
}

export function nodesIn(scope: OutlineNode, includeScopeRoots: boolean): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (n: OutlineNode) => {
    out.push(n);
    for (const c of n.children) if (includeScopeRoots || !c.heading?.part) walk(c);
  };
  walk(scope);
  return out;
}
