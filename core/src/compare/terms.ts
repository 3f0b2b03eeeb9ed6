/**
 * The terms a plan item and a report sentence are compared on: character bigrams of the Chinese text (the usual
 * unit of Chinese retrieval when no word segmenter is at hand), with the words every item of a 工作要点 shares
 * removed first and the names a drafter quotes (《食品安全法》, “河长制”) counted as whole phrases and weighted up.
 * Rewording keeps most bigrams of the subject (“义务教育优质均衡发展” and “义务教育工作” share 义务/务教/教育),
 * so matching survives it without a word list of every subject.
 */

/**
 * Words of the genre that say what kind of act a sentence is, not what it is about: they occur in nearly every
 * item of a 工作要点 and every sentence of a 工作报告's review, so a shared 加强 or 听取审议 is no evidence.
 * Longer words first, so 进一步 goes before 一步 could match.
 */
export const GENERIC_WORDS: readonly string[] = [
  // The leadership formula opens reviews and closes task parts alike (以习近平同志为核心的党中央坚强领导下):
  // it accounts for no item.
  "以习近平同志为核心的党中央",
  "以习近平同志为总书记的党中央",
  "坚强领导",
  "全国各族人民",
  // The salutation a report is read out under (各位代表！), between its chapters as well as at its head.
  "各位代表",
  "人民代表大会常务委员会",
  // The kind of act, not its subject: a plan has several 执法检查 items, told apart only by the law's name.
  "执法检查",
  "贯彻",
  "履职",
  "常务委员会",
  "人大常委会",
  "人民政府",
  "常委会",
  "进一步",
  "一年来",
  "积极",
  "加强",
  "推进",
  "推动",
  "坚持",
  "工作",
  "情况",
  "报告",
  "听取",
  "审议",
  "开展",
  "全面",
  "深入",
  "做好",
  "持续",
  "不断",
  "着力",
  "切实",
  "认真",
  "扎实",
  "依法",
  "有关",
  "关于",
  "组织",
  "围绕",
  "聚焦",
  "强化",
  "提升",
  "提高",
  "完善",
  "健全",
  "落实",
  "促进",
  "实施",
  "加快",
  "深化",
  "大力",
  "努力",
  "全年",
  "我们",
  "今年",
  "去年",
  "继续",
  "更加",
  "进行",
  "重点",
  "主要",
  "有效",
  "加大",
  "力度",
  "取得",
  "成效",
  "要求",
  "以及",
  "各项",
];

/** Characters that join words rather than belong to them: a bigram across one (“的义”) is noise. */
const JOINERS = /[的了和与及等之对把将在为是]/g;

/**
 * 依法 is the manner of an act (依法开展监督) and generic, except in the names of two policies the drafters and
 * reviewers both write whole: 依法治国 (宪法第五条：“中华人民共和国实行依法治国，建设社会主义法治国家”; 依法治省、
 * 依法治县 below it) and 依法行政 (国务院《全面推进依法行政实施纲要》，国发〔2004〕10号). Stripping 依法 there
 * left 行政 and 治国, which say nothing of the policy.
 */
const GENERIC_RE = new RegExp(
  `(?!依法行政|依法治[国省市县区])(?:${GENERIC_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
  "g",
);

/** A quoted name: 《法律》 always; “…” when short enough to be a name (河长制, 四个机关) rather than a quotation. */
const QUOTED_RE = /《([^《》]{2,40})》|“([^“”]{2,12})”/g;

/** Weight of a term drawn from a quoted name, over an ordinary bigram: a shared law name is strong evidence. */
export const QUOTED_BOOST = 2;

const CJK_RUN_RE = /[\u3400-\u9fff]+/g;
const LATIN_RE = /[A-Za-z][A-Za-z0-9]+/g;

export interface TermBag {
  /** Each term once, with its boost (1, or QUOTED_BOOST when it comes from a quoted name). */
  terms: Map<string, number>;
  /** The bigrams of each run of text in order, so that a phrase shared whole (义务教育) can be told apart. */
  runs: string[][];
}

/**
 * Laws are cited by their full title in a plan (《中华人民共和国食品安全法》) and by the short one in a report
 * (食品安全法): the state's name says nothing about which law it is, so it is dropped.
 */
const STATE_PREFIX_RE = /中华人民共和国(?=[^《》]{2,})/g;

function addBigrams(run: string, boost: number, into: Map<string, number>, runs: string[][]): void {
  const seq: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) {
    const t = run.slice(i, i + 2);
    seq.push(t);
    if ((into.get(t) ?? 0) < boost) into.set(t, boost);
  }
  if (seq.length > 0) runs.push(seq);
}

export function termsOf(text: string): TermBag {
  const terms = new Map<string, number>();
  const runs: string[][] = [];
  const source = text.replace(STATE_PREFIX_RE, "");
  // Quoted names weigh more, bigram by bigram: the same law is 《食品安全法》 in one text and 食品安全法 in the other.
  for (const m of source.matchAll(QUOTED_RE)) {
    const name = (m[1] ?? m[2])!;
    for (const run of name.match(CJK_RUN_RE) ?? []) addBigrams(run, QUOTED_BOOST, terms, []);
  }
  const plain = source.replace(GENERIC_RE, " ").replace(JOINERS, " ");
  for (const run of plain.match(CJK_RUN_RE) ?? []) addBigrams(run, 1, terms, runs);
  for (const w of plain.match(LATIN_RE) ?? []) {
    const t = w.toLowerCase();
    if (!terms.has(t)) terms.set(t, 1);
  }
  return { terms, runs };
}
