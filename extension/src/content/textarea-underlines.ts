import type { Severity } from "@renda/core";
import type { Underline, UnderlinePainter } from "./highlights.ts";
import { styleShadow } from "./shadow-style.ts";

/**
 * Underlines for a <textarea>. Its text has no DOM ranges, so the CSS Custom Highlight API cannot reach it;
 * instead a mirror of its text is laid out in the extension's own shadow root, on top of the textarea: same
 * box, font, padding, wrapping and scroll offset, transparent text (one block per line), and the flagged
 * spans underlined. The
 * mirror ignores the pointer, so clicks and typing go to the textarea, whose DOM and value are never touched.
 */

/** Computed properties that decide where each character of the textarea lands; the mirror copies them. */
const LAYOUT = [
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant",
  "font-stretch",
  "font-kerning",
  "font-feature-settings",
  "font-variation-settings",
  "line-height",
  "letter-spacing",
  "word-spacing",
  "text-indent",
  "text-transform",
  "text-align",
  "text-rendering",
  "tab-size",
  "white-space",
  "word-break",
  "overflow-wrap",
  "line-break",
  "hyphens",
  "direction",
  "unicode-bidi",
  "writing-mode",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
] as const;

const STYLE = `
:host { all: initial; }
.text { display: block; box-sizing: content-box; margin: 0; border: 0; color: transparent; }
/* The textarea indents only its first line; each line here is a block of its own. */
.text > div { text-indent: 0; }
.text > div:first-child { text-indent: inherit; }
span[data-renda-underline] { text-decoration-line: underline; text-decoration-thickness: 1px; text-decoration-skip-ink: none; text-underline-offset: 2px; }
span[data-renda-underline="error"] { text-decoration-style: wavy; text-decoration-color: #d4001a; background-color: rgba(212, 0, 26, 0.10); }
span[data-renda-underline="warning"] { text-decoration-style: wavy; text-decoration-color: #d98200; background-color: rgba(217, 130, 0, 0.10); }
span[data-renda-underline="info"] { text-decoration-style: dotted; text-decoration-color: #2f6fdb; }
`;

