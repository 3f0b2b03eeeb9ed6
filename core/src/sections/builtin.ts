import type { DocumentKind, StructuredKindId } from "../schema/kinds.ts";
import govReport from "./data/gov-report.json" with { type: "json" };
import workPlan from "./data/work-plan.json" with { type: "json" };
import workReport from "./data/work-report.json" with { type: "json" };
import { validateKind } from "./validate.ts";

/**
 * The built-in section data, validated and joined with the lexicon. Run from the sources (tests, tsx, the
 * add-in, the extension) this validates at load. The `renda` command-line bundle does not load this module:
 * scripts/build.mjs validates it at build time through this very code and puts the result in the bundle, so
 * a start of `renda lint` spends no time on zod; test/core/builtin-data.test.ts checks every data file too.
 */
export const BUILTIN_KINDS: Record<StructuredKindId, DocumentKind> = {
  "work-report": validateKind(workReport),
  "work-plan": validateKind(workPlan),
  "gov-report": validateKind(govReport),
};
