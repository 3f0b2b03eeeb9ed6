import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.ts";
import { sourceFiles } from "../helpers/sources.ts";

/**
 * The layering of core/src, read from the sources. No dependency-graph package (madge, dependency-cruiser) is
 * installed and the repository installs offline, so the imports are read with the TypeScript compiler's own
 * pre-processor (ts.preProcessFile), which sees `import`, `import type`, `export … from` and dynamic
 * `import()` alike, and never runs the code.
 */
const SRC = resolve(REPO_ROOT, "core/src");

/** File (relative to core/src) → the core/src files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => target.startsWith(SRC + sep))
      .map((target) => relative(SRC, target).split(sep).join("/"));
    graph.set(relative(SRC, file).split(sep).join("/"), targets);
  }
  return graph;
}

/** A top-level module: a folder of core/src (io, ledger, phrasing…), or a file at its root (lint.ts…). */
const moduleOf = (file: string) => file.split("/")[0]!;

/** Cycles of a directed graph, one per strongly connected component of two or more nodes (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("core/src import layering", () => {
  const graph = importGraph();
  const moduleEdges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const [from, to] = [moduleOf(file), moduleOf(target)];
      if (from === to) continue;
      if (!moduleEdges.has(from)) moduleEdges.set(from, new Set());
      moduleEdges.get(from)!.add(to);
    }
  }

  it("reads the imports it is about to judge", () => {
    // The scanner sees the layers that do exist: io takes slot contents from draft, phrasing reads the ledger.
    expect(graph.size).toBeGreaterThan(50);
    expect(moduleEdges.get("io")).toContain("draft");
    expect(moduleEdges.get("phrasing")).toContain("ledger");
    expect(graph.get("phrasing/ledger-slots.ts")).toContain("ledger/index.ts");
  });

  it("io (file formats) never imports phrasing (what the sentences say): it takes built slot contents", () => {
    const upward = [...graph]
      .filter(([file]) => moduleOf(file) === "io")
      .flatMap(([file, targets]) =>
        targets.filter((t) => moduleOf(t) === "phrasing").map((t) => `${file} → ${t}`),
      );
    expect(upward).toEqual([]);
  });

  it("the drafting layer (draft) sits below io, phrasing and the add-in: it imports none of them", () => {
    expect(
      [...(moduleEdges.get("draft") ?? [])].filter((m) => ["io", "phrasing", "ledger", "cli"].includes(m)),
    ).toEqual([]);
  });

  it("has no cycle among the top-level modules (ledger and phrasing included)", () => {
    expect(cycles(moduleEdges)).toEqual([]);
  });

  it("has no cycle among the files", () => {
    const fileEdges = new Map([...graph].map(([file, targets]) => [file, new Set(targets)]));
    expect(cycles(fileEdges)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself can fail)", () => {
    const edges = new Map([
      ["ledger", new Set(["phrasing"])],
      ["phrasing", new Set(["ledger", "draft"])],
      ["draft", new Set<string>()],
    ]);
    expect(cycles(edges)).toEqual([["ledger", "phrasing"]]);
  });
});
