import type { DocumentKindId, StructuredKindId } from "./kinds.ts";

// Kept apart from kinds.ts and its zod schemas: the checks call this on every lint, and importing it from
// there would load zod into `renda lint` only to compare a string (see scripts/build.mjs on start-up).

export function isStructuredKind(kind: DocumentKindId): kind is StructuredKindId {
  return kind !== "other";
}
