import type { Outline } from "../outline/types.ts";
import type { Report, Severity } from "../schema/diagnostic.ts";
import type { DocumentKindId } from "../schema/kinds.ts";
import type { SectionsResult } from "../sections/match.ts";
import type { DocumentYears } from "../sections/years.ts";
import type { TextDocument } from "../text/model.ts";

export type FixSafety = "safe" | "suggestion";

export interface RuleMeta {
  /** Stable id, "group/name" (e.g. "section/missing", "term/yifu-liangyuan"). */
  id: string;
  /** Rule group a user can switch off as a whole ("section", "numbering", "term", "typography"…). */
  group: string;
  /** One line in Chinese for the rules reference. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /**
   * What `fix` means for this rule. "safe": a mechanical change with one right answer (an ASCII comma between
   * two Chinese characters, 1、 → 1.), applied by `renda lint --fix` and fix-alls. "suggestion": a rewording
   * or a form that depends on the sentence, offered for the user to choose one by one. Rules without a fix
   * declare "suggestion", so a fix added later is never applied in bulk by accident.
   */
  fixSafety: FixSafety;
  /** Law, standard clause or official date the rule rests on. */
  source?: string;
}

export interface RuleContext {
  doc: TextDocument;
  outline: Outline;
  sections: SectionsResult;
  kind: DocumentKindId;
  years: DocumentYears;
  /** Qualified section id at an offset ("supervision", "tasks.deputies"), or null. */
  sectionAt(offset: number): string | null;
  /** The part ("review" | "tasks") an offset lies in, or null (head, plan body). */
  partAt(offset: number): "review" | "tasks" | null;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
