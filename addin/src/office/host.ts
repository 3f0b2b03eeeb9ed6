// The add-in's own @types/office-js (1.0.x); the root one is an old copy pulled in by office-js-helpers.
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Which Office host the pane runs in, through @microsoft/office-js-helpers (as the product card asks), kept
 * here so nothing else imports it. Returns "none" outside Office (a plain browser, a demo).
 */
import { HostType, Utilities } from "@microsoft/office-js-helpers";

export type HostKind = "word" | "excel" | "none";

export function detectHost(): HostKind {
  try {
    const host = Utilities.host;
    if (host === HostType.WORD) return "word";
    if (host === HostType.EXCEL) return "excel";
  } catch {
    // office-js-helpers reads Office.context, which throws before Office.onReady or outside Office.
  }
  return "none";
}

/** Resolves when office.js has initialised (or at once without Office). */
export function officeReady(): Promise<void> {
  if (!globalThis.Office?.onReady) return Promise.resolve();
  return Office.onReady().then(() => undefined);
}
