import type { BackgroundRequest } from "./lib/messages.ts";

// The toolbar button shows the popup (side panel or file workbench), so it must not open the panel itself;
// the setting persists in the profile, hence set explicitly rather than left at a former value.
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});

chrome.runtime.onMessage.addListener((msg: BackgroundRequest, sender) => {
  // The badge asks for the panel; the click on it is the user gesture sidePanel.open requires.
  if (msg?.type === "renda/open-panel" && sender.tab?.id !== undefined) {
    chrome.sidePanel.open({ tabId: sender.tab.id }).catch(() => {});
  }
  return false;
});
