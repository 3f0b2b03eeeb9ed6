import { ADAPTERS } from "../adapters/index.ts";
import type {
  ApplyResult,
  BackgroundRequest,
  ContentEvent,
  PageState,
  PanelRequest,
} from "../lib/messages.ts";
import type { Options } from "../lib/options.ts";
import { EditorSession, type SessionHost } from "./session.ts";

const RESCAN_MS = 400;

/**
 * Finds the editors on the page (and in its same-origin iframes), keeps one session per editor, follows
 * editors that appear late or are replaced, and answers the side panel.
 */
export class EditorManager implements SessionHost {
  private sessions = new Map<HTMLElement, EditorSession>();
  private nextId = 1;
  private activeId: string | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private placeFrame = 0;
  private readonly abort = new AbortController();
  private watchedDocs = new WeakSet<Document>();

  constructor(private opts: Options) {}

  options(): Options {
    return this.opts;
  }

  setOptions(opts: Options): void {
    this.opts = opts;
    for (const s of this.sessions.values()) s.recheck();
  }

  start(): void {
    this.scan();
    const signal = this.abort.signal;
    const place = () => {
      if (this.placeFrame) return;
      this.placeFrame = requestAnimationFrame(() => {
        this.placeFrame = 0;
        for (const s of this.sessions.values()) s.place();
      });
    };
    window.addEventListener("scroll", place, { capture: true, passive: true, signal });
    window.addEventListener("resize", place, { passive: true, signal });
    // iframe load events do not bubble, but a capturing listener on the document still sees them.
    document.addEventListener("load", () => this.scheduleScan(), { capture: true, signal });
  }

  private watchDocument(doc: Document): void {
    if (this.watchedDocs.has(doc)) return;
    this.watchedDocs.add(doc);
    const MO = doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new MO((records) => {
      // Typing inside a known editor is the sessions' business; only changes elsewhere can add or drop editors.
      for (const r of records) {
        if (!this.insideEditor(r.target)) {
          this.scheduleScan();
          return;
        }
      }
    });
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["contenteditable"],
    });
    this.abort.signal.addEventListener("abort", () => observer.disconnect());
  }

  private insideEditor(node: Node): boolean {
    for (const root of this.sessions.keys()) if (root.contains(node)) return true;
    return false;
  }

  private scheduleScan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => this.scan(), RESCAN_MS);
  }

  /** Documents to look in: the page and every same-origin iframe below it. */
  private documents(): Document[] {
    const out: Document[] = [];
    const visit = (doc: Document, depth: number) => {
      out.push(doc);
      if (depth > 5) return;
      for (const frame of doc.querySelectorAll("iframe")) {
        let inner: Document | null = null;
        try {
          inner = frame.contentDocument;
        } catch {
          inner = null;
        }
        if (inner?.documentElement) visit(inner, depth + 1);
      }
    };
    visit(document, 0);
    return out;
  }

  scan(): void {
    let changed = false;
    for (const [root, s] of this.sessions) {
      // A textarea that an editor replaced (TinyMCE, CKEditor hide theirs) is no longer what the reviewer edits.
      const hidden = s.adapter.kind === "textarea" && root.getClientRects().length === 0;
      if (!root.isConnected || !root.ownerDocument.defaultView || hidden) {
        s.dispose();
        this.sessions.delete(root);
        if (this.activeId === s.id) this.activeId = null;
        changed = true;
      }
    }
    const claimed = (el: HTMLElement) => {
      for (const root of this.sessions.keys())
        if (root === el || root.contains(el) || el.contains(root)) return true;
      return false;
    };
    for (const doc of this.documents()) {
      this.watchDocument(doc);
      for (const factory of ADAPTERS) {
        for (const el of factory.find(doc)) {
          if (claimed(el)) continue;
          const adapter = factory.create(el);
          if (!adapter) continue;
          const session = new EditorSession(`e${this.nextId++}`, adapter, this);
          this.sessions.set(el, session);
          if (this.activeId === null) this.activeId = session.id;
          session.schedule(0);
          changed = true;
        }
      }
    }
    if (changed) this.changed();
  }

  private byId(id: string): EditorSession | undefined {
    for (const s of this.sessions.values()) if (s.id === id) return s;
    return undefined;
  }

  isActive(id: string): boolean {
    return this.activeId === id;
  }

  activate(id: string): void {
    if (this.activeId === id) return;
    this.activeId = id;
    for (const s of this.sessions.values()) s.refreshBadge();
    this.changed();
  }

  openPanel(): void {
    const m: BackgroundRequest = { type: "renda/open-panel" };
    chrome.runtime.sendMessage(m).catch(() => {});
  }

  state(): PageState {
    return { editors: [...this.sessions.values()].map((s) => s.view()), activeId: this.activeId };
  }

  /** Tells an open side panel, which then asks for the state; coalesced so a burst of checks sends one. */
  changed(): void {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      const m: ContentEvent = { type: "renda/changed" };
      // No panel open is the usual case: the promise then rejects, which is not an error here.
      chrome.runtime.sendMessage(m).catch(() => {});
    }, 50);
  }

  handle(req: PanelRequest): PageState | ApplyResult {
    if (req.type === "renda/get-state") return this.state();
    const s = this.byId(req.editorId);
    if (!s) return { ok: false, reason: "编辑器已不在页面上" };
    switch (req.type) {
      case "renda/activate":
        this.activate(s.id);
        return { ok: true };
      case "renda/reveal":
        s.reveal(req.index);
        return { ok: true };
      case "renda/apply-fix":
        return s.applyFix(req.index, req.suggestion);
      case "renda/apply-fixes":
        return s.applyFixes(req.indices);
      case "renda/check-now":
        s.run(true);
        return { ok: true };
    }
  }

  stop(): void {
    this.abort.abort();
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }
}
