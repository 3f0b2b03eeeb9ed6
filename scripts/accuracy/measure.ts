/**
 * The accuracy harness: lints the published reports (false alarms and fixes there are the product's defects),
 * the seed corpus and the project's own fixtures (what the rules must keep catching), and summarises per file.
 * Used by `npm run accuracy` (writes docs/accuracy.md) and by test/core/accuracy.test.ts (holds the budget).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { loadDocument } from "../../core/src/cli/load.ts";
import { readDocx } from "../../core/src/io/index.ts";
import { type LintResult, lint } from "../../core/src/lint.ts";
import type { Diagnostic } from "../../core/src/schema/diagnostic.ts";
import { positionAt, type TextDocument } from "../../core/src/text/model.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/**
 * The shared data folder (published texts, kept out of the repository): RENDA_SHARED, else the folder named
 * "shared" beside the checkout, else /work/shared for a clone made elsewhere on the machine (CI).
 */
const BESIDE_CHECKOUT = resolve(REPO_ROOT, "..", "shared");
export function sharedDir(): string {
  const candidates = [process.env.RENDA_SHARED, BESIDE_CHECKOUT, "/work/shared"];
  return (
    candidates.find((p): p is string => p !== undefined && existsSync(resolve(p, "corpus-real"))) ??
    BESIDE_CHECKOUT
  );
}

/**
 * published: complete reports written and proofread by government offices (near error-free: every finding is a
 * false alarm until a reviewer names the defect); excerpts: openings of real 人大 texts (NFKC-normalised, cut
 * mid-document); seed: the three seed texts with their documented errors; fixtures: drafts this project wrote.
 */
export type CorpusSet = "published" | "excerpts" | "seed" | "fixtures" | "heldout";

export interface CorpusFile {
  set: CorpusSet;
  path: string;
  /** Stable name used in reports and in the reviewed-findings file: path relative to the set's folder. */
  name: string;
}

function listTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|docx)$/.test(f) && f !== "README.md")
    .sort()
    .map((f) => resolve(dir, f));
}

export function corpusFiles(): CorpusFile[] {
  const shared = sharedDir();
  const sets: [CorpusSet, string][] = [
    ["published", resolve(shared, "corpus-real")],
    ["excerpts", resolve(shared, "corpus-real/renda-excerpts")],
    ["seed", resolve(shared, "corpus")],
    ["fixtures", resolve(REPO_ROOT, "test/fixtures/drafts")],
  ];
  // Published reports kept outside the repository that the rules were never tuned on (RENDA_HELDOUT=folder):
  // the honest measure of how the calibration carries over to texts nobody here has read.
  if (process.env.RENDA_HELDOUT) sets.push(["heldout", resolve(process.env.RENDA_HELDOUT)]);
  return sets.flatMap(([set, dir]) => listTexts(dir).map((path) => ({ set, path, name: basename(path) })));
}

export interface Finding {
  ruleId: string;
  severity: Diagnostic["severity"];
  message: string;
  line: number;
  column: number;
  /** The text the finding points at (at most 40 characters), so a reviewer can judge it without the file. */
  excerpt: string;
  /** A little context either side, for the report. */
  context: string;
  /** The safe fix (`renda lint --fix` applies it). */
  fix: { text: string } | null;
  /** Changes offered for the user to choose; never applied in bulk. */
  suggestions: { text: string }[];
}

export interface FileMeasure {
  file: CorpusFile;
  chars: number;
  kind: string;
  year: number | null;
  /** Why the kind was chosen: lint's evidence phrases and confidence. */
  kindEvidence: string;
  findings: Finding[];
  /** error + warning findings. */
  alarms: number;
  /** Findings with a safe fix. */
  fixes: number;
  /** Findings with suggestions (and no safe fix). */
  suggestions: number;
}

function excerptOf(doc: TextDocument, d: Diagnostic): Finding {
  const text = doc.text;
  const { line, column } = positionAt(doc, d.start);
  const at = text.slice(d.start, Math.min(d.end, d.start + 40)).replace(/\n/g, "⏎");
  const before = text.slice(Math.max(0, d.start - 12), d.start).replace(/\n/g, "⏎");
  const after = text.slice(d.end, Math.min(text.length, d.end + 12)).replace(/\n/g, "⏎");
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    line,
    column,
    excerpt: at,
    context: `${before}【${at}】${after}`,
    fix: d.fix ? { text: d.fix.text } : null,
    suggestions: (d.suggestions ?? []).map((s) => ({ text: s.fix.text })),
  };
}

export function measureFile(file: CorpusFile): { measure: FileMeasure; result: LintResult } {
  const bytes = readFileSync(file.path);
  const loaded = loadDocument(new Uint8Array(bytes), file.path, (b, p) => readDocx(b, p));
  const result = lint(loaded.doc);
  const text = result.doc.text;
  const findings = result.diagnostics.map((d) => excerptOf(result.doc, d));
  const { kindDetection } = result;
  const measure: FileMeasure = {
    file,
    chars: text.length,
    kind: result.kind,
    year: result.year,
    kindEvidence: `${kindDetection.evidence.join("；")}（把握 ${Math.round(kindDetection.confidence * 100)}%）`,
    findings,
    alarms: findings.filter((f) => f.severity !== "info").length,
    fixes: findings.filter((f) => f.fix !== null).length,
    suggestions: findings.filter((f) => f.fix === null && f.suggestions.length > 0).length,
  };
  return { measure, result };
}

export interface ReviewedFinding {
  file: string;
  ruleId: string;
  excerpt: string;
  /** Why this is a true error in the published text (the defect, named). */
  reason: string;
}

export function loadReviewed(): ReviewedFinding[] {
  const path = resolve(REPO_ROOT, "test/fixtures/accuracy/reviewed.json");
  return JSON.parse(readFileSync(path, "utf8")) as ReviewedFinding[];
}

export function isReviewed(reviewed: readonly ReviewedFinding[], file: string, f: Finding): boolean {
  return reviewed.some((r) => r.file === file && r.ruleId === f.ruleId && f.excerpt.includes(r.excerpt));
}

/** Budget on the published reports: at most this many error+warning findings per 10,000 characters. */
export const ALARM_BUDGET_PER_10K = 0.3;

export interface Summary {
  chars: number;
  alarms: number;
  /** Alarms not in the reviewed list of true errors. */
  falseAlarms: number;
  /** Findings with a safe fix. */
  fixes: number;
  /** Safe fixes not on a reviewed true error: what `renda lint --fix` would damage. */
  unreviewedFixes: number;
  /** Findings offering suggestions only (the user chooses; not damage by themselves). */
  suggestions: number;
  per10k: number;
}

export function summarise(measures: readonly FileMeasure[], reviewed: readonly ReviewedFinding[]): Summary {
  let chars = 0;
  let alarms = 0;
  let falseAlarms = 0;
  let fixes = 0;
  let unreviewedFixes = 0;
  let suggestions = 0;
  for (const m of measures) {
    chars += m.chars;
    for (const f of m.findings) {
      const known = isReviewed(reviewed, m.file.name, f);
      if (f.severity !== "info") {
        alarms++;
        if (!known) falseAlarms++;
      }
      if (f.fix) {
        fixes++;
        if (!known) unreviewedFixes++;
      } else if (f.suggestions.length > 0) suggestions++;
    }
  }
  return {
    chars,
    alarms,
    falseAlarms,
    fixes,
    unreviewedFixes,
    suggestions,
    per10k: (falseAlarms / chars) * 10_000,
  };
}

export function relativeName(path: string): string {
  return relative(REPO_ROOT, path);
}
