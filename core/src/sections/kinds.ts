import { isStructuredKind } from "../schema/kind-ids.ts";
import type { DocumentKindId, StructuredKindId } from "../schema/kinds.ts";
import { BUILTIN_KINDS } from "./builtin.ts";
import { type CompiledKind, compileValidated } from "./compile.ts";

export type { CompiledKind, CompiledSection } from "./compile.ts";

export const KINDS: Record<StructuredKindId, CompiledKind> = {
  "work-report": compileValidated(BUILTIN_KINDS["work-report"]),
  "work-plan": compileValidated(BUILTIN_KINDS["work-plan"]),
  "gov-report": compileValidated(BUILTIN_KINDS["gov-report"]),
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
