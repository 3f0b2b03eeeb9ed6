import { z } from "zod";

export const DocumentKindId = z.enum(["work-report", "work-plan"]);
export type DocumentKindId = z.infer<typeof DocumentKindId>;

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
  /** Heading wordings (DOMAIN.md A.2 "Heading wording variants"). */
  headings: z.array(HeadingTerm).default([]),
  /** Content that shows the section is present even without its own heading (merged into another chapter). */
  content: z.array(Pattern).default([]),
  /** Tasks-part years in which a conditional section is expected (e.g. election years). */
  expectedInYears: z.array(z.number().int()).optional(),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const DocumentKind = z.object({
  id: DocumentKindId,
  name: z.string(),
  /** Title words that identify the kind. */
  titleWords: z.array(Pattern).min(1),
  sections: z.array(SectionDef).min(1),
});
export type DocumentKind = z.infer<typeof DocumentKind>;
