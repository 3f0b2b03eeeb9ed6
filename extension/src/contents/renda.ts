import type { PlasmoCSConfig } from "plasmo";
import { EditorManager } from "../content/manager.ts";
import { isPanelRequest, type PageState } from "../lib/messages.ts";
import { migrate, OPTIONS_KEY, siteAllowed } from "../lib/options.ts";
import { loadOptions } from "../lib/storage.ts";

export const config: PlasmoCSConfig = {
  matches: ["http://*/*", "https://*/*"],
  run_at: "document_idle",
  // The top frame reads same-origin iframes itself (UEditor/KindEditor/TinyMCE bodies are about:blank frames,
  // where content scripts would not run anyway), so one script sees all of a page's editors.
  all_frames: false,
};

let manager: EditorManager | null = null;

async function main(): Promise<void> {
  let options = await loadOptions();
  const apply = () => {
    const allowed = siteAllowed(options, location.hostname);
    if (allowed && !manager) {
      manager = new EditorManager(options);
      manager.start();
    } else if (!allowed && manager) {
      manager.stop();
      manager = null;
    } else manager?.setOptions(options);
  };
  apply();
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(OPTIONS_KEY in changes)) return;
    options = migrate(changes[OPTIONS_KEY]!.newValue);
    apply();
  });
  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (!isPanelRequest(msg)) return false;
    if (!manager) {
      const off: PageState = { editors: [], activeId: null, disabled: true };
      reply(msg.type === "renda/get-state" ? off : { ok: false, reason: "此网站未启用人大报告助手" });
      return false;
    }
    reply(manager.handle(msg));
    return false;
  });
}

void main();
