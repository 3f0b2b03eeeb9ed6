import { useCallback, useEffect, useState } from "react";
import type { ApplyResult, EditorView, FindingView, PageState, PanelRequest } from "./lib/messages.ts";
import { isContentEvent, kindEvidenceText, ON_DEMAND_CHARS } from "./lib/messages.ts";
import {
  countsText,
  isKindGroup,
  MISSING_SECTIONS,
  panelSections,
  sectionRows,
  severityWord,
} from "./lib/panel-view.ts";
import { openWorkbench } from "./lib/workbench-link.ts";
import "./sidepanel.css";

/**
 * The reviewer's list: detected kind and year, missing sections in the schema's order, then the findings
 * grouped by section. Clicking a finding selects it in the editor; "改为…" applies its safe fix through the
 * editor; a suggestion (a rewording) has a button of its own and changes only that place. Same-kind findings
 * of a section are shown as one group with each place listed; its fix-all changes exactly those places.
 * The panel follows the active tab; `?tab=<id>` pins it to one tab (used when opened as a page in tests).
 */

async function targetTab(): Promise<number | null> {
  const pinned = new URLSearchParams(location.search).get("tab");
  if (pinned && /^\d+$/.test(pinned)) return Number(pinned);
  const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const self = (await chrome.tabs.getCurrent())?.id;
  if (active?.id !== undefined && active.id !== self) return active.id;
  // Opened as a tab of its own: check the tab the reviewer was on just before.
  const tabs = (await chrome.tabs.query({})).filter((t) => t.id !== undefined && t.id !== self);
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return tabs[0]?.id ?? null;
}

function send<T>(tabId: number, req: PanelRequest): Promise<T | null> {
  return chrome.tabs.sendMessage(tabId, req).then(
    (r) => (r ?? null) as T | null,
    () => null,
  );
}

function SidePanel() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<PageState | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async (tab: number | null) => {
    if (tab === null) return setState(null);
    setState(await send<PageState>(tab, { type: "renda/get-state" }));
  }, []);

  useEffect(() => {
    let current: number | null = null;
    const follow = async () => {
      current = await targetTab();
      setTabId(current);
      void refresh(current);
    };
    void follow();
    const onMessage = (msg: unknown, sender: chrome.runtime.MessageSender) => {
      if (isContentEvent(msg) && sender.tab?.id === current) void refresh(current);
    };
    chrome.runtime.onMessage.addListener(onMessage);
    const pinned = new URLSearchParams(location.search).has("tab");
    const onActivated = () => void follow();
    if (!pinned) chrome.tabs.onActivated.addListener(onActivated);
    return () => {
      chrome.runtime.onMessage.removeListener(onMessage);
      chrome.tabs.onActivated.removeListener(onActivated);
    };
  }, [refresh]);

  const editors = state?.editors ?? [];
  const editor =
    editors.find((e) => e.id === selected) ??
    editors.find((e) => e.id === state?.activeId) ??
    editors[0] ??
    null;

  const act = async (req: PanelRequest) => {
    if (tabId === null) return;
    const r = await send<ApplyResult>(tabId, req);
    setNotice(r && !r.ok ? r.reason : null);
  };

  return (
    <main className="panel" data-renda-panel="">
      <header>
        <h1>人大报告助手</h1>
        <span className="privacy">本地检查，文稿不离开本机</span>
        <button type="button" className="workbench-link" data-renda-open-workbench="" onClick={openWorkbench}>
          文件工作台
        </button>
      </header>
      {state === null && <p className="empty">此页面没有可检查的编辑器，或页面尚未加载完毕。</p>}
      {state?.disabled && <p className="empty">已在选项中对此网站停用。</p>}
      {state && !state.disabled && editors.length === 0 && <p className="empty">此页面未发现编辑器。</p>}
      {editors.length > 1 && (
        <label className="chooser">
          编辑器：
          <select
            value={editor?.id ?? ""}
            onChange={(e) => {
              setSelected(e.target.value);
              void act({ type: "renda/activate", editorId: e.target.value });
            }}
          >
            {editors.map((e, i) => (
              <option key={e.id} value={e.id}>
                {i + 1}. {e.adapterName}（{e.textLength} 字）
              </option>
            ))}
          </select>
        </label>
      )}
      {editor && <EditorReport editor={editor} act={act} />}
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
    </main>
  );
}

/**
 * A group lists this many findings until the reviewer asks for the rest: a 500,000-character draft can carry
 * thousands, and rendering them all at once would stall the panel for a list nobody reads to the end.
 */
const GROUP_LIMIT = 200;

/**
 * One text's results. Without `act` (the file workbench: a file, not an editor) the view is read-only: no
 * select-in-editor, no fix buttons; suggestions are listed as text.
 */
