import { detectOutline } from "../outline/detect.ts";
import type { Outline } from "../outline/types.ts";
import type { DocumentKindId, KindDetection } from "../schema/kinds.ts";
import { recogniseKind } from "../sections/kind.ts";
import { matchSections } from "../sections/match.ts";
import { detectYears, mainYear } from "../sections/years.ts";
import { type BlockInput, fromBlocks, fromPlainText, type TextDocument } from "../text/model.ts";
import { type Passage, type PlanItem, planItems, type Region, reportPassages } from "./split.ts";
import { termsOf } from "./terms.ts";

export type Grade = "covered" | "partial" | "missing";

export const GRADE_NAMES: Record<Grade, string> = { covered: "已体现", partial: "部分体现", missing: "未见" };

export interface Evidence {
  text: string;
  start: number;
  end: number;
  section: string | null;
  /**
   * Share (0–1) of the weighted terms of the item's sentence it answers best that this sentence holds (of the
   * clause, when it answers a clause of a long sentence and not the sentence).
   */
  score: number;
}

export interface ComparedItem {
  id: string;
  text: string;
  start: number;
  end: number;
  section: string | null;
  grade: Grade;
  evidence: Evidence[];
}

export interface Unplanned {
  text: string;
  start: number;
  end: number;
  section: string | null;
}

export interface DocumentSide {
  kind: DocumentKindId;
  year: number | null;
}

/** The JSON shape of `renda compare --format json` (without the paths, which the CLI adds). */
export interface CompareResult {
  plan: DocumentSide;
  report: DocumentSide;
  items: ComparedItem[];
  unplanned: Unplanned[];
}

export type CompareInput = string | TextDocument | { blocks: readonly BlockInput[] };

export interface CompareOptions {
  planKind?: DocumentKindId | "auto";
  reportKind?: DocumentKindId | "auto";
  planYear?: number;
  reportYear?: number;
}

/**
 * Grade thresholds over the item's score: the weighted share of its sentences that some report sentence answers.
 * Chosen by measuring on the fixtures and the labelled real pairs (`npm run compare:eval`, docs/compare.md).
 */
export const COVERED_AT = 0.5;
/**
 * An item none of whose sentences the review answers whole is 部分体现 when the clauses it answers make this
 * share of the item; below it, they are chance meetings of one clause in a long item.
 */
export const PARTIAL_AT = 0.1;
/** A sentence of the item is accounted for when one report sentence holds this share of its weighted terms… */
const SENTENCE_MATCH = 0.4;
/**
 * …and at least this much weight, in units of a rare bigram's weight (one found in the item and one report
 * sentence only): more than one rare bigram, not a few common ones. In units, because a bigram's weight grows
 * with the number of sentences compared (a county report has a few dozen, a 政府工作报告 several hundred).
 */
const MIN_MATCHED_RARE = 1.6;
/** A phrase shared whole: at least three consecutive bigrams (four characters: 义务教育, 河长制度)… */
const PHRASE_BIGRAMS = 3;
/** …of this weight (in rare bigrams): about three rare ones; three common ones (人民代表) are not a subject. */
const MIN_PHRASE_RARE = 2.4;
const MAX_EVIDENCE = 3;
/** 已体现 needs one report sentence that holds this share of an item sentence: a sentence that answers it. */
const STRONG_SHARE = 0.5;
/** A report paragraph is unplanned when no item holds this share of any of its sentences' weighted terms. */
const UNPLANNED_BELOW = 0.3;

function toDocument(input: CompareInput): TextDocument {
  if (typeof input === "string") return fromPlainText(input);
  if ("lineStarts" in input) return input;
  return fromBlocks(input.blocks);
}

/** A document as the comparison reads it: outline, kind (and why), year and its two parts. */
export interface Read {
  doc: TextDocument;
  outline: Outline;
  kind: DocumentKindId;
  detection: KindDetection;
  year: number | null;
  review: Region;
  tasks: Region | null;
  /** The heading of the tasks part (“二、2026年主要任务”), "" for a tasks part without one, null without one. */
  tasksHeading: string | null;
}

