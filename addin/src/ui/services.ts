import type { SlotBuilder } from "../logic/slots.ts";

/** What panes need besides Office: injected so tests and demos can replace them. */
export interface Services {
  buildSlots: SlotBuilder;
  /** Saves a text file for the user (a download in the task pane). */
  download(fileName: string, text: string): void;
}

export function browserDownload(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
