import { type Diagnostic, type Fix, fixesOf, type LintResult, lint } from "@renda/core";
import { ADAPTER_LABELS } from "../adapters/index.ts";
import type { EditorAdapter } from "../adapters/types.ts";
import { type ApplyResult, type EditorView, ON_DEMAND_CHARS } from "../lib/messages.ts";
import { lintOptionsOf, type Options } from "../lib/options.ts";
import { resultView } from "../lib/report.ts";
import { Badge } from "./badge.ts";
import { highlightUnderlines, type Underline, type UnderlinePainter } from "./highlights.ts";
import { TextareaUnderlines } from "./textarea-underlines.ts";

/** Quiet time after the last keystroke before a check: long enough to skip bursts, short enough to feel live. */
export const DEBOUNCE_MS = 300;
/**
 * Each check (read, lint, underline, badge) leaves one User Timing measure of this name, so its cost shows in
 * DevTools' performance panel and the bench (test/bench/extension.ts) can split a keystroke's latency into the
 * debounce and the work after it. The previous one is cleared first: a long session keeps one entry, not one
 * per keystroke; a PerformanceObserver still sees every one.
 */
export const CHECK_MEASURE = "renda:check";

export interface SessionHost {
  options(): Options;
  isActive(id: string): boolean;
  activate(id: string): void;
  openPanel(): void;
  changed(): void;
}

/** One editor on the page: reads it, lints it, paints it, and applies fixes to it. */
export class EditorSession {
  private readonly abort = new AbortController();
  private readonly badge: Badge;
  /** CSS highlights, or a textarea's mirror overlay (a textarea's text has no DOM ranges). */
  private readonly painter: UnderlinePainter;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKey = "";
  private textLength = 0;
  private onDemand = false;
  private stale = false;
  result: LintResult | null = null;
  /** Paragraphs walked in the last read (the incremental-read measure, read by tests and the bench). */
  lastReread = 0;
  /** Lints run so far (a composition or an unchanged text runs none). */
  runs = 0;
  /** Ranges underlined by the last paint (all severities). */
  marks = 0;

  constructor(
    readonly id: string,
    readonly adapter: EditorAdapter,
    private readonly host: SessionHost,
  ) {
    this.badge = new Badge(id, adapter.kind, () => {
      host.activate(id);
      if (this.onDemand) this.run(true);
      host.openPanel();
    });
    const signal = this.abort.signal;
    this.painter =
      adapter.root.localName === "textarea"
        ? new TextareaUnderlines(adapter.root as HTMLTextAreaElement, signal)
        : highlightUnderlines(adapter, id);
    adapter.watch((note) => {
      if (note.composing) return;
      this.schedule(DEBOUNCE_MS);
    }, signal);
    adapter.root.addEventListener("focusin", () => host.activate(id), { signal });
    // An editor resized by the page or by its resize handle: window scroll and resize do not tell.
    const RO = adapter.anchor.ownerDocument.defaultView?.ResizeObserver ?? ResizeObserver;
    const resize = new RO(() => this.place());
    resize.observe(adapter.anchor);
    signal.addEventListener("abort", () => resize.disconnect());
    this.refreshBadge();
  }