/** Outline, kind, year and the two parts of a document; the rules are not run (comparing needs none of them). */
export function readForCompare(input: CompareInput, kind?: DocumentKindId | "auto", year?: number): Read {
  const doc = toDocument(input);
  const outline = detectOutline(doc);
  const detection: KindDetection =
    kind && kind !== "auto"
      ? { kind, confidence: 1, evidence: ["按使用者指定"], forced: true }
      : recogniseKind(doc, outline);
  const years = detectYears(doc, outline, detection.kind, year);
  const sections = matchSections(doc, outline, detection.kind, years);
  const len = doc.text.length;
  const { review, tasks } = sections.parts;
  // A 政府工作报告's tasks run past its tasks heading's own chapter (三、四、… are tasks too), so the tasks part
  // is everything from its heading on. The review is its part alone: a chapter between the parts (“十三五”时期
  // 主要目标任务) looks ahead, not back. Without a review heading, everything before the tasks is the review.
  return {
    doc,
    outline,
    kind: detection.kind,
    detection,
    year: mainYear(years, detection.kind),
    review: review ? { start: review.start, end: review.end } : { start: 0, end: tasks?.start ?? len },
    tasks: tasks ? { start: tasks.start, end: len } : null,
    tasksHeading: tasks ? (tasks.heading?.title ?? "") : null,
  };
}

/** Terms interned as numbers; each document a list of (term, boost). */
class Index {
  private readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  docs = 0;

  /** `count` false: the text is looked up, not added to the collection (a whole item after its sentences). */
  intern(text: string, count = true): Map<number, number> {
    return this.internBag(text, count).bag;
  }

  /** The bag, and the runs of bigrams in text order (for phrases shared whole). */
  internBag(text: string, count = true): { bag: Map<number, number>; runs: number[][] } {
    const bag = new Map<number, number>();
    const terms = termsOf(text);
    for (const [t, boost] of terms.terms) {
      bag.set(this.id(t), boost);
      if (count) this.df[this.id(t)]!++;
    }
    if (count) this.docs++;
    return { bag, runs: terms.runs.map((r) => r.map((t) => this.id(t))) };
  }

  private id(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.df.length;
      this.ids.set(t, id);
      this.df.push(0);
    }
    return id;
  }

  /** The weight of a term found in two texts of the collection: the unit the match thresholds are given in. */
  rare(): number {
    return Math.log(1 + (this.docs - 2 + 0.5) / 2.5);
  }

  /** BM25's idf: rare terms weigh most; a term in most sentences weighs almost nothing. */
  idf(id: number): number {
    const df = this.df[id]!;
    return Math.log(1 + (this.docs - df + 0.5) / (df + 0.5));
  }
}

interface Weighted {
  terms: Map<number, number>;
  total: number;
}

function weigh(bag: Map<number, number>, index: Index): Weighted {
  const terms = new Map<number, number>();
  let total = 0;
  for (const [id, boost] of bag) {
    const w = index.idf(id) * boost;
    terms.set(id, w);
    total += w;
  }
  return { terms, total };
}

/** Which targets hold each term: built once, asked once per query. */
function postingsOf(targets: readonly Map<number, number>[]): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  targets.forEach((bag, i) => {
    for (const id of bag.keys()) {
      let list = postings.get(id);
      if (!list) {
        list = [];
        postings.set(id, list);
      }
      list.push(i);
    }
  });
  return postings;
}

