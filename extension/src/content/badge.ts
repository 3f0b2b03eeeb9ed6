/**
 * The small in-page badge beside an editor. It lives in a closed shadow root on a host element of its own
 * (the page's CSS cannot reach in, the editor's DOM is untouched). The host element carries the results as
 * attributes, so tests and the reviewer's own scripts can read them:
 * data-renda-missing (missing section ids, comma-separated), data-renda-errors, data-renda-warnings,
 * data-renda-on-demand (the text is too long to check as-you-type) and data-renda-stale (edited since that
 * check), and for diagnosis data-renda-runs (checks so far), data-renda-reread (paragraphs the last read took
 * from the DOM), data-renda-length (characters in the last read) and data-renda-marks (ranges underlined).
 * The host is updated after the underlines are registered, so a change of data-renda-runs is the moment a
 * check's results reached the page (the bench and the tests wait on it).
 */
import { SEVERITY_WORDS } from "@renda/core";
import { ON_DEMAND_CHARS } from "../lib/messages.ts";
import { styleShadow } from "./shadow-style.ts";

export interface BadgeState {
  missing: string[];
  errors: number;
  warnings: number;
  checking: boolean;
  /** A result exists (on demand, there is none until the reviewer asks). */
  checked: boolean;
  onDemand: boolean;
  /** On demand, and the text changed since the last check. */
  stale: boolean;
  /** Characters read last time (also when on demand, where nothing else shows that the edit was seen). */
  length: number;
  active: boolean;
  /** Checks run so far, and paragraphs read from the DOM by the last one (incremental reading at work). */
  runs: number;
  reread: number;
  /** Ranges the last check underlined through CSS.highlights (0 where no range exists, as in a textarea). */
  marks: number;
}

const STYLE = `
:host { all: initial; }
button {
  all: initial; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 6px;
  padding: 3px 9px; border-radius: 12px; font: 12px/18px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #fff; background: #2e7d32; box-shadow: 0 1px 4px rgba(0,0,0,.25); white-space: nowrap;
}
button.bad { background: #c8102e; }
button.warn { background: #b76e00; }
button.idle { background: #5f6368; }
button.inactive { opacity: .75; }
`;

export class Badge {
  readonly host: HTMLElement;
  private button: HTMLButtonElement;

  constructor(editorId: string, adapter: string, onClick: () => void) {
    const host = document.createElement("div");
    host.setAttribute("data-renda-badge", "");
    host.setAttribute("data-renda-editor", editorId);
    host.setAttribute("data-renda-adapter", adapter);
    host.style.cssText = "position:fixed;z-index:2147483646;top:0;left:0;display:none;";
    const shadow = host.attachShadow({ mode: "closed" });
    styleShadow(shadow, STYLE);
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.addEventListener("click", (e) => {
      e.preventDefault();
      e.stopPropagation();
      onClick();
    });
    shadow.append(this.button);
    this.host = host;
    document.documentElement.append(host);
  }

  update(s: BadgeState): void {
    const h = this.host;
    h.setAttribute("data-renda-missing", s.missing.join(","));
    h.setAttribute("data-renda-errors", String(s.errors));
    h.setAttribute("data-renda-warnings", String(s.warnings));
    h.toggleAttribute("data-renda-active", s.active);
    h.toggleAttribute("data-renda-checking", s.checking);
    h.toggleAttribute("data-renda-on-demand", s.onDemand);
    h.toggleAttribute("data-renda-stale", s.stale);
    h.setAttribute("data-renda-runs", String(s.runs));
    h.setAttribute("data-renda-reread", String(s.reread));
    h.setAttribute("data-renda-marks", String(s.marks));
    h.setAttribute("data-renda-length", String(s.length));
    let label: string;
    let tone: string;
    if (s.checking) {
      label = "检查中…";
      tone = "idle";
    } else if (s.onDemand && !s.checked) {
      label = "文稿过长，点击检查";
      tone = "idle";
    } else if (s.missing.length === 0 && s.errors === 0 && s.warnings === 0) {
      label = "✓ 未发现问题";
      tone = "";
    } else {
      const parts: string[] = [];
      if (s.missing.length > 0) parts.push(`缺 ${s.missing.length} 个章节`);
      if (s.errors > 0) parts.push(`${SEVERITY_WORDS.error} ${s.errors}`);
      if (s.warnings > 0) parts.push(`${SEVERITY_WORDS.warning} ${s.warnings}`);
      label = parts.join(" · ");
      tone = s.missing.length > 0 || s.errors > 0 ? "bad" : "warn";
    }
    // A long text says so in every state, so the reviewer knows why the counts do not follow the typing.
    if (s.onDemand) label = `按需检查 · ${label}${s.stale ? " · 已改动，点击重新检查" : ""}`;
    this.button.textContent = label;
    this.button.title = s.onDemand
      ? `人大报告助手：文稿超过 ${ON_DEMAND_CHARS / 10_000} 万字，改为按需检查；点击立即检查并打开检查面板`
      : "人大报告助手：点击打开检查面板";
    this.button.className = `${tone}${s.active ? "" : " inactive"}`;
  }

  /** Puts the badge at the anchor's top-right corner (in the top page's viewport coordinates). */
  place(anchor: HTMLElement): void {
    if (!anchor.isConnected) {
      this.host.style.display = "none";
      return;
    }
    const rect = anchor.getBoundingClientRect();
    let x = rect.right;
    let y = rect.top;
    // Editors inside (same-origin) iframes: add each frame's offset up to the top page.
    for (
      let w: Window | null = anchor.ownerDocument.defaultView;
      w && w !== window && w.frameElement;
      w = w.parent
    ) {
      const fr = w.frameElement.getBoundingClientRect();
      x += fr.left + (w.frameElement as HTMLElement).clientLeft;
      y += fr.top + (w.frameElement as HTMLElement).clientTop;
    }
    const visible = rect.width > 0 && rect.height > 0;
    this.host.style.display = visible ? "block" : "none";
    const width = this.host.getBoundingClientRect().width || 120;
    this.host.style.left = `${Math.max(0, Math.min(window.innerWidth - width - 4, x - width - 6))}px`;
    this.host.style.top = `${Math.max(0, y + 6)}px`;
  }

  remove(): void {
    this.host.remove();
  }
}
