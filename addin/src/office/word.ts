// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Word, as plain data in and out. Every operation queues its reads, syncs once, computes, queues its writes and
 * syncs once more: the number of context.sync() calls is fixed whatever the document's size (a sync inside a
 * loop costs a round trip per paragraph, which Microsoft measured at 10× on a few hundred edits).
 */
import { SLOT_PLACEHOLDER } from "../logic/skeleton.ts";
import type {
  CommentResult,
  Critique,
  EditResult,
  FillReport,
  LocatedComment,
  LocatedEdit,
  SkeletonParagraph,
  SlotContent,
  SlotMap,
  WordPort,
  WordSnapshot,
} from "../ports.ts";
import { describeOfficeError, MissingRequirementError, OfficeOperationError, operation } from "./errors.ts";
import { supports } from "./requirements.ts";
import { saveSettings } from "./settings.ts";

export const IGNORED_SETTING = "renda.ignoredFindings";
const TAG_PREFIX = "renda:";
/** Word's search refuses longer strings. */
const MAX_SEARCH = 255;

const CRITIQUE_COLOR = { error: "Red", warning: "Lavender", info: "Blue" } as const;

function requireSet(op: string, set: string, version: string): void {
  if (!supports(set, version)) throw new MissingRequirementError(op, set, version);
}

/** "^" starts a special character in Word's search even without wildcards ("^p" is a paragraph mark). */
function searchText(s: string): string {
  return s.replace(/\^/g, "^^");
}

/** Index of the match at `offset` among Word's left-to-right, non-overlapping matches of `needle`. */
export function occurrenceIndex(text: string, needle: string, offset: number): number {
  let k = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    if (i === offset) return k;
    if (i > offset) break;
    k++;
  }
  // The match at `offset` overlaps an earlier one, so Word's search never returns it on its own.
  return -1;
}

/**
 * Word cannot search for an empty string: an insertion (empty range) is widened to the character before it
 * (or after it at the start of a paragraph), and the replacement carries that character along.
 */
export function widen(edit: LocatedEdit): { offset: number; needle: string; replacement: string } | null {
  const t = edit.paragraphText;
  if (edit.length > 0)
    return {
      offset: edit.offset,
      needle: t.slice(edit.offset, edit.offset + edit.length),
      replacement: edit.text,
    };
  if (t.length === 0) return null;
  if (edit.offset > 0) {
    const ch = t[edit.offset - 1]!;
    return { offset: edit.offset - 1, needle: ch, replacement: ch + edit.text };
  }
  return { offset: 0, needle: t[0]!, replacement: edit.text + t[0]! };
}

/**
 * The last segment of Document.url (a path on the desktop, an https address on the web), so a message can
 * name the file the user has open; "" for a document never saved.
 */
