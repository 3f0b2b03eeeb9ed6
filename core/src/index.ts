export { type AppliedFix, type FixTextOptions, type FixTextResult, fixText } from "./autofix.ts";
export { type ConfigError, type ParsedConfig, parseConfig, RendaConfig } from "./config/parse.ts";
export { unsafeRegex } from "./config/safe-regex.ts";
export { applyFixes, type FixResult, fixesOf, suggestionText } from "./fix.ts";
export { kindLabel } from "./group.ts";
export { type LintInput, type LintOptions, type LintResult, lint, toDocument } from "./lint.ts";
export { detectOutline, hintLevel } from "./outline/detect.ts";
export { parseMarker } from "./outline/markers.ts";
export type { BlockRole, Heading, HeadingForm, Outline, OutlineNode, PartId } from "./outline/types.ts";
export {
  countSeverities,
  countsText,
  GROUP_AT,
  type Groupable,
  groupSameKind,
  isKindGroup,
  type KindGroup,
  MISSING_SECTIONS,
  type Presentable,
  type Presentation,
  presentFindings,
  SEVERITIES,
  SEVERITY_WORDS,
  type SectionFindings,
  type SeverityBand,
  type SeverityCounts,
  sectionRows,
  severityWord,
} from "./present.ts";
export {
  type AnchorBlock,
  type CommentTextOptions,
  commentAnchor,
  REVIEW_AUTHOR,
  REVIEW_INITIALS,
  reviewCommentLines,
  reviewCommentText,
} from "./review-comment.ts";
export { AhoCorasick } from "./rules/engine/aho-corasick.ts";
export { BUILTIN_PACKS } from "./rules/packs/index.ts";
export type { EnumerationEntry, LiteralEntry, PackEntry, RulePack } from "./rules/packs/schema.ts";
export { builtinRules, codeRules, structureRules } from "./rules/registry.ts";
export type { FixSafety, Rule, RuleContext, RuleMeta } from "./rules/types.ts";
export { Diagnostic, Fix, type Report, Severity, Suggestion } from "./schema/diagnostic.ts";
export { isStructuredKind } from "./schema/kind-ids.ts";
export {
  DocumentKind,
  DocumentKindId,
  KindDetection,
  OwnKindId,
  SectionDef,
  StructuredKindId,
} from "./schema/kinds.ts";
export { detectKind, kindUncertain, recogniseKind, STRUCTURE_CONFIDENCE } from "./sections/kind.ts";
export { getKind, KIND_NAMES, KINDS, kindName } from "./sections/kinds.ts";
export { missingSections, OUTSIDE_SECTIONS, sectionLabel } from "./sections/label.ts";
export type { Chapter, SectionMatch, SectionsResult } from "./sections/match.ts";
export { compileKind } from "./sections/validate.ts";
export type { DocumentYears } from "./sections/years.ts";
export {
  type Block,
  type BlockHint,
  type BlockInput,
  fromBlocks,
  fromPlainText,
  positionAt,
  type TextDocument,
} from "./text/model.ts";
