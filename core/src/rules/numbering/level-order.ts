import { MARKER_LABEL, MARKER_RANK, type MarkerStyle } from "../../outline/markers.ts";
import type { Heading } from "../../outline/types.ts";
import type { Rule } from "../types.ts";
import { nodesIn, SOURCE_9704, scopes } from "./scopes.ts";

/** （一） before any 一、 in the same part: the levels are reversed (GB/T 9704 allows skipping, not reversing). */
export const numberingLevelOrder: Rule = {
  meta: {
    id: "numbering/level-order",
    group: "numbering",
    description: "层级倒置：下级编号出现在上级编号之前",
    severity: "error",
    fixable: false,
    fixSafety: "suggestion",
    source: SOURCE_9704,
  },
  check(ctx) {
    for (const scope of scopes(ctx)) {
      const hs = nodesIn(scope, false)
        .map((n) => n.heading)
        .filter(
          (h): h is Heading =>
            h !== null && h !== scope.heading && h.marker !== null && h.marker.style !== "part" && !h.part,
        );
      const firstIndex = new Map<MarkerStyle, number>();
      hs.forEach((h, i) => {
        if (!firstIndex.has(h.marker!.style)) firstIndex.set(h.marker!.style, i);
      });
      for (const [style, i] of firstIndex) {
        const higher = [...firstIndex.entries()].filter(
          ([s, j]) => MARKER_RANK[s] < MARKER_RANK[style] && j > i,
        );
        if (higher.length === 0) continue;
        const h = hs[i]!;
        const [hs0] = higher.sort((a, b) => MARKER_RANK[a[0]] - MARKER_RANK[b[0]]);
        const start = h.titleStart - h.marker!.length;
        ctx.report({
          start: Math.max(start, ctx.doc.blocks[h.block]!.start),
          end: h.titleEnd,
          message: `层级倒置：“${MARKER_LABEL[style]}”级标题“${h.marker!.raw}${h.title}”出现在任何“${MARKER_LABEL[hs0![0]]}”级标题之前（结构层次依次为一、（一）1.（1））`,
        });
      }
    }
  },
};
