import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../core/src/cli/load.ts";
import { structureRules } from "../../core/src/index.ts";
import { lint } from "../../core/src/lint.ts";
import { FIXTURES } from "../helpers/paths.ts";

/** Each fixture draft with what a reviewer would expect of its structure. */
const CASES: {
  file: string;
  kind: "work-report" | "work-plan";
  year: number;
  missing: string[];
  /** Structure findings as "ruleId@line". */
  findings: string[];
  mustFind: string[];
}[] = [
  {
    file: "report-full-numbered.txt",
    kind: "work-report",
    year: 2025,
    missing: [],
    findings: [],
    mustFind: [
      "title",
      "salutation",
      "opening",
      "overview",
      "political",
      "rule-of-law",
      "supervision",
      "decisions",
      "appointments",
      "deputies",
      "self-building",
      "shortcomings",
      "tasks",
      "tasks.election",
      "closing",
    ],
  },
  {
    file: "report-unnumbered-no-deputies.txt",
    kind: "work-report",
    year: 2024,
    missing: ["deputies"],
    findings: ["section/missing@9"],
    mustFind: ["political", "supervision", "self-building", "tasks.deputies"],
  },
  {
    file: "report-parts-misordered.txt",
    kind: "work-report",
    year: 2023,
    missing: ["tasks.deputies"],
    findings: ["section/order@10", "section/missing@16"],
    mustFind: [
      "political",
      "supervision",
      "deputies",
      "self-building",
      "tasks.political",
      "tasks.supervision",
      "tasks.self-building",
    ],
  },
  {
    file: "report-markdown.md",
    kind: "work-report",
    year: 2024,
    missing: [],
    findings: [],
    mustFind: [
      "title",
      "review",
      "political",
      "supervision",
      "deputies",
      "self-building",
      "tasks",
      "tasks.deputies",
      "closing",
    ],
  },
  {
    file: "plan-continuous.txt",
    kind: "work-plan",
    year: 2025,
    missing: [],
    findings: [],
    mustFind: [
      "title",
      "adoption-note",
      "general-requirements",
      "political",
      "appointments",
      "supervision",
      "deputies",
      "self-building",
    ],
  },
  {
    file: "plan-hierarchical-gaps.txt",
    kind: "work-plan",
    year: 2024,
    missing: ["adoption-note", "deputies"],
    findings: [
      "section/missing@1",
      "section/missing@1",
      "numbering/sequence@9",
      "numbering/sequence@10",
      "section/duplicate@13",
      "section/empty@13",
    ],
    mustFind: ["title", "political", "supervision", "self-building"],
  },
  {
    file: "plan-level-order.txt",
    kind: "work-plan",
    year: 2025,
    missing: [],
    findings: ["numbering/level-order@4", "numbering/marker@6", "numbering/marker@7", "numbering/marker@8"],
    mustFind: ["political", "supervision", "deputies", "self-building"],
  },
];

describe("fixture drafts: each heading style, each with a known set of missing/misordered sections", () => {
  for (const c of CASES) {
    it(c.file, () => {
      const path = resolve(FIXTURES, "drafts", c.file);
      const { doc } = loadDocument(readFileSync(path), path, () => {
        throw new Error("not a docx");
      });
      const r = lint(doc, { rules: structureRules });
      expect(r.kind).toBe(c.kind);
      expect(r.year).toBe(c.year);
      expect(r.sections.missing).toEqual(c.missing);
      expect(r.sections.found).toEqual(expect.arrayContaining(c.mustFind));
      expect(r.diagnostics.map((d) => `${d.ruleId}@${d.line}`)).toEqual(c.findings);
    });
  }
});
