import type { DocumentKind, SectionDef, StructuredKindId } from "../schema/kinds.ts";

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
 * A kind's section data (validated: sections/validate.ts) with its patterns compiled. Compiling is all that
 * happens here, with no zod: `renda lint` loads this module on every start.
 */
export function compileValidated(kind: DocumentKind): CompiledKind {
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
