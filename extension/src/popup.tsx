import { useEffect, useState } from "react";
import { openWorkbench } from "./lib/workbench-link.ts";
import "./popup.css";

/**
 * The toolbar button's menu: check the page's editor (the side panel) or check files from disk (the file
 * workbench). The badge beside an editor still opens the side panel directly.
 */
function Popup() {
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    void chrome.windows.getCurrent().then((w) => setWindowId(w.id ?? null));
  }, []);
  return (
    <main className="popup">
      <h1>人大报告助手</h1>
      <button
        type="button"
        data-renda-popup="panel"
        disabled={windowId === null}
        onClick={() => {
          // sidePanel.open needs the click's user gesture: called at once, with the window id read on load.
          if (windowId === null) return;
          void chrome.sidePanel.open({ windowId }).then(() => window.close());
        }}
      >
        检查此网页中的文稿
        <small>在侧边栏列出缺少的章节和有问题的表述</small>
      </button>
      <button
        type="button"
        data-renda-popup="workbench"
        onClick={() => {
          openWorkbench();
          window.close();
        }}
      >
        文件工作台
        <small>检查本机的 .docx/.txt/.md 文稿和 .xlsx 台账，生成和填写文稿</small>
      </button>
      <p className="privacy">全部在本机处理，文稿不离开本机</p>
    </main>
  );
}

export default Popup;