export function fileNameOf(url: string | undefined | null): string {
  if (!url) return "";
  const last = url.split(/[?#]/)[0]!.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function writeSlot(cc: Word.ContentControl, content: SlotContent): void {
  // clear() keeps the control and its tag: refilling replaces only what is inside, so filling twice is a no-op.
  cc.clear();
  if (content.kind === "paragraphs") {
    const [first = "", ...rest] = content.paragraphs;
    cc.insertText(first, "Start");
    for (const p of rest) cc.insertParagraph(p, "End");
    return;
  }
  if (content.caption) cc.insertText(content.caption, "Start");
  const values = [content.header, ...content.rows];
  cc.insertTable(values.length, content.header.length, "End", values);
  if (content.note) cc.insertParagraph(content.note, "End");
}

export const word: WordPort = {
  readDocument: () =>
    operation("读取文稿", () =>
      Word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text,items/style,items/outlineLevel");
        const tracking = supports("WordApi", "1.4");
        if (tracking) context.document.load("changeTrackingMode");
        await context.sync();
        const ignored = Office.context.document.settings.get(IGNORED_SETTING);
        const snapshot: WordSnapshot = {
          paragraphs: paragraphs.items.map((p) => {
            const hint: { style?: string; outlineLevel?: number } = {};
            if (p.style) hint.style = p.style;
            // Word numbers body text 10; core counts headings 1–9 and body text 0.
            if (typeof p.outlineLevel === "number" && p.outlineLevel >= 1 && p.outlineLevel <= 9)
              hint.outlineLevel = p.outlineLevel;
            return Object.keys(hint).length ? { text: p.text, hint } : { text: p.text };
          }),
          ignored: Array.isArray(ignored) ? ignored.filter((k): k is string => typeof k === "string") : [],
          tracking: tracking && context.document.changeTrackingMode !== "Off",
        };
        const name = fileNameOf(Office.context.document.url);
        if (name) snapshot.name = name;
        return snapshot;
      }),
    ),

  select: (at) =>
    operation("定位原文", () =>
      Word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text");
        await context.sync();
        const p = paragraphs.items[at.paragraph];
        if (!p || p.text !== at.paragraphText)
          throw new OfficeOperationError("定位原文", "文稿在检查后已改动，请重新检查");
        const needle = at.paragraphText.slice(at.offset, at.offset + at.length);
        if (needle.length === 0 || needle.length > MAX_SEARCH) {
          p.select();
          await context.sync();
          return;
        }
        const found = p.search(searchText(needle), { matchCase: true, matchWildcards: false });
        found.load("items");
        await context.sync();
        const k = occurrenceIndex(at.paragraphText, needle, at.offset);
        const target = found.items[k] ?? p;
        target.select();
        await context.sync();
      }),
    ),

  applyEdits: (edits) =>
    operation("应用修正", () =>
      Word.run(async (context) => {
        const result: EditResult = { applied: 0, skipped: [] };
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text");
        await context.sync();

        // Queue one search per (paragraph, needle); writes wait until every search has been read, so the
        // occurrence indexes all refer to the text as it was checked.
        const searches = new Map<string, Word.RangeCollection>();
        const planned: {
          edit: LocatedEdit;
          key: string;
          k: number;
          replacement: string;
          empty?: Word.Paragraph;
        }[] = [];
        const taken = new Map<number, [number, number][]>();
        for (const edit of edits) {
          const p = paragraphs.items[edit.paragraph];
          if (!p || p.text !== edit.paragraphText) {
            result.skipped.push({ edit, reason: "该段在检查后已改动，请重新检查" });
            continue;
          }
          const spans = taken.get(edit.paragraph) ?? [];
          const end = edit.offset + edit.length;
          if (spans.some(([s, e]) => edit.offset < e && end > s)) {
            result.skipped.push({ edit, reason: "与另一处修正重叠，重新检查后再应用" });
            continue;
          }
          spans.push([edit.offset, end]);
          taken.set(edit.paragraph, spans);
          const w = widen(edit);
          if (!w) {
            planned.push({ edit, key: "", k: 0, replacement: edit.text, empty: p });
            continue;
          }
          if (w.needle.length > MAX_SEARCH) {
            result.skipped.push({ edit, reason: "原文过长，Word 无法定位，请手工修改" });
            continue;
          }
          const key = `${edit.paragraph}\u0000${w.needle}`;
          if (!searches.has(key)) {
            const found = p.search(searchText(w.needle), { matchCase: true, matchWildcards: false });
            found.load("items");
            searches.set(key, found);
          }
          planned.push({
            edit,
            key,
            k: occurrenceIndex(edit.paragraphText, w.needle, w.offset),
            replacement: w.replacement,
          });
        }
        await context.sync();

        for (const plan of planned) {
          if (plan.empty) {
            plan.empty.insertText(plan.replacement, "Start");
            result.applied++;
            continue;
          }
          const range = searches.get(plan.key)!.items[plan.k];
          if (!range || plan.k < 0) {
            result.skipped.push({ edit: plan.edit, reason: "文中找不到原文，请重新检查" });
            continue;
          }
          range.insertText(plan.replacement, "Replace");
          result.applied++;
        }
        await context.sync();
        return result;
      }),
    ),

  saveIgnored: (keys) =>
    operation("保存忽略设置", async () => {
      Office.context.document.settings.set(IGNORED_SETTING, keys);
      await saveSettings();
    }),

  insertSkeleton: (paragraphs: SkeletonParagraph[]) =>
    operation("插入框架", async () => {
      requireSet("插入框架", "WordApi", "1.3");
      await Word.run(async (context) => {
        const body = context.document.body;
        for (const item of paragraphs) {
          const p = body.insertParagraph(item.text, "End");
          p.styleBuiltIn = item.style;
          if (item.slot) {
            const cc = p.insertContentControl();
            cc.tag = TAG_PREFIX + item.slot;
            cc.title = `台账：${item.slot}`;
            cc.appearance = "BoundingBox";
          }
        }
        await context.sync();
      });
    }),

  fillSlots: (slots: SlotMap) =>
    operation("填入台账", async () => {
      requireSet("填入台账", "WordApi", "1.3");
      return Word.run(async (context) => {
        const report: FillReport = { filled: [], missing: [], failed: [], untouched: [], warnings: [] };
        const controls = context.document.contentControls;
        controls.load("items/tag,items/cannotEdit");
        const tracking = supports("WordApi", "1.4");
        if (tracking) context.document.load("changeTrackingMode");
        await context.sync();

        const seen = new Set<string>();
        const written: string[] = [];
        for (const cc of controls.items) {
          if (!cc.tag?.startsWith(TAG_PREFIX)) continue;
          const slot = cc.tag.slice(TAG_PREFIX.length);
          const content = slots[slot];
          if (!content) {
            if (!report.untouched.includes(slot)) report.untouched.push(slot);
            continue;
          }
          seen.add(slot);
          if (cc.cannotEdit) {
            report.failed.push({ slot, reason: "内容控件设置了“无法编辑内容”，请在控件属性中取消锁定" });
            continue;
          }
          writeSlot(cc, content);
          if (!written.includes(slot)) written.push(slot);
        }
        report.missing = Object.keys(slots).filter((s) => !seen.has(s));
        if (tracking && context.document.changeTrackingMode !== "Off")
          report.warnings.push("文稿处于修订模式：填入的内容将显示为修订，接受修订后才成为正文");
        try {
          await context.sync();
          report.filled = written;
        } catch (e) {
          // The batch is all or nothing: every slot written in it failed, for the same reason.
          const { reason } = describeOfficeError(e);
          for (const slot of written) report.failed.push({ slot, reason });
        }
        return report;
      });
    }),

  insertSlotAtCursor: (slot, content) =>
    operation("在光标处插入内容控件", async () => {
      requireSet("在光标处插入内容控件", "WordApi", "1.3");
      await Word.run(async (context) => {
        const p = context.document.getSelection().insertParagraph(SLOT_PLACEHOLDER, "After");
        const cc = p.insertContentControl();
        cc.tag = TAG_PREFIX + slot;
        cc.title = `台账：${slot}`;
        cc.appearance = "BoundingBox";
        writeSlot(cc, content);
        await context.sync();
      });
    }),

  insertComments: (comments: LocatedComment[]) =>
    operation("写入批注", async () => {
      // Range.insertComment is WordApi 1.4: older hosts get the Chinese message naming the set.
      requireSet("写入批注", "WordApi", "1.4");
      return Word.run(async (context) => {
        const result: CommentResult = { inserted: 0, skipped: [] };
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items/text");
        await context.sync();

        // Reads first (one search per paragraph and needle), then every comment in one batch.
        const searches = new Map<string, Word.RangeCollection>();
        const planned: { comment: LocatedComment; paragraph: Word.Paragraph; key: string; k: number }[] = [];
        for (const comment of comments) {
          const p = paragraphs.items[comment.paragraph];
          if (!p || p.text !== comment.paragraphText) {
            result.skipped.push({ comment, reason: "该段在检查后已改动，请重新检查" });
            continue;
          }
          const needle = comment.paragraphText.slice(comment.offset, comment.offset + comment.length);
          // No extent, or longer than Word can search for: the comment goes on the whole paragraph.
          if (needle.length === 0 || needle.length > MAX_SEARCH) {
            planned.push({ comment, paragraph: p, key: "", k: 0 });
            continue;
          }
          const key = `${comment.paragraph}\u0000${needle}`;
          if (!searches.has(key)) {
            const found = p.search(searchText(needle), { matchCase: true, matchWildcards: false });
            found.load("items");
            searches.set(key, found);
          }
          planned.push({
            comment,
            paragraph: p,
            key,
            k: occurrenceIndex(comment.paragraphText, needle, comment.offset),
          });
        }
        await context.sync();

        for (const plan of planned) {
          const range =
            plan.key === "" ? plan.paragraph.getRange("Whole") : searches.get(plan.key)!.items[plan.k];
          if (!range || plan.k < 0) {
            result.skipped.push({ comment: plan.comment, reason: "文中找不到原文，请重新检查" });
            continue;
          }
          range.insertComment(plan.comment.text);
          result.inserted++;
        }
        await context.sync();
        return result;
      });
    }),

  showCritiques: (critiques: Critique[]) =>
    operation("标注问题", async () => {
      if (!supports("WordApi", "1.7")) return false;
      return Word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load("items");
        await context.sync();
        // Old underlines go first, or a fixed finding would keep its squiggle.
        const existing = paragraphs.items.map((p) => {
          const a = p.getAnnotations();
          a.load("items");
          return a;
        });
        await context.sync();
        for (const a of existing) for (const item of a.items) item.delete();
        const byParagraph = new Map<number, Word.Critique[]>();
        for (const c of critiques) {
          const list = byParagraph.get(c.paragraph) ?? [];
          list.push({
            start: c.offset,
            length: Math.max(1, c.length),
            colorScheme: CRITIQUE_COLOR[c.severity],
          });
          byParagraph.set(c.paragraph, list);
        }
        for (const [i, list] of byParagraph) paragraphs.items[i]?.insertAnnotations({ critiques: list });
        await context.sync();
        return true;
      });
    }),
};
