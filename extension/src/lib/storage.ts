import { migrate, OPTIONS_KEY, type Options } from "./options.ts";

/** Settings live in chrome.storage.local, never storage.sync: sync would send them to a server. */

export async function loadOptions(): Promise<Options> {
  const got = await chrome.storage.local.get(OPTIONS_KEY);
  return migrate(got[OPTIONS_KEY]);
}

export async function saveOptions(options: Options): Promise<void> {
  await chrome.storage.local.set({ [OPTIONS_KEY]: options });
}
