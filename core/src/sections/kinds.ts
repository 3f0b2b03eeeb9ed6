import { z } from "zod";
import {
  DocumentKind,
  type DocumentKindId,
  isStructuredKind,
  type SectionDef,
  type StructuredKindId,
} from "../schema/kinds.ts";
import govReport from "./data/gov-report.json" with { type: "json" };
import lexicon from "./data/lexicon.json" with { type: "json" };
import workPlan from "./data/work-plan.json" with { type: "json" };
import workReport from "./data/work-report.json" with { type: "json" };

const LexiconEntry = z.object({
  name: z.string(),
  headings: z.array(z.object({ re: z.string(), weight: z.number() })).optional(),
  content: z.array(z.string()).optional(),
});
const Lexicon = z.record(z.string(), z.union([LexiconEntry, z.string()]));

export interface CompiledSection extends SectionDef {
  headingRes: { re: RegExp; weight: number }[];
  contentRes: RegExp[];
  /** All content patterns as one alternation: one regex run per paragraph instead of one per pattern. */
  contentAny: RegExp | null;
}

export interface CompiledKind {
  id: StructuredKindId;
  name: string;
  titleRes: RegExp[];
  sections: CompiledSection[];
  byId: Map<string, CompiledSection>;
}

/**
 * Joins a kind's section list with the shared wording lexicon and validates the result, so a typo in the
 * data files fails at load (and in the schema test) instead of silently never matching. A kind may carry its
 * own name, headings and content for a section (a 政府工作报告's "tasks" are worded unlike a 人大 report's);
 * those win over the lexicon, and a section the lexicon lacks must then name itself.
 */
export function compileKind(kindData: unknown, lexiconData: unknown = lexicon): CompiledKind {
  const lex = Lexicon.parse(lexiconData);
  const raw = z
    .object({ sections: z.array(z.object({ id: z.string(), name: z.string().optional() }).passthrough()) })
    .passthrough()
    .parse(kindData);
  const merged = {
    ...raw,
    sections: raw.sections.map((s) => {
      const entry = lex[s.id];
      if (entry === undefined || typeof entry === "string") {
        if (s.name !== undefined) return s;
        throw new Error(`章节“${s.id}”在词表 lexicon.json 中没有条目`);
      }
      return { name: entry.name, headings: entry.headings ?? [], content: entry.content ?? [], ...s };
    }),
  };
  const kind = DocumentKind.parse(merged);
  const sections = kind.sections.map((s) => ({
    ...s,
    headingRes: s.headings.map((h) => ({ re: new RegExp(h.re, "u"), weight: h.weight })),
    contentRes: s.content.map((c) => new RegExp(c, "mu")),
    contentAny: s.content.length ? new RegExp(s.content.map((c) => `(?:${c})`).join("|"), "mu") : null,
  }));
  return {
    id: kind.id,
    name: kind.name,
    titleRes: kind.titleWords.map((w) => new RegExp(w, "u")),
    sections,
    byId: new Map(sections.map((s) => [s.id, s])),
  };
}

export const KINDS: Record<StructuredKindId, CompiledKind> = {
  "work-report": compileKind(workReport),
  "work-plan": compileKind(workPlan),
  "gov-report": compileKind(govReport),
};

/** The section schema of a kind; null for `other`, which has none (no structure checks). */
export function getKind(id: StructuredKindId): CompiledKind;
export function getKind(id: DocumentKindId): CompiledKind | null;
export function getKind(id: DocumentKindId): CompiledKind | null {
  return isStructuredKind(id) ? KINDS[id] : null;
}

/** Chinese name of every kind, including `other`. */
export const KIND_NAMES: Record<DocumentKindId, string> = {
  "work-report": KINDS["work-report"].name,
  "work-plan": KINDS["work-plan"].name,
  "gov-report": KINDS["gov-report"].name,
  other: "其他文稿",
};

export function kindName(id: DocumentKindId): string {
  return KIND_NAMES[id];
}
