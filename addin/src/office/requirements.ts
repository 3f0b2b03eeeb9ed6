// The add-in's own @types/office-js (1.0.x); the root one is an old copy pulled in by office-js-helpers.
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Requirement sets, checked at run time: one manifest serves Word and Excel, so host-specific sets cannot be
 * demanded in it, and a host lacking one should still open the pane and name the missing feature.
 */
/** Requirement-set check that treats "no Office" as "not supported" instead of throwing. */
export function supports(set: string, version: string): boolean {
  try {
    return globalThis.Office?.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}
