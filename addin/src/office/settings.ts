// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * The document's (or workbook's) own settings, the same Office.context.document.settings in Word and Excel:
 * small values saved inside the file. No context.sync() is involved; saveAsync writes them with the file.
 */
import type { SettingsPort } from "../ports.ts";
import { operation } from "./errors.ts";

export function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(r.error);
    });
  });
}

export const settings: SettingsPort = {
  get: (key) => Office.context.document.settings.get(key) ?? undefined,
  set: (key, value) =>
    operation("保存设置", async () => {
      Office.context.document.settings.set(key, value);
      await saveSettings();
    }),
};