  get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(false), ms);
  }

  /** Reads and lints now. `force` checks even a text too long for checking as-you-type. */
  run(force: boolean): void {
    clearTimeout(this.timer);
    if (this.disposed) return;
    const startedAt = performance.now();
    const extract = this.adapter.read();
    this.lastReread = extract.reread;
    let length = 0;
    for (const b of extract.blocks) length += b.text.length + 1;
    this.textLength = Math.max(0, length - 1);
    // On demand is a property of the text, not of one run: it stays on (and the badge says so) after an
    // explicit check, until the text is short again.
    this.onDemand = this.textLength > ON_DEMAND_CHARS;
    const key = this.keyOf(extract.blocks);
    if (this.onDemand && !force) {
      // The last explicit check stays on screen, marked as older than the text, rather than vanishing at
      // the first keystroke; its underlines are live ranges and move with the text.
      this.stale = this.result !== null && key !== this.lastKey;
      this.refreshBadge();
      this.host.changed();
      return;
    }
    this.stale = false;
    if (key === this.lastKey && this.result) {
      this.refreshBadge();
      return;
    }
    this.lastKey = key;
    this.runs++;
    this.result = lint({ blocks: extract.blocks }, lintOptionsOf(this.host.options()));
    this.paint();
    this.refreshBadge();
    this.host.changed();
    performance.clearMeasures(CHECK_MEASURE);
    performance.measure(CHECK_MEASURE, {
      start: startedAt,
      detail: { editor: this.id, runs: this.runs, reread: extract.reread },
    });
  }

  /** Re-lint with new settings even when the text did not change. */
  recheck(): void {
    this.lastKey = "";
    this.run(false);
  }

  private keyOf(blocks: readonly { text: string; hint?: { tag?: string; bold?: boolean } }[]): string {
    const parts: string[] = [];
    for (const b of blocks)
      parts.push(b.hint ? `${b.hint.tag ?? ""}${b.hint.bold ? "!" : ""}|${b.text}` : b.text);
    return parts.join("\n");
  }

  private paint(): void {
    const underlines: Underline[] = [];
    if (this.result) {
      for (const d of this.result.diagnostics) {
        // A missing section has no text of its own to underline; its range only marks where it belongs.
        if (d.ruleId === "section/missing" || d.end <= d.start) continue;
        underlines.push({ start: d.start, end: d.end, severity: d.severity });
      }
    }
    this.marks = this.painter.set(underlines);
  }

  refreshBadge(): void {
    const r = this.result;
    this.badge.update({
      missing: r ? r.sections.missing : [],
      errors: r ? r.diagnostics.filter((d) => d.severity === "error").length : 0,
      warnings: r ? r.diagnostics.filter((d) => d.severity === "warning").length : 0,
      checking: !r && !this.onDemand,
      checked: r !== null,
      onDemand: this.onDemand,
      stale: this.stale,
      length: this.textLength,
      active: this.host.isActive(this.id),
      runs: this.runs,
      reread: this.lastReread,
      marks: this.marks,
    });
    this.badge.place(this.adapter.anchor);
  }

  place(): void {
    this.badge.place(this.adapter.anchor);
  }

  view(): EditorView {
    return {
      id: this.id,
      adapter: this.adapter.kind,
      adapterName: ADAPTER_LABELS[this.adapter.kind],
      textLength: this.textLength,
      onDemand: this.onDemand,
      stale: this.stale,
      result: this.result ? resultView(this.result) : null,
    };
  }

  reveal(index: number): void {
    const d = this.result?.diagnostics[index];
    if (!d) return;
    this.host.activate(this.id);
    this.adapter.select(d.start, d.end);
  }

  /** Applies a finding's safe fix, or the one suggestion the user chose, then re-checks. */
  applyFix(index: number, suggestion?: number): ApplyResult {
    const r = this.result;
    const d = r?.diagnostics[index];
    if (!r || !d) return { ok: false, reason: "该问题已不存在，请刷新面板" };
    if (suggestion !== undefined) {
      const s = d.suggestions?.[suggestion];
      if (!s) return { ok: false, reason: "该修改建议已不存在，请刷新面板" };
      return this.replaceAll([s.fix]);
    }
    if (!d.fix) return { ok: false, reason: "该问题没有自动修正" };
    return this.replaceAll([d.fix]);
  }

  /** "Fix all of this kind": the safe fixes of exactly the listed findings, never their suggestions. */
  applyFixes(indices: readonly number[]): ApplyResult {
    const r = this.result;
    if (!r) return { ok: false, reason: "该问题已不存在，请刷新面板" };
    const found = indices.map((i) => r.diagnostics[i]).filter((d): d is Diagnostic => d !== undefined);
    if (found.length !== indices.length) return { ok: false, reason: "该问题已不存在，请刷新面板" };
    const fixes = fixesOf(found);
    if (fixes.length === 0) return { ok: false, reason: "这些问题没有自动修正" };
    return this.replaceAll(fixes);
  }

  /** Back to front, so earlier offsets stay valid; overlapping changes are left for the next check. */
  private replaceAll(list: readonly Fix[]): ApplyResult {
    const r = this.result!;
    const fixes = [...list].sort((a, b) => b.start - a.start);
    let floor = Number.POSITIVE_INFINITY;
    const text = r.doc.text;
    for (const f of fixes) {
      if (f.end > floor) continue;
      if (!this.adapter.replace(f.start, f.end, f.text, text.slice(f.start, f.end)))
        return { ok: false, reason: "编辑器中的文字已改变，请等待重新检查后再试" };
      floor = f.start;
    }
    this.run(true);
    return { ok: true };
  }

  dispose(): void {
    // Before the abort: the textarea mirror takes its overlay away when the signal fires.
    this.painter.clear();
    this.abort.abort();
    clearTimeout(this.timer);
    this.badge.remove();
  }
}
