import type { Report } from "../../schema/diagnostic.ts";
import type { EnumerationEntry, LiteralEntry, PackEntry, RulePack } from "../packs/schema.ts";
import type { Rule, RuleContext } from "../types.ts";
import {
  type CompiledEnumeration,
  type CompiledLiteral,
  type CompiledPacks,
  compiledPacks,
} from "./compile.ts";
import { foldedContext } from "./invisible.ts";
import { nearMiss } from "./near-miss.ts";
import {
  datedApplies,
  type PartName,
  partHeadingAt,
  partName,
  type Span,
  spokenSpan,
  writtenYear,
} from "./period.ts";
import { sentenceAround } from "./sentence.ts";
import { positionsOf } from "./text-index.ts";

/** How far around a hit context expressions look (inside the paragraph). */
const WINDOW = 24;

/** Gaps allowed between the items of one enumeration: a list mark, a conjunction, or nothing. */
const LIST_GAP = /^(?:[、，,；;]|和|及|与|以及|)$/;

interface LiteralHit {
  entry: number;
  start: number;
  end: number;
}

interface ItemHit {
  item: number;
  start: number;
  end: number;
}

function groupOf(id: string): string {
  return id.slice(0, id.indexOf("/"));
}

function partOk(entry: PackEntry, part: PartName): boolean {
  return !entry.parts || entry.parts.includes(part);
}

function sourceOf(entry: PackEntry): string {
  return entry.dated ? `${entry.source}（${entry.dated.changed}）` : entry.source;
}

/**
 * Runs every literal and enumeration entry of a pack set with one automaton pass; context, exceptions, parts
 * and dates are checked only on candidate hits.
 */
export function packRule(packs: readonly RulePack[]): Rule {
  return {
    meta: {
      id: "pack/literal",
      group: "pack",
      description: "规则包中的字面条目（过时表述、固定提法、易错词、标点和数字用法）",
      severity: "warning",
      fixable: true,
      // Pack entries are rewordings unless an entry says `safe` (packs/schema.ts).
      fixSafety: "suggestion",
      source: "规则包（core/src/rules/packs）",
    },
    check(ctx) {
      const set = compiledPacks(packs);
      // Terms are matched as if invisible characters were not there (一府\u200B两院 is 一府两院).
      runPacks(foldedContext(ctx), set);
    },
  };
}

function runPacks(ctx: RuleContext, set: CompiledPacks): void {
  const { doc, years } = ctx;
  const text = doc.text;
  const literal: LiteralHit[] = [];
  const items = new Map<number, ItemHit[]>();
  const spans = new Map<string, Span | undefined>();

  // Hot path: cheap checks first; the part and the context are only computed for entries that need them.
  set.automaton.scan(text, (pid, start, end) => {
    const pattern = set.patterns[pid]!;
    const compiled = set.entries[pattern.entry]!;
    const entry = compiled.entry;
    if (entry.parts || entry.dated) {
      const rawPart = ctx.partAt(start);
      const part = partName(rawPart, years);
      if (!partOk(entry, part)) return;
      if (entry.dated) {
        if (notOwnWords(text, start, end, entry.dated.direction)) return;
        // The span depends only on the sentence and its part: computed once per sentence, not per hit (a
        // paragraph dense with one term would otherwise re-read its sentence and paragraphs at every hit).
        const key = `${sentenceAround(text, start).start}:${rawPart}`;
        let span = spans.get(key);
        if (!spans.has(key)) {
          span = spokenSpan(
            text,
            start,
            writtenYear(years),
            (o) => ctx.partAt(o) === rawPart,
            partHeadingAt(ctx),
          );
          spans.set(key, span);
        }
        if (!datedApplies(entry.dated, part, years, span)) return;
      }
    }
    if (compiled.type === "enumeration") {
      const list = items.get(pattern.entry) ?? [];
      list.push({ item: pattern.item, start, end });
      items.set(pattern.entry, list);
      return;
    }
    for (const ex of pattern.exceptions) {
      if (text.startsWith(ex.phrase, start - ex.offset)) return;
    }
    if (!contextHolds(compiled, text, start, end)) return;
    if (PHRASING.has(groupOf(entry.id)) && inNameOrTitle(text, start, end)) return;
    literal.push({ entry: pattern.entry, start, end });
  });

  reportLiterals(ctx, set, dropContained(literal));
  for (const [index, hits] of items) {
    checkEnumeration(ctx, set.entries[index] as CompiledEnumeration, hits);
  }
}

