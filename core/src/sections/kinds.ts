import { z } from "zod";
import { DocumentKind, type DocumentKindId, type SectionDef } from "../schema/kinds.ts";
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
  id: DocumentKindId;
  name: string;
  titleRes: RegExp[];
  sections: CompiledSection[];
  byId: Map<string, CompiledSection>;
}

/**
 * Joins a kind's section list with the shared wording lexicon and validates the result, so a typo in the
 * data files fails at load (and in the schema test) instead of silently never matching.
 */
export function compileKind(kindData: unknown, lexiconData: unknown = lexicon): CompiledKind {
  const lex = Lexicon.parse(lexiconData);
  const raw = z
    .object({ sections: z.array(z.object({ id: z.string() }).passthrough()) })
    .passthrough()
    .parse(kindData);
  const merged = {
    ...raw,
    sections: raw.sections.map((s) => {
      const entry = lex[s.id];
      if (entry === undefined || typeof entry === "string") {
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

export const KINDS: Record<DocumentKindId, CompiledKind> = {
  "work-report": compileKind(workReport),
  "work-plan": compileKind(workPlan),
};

export function getKind(id: DocumentKindId): CompiledKind {
  return KINDS[id];
}
