import { migrate, OPTIONS_KEY, type Options, type StoredRulePack } from "./options.ts";

/** Settings live in chrome.storage.local, never storage.sync: sync would send them to a server. */

export async function loadOptions(): Promise<Options> {
  const got = await chrome.storage.local.get(OPTIONS_KEY);
  return migrate(got[OPTIONS_KEY]);
}

export async function saveOptions(options: Options): Promise<void> {
  await chrome.storage.local.set({ [OPTIONS_KEY]: options });
}

/**
 * Imports or removes the rule pack on its own, leaving the rest of the stored settings as they are (the options
 * page may hold unsaved edits of other fields; importing a pack does not save those).
 */
export async function saveRulePack(pack: StoredRulePack | null): Promise<Options> {
  const next = { ...(await loadOptions()), rulePack: pack };
  await saveOptions(next);
  return next;
}