/** For each query, the weight it shares with each target, through the targets' postings. */
function shared(
  queries: readonly Weighted[],
  postings: Map<number, number[]>,
  targets: number,
): Float64Array[] {
  return queries.map((q) => {
    const acc = new Float64Array(targets);
    for (const [id, w] of q.terms) for (const i of postings.get(id) ?? []) acc[i]! += w;
    return acc;
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Which items of a plan the report accounts for: for each item, the report sentences that share most of its
 * specific words, the grade, and the report's paragraphs that answer to no item. Pure and offline: a
 * 工作要点 (or a report whose tasks part is the plan) and a report (its review part) in, the table out.
 */
export function compareDocuments(
  planInput: CompareInput,
  reportInput: CompareInput,
  options: CompareOptions = {},
): CompareResult {
  return compareRead(
    readForCompare(planInput, options.planKind, options.planYear),
    readForCompare(reportInput, options.reportKind, options.reportYear),
  );
}

/** compareDocuments on documents already read (comparePair reads them once, to check the pair first). */
export function compareRead(plan: Read, report: Read): CompareResult {
  // A report given as the plan: its tasks part is what it undertook (year N's tasks against year N+1's review).
  const planRegion =
    plan.kind !== "work-plan" && plan.tasks ? plan.tasks : { start: 0, end: plan.doc.text.length };
  const reportRegion =
    report.kind === "work-plan" ? { start: 0, end: report.doc.text.length } : report.review;
  let items = planItems(plan.doc, plan.outline, planRegion);
  const passages = reportPassages(report.doc, report.outline, reportRegion);
  if (items.length === 0) items = paragraphsAsItems(plan.doc, planRegion);
  // The call that closes a report (各位代表！让我们……而努力奋斗！) undertakes nothing: no review accounts for it.
  while (items.length > 1 && isClosingCall(plan.doc, items[items.length - 1]!)) items = items.slice(0, -1);

  const index = new Index();
  // A chapter heading (“（二）密切联系群众，支持代表履职”) names a field of work, not work done, and the review's
  // closing account of what is still wrong (环境污染形势依然严峻) says what was not done: both are counted for
  // the weights but cannot be evidence.
  const ownedFrom = report.kind === "work-plan" ? passages.length : shortcomingsFrom(passages);
  const notWork = (j: number) => passages[j]!.heading || j >= ownedFrom;
  const passageBags = passages.map((p, j) => {
    const bag = index.intern(p.text);
    return notWork(j) ? new Map<number, number>() : bag;
  });
  // Items are compared sentence by sentence: a 政府工作报告's task paragraph holds ten undertakings, and the
  // next review accounts for each in a different place; one sentence of the review never holds a whole item.
  // Each sentence is counted once for the weights, all before any is weighed; its clauses are looked up within it.
  const terms = items.map((it) =>
    sentencesOf(it.text).map((t) => {
      const whole = index.internBag(t);
      const parts = clausesOf(t);
      return { whole, clauses: parts.length > 1 ? parts.map((c) => index.internBag(c, false)) : [] };
    }),
  );
  const pieces = terms.map((list) =>
    list.map(
      (t): Piece => ({ whole: query(t.whole, index), clauses: t.clauses.map((c) => query(c, index)) }),
    ),
  );
  const itemBags = items.map((it) => index.intern(it.text, false));
  const passageQ = passageBags.map((b) => weigh(b, index));

  const passagePostings = postingsOf(passageBags);
  const compared = items.map((item, i) =>
    gradeItem(
      item,
      pieces[i]!,
      (qs) => shared(qs, passagePostings, passages.length),
      passages,
      passageBags,
      index.rare(),
    ),
  );

  // Unplanned: paragraphs none of whose sentences is evidence and none of which an item accounts for.
  const used = new Set<number>();
  for (const c of compared) for (const e of c.evidence) used.add(e.start);
  const toItems = shared(passageQ, postingsOf(itemBags), itemBags.length);
  const accounted = new Set<number>();
  passages.forEach((p, j) => {
    const q = passageQ[j]!;
    const best = q.total > 0 ? Math.max(0, ...toItems[j]!) / q.total : 1;
    if (used.has(p.start) || best >= UNPLANNED_BELOW) accounted.add(p.block);
  });
  const unplanned: Unplanned[] = [];
  let current: Unplanned | null = null;
  let currentBlock = -1;
  for (const [j, p] of passages.entries()) {
    if (accounted.has(p.block) || notWork(j)) continue;
    if (current && currentBlock === p.block) {
      current.end = p.end;
      current.text = report.doc.text.slice(current.start, current.end);
      continue;
    }
    current = { text: p.text, start: p.start, end: p.end, section: p.section };
    currentBlock = p.block;
    unplanned.push(current);
  }
  return {
    plan: { kind: plan.kind, year: plan.year },
    report: { kind: report.kind, year: report.year },
    items: compared,
    unplanned,
  };
}

/**
 * The closing call, the plan's last paragraphs when they end with an exclamation mark (各位代表！, ……而努力奋斗！,
 * ……作出新的更大贡献！): undertakings are stated, only the call to the hearers is exclaimed. One paragraph each,
 * so that an undertaking the outline ran on into the call is kept.
 */
const CLOSING_CALL_RE = /^[^\n]*[！!]$/;

/** A numbered item (“12.……！”) is an undertaking however it ends: only an unnumbered paragraph is the call. */
function isClosingCall(doc: TextDocument, item: PlanItem): boolean {
  if (!CLOSING_CALL_RE.test(item.text)) return false;
  const block = doc.blocks.find((b) => b.start <= item.start && item.start < b.end);
  return block !== undefined && doc.text.slice(block.start, item.start).trim() === "";
}

/**
 * How a review owns up to what is still wrong: 在肯定成绩的同时，我们也清醒看到……还存在不少困难和问题 (every
 * 政府工作报告), 我们既要看到成绩，更要看到前进中的困难和挑战, a 人大常委会 report's 差距和不足.
 */
const SHORTCOMINGS_RE =
  /清醒地?(?:看到|认识到)|(?:也|更要)(?:看到|认识到)[^。]{0,40}(?:问题|不足|差距|困难|挑战)|差距和不足|问题和不足|不足之处/;

/**
 * The first sentence of the review's account of its shortcomings (a paragraph that opens, in its first two
 * sentences, with SHORTCOMINGS_RE); passages.length when there is none. The account closes the review part in
 * both kinds of report, so everything from it to the part's end is that account (a page break may split its
 * paragraph in two). A paragraph followed by a chapter heading is not that account (对审议中发现的问题和不足，
 * 督促整改 in the middle of the review): only a match after the review's last chapter heading counts.
 */
function shortcomingsFrom(passages: readonly Passage[]): number {
  let from = passages.length;
  let opening = 0;
  for (let j = 0; j < passages.length; j++) {
    const p = passages[j]!;
    if (p.heading) {
      from = passages.length;
      continue;
    }
    opening = j > 0 && passages[j - 1]!.block === p.block ? opening + 1 : 0;
    if (from === passages.length && opening < 2 && SHORTCOMINGS_RE.test(p.text)) from = j - opening;
  }
  return from;
}

/**
 * A sentence's clauses, cut at commas and colons: “要坚持建机制、补短板、兜底线，保障群众基本生活，不断提高人民
 * 生活水平和质量” says three things, and the report accounts for the first in a sentence of its own. The
 * enumeration comma (、) joins parts of one thing and does not cut.
 */
function clausesOf(sentence: string): string[] {
  return sentence.split(/[，,：:]+/).filter((t) => /[\u3400-\u9fff].*[\u3400-\u9fff]/.test(t));
}

/** An item's sentences (its lead “加强作风建设。” and each undertaking after it). */
function sentencesOf(text: string): string[] {
  return text.split(/[。！？；!?;\n]+/).filter((t) => /[\u3400-\u9fff].*[\u3400-\u9fff]/.test(t));
}

/**
 * The weight of the longest phrase of the sentence (a run of consecutive bigrams, 义务/务教/教育) that the report
 * sentence holds whole. A rewording keeps the subject and changes what is said around it (“义务教育优质均衡发展
 * 情况的报告” → “义务教育工作情况报告”), so the subject shared whole is evidence even when the share is small.
 */
function sharedPhrase(q: Weighted & { runs: number[][] }, bag: Map<number, number>): number {
  let best = 0;
  for (const run of q.runs) {
    let chain = 0;
    let weight = 0;
    for (const id of run) {
      if (bag.has(id)) {
        chain++;
        weight += q.terms.get(id) ?? 0;
        if (chain >= PHRASE_BIGRAMS && weight > best) best = weight;
      } else {
        chain = 0;
        weight = 0;
      }
    }
  }
  return best;
}

type Query = Weighted & { runs: number[][] };

/** A sentence of an item, and its clauses when it has more than one. */
interface Piece {
  whole: Query;
  clauses: Query[];
}

function query(terms: { bag: Map<number, number>; runs: number[][] }, index: Index): Query {
  return { ...weigh(terms.bag, index), runs: terms.runs };
}

/**
 * The report sentence that accounts for a query (an item sentence or clause), and the share of its weight that
 * sentence holds; null when none does.
 */
function answer(
  q: Query,
  s: Float64Array,
  bags: readonly Map<number, number>[],
  minMatched: number,
  minPhrase: number,
): { top: number; share: number } | null {
  if (q.total === 0) return null;
  let top = -1;
  for (let i = 0; i < s.length; i++) if (top < 0 || s[i]! > s[top]!) top = i;
  if (top < 0 || s[top]! < minMatched) return null;
  const share = s[top]! / q.total;
  if (share >= SENTENCE_MATCH) return { top, share };
  // Not enough of the sentence: a rewording may still keep its subject whole; the best such sentence wins.
  let phraseAt = -1;
  let phrase = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i]! < minPhrase) continue;
    const w = sharedPhrase(q, bags[i]!);
    if (w > phrase) {
      phrase = w;
      phraseAt = i;
    }
  }
  if (phrase < minPhrase) return null;
  return { top: phraseAt, share: s[phraseAt]! / q.total };
}

