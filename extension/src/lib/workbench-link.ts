/** Opens the file workbench (checks .docx/.txt/.md drafts and .xlsx ledgers from disk) in a tab of its own. */
export function openWorkbench(): void {
  // tabs.create needs no "tabs" permission; the page is the extension's own (Plasmo builds src/tabs/*).
  void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/workbench.html") });
}
