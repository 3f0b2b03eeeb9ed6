// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Which Office host the pane runs in. Read from Office.context.host directly: @microsoft/office-js-helpers
 * was used only for this, and its single bundle also carried an OAuth client with token endpoints (issue 14)
 * that the pane never calls — code that can talk to the network has no place in an offline checker.
 * Returns "none" outside Office (a plain browser, a demo).
 */
export type HostKind = "word" | "excel" | "none";

export function detectHost(): HostKind {
  try {
    // Office.context throws before Office.onReady or outside Office; host is "Word", "Excel", … (HostType).
    const host = globalThis.Office?.context?.host as unknown;
    if (host === "Word") return "word";
    if (host === "Excel") return "excel";
  } catch {
    // Outside Office: fall through.
  }
  return "none";
}

/** Resolves when office.js has initialised (or at once without Office). */
export function officeReady(): Promise<void> {
  if (!globalThis.Office?.onReady) return Promise.resolve();
  return Office.onReady().then(() => undefined);
}
