import { z } from "zod";
import { DocumentKind } from "../schema/kinds.ts";
import { type CompiledKind, compileValidated } from "./compile.ts";
import lexicon from "./data/lexicon.json" with { type: "json" };

const LexiconEntry = z.object({
  name: z.string(),
  headings: z.array(z.object({ re: z.string(), weight: z.number() })).optional(),
  content: z.array(z.string()).optional(),
});
const Lexicon = z.record(z.string(), z.union([LexiconEntry, z.string()]));

/**
 * Joins a kind's section list with the shared wording lexicon and validates the result, so a typo in the
 * data files fails at load (and in the schema test) instead of silently never matching. A kind may carry its
 * own name, headings and content for a section (a 政府工作报告's "tasks" are worded unlike a 人大 report's);
 * those win over the lexicon, and a section the lexicon lacks must then name itself.
 */
export function validateKind(kindData: unknown, lexiconData: unknown = lexicon): DocumentKind {
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
  return DocumentKind.parse(merged);
}

/** Validates and compiles a kind's section data (a test's own kind, say). */
export function compileKind(kindData: unknown, lexiconData: unknown = lexicon): CompiledKind {
  return compileValidated(validateKind(kindData, lexiconData));
}
