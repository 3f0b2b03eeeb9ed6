/**
 * A Word host stand-in for tests: an in-memory document (paragraphs, block content controls holding paragraphs
 * or a table) behind the slice of the Word API the add-in uses, built on office-addin-mock. It records every
 * write so tests can assert exactly what changed, and counts context.sync() calls.
 */
import { Batch, type SyncCounter } from "./mock.ts";

export interface WPara {
  text: string;
  style: string;
  outlineLevel: number;
}
export interface WControl {
  tag: string;
  title: string;
  cannotEdit: boolean;
  paragraphs: WPara[];
  table: string[][] | null;
  /** Paragraphs after the table (a note). */
  after: WPara[];
}
export type WBlock = { para: WPara } | { control: WControl };

export interface WordModel {
  blocks: WBlock[];
  settings: Record<string, unknown>;
  changeTrackingMode: "Off" | "TrackAll" | "TrackMineOnly";
  /** Requirement sets the host claims, e.g. { WordApi: "1.7" }. */
  sets: Record<string, string>;
  selection: { paragraph: number; start: number; end: number } | null;
  /** Block index of the cursor (insertions at the cursor go after it). */
  cursorBlock: number;
  annotations: { paragraph: number; start: number; length: number; colorScheme: string }[];
  /** Word comments (Range.insertComment): where, on what text, and the comment's words. */
  comments: { paragraph: number; start: number; length: number; anchor: string; text: string }[];
  writes: string[];
  /** Document.url: where the document was saved (absent for a new, unsaved document). */
  url?: string;
}

export function newWordModel(
  paragraphs: string[] = [],
  sets: Record<string, string> = { WordApi: "1.7" },
): WordModel {
  return {
    blocks: paragraphs.map((text) => ({ para: { text, style: "正文", outlineLevel: 10 } })),
    settings: {},
    changeTrackingMode: "Off",
    sets,
    selection: null,
    cursorBlock: 0,
    annotations: [],
    comments: [],
    writes: [],
  };
}

const para = (text: string, style = "正文"): WPara => ({
  text,
  style,
  outlineLevel: style.startsWith("Heading") ? Number(style.slice(7)) || 1 : 10,
});

/** Every paragraph in document order, as body.paragraphs lists them (table cells included). */
export function flatParagraphs(model: WordModel): WPara[] {
  const out: WPara[] = [];
  for (const b of model.blocks) {
    if ("para" in b) out.push(b.para);
    else {
      out.push(...b.control.paragraphs);
      if (b.control.table) for (const row of b.control.table) for (const cell of row) out.push(para(cell));
      out.push(...b.control.after);
    }
  }
  return out;
}

export function documentText(model: WordModel): string {
  return flatParagraphs(model)
    .map((p) => p.text)
    .join("\n");
}

