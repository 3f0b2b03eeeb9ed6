import type { Outline } from "../outline/types.ts";
import type { Diagnostic } from "../schema/diagnostic.ts";

/**
 * What the review copy needs of a lint result (a LintResult fits). Declared here, not imported from lint.ts:
 * io sits below the checks (the ledger reads packages through io, and the ledger cross-check is a rule), so
 * an io → lint import would close a cycle.
 */
export interface ReviewFindings {
  diagnostics: readonly Diagnostic[];
  doc: { text: string };
  outline: Outline;
}
