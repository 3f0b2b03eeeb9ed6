/**
 * Components are written with createElement (aliased h) rather than JSX: the root type check covers test/,
 * which imports them, and has no JSX setting; plain .ts keeps that check green without a second config.
 */
export { createElement as h, Fragment } from "react";

/** The message of anything thrown, for a MessageBar. */
export function messageOf(e: unknown, operation?: string): string {
  const m = e instanceof Error ? e.message : String(e);
  return operation && !m.includes("失败：") ? `${operation}失败：${m}` : m;
}