function versionAtLeast(have: string | undefined, want: string): boolean {
  if (!have) return false;
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

export function wordOffice(model: WordModel, host = "Word") {
  return {
    context: {
      host,
      platform: "OfficeOnline",
      requirements: {
        isSetSupported: (set: string, version: string) => versionAtLeast(model.sets[set], version),
      },
      document: {
        url: model.url ?? "",
        settings: {
          get: (k: string) => model.settings[k] ?? null,
          set: (k: string, v: unknown) => {
            model.settings[k] = v;
          },
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: () => Promise.resolve({ host, platform: "OfficeOnline" }),
  };
}

/** The global `Word` for tests: Word.run hands the callback a fresh counted context over the model. */
export function wordHost(model: WordModel, counter: SyncCounter = { syncs: 0 }) {
  return {
    counter,
    run: async <T>(cb: (context: never) => Promise<T>): Promise<T> =>
      cb(buildContext(model, counter) as never),
  };
}

function buildContext(model: WordModel, counter: SyncCounter) {
  const batch = new Batch(counter);
  const ctx = batch.context({
    document: { changeTrackingMode: model.changeTrackingMode, body: { text: "" } },
  });

  const paragraphProxy = (p: WPara, index: number) => ({
    get text() {
      return p.text;
    },
    get style() {
      return p.style;
    },
    get outlineLevel() {
      return p.outlineLevel;
    },
    set styleBuiltIn(v: string) {
      p.style = v;
      p.outlineLevel = v.startsWith("Heading") ? Number(v.slice(7)) || 1 : 10;
      model.writes.push(`style ¶${index} ${v}`);
    },
    select() {
      model.selection = { paragraph: index, start: 0, end: p.text.length };
    },
    getRange(where: "Whole") {
      if (where !== "Whole") throw new Error(`stand-in: getRange ${where}`);
      return rangeProxy(p, index, 0, p.text.length);
    },
    insertText(text: string, where: "Start" | "End") {
      p.text = where === "Start" ? text + p.text : p.text + text;
      model.writes.push(`insert ¶${index} ${where} ${text}`);
    },
    search(needle: string, opts: { matchCase: boolean }) {
      const plain = needle.replace(/\^\^/g, "^");
      const hits: ReturnType<typeof rangeProxy>[] = [];
      if (opts.matchCase)
        for (let i = p.text.indexOf(plain); i !== -1; i = p.text.indexOf(plain, i + plain.length))
          hits.push(rangeProxy(p, index, i, plain.length));
      return batch.collection(hits);
    },
    insertContentControl() {
      const bi = model.blocks.findIndex((b) => "para" in b && b.para === p);
      const control: WControl = {
        tag: "",
        title: "",
        cannotEdit: false,
        paragraphs: [p],
        table: null,
        after: [],
      };
      model.blocks[bi] = { control };
      return controlProxy(control);
    },
    getAnnotations() {
      const mine = model.annotations.filter((a) => a.paragraph === index);
      return batch.collection(
        mine.map((a) => ({
          delete() {
            model.annotations.splice(model.annotations.indexOf(a), 1);
          },
        })),
      );
    },
    insertAnnotations(set: { critiques: { start: number; length: number; colorScheme: string }[] }) {
      for (const c of set.critiques) model.annotations.push({ paragraph: index, ...c });
    },
  });

  // Ranges are live, as in Word: a replacement earlier in a paragraph shifts the ranges after it.
  const live: { p: WPara; start: number; length: number }[] = [];
  const rangeProxy = (p: WPara, index: number, start: number, length: number) => {
    const r = { p, start, length };
    live.push(r);
    return {
      select() {
        model.selection = { paragraph: index, start: r.start, end: r.start + r.length };
      },
      insertComment(text: string) {
        // WordApi 1.4: a comment on the range; the text is not changed.
        if (!versionAtLeast(model.sets.WordApi, "1.4"))
          throw new Error("stand-in: insertComment needs WordApi 1.4");
        const anchor = p.text.slice(r.start, r.start + r.length);
        model.comments.push({ paragraph: index, start: r.start, length: r.length, anchor, text });
        model.writes.push(`comment ¶${index} “${anchor}”`);
      },
      insertText(text: string, where: "Replace") {
        if (where !== "Replace") throw new Error(`stand-in: insertText ${where} on a range`);
        const before = p.text;
        p.text = before.slice(0, r.start) + text + before.slice(r.start + r.length);
        model.writes.push(`replace ¶${index} “${before.slice(r.start, r.start + r.length)}”→“${text}”`);
        const delta = text.length - r.length;
        for (const o of live) if (o !== r && o.p === p && o.start >= r.start + r.length) o.start += delta;
        r.length = text.length;
      },
    };
  };

  const controlProxy = (c: WControl) => ({
    set tag(v: string) {
      c.tag = v;
    },
    get tag() {
      return c.tag;
    },
    set title(v: string) {
      c.title = v;
    },
    set appearance(_v: string) {},
    get cannotEdit() {
      return c.cannotEdit;
    },
    clear() {
      c.paragraphs = [para("")];
      c.table = null;
      c.after = [];
      model.writes.push(`clear ${c.tag}`);
    },
    insertText(text: string, where: "Start" | "End" | "Replace") {
      const first = c.paragraphs[0] ?? para("");
      first.text = where === "Start" ? text + first.text : where === "End" ? first.text + text : text;
      c.paragraphs[0] = first;
      model.writes.push(`text ${c.tag} ${where} ${text}`);
    },
    insertParagraph(text: string, where: "Start" | "End") {
      if (where === "End" && c.table) c.after.push(para(text));
      else if (where === "End") c.paragraphs.push(para(text));
      else c.paragraphs.unshift(para(text));
      model.writes.push(`paragraph ${c.tag} ${where} ${text}`);
    },
    insertTable(rows: number, cols: number, where: "End", values: string[][]) {
      if (values.length !== rows || values.some((r) => r.length !== cols))
        throw new Error("stand-in: table shape");
      c.table = values.map((r) => [...r]);
      model.writes.push(`table ${c.tag} ${where} ${rows}x${cols}`);
    },
  });

  const flat = flatParagraphs(model);
  const c = ctx as unknown as Record<string, Record<string, unknown>>;
  const doc = c.document!;
  const body = doc.body as Record<string, unknown>;
  body.paragraphs = batch.collection(flat.map((p, i) => paragraphProxy(p, i)));
  body.insertParagraph = (text: string, where: "End") => {
    if (where !== "End") throw new Error("stand-in: body.insertParagraph only at End");
    const p = para(text);
    model.blocks.push({ para: p });
    model.writes.push(`append ${text}`);
    return paragraphProxy(p, flatParagraphs(model).length - 1);
  };
  doc.contentControls = batch.collection(
    model.blocks.flatMap((b) => ("control" in b ? [controlProxy(b.control)] : [])),
  );
  doc.getSelection = () => ({
    insertParagraph(text: string, where: "After") {
      if (where !== "After") throw new Error("stand-in: selection.insertParagraph only After");
      const p = para(text);
      model.blocks.splice(model.cursorBlock + 1, 0, { para: p });
      model.writes.push(`at cursor ${text}`);
      return paragraphProxy(p, -1);
    },
  });
  return ctx;
}