function gradeItem(
  item: PlanItem,
  pieces: readonly Piece[],
  scoresOf: (queries: readonly Query[]) => Float64Array[],
  passages: readonly Passage[],
  bags: readonly Map<number, number>[],
  rare: number,
): ComparedItem {
  const minMatched = MIN_MATCHED_RARE * rare;
  const minPhrase = MIN_PHRASE_RARE * rare;
  // Each sentence of the item: the report sentence that holds most of its weighted terms, and how much.
  let total = 0;
  let matched = 0;
  /** Per report sentence: the item weight it answers, and the best share of an item sentence it holds. */
  const best = new Map<number, { weight: number; share: number }>();
  /** The best share at which a report sentence answers a whole item sentence: 已体现 needs one, not clauses. */
  let strongest = 0;
  /**
   * Some sentence of the item is answered by a sentence of the review. A 政府工作报告 task paragraph names the task
   * in its first sentence (积极的财政政策要加大力度。) and says how in ten more; a review sentence that answers one
   * of them (积极的财政政策力度加大) is evidence however small a share of the paragraph that sentence is, so the
   * item is not 未见. Clauses alone do not count here: one clause met by chance (推动新一轮对外开放 →
   * 新一轮退耕还林还草) is what PARTIAL_AT keeps out.
   */
  let anyWhole = false;
  const credit = (top: number, weight: number, share: number) => {
    // A sentence of the report that answers several of the item's sentences counts for all of them.
    const b = best.get(top) ?? { weight: 0, share: 0 };
    best.set(top, { weight: b.weight + weight, share: Math.max(b.share, share) });
  };
  const wholes = scoresOf(pieces.map((p) => p.whole));
  pieces.forEach((piece, j) => {
    const q = piece.whole;
    total += q.total;
    const s = wholes[j]!;
    const a = answer(q, s, bags, minMatched, minPhrase);
    if (a) {
      matched += q.total;
      credit(a.top, s[a.top]!, a.share);
      strongest = Math.max(strongest, a.share);
      anyWhole = true;
      return;
    }
    if (piece.clauses.length === 0) return;
    // A long sentence lists several undertakings; the report may account for one of them in a sentence of its
    // own. Each clause that a report sentence answers counts for its own weight, not the sentence's.
    const cs = scoresOf(piece.clauses);
    let part = 0;
    piece.clauses.forEach((c, k) => {
      const ca = answer(c, cs[k]!, bags, minMatched, minPhrase);
      if (!ca) return;
      part += c.total;
      credit(ca.top, cs[k]![ca.top]!, ca.share);
    });
    matched += Math.min(part, q.total);
  });
  const score = total > 0 ? matched / total : 0;
  const grade: Grade =
    score >= COVERED_AT && strongest >= STRONG_SHARE
      ? "covered"
      : score >= PARTIAL_AT || anyWhole
        ? "partial"
        : "missing";
  const evidence: Evidence[] = [...best.entries()]
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, MAX_EVIDENCE)
    .map(([i, { share }]) => {
      const p = passages[i]!;
      return { text: p.text, start: p.start, end: p.end, section: p.section, score: round2(share) };
    });
  return {
    id: String(item.ordinal),
    text: item.text,
    start: item.start,
    end: item.end,
    section: item.section,
    grade,
    // Sentences that met too little of the item to grade it are no evidence, and are not shown as such.
    evidence: grade === "missing" ? [] : evidence,
  };
}

/** A plan without headings: each paragraph is an item. */
function paragraphsAsItems(doc: TextDocument, region: Region): PlanItem[] {
  const out: PlanItem[] = [];
  for (const b of doc.blocks) {
    if (b.start < region.start || b.start >= region.end) continue;
    const text = b.text.trim();
    if ((text.match(/[\u3400-\u9fff]/g)?.length ?? 0) < 8) continue;
    const start = b.start + b.text.indexOf(text);
    out.push({ ordinal: out.length + 1, text, start, end: start + text.length, section: null });
  }
  return out;
}
