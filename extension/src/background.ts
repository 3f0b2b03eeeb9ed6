import type { BackgroundRequest } from "./lib/messages.ts";

// The toolbar button opens the side panel (the reviewer's list of findings) instead of a popup.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

chrome.runtime.onMessage.addListener((msg: BackgroundRequest, sender) => {
  // The badge asks for the panel; the click on it is the user gesture sidePanel.open requires.
  if (msg?.type === "renda/open-panel" && sender.tab?.id !== undefined) {
    chrome.sidePanel.open({ tabId: sender.tab.id }).catch(() => {});
  }
  return false;
});