export class TextareaUnderlines implements UnderlinePainter {
  private readonly host: HTMLElement;
  private readonly text: HTMLElement;
  private spans: Underline[] = [];
  /** The textarea's value the spans refer to. */
  private basis = "";
  /** The mirror's line blocks, and what each shows (its text and its underlines), for rebuilding only changes. */
  private lineEls: HTMLElement[] = [];
  private lineKeys: string[] = [];
  /** The layout properties last copied from the textarea. */
  private layout = "";
  private frame = 0;
  private rerender = false;

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    signal: AbortSignal,
  ) {
    const doc = textarea.ownerDocument;
    const win = doc.defaultView!;
    // The mirror lives in the textarea's own document (an iframe's, for a textarea inside one), so its
    // fixed position is in the same viewport as the textarea's client rect.
    this.host = doc.createElement("div");
    this.host.setAttribute("data-renda-underlines", "");
    this.host.style.cssText =
      "position:fixed;z-index:2147483645;top:0;left:0;width:0;height:0;overflow:hidden;pointer-events:none;display:none;";
    const shadow = this.host.attachShadow({ mode: "closed" });
    styleShadow(shadow, STYLE);
    this.text = doc.createElement("div");
    this.text.className = "text";
    shadow.append(this.text);
    doc.documentElement.append(this.host);

    const schedule = (rerender: boolean) => {
      this.rerender ||= rerender;
      if (this.frame) return;
      this.frame = win.requestAnimationFrame(() => {
        this.frame = 0;
        if (this.rerender) this.follow();
        this.rerender = false;
        this.place();
      });
    };
    const opts = { passive: true, signal };
    textarea.addEventListener("input", () => schedule(true), opts);
    textarea.addEventListener("scroll", () => schedule(false), opts);
    win.addEventListener("scroll", () => schedule(false), { ...opts, capture: true });
    win.addEventListener("resize", () => schedule(false), opts);
    // A textarea resized by its handle or by the page's layout fires neither scroll nor resize.
    const resize = new win.ResizeObserver(() => schedule(false));
    resize.observe(textarea);
    signal.addEventListener("abort", () => {
      resize.disconnect();
      win.cancelAnimationFrame(this.frame);
      this.host.remove();
    });
  }

  /** New spans, in offsets of the textarea's current value; every span is drawn (the mirror has no gaps). */
  set(spans: readonly Underline[]): number {
    this.sync(this.textarea.value, [...spans]);
    this.place();
    return spans.length;
  }

  clear(): void {
    this.set([]);
  }

  /**
   * The text changed before the next check: keep the spans that the edit did not touch, moved by its
   * length, so the underlines stay under their words while the reviewer types.
   */
  private follow(): void {
    const before = this.basis;
    const after = this.textarea.value;
    if (before === after) return;
    const max = Math.min(before.length, after.length);
    let head = 0;
    while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
    let tail = 0;
    while (
      tail < max - head &&
      before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
    )
      tail++;
    const changedEnd = before.length - tail;
    const delta = after.length - before.length;
    const kept: Underline[] = [];
    for (const s of this.spans) {
      if (s.end <= head) kept.push(s);
      else if (s.start >= changedEnd) kept.push({ ...s, start: s.start + delta, end: s.end + delta });
    }
    this.sync(after, kept);
  }

  /**
   * Brings the mirror to `value` and `spans`. The mirror holds one block per line of the textarea, up to the
   * last underlined line (the rest cannot move an underline); only lines whose text or underlines changed are
   * rebuilt, so a keystroke in a long text re-lays one line, not the whole text.
   */
  private sync(value: string, spans: Underline[]): void {
    this.basis = value;
    this.spans = spans;
    const lines = value.split("\n");
    const starts: number[] = new Array(lines.length);
    for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts[i] = at;
    const lineOf = (pos: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // Each span cut into its lines, in line-relative offsets.
    const perLine = new Map<number, Underline[]>();
    let last = -1;
    for (const s of spans) {
      if (s.end <= s.start || s.end > value.length) continue;
      for (let l = lineOf(s.start), e = lineOf(s.end - 1); l <= e; l++) {
        const from = Math.max(s.start, starts[l]!) - starts[l]!;
        const to = Math.min(s.end, starts[l]! + lines[l]!.length) - starts[l]!;
        if (to <= from) continue;
        let list = perLine.get(l);
        if (!list) {
          list = [];
          perLine.set(l, list);
        }
        list.push({ start: from, end: to, severity: s.severity });
        last = Math.max(last, l);
      }
    }
    const keys: string[] = new Array(last + 1);
    for (let l = 0; l <= last; l++) {
      const list = perLine.get(l);
      keys[l] = list
        ? `${lines[l]}\u0000${list.map((u) => `${u.start}-${u.end}${u.severity[0]}`).join(",")}`
        : lines[l]!;
    }
    // Lines the same before and after: a common run at the start and one at the end.
    const old = this.lineKeys;
    let head = 0;
    while (head < old.length && head < keys.length && old[head] === keys[head]) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < keys.length - head &&
      old[old.length - 1 - tail] === keys[keys.length - 1 - tail]
    )
      tail++;
    const next = tail > 0 ? this.lineEls[old.length - tail]! : null;
    for (const el of this.lineEls.slice(head, old.length - tail)) el.remove();
    const fresh: HTMLElement[] = [];
    for (let l = head; l < keys.length - tail; l++) fresh.push(this.renderLine(lines[l]!, perLine.get(l)));
    for (const el of fresh) this.text.insertBefore(el, next);
    this.lineEls = [...this.lineEls.slice(0, head), ...fresh, ...this.lineEls.slice(old.length - tail)];
    this.lineKeys = keys;
  }

  /** One line of the mirror: its text, with each piece under a span marked by the worst severity there. */
  private renderLine(text: string, spans: Underline[] | undefined): HTMLElement {
    const doc = this.textarea.ownerDocument;
    const line = doc.createElement("div");
    // An empty line still takes a line's height, as in the textarea.
    if (text === "") {
      line.append(doc.createElement("br"));
      return line;
    }
    if (!spans) {
      line.textContent = text;
      return line;
    }
    const edges: [number, 1 | -1, Severity][] = [];
    for (const s of spans) edges.push([s.start, 1, s.severity], [s.end, -1, s.severity]);
    edges.sort((a, b) => a[0] - b[0]);
    const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    let at = 0;
    for (let i = 0; i < edges.length; ) {
      const from = edges[i]![0];
      for (; i < edges.length && edges[i]![0] === from; i++) open[edges[i]![2]] += edges[i]![1];
      const to = edges[i]?.[0];
      if (to === undefined) break;
      const worst: Severity | null =
        open.error > 0 ? "error" : open.warning > 0 ? "warning" : open.info > 0 ? "info" : null;
      if (!worst) continue;
      if (from > at) line.append(text.slice(at, from));
      const span = doc.createElement("span");
      span.setAttribute("data-renda-underline", worst);
      span.textContent = text.slice(from, to);
      line.append(span);
      at = to;
    }
    if (at < text.length) line.append(text.slice(at));
    return line;
  }

  /** Puts the mirror over the textarea's padding box and scrolls it with the textarea. */
  private place(): void {
    const ta = this.textarea;
    const win = ta.ownerDocument.defaultView;
    const h = this.host.style;
    h.display = "none";
    if (!win || !ta.isConnected || this.lineEls.length === 0) return;
    const rect = ta.getBoundingClientRect();
    const cs = win.getComputedStyle(ta);
    if (rect.width === 0 || rect.height === 0 || cs.visibility !== "visible") return;
    // The padding box without scrollbars: where the textarea draws its text.
    const left = rect.left + ta.clientLeft;
    const top = rect.top + ta.clientTop;
    const width = ta.clientWidth;
    const height = ta.clientHeight;
    const clip = this.visibleArea(win, { left, top, right: left + width, bottom: top + height });
    if (!clip) return;

    h.display = "block";
    h.left = `${left}px`;
    h.top = `${top}px`;
    h.width = `${width}px`;
    h.height = `${height}px`;
    h.clipPath = `inset(${clip.top - top}px ${left + width - clip.right}px ${top + height - clip.bottom}px ${clip.left - left}px)`;

    const t = this.text.style;
    const padX = Number.parseFloat(cs.paddingLeft) + Number.parseFloat(cs.paddingRight);
    // Same content width as the textarea's, so lines wrap at the same characters. Written only when it
    // changed: a rewrite re-lays the whole mirror, which in a long text costs more than the keystroke.
    const layout = `${LAYOUT.map((p) => cs.getPropertyValue(p)).join("|")}|${width - padX}`;
    if (layout !== this.layout) {
      this.layout = layout;
      for (const p of LAYOUT) t.setProperty(p, cs.getPropertyValue(p));
      t.width = `${Math.max(0, width - padX)}px`;
    }
    t.transform = `translate(${-ta.scrollLeft}px, ${-ta.scrollTop}px)`;
  }

  /** The part of `box` not cut off by the viewport or by a scrolling or clipping ancestor; null if none. */
  private visibleArea(
    win: Window,
    box: { left: number; top: number; right: number; bottom: number },
  ): { left: number; top: number; right: number; bottom: number } | null {
    const out = { ...box };
    const cut = (l: number, t: number, r: number, b: number) => {
      out.left = Math.max(out.left, l);
      out.top = Math.max(out.top, t);
      out.right = Math.min(out.right, r);
      out.bottom = Math.min(out.bottom, b);
    };
    cut(0, 0, win.innerWidth, win.innerHeight);
    for (
      let el = this.textarea.parentElement;
      el && el !== el.ownerDocument.documentElement;
      el = el.parentElement
    ) {
      const cs = win.getComputedStyle(el);
      if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
      const r = el.getBoundingClientRect();
      const l = r.left + el.clientLeft;
      const t = r.top + el.clientTop;
      cut(l, t, l + el.clientWidth, t + el.clientHeight);
    }
    return out.right > out.left && out.bottom > out.top ? out : null;
  }
}
