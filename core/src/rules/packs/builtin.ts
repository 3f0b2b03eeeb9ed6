import confusables from "./confusables.json" with { type: "json" };
import formulations from "./formulations.json" with { type: "json" };
import { loadPack } from "./load.ts";
import numbers from "./numbers.json" with { type: "json" };
import type { RulePack } from "./schema.ts";
import terms from "./terms.json" with { type: "json" };
import typography from "./typography.json" with { type: "json" };

/**
 * The built-in packs, validated once; one stable array so the compiled automaton is cached. Run from the
 * sources (tests, tsx, the add-in, the extension) they are validated here at load. The `renda` command-line
 * bundle does not load this module: scripts/build.mjs validates the packs at build time through this very
 * code and puts the result in the bundle, so a start of `renda lint` spends no time on zod (a third of its
 * CPU time did); test/core/builtin-data.test.ts checks every pack file as well. User packs
 * (renda.config.json) and imported packs are still validated with zod when they are read.
 */
export const BUILTIN_PACKS: readonly RulePack[] = Object.freeze([
  loadPack(terms, "terms.json"),
  loadPack(formulations, "formulations.json"),
  loadPack(confusables, "confusables.json"),
  loadPack(typography, "typography.json"),
  loadPack(numbers, "numbers.json"),
]);
