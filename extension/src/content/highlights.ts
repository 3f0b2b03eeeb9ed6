import type { Severity } from "@renda/core";

/**
 * Underlines through the CSS Custom Highlight API: the browser paints ranges registered in `CSS.highlights`,
 * so the editor's DOM, selection and undo history are never touched. The ::highlight() styles go in through
 * `adoptedStyleSheets`, which adds no element to the page either. One painter per document (iframe editors
 * live in their own document and registry); several editors share it, each under its own key.
 */

/** One underline of a check, in the editor's text offsets. */
export interface Underline {
  start: number;
  end: number;
  severity: Severity;
}

/**
 * What an editor session draws its check with: CSS highlights over the editor's own DOM ranges, or, for a
 * textarea (no DOM ranges inside), its mirror overlay (textarea-underlines.ts). The session hands over offsets
 * and does not care which.
 */
export interface UnderlinePainter {
  /** Draws these underlines in place of the last ones; returns how many ranges it drew. */
  set(underlines: readonly Underline[]): number;
  clear(): void;
}

const NAMES: Record<Severity, string> = {
  error: "renda-error",
  warning: "renda-warning",
  info: "renda-info",
};

const STYLE = `
::highlight(renda-error) { text-decoration: underline wavy #d4001a; text-decoration-skip-ink: none; background-color: rgba(212, 0, 26, 0.10); }
::highlight(renda-warning) { text-decoration: underline wavy #d98200; text-decoration-skip-ink: none; background-color: rgba(217, 130, 0, 0.10); }
::highlight(renda-info) { text-decoration: underline dotted #2f6fdb; text-decoration-skip-ink: none; }
`;

type HighlightWindow = Window & {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
  CSSStyleSheet: typeof CSSStyleSheet;
};

class Painter {
  private byEditor = new Map<string, Record<Severity, Range[]>>();
  private styled = false;

  constructor(private readonly doc: Document) {}

  private get win(): HighlightWindow | null {
    return (this.doc.defaultView as HighlightWindow | null) ?? null;
  }

  supported(): boolean {
    const w = this.win;
    return !!w?.CSS?.highlights && typeof w.Highlight === "function";
  }

  set(editorId: string, ranges: Record<Severity, Range[]>): void {
    this.byEditor.set(editorId, ranges);
    this.paint();
  }

  clear(editorId: string): void {
    if (this.byEditor.delete(editorId)) this.paint();
  }

  private paint(): void {
    const w = this.win;
    if (!w || !this.supported()) return;
    this.ensureStyle(w);
    for (const severity of Object.keys(NAMES) as Severity[]) {
      const all: Range[] = [];
      for (const r of this.byEditor.values()) all.push(...r[severity]);
      if (all.length === 0) w.CSS.highlights!.delete(NAMES[severity]);
      else w.CSS.highlights!.set(NAMES[severity], new w.Highlight!(...all));
    }
  }

  private ensureStyle(w: HighlightWindow): void {
    if (this.styled) return;
    this.styled = true;
    try {
      const sheet = new w.CSSStyleSheet();
      sheet.replaceSync(STYLE);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    } catch {
      // A page that forbids constructed sheets still gets the panel and badge; only the underlines are lost.
    }
  }
}

const painters = new WeakMap<Document, Painter>();

export function painterFor(doc: Document): Painter {
  let p = painters.get(doc);
  if (!p) {
    p = new Painter(doc);
    painters.set(doc, p);
  }
  return p;
}

/** An editor's underlines as CSS highlights: offsets become ranges through the adapter's offset map. */
export function highlightUnderlines(
  editor: { readonly root: HTMLElement; rangeOf(start: number, end: number): Range | null },
  editorId: string,
): UnderlinePainter {
  const painter = painterFor(editor.root.ownerDocument);
  return {
    set(underlines) {
      const ranges: Record<Severity, Range[]> = { error: [], warning: [], info: [] };
      let drawn = 0;
      for (const u of underlines) {
        const r = editor.rangeOf(u.start, u.end);
        if (r) {
          ranges[u.severity].push(r);
          drawn++;
        }
      }
      painter.set(editorId, ranges);
      return drawn;
    },
    clear: () => painter.clear(editorId),
  };
}