export function EditorReport({ editor, act }: { editor: EditorView; act?: Act }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const r = editor.result;
  const onDemand = editor.onDemand && (
    <div className="on-demand" data-renda-on-demand={editor.stale ? "stale" : ""}>
      <p className="empty">
        按需检查：文稿共 {editor.textLength} 字，超过边写边查的上限（{ON_DEMAND_CHARS / 10_000}{" "}
        万字），输入时不再自动检查。
        {r && (editor.stale ? "文稿在上次检查后有改动，下列结果可能已过时。" : "下列为最近一次检查的结果。")}
      </p>
      <button
        type="button"
        data-renda-check-now=""
        onClick={() => void act?.({ type: "renda/check-now", editorId: editor.id })}
      >
        {r ? "重新检查" : "立即检查"}
      </button>
    </div>
  );
  if (!r) return onDemand ? <section>{onDemand}</section> : <p className="empty">检查中…</p>;
  const groups = panelSections(r);
  return (
    <section data-renda-editor={editor.id}>
      {onDemand}
      <dl className="facts">
        <dt>文稿类型</dt>
        <dd data-renda-kind={r.kind}>{r.kindName}</dd>
        <dt>年份</dt>
        <dd data-renda-year={r.year ?? ""}>{r.year === null ? "未识别" : `${r.year}年`}</dd>
        <dt>{act ? "编辑器" : "文件"}</dt>
        <dd>{editor.adapterName}</dd>
      </dl>
      <p className="kind-evidence" data-renda-kind-evidence={r.kindForced ? "forced" : "detected"}>
        {kindEvidenceText(r)}
      </p>
      {r.structured && (
        <h2>
          {MISSING_SECTIONS}（{r.missing.length}）
        </h2>
      )}
      {!r.structured ? null : r.missing.length === 0 ? (
        <p className="ok">必备章节齐全。</p>
      ) : (
        <ol className="missing" data-renda-missing={r.missing.map((m) => m.id).join(",")}>
          {r.missing.map((m) => (
            <li key={m.id} data-section={m.id}>
              {m.name}
            </li>
          ))}
        </ol>
      )}
      <h2>问题（{countsText({ error: r.errors, warning: r.warnings, info: r.infos })}）</h2>
      {groups.length === 0 && <p className="ok">未发现表述问题。</p>}
      {groups.map(({ name, list }) => (
        <div key={name} className="group">
          <h3>{name}</h3>
          <ul>
            {sectionRows(expanded.has(name) ? list : list.slice(0, GROUP_LIMIT)).map((row) =>
              isKindGroup(row) ? (
                <KindGroup key={`kind-${row.ruleId}`} items={row.items} editorId={editor.id} act={act} />
              ) : (
                <Finding key={`${row.index}-${row.start}`} f={row} editorId={editor.id} act={act} />
              ),
            )}
          </ul>
          {list.length > GROUP_LIMIT && !expanded.has(name) && (
            <button
              type="button"
              className="more"
              data-renda-more={list.length - GROUP_LIMIT}
              onClick={() => setExpanded(new Set([...expanded, name]))}
            >
              还有 {list.length - GROUP_LIMIT} 处，全部显示
            </button>
          )}
        </div>
      ))}
    </section>
  );
}

type Act = (r: PanelRequest) => Promise<void>;

/** A group of same-kind findings: a header, a fix-all for exactly the safe fixes listed, then every place. */
function KindGroup({ items, editorId, act }: { items: FindingView[]; editorId: string; act?: Act }) {
  const safe = items.filter((f) => f.fixText !== null);
  return (
    <li className="kind" data-renda-kind-group={items[0]!.ruleId}>
      <span className="kind-title">
        {items[0]!.kindLabel} ×{items.length}
      </span>
      {act && safe.length > 0 && (
        <button
          type="button"
          className="fix"
          data-renda-fix-all={items[0]!.ruleId}
          onClick={() => void act({ type: "renda/apply-fixes", editorId, indices: safe.map((f) => f.index) })}
        >
          全部修正此类（{safe.length} 处）
        </button>
      )}
      <ul>
        {items.map((f) => (
          <Finding key={`${f.index}-${f.start}`} f={f} editorId={editorId} act={act} />
        ))}
      </ul>
    </li>
  );
}

function Finding({ f, editorId, act }: { f: FindingView; editorId: string; act?: Act }) {
  return (
    <li className={`finding ${f.severity}`} data-rule={f.ruleId}>
      <button
        type="button"
        className="reveal"
        title={act ? "在编辑器中选中" : undefined}
        onClick={() => void act?.({ type: "renda/reveal", editorId, index: f.index })}
      >
        <span className="sev">{severityWord(f.severity)}</span>
        <span className="where">
          第{f.line}行 “{f.excerpt}”
        </span>
        <span className="msg">{f.message}</span>
      </button>
      {act && f.fixText !== null && (
        <button
          type="button"
          className="fix"
          data-renda-fix={f.ruleId}
          onClick={() => void act({ type: "renda/apply-fix", editorId, index: f.index })}
        >
          {f.fixText === "" ? "删除" : `改为“${f.fixText}”`}
        </button>
      )}
      {!act && f.suggestions.length > 0 && (
        <span className="suggestion">建议：{f.suggestions.join("；")}</span>
      )}
      {(act ? f.suggestions : []).map((label, i) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: a finding's suggestions never reorder
          key={i}
          type="button"
          className="suggestion"
          title="修改建议：请确认后应用"
          data-renda-suggestion={f.ruleId}
          onClick={() => void act?.({ type: "renda/apply-fix", editorId, index: f.index, suggestion: i })}
        >
          建议：{label}
        </button>
      ))}
    </li>
  );
}

export default SidePanel;