/** A name of a body or a meeting ends here (…扫黑除恶专项斗争领导小组办公室, …成立70周年大会). */
const NAME_AFTER =
  /^[”"]?[^，。；、：！？\n《》“”（）]{0,12}?(?:委员会|领导小组|办公室|纪念大会|表彰大会|周年大会|动员大会|工作会议|推进会|座谈会|纪念馆)/;
/** The words narrate a finished stretch of time (如期打赢…, …以来, “十三五”末). */
const NARRATION_BEFORE = /(?:如期|已经|业已|曾经?)$/;
const NARRATION_AFTER = /^[”"]?(?:后|以来|之后|末|期末|时期|期间)/;

/** Groups whose entries judge the author's wording, not names or titles that contain it. */
const PHRASING = new Set(["term", "formulation"]);

/** The hit lies in a title in 《》 or in the name of a body or a meeting. */
function inNameOrTitle(text: string, start: number, end: number): boolean {
  // Indexed look-ups, not lastIndexOf: that walks back to the text's start when the mark is absent.
  const paraStart = positionsOf(text, "\n").before(start) + 1;
  const titleOpen = positionsOf(text, "《").before(start);
  if (titleOpen >= paraStart && positionsOf(text, "》").before(start) < titleOpen) return true;
  return NAME_AFTER.test(text.slice(end, end + 16));
}

/**
 * Dated wording that is not the author's own present-tense usage: a title in 《》, a quotation (a quoted
 * passage longer than the term), the name of a body or meeting, or narration of a finished period. Such
 * words are right as the source wrote them and are never flagged by date.
 */
function notOwnWords(text: string, start: number, end: number, direction: "after" | "before"): boolean {
  const paraStart = positionsOf(text, "\n").before(start) + 1;
  if (inNameOrTitle(text, start, end)) return true;
  const quoteOpen = positionsOf(text, "“").before(start);
  if (quoteOpen >= paraStart) {
    const quoteClose = positionsOf(text, "”").from(quoteOpen + 1);
    if (quoteClose >= end - 1 && quoteClose - quoteOpen - 1 > end - start + 4) return true;
  }
  const after = text.slice(end, end + 16);
  if (direction === "after") {
    if (NARRATION_BEFORE.test(text.slice(Math.max(paraStart, start - 4), start))) return true;
    if (NARRATION_AFTER.test(after)) return true;
  }
  return false;
}

function contextHolds(c: CompiledLiteral, text: string, start: number, end: number): boolean {
  if (!c.before && !c.after && !c.unlessBefore && !c.unlessAfter) return true;
  // Windows stop at the paragraph break; a bare match inside quotation marks (十四五 in “十四五”时期) sees its
  // context past the marks.
  let before = text.slice(Math.max(0, start - WINDOW), start);
  const nl = before.lastIndexOf("\n");
  if (nl !== -1) before = before.slice(nl + 1);
  let after = text.slice(end, end + WINDOW);
  const nr = after.indexOf("\n");
  if (nr !== -1) after = after.slice(0, nr);
  const lastBefore = before.charCodeAt(before.length - 1);
  if (lastBefore === 0x201c || lastBefore === 0x22) before = before.slice(0, -1);
  const firstAfter = after.charCodeAt(0);
  if (firstAfter === 0x201d || firstAfter === 0x22) after = after.slice(1);
  if (c.before && !c.before.test(before)) return false;
  if (c.after && !c.after.test(after)) return false;
  if (c.unlessBefore?.test(before)) return false;
  if (c.unlessAfter?.test(after)) return false;
  return true;
}

/**
 * 法制宣传教育 also contains 法制宣传: the longest hit wins. Two overlapping hits of one entry (打赢脱贫攻坚 and
 * 脱贫攻坚战 in 打赢脱贫攻坚战) are one finding.
 */
function dropContained(hits: LiteralHit[]): LiteralHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LiteralHit[] = [];
  let maxEnd = -1;
  for (const h of hits) {
    if (h.end <= maxEnd) continue;
    const last = out.at(-1);
    if (last && last.entry === h.entry && h.start < last.end) continue;
    out.push(h);
    maxEnd = h.end;
  }
  return out;
}

function reportLiterals(ctx: RuleContext, set: CompiledPacks, hits: LiteralHit[]): void {
  const byEntry = new Map<number, LiteralHit[]>();
  for (const h of hits) {
    const list = byEntry.get(h.entry) ?? [];
    list.push(h);
    byEntry.set(h.entry, list);
  }
  for (const [index, list] of byEntry) {
    const entry = (set.entries[index] as CompiledLiteral).entry;
    // One report built and handed over at a time: lint keeps only what it lists (bounded memory).
    for (const h of list) ctx.report(literalReport(ctx, entry, h));
  }
}

/** Replacements for one hit: `substitute` applied to the match, or `expected` with {found} filled in. */
export function expectedFor(entry: LiteralEntry, found: string): string[] {
  if (entry.substitute) return [found.replaceAll(entry.substitute[0], entry.substitute[1])];
  return entry.expected.map((e) => e.replaceAll("{found}", found));
}

function literalReport(ctx: RuleContext, entry: LiteralEntry, h: LiteralHit): Report {
  const expected = expectedFor(entry, ctx.doc.text.slice(h.start, h.end));
  const fixText = entry.fix ? expected[0] : undefined;
  // One finding per place, typography entries included: the surfaces group same-kind findings for display.
  return {
    ruleId: entry.id,
    severity: entry.severity,
    source: sourceOf(entry),
    message: messageFor(ctx, entry, h),
    start: h.start,
    end: h.end,
    expected,
    fix: fixText !== undefined ? { start: h.start, end: h.end, text: fixText } : null,
    fixSafe: entry.safe === true,
  };
}

function messageFor(ctx: RuleContext, entry: LiteralEntry, h: { start: number; end: number }): string {
  const found = ctx.doc.text.slice(h.start, h.end);
  return entry.message.replaceAll("{found}", found);
}

function checkEnumeration(ctx: RuleContext, c: CompiledEnumeration, hits: ItemHit[]): void {
  const text = ctx.doc.text;
  const entry = c.entry;
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Adjacent items (only a list mark between them) form one run.
  const runs: ItemHit[][] = [];
  let run: ItemHit[] = [];
  for (const h of hits) {
    const last = run.at(-1);
    if (last && h.start < last.end) continue;
    if (last && LIST_GAP.test(stripQuotes(text.slice(last.end, h.start)))) {
      run.push(h);
    } else {
      if (run.length > 0) runs.push(run);
      run = [h];
    }
  }
  if (run.length > 0) runs.push(run);
  for (let r of runs) {
    // An item ending the clause before a comma that recurs in the list after it (推进全面依法治国，党的领导、
    // 人民当家作主、依法治国有机统一) belongs to that clause, not to the list. Counted, not searched per
    // dropped item: a run of thousands of items separated by commas stays linear.
    const left = new Map<number, number>();
    for (const h of r) left.set(h.item, (left.get(h.item) ?? 0) + 1);
    let first = 0;
    while (
      r.length - first > 1 &&
      left.get(r[first]!.item)! > 1 &&
      /^[，,]$/.test(stripQuotes(text.slice(r[first]!.end, r[first + 1]!.start)))
    ) {
      left.set(r[first]!.item, left.get(r[first]!.item)! - 1);
      first++;
    }
    if (first > 0) r = r.slice(first);
    const distinct = new Set(r.map((h) => h.item));
    if (distinct.size < entry.minItems) continue;
    if (accepted(ctx, entry, r)) continue;
    if (damagedItemBeside(text, entry, r)) continue;
    const problem = enumerationProblem(entry, c.canonical, r, text);
    if (!problem) continue;
    const start = r[0]!.start;
    const end = r.at(-1)!.end;
    const complete = distinct.size === entry.items.length && r.length === entry.items.length;
    const fixable = entry.mode === "exact" && complete && !/[“”"]/.test(text.slice(start, end));
    ctx.report({
      ruleId: entry.id,
      severity: entry.severity,
      source: sourceOf(entry),
      message: `${entry.message}（${problem}）`,
      start,
      end,
      expected: [c.canonical],
      fix: fixable ? { start, end, text: c.canonical } : null,
    });
  }
}

/**
 * A missing item written with a wrong character right next to the run (有件必备、有备必审、有错必究): the list
 * is complete, and formulation/near-miss reports the damaged item.
 */
function damagedItemBeside(text: string, entry: EnumerationEntry, run: ItemHit[]): boolean {
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  const present = new Set(run.map((h) => h.item));
  return entry.items.some((item, i) => {
    if (present.has(i)) return false;
    return ["、", "，", "和", "及", "与", ""].some((gap) => {
      const after = text.slice(end + gap.length, end + gap.length + item.length);
      const before = text.slice(start - gap.length - item.length, start - gap.length);
      const joinedAfter = text.startsWith(gap, end);
      const joinedBefore = text.startsWith(gap, start - gap.length);
      return (
        (joinedAfter && nearMiss(item, after, false)?.dropped === 0) ||
        (joinedBefore && nearMiss(item, before, false)?.dropped === 0)
      );
    });
  });
}

/** Is the run written in one of the entry's accepted forms, where that form applies? */
function accepted(ctx: RuleContext, entry: EnumerationEntry, run: ItemHit[]): boolean {
  const text = ctx.doc.text;
  const end = run.at(-1)!.end;
  return entry.accept.some((form) => {
    if (form.items.length !== run.length || form.items.some((item, i) => run[i]!.item !== item)) return false;
    if (form.after !== undefined) {
      const rest = text.slice(end, end + 40);
      if (!new RegExp(`^(?:${form.after})`, "u").test(rest)) return false;
    }
    if (form.dated) {
      // Without a year the form cannot be ruled out: a dated rule does not guess.
      if (writtenYear(ctx.years) === undefined) return true;
      const part = partName(ctx.partAt(run[0]!.start), ctx.years);
      if (!datedApplies(form.dated, part, ctx.years)) return false;
    }
    return true;
  });
}

function stripQuotes(s: string): string {
  return s.replace(/[“”"]/g, "");
}

function enumerationProblem(
  entry: EnumerationEntry,
  canonical: string,
  run: ItemHit[],
  text: string,
): string | null {
  const order = run.map((h) => h.item);
  const inOrder = order.every((v, i) => i === 0 || v > order[i - 1]!);
  if (entry.mode === "order") return inOrder ? null : "次序不对";
  const missing = entry.items.filter((_, i) => !order.includes(i));
  if (missing.length > 0) return `缺少“${missing.join("”“")}”`;
  if (!inOrder) return "次序不对";
  const written = stripQuotes(text.slice(run[0]!.start, run.at(-1)!.end));
  if (written !== stripQuotes(canonical)) return `各项之间应只用“${entry.separator}”`;
  return null;
}
