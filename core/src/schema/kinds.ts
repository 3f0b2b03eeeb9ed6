import { z } from "zod";

/**
 * work-report: 人大常委会工作报告; work-plan: 人大常委会工作要点 (the two documents the office writes itself);
 * gov-report: 政府工作报告 (the government's report to the same congress, which the office reads and checks);
 * other: anything else (a speech, a news piece): phrasing checks only, no structure checks.
 */
export const DocumentKindId = z.enum(["work-report", "work-plan", "gov-report", "other"]);
export type DocumentKindId = z.infer<typeof DocumentKindId>;

/** Kinds with a section schema (structure checks run for these only). */
export const StructuredKindId = z.enum(["work-report", "work-plan", "gov-report"]);
export type StructuredKindId = z.infer<typeof StructuredKindId>;

/** The two documents the standing committee's office drafts (skeletons, ledger slots, drafts). */
export const OwnKindId = z.enum(["work-report", "work-plan"]);
export type OwnKindId = z.infer<typeof OwnKindId>;

/**
 * What the kind detection saw: the kind, how sure it is (0..1), the evidence in Chinese phrases
 * (标题含“政府工作报告”, 开头语“我代表省人民政府，向大会报告工作”…), and whether the user forced the kind.
 */
export const KindDetection = z.object({
  kind: DocumentKindId,
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
  forced: z.boolean(),
});
export type KindDetection = z.infer<typeof KindDetection>;

/** A regular-expression source, checked to compile when the kind is loaded. */
const Pattern = z.string().refine(
  (s) => {
    try {
      new RegExp(s, "u");
      return true;
    } catch {
      return false;
    }
  },
  { message: "不是有效的正则表达式" },
);

export const HeadingTerm = z.object({
  /** Regular expression over the heading words. */
  re: Pattern,
  /** How strongly the words point at this section (1 = hint, 3 = decisive). */
  weight: z.number().positive().default(2),
});

export const SectionDef = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  name: z.string().min(1),
  /**
   * required: report it when absent; conditional: only expected in some situations (see `expectedInYears`,
   * legislating bodies…); optional: common but never reported missing.
   */
  status: z.enum(["required", "conditional", "optional"]),
  /** Why the status is what it is (law, standard, practice), shown in the rules reference and messages. */
  reason: z.string().min(1),
  /** Required only in a full report, not in an abridged one (摘要) or an excerpt marked as such. */
  fullOnly: z.boolean().default(false),
  /** Where the section lives: the head of the document, the review part, the tasks part, or the body (plans). */
  where: z.enum(["head", "review", "tasks", "review+tasks", "body", "end"]),
  /** Usual position among the chapters of a part; null when its place varies (merged, local practice). */
  order: z.number().nullable().default(null),
  /** Heading wordings seen in published 人大 reports: patterns that identify the section, none of them binding. */
  headings: z.array(HeadingTerm).default([]),
  /** Content that shows the section is present even without its own heading (merged into another chapter). */
  content: z.array(Pattern).default([]),
  /** Tasks-part years in which a conditional section is expected (e.g. election years). */
  expectedInYears: z.array(z.number().int()).optional(),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const DocumentKind = z.object({
  id: StructuredKindId,
  name: z.string(),
  /** Title words that identify the kind. */
  titleWords: z.array(Pattern).min(1),
  sections: z.array(SectionDef).min(1),
});
export type DocumentKind = z.infer<typeof DocumentKind>;
