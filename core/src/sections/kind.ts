import type { Outline } from "../outline/types.ts";
import type { DocumentKindId, KindDetection } from "../schema/kinds.ts";
import type { TextDocument } from "../text/model.ts";

/**
 * Which kind of document this is, from its own evidence: the title words first, then the marks each kind
 * carries (a report speaks to the congress and has a review part; a plan has an adoption note and 总体要求).
 */
export function detectKind(doc: TextDocument, outline: Outline): DocumentKindId {
  return recogniseKind(doc, outline).kind;
}

/**
 * Below this confidence a kind that was not forced is a guess: its section checks (section/missing, order,
 * empty, duplicate) compare the text with a schema it may not follow, so they are reported as info only and
 * the output says how to force the kind (--kind). Chosen from the measured confidences: the seed texts,
 * fixtures and real excerpts are all at 0.59 or above, while one weak signal alone (a 工作报告 title word, a
 * count of 常委会 in the body, no mark at all) gives 0.30–0.44; a single review heading gives 0.51.
 */
export const STRUCTURE_CONFIDENCE = 0.5;

/** The kind was guessed, not forced, and the guess is too weak to hold a text to the kind's sections. */
export function kindUncertain(d: KindDetection): boolean {
  return !d.forced && d.confidence < STRUCTURE_CONFIDENCE;
}

/** Who is speaking or reporting: the standing committee, the government, or another body. */
type Speaker = "committee" | "government" | "other";

/**
 * The speaker body, first match wins. A party body comes first: "我代表第十九届中央委员会向大会作报告",
 * "我代表中共××市委" speak for the party to a party congress, and a 县委常委会 is not the congress's
 * standing committee. Then the congress's standing committee, the government, and the other state bodies.
 */
const SPEAKER_OF: { re: RegExp; who: Speaker }[] = [
  {
    re: /中央委员会|中国共产党|中共|党委|纪律检查委员会|纪委|[省市县区州旗盟]委(?!员|托)|党组/,
    who: "other",
  },
  { re: /人民代表大会常务委员会|人大常委会|常委会/, who: "committee" },
  // 国务院 reports to 全国人大 (宪法第九十二条); local governments to their own congress (第一百一十条).
  { re: /人民政府|国务院|[省市县区州旗盟]政府|^政府/, who: "government" },
  { re: /人民法院|人民检察院|法院|检察院|监察委员会|监委|政协|政治协商会议/, who: "other" },
];

function speakerOf(body: string): Speaker | null {
  for (const s of SPEAKER_OF) if (s.re.test(body)) return s.who;
  return null;
}

/**
 * Titles naming a document that is neither of the office's own two nor a 政府工作报告: a court's or a
 * procuratorate's report, a speech, a resolution on a report, a notice. No section schema fits these.
 */
const OTHER_TITLE =
  /(中国共产党|中共)[^，。]{0,24}代表大会|(人民法院|人民检察院|法院|检察院|监察委员会|政协[^，。]{0,12}常务委员会)工作报告|讲话|致辞|的(决议|决定)$|通知$|意见$|实施方案$|办法$|纪要$|述职报告$|调研报告$|审议意见/;

/**
 * The opening formula: "我代表国务院，向大会报告政府工作" / "我受县人大常委会委托，向大会报告工作" /
 * "我代表第十九届中央委员会向大会作报告". The body named in it is the strongest sign of whose report this is.
 */
const OPENING_RE =
  /我(?:代表|受)([^，。,；;！？]{1,40}?)(?:委托)?[，,]?\s*(?:向大会|向本次会议|向会议)(?:作|报告)(?:过去五年)?(?:政府)?(?:工作)?(?:报告)?/;

/** A reporter line: office then name ("省长 王清宪", "国务院总理 李强", "县人大常委会主任 王光业"). */
const REPORTER_OFFICE_RE =
  /^(.{0,24}?)(常(?:务)?委(?:员)?会(?:副)?主任|省长|市长|州长|县长|区长|旗长|盟长|乡长|镇长|自治区主席|总理)$/;
const NAME_RE = /^[\u4e00-\u9fa5·][\u4e00-\u9fa5·\s　]{0,6}[\u4e00-\u9fa5·]$/;

const PLAN_TITLE = /工作要点|工作计划/;
const GOV_TITLE = /政府工作报告/;
const COMMITTEE_TITLE = /(人民代表大会常务委员会|人大常委会|常委会)[^，。]{0,8}工作报告/;
const REPORT_TITLE = /工作报告/;

interface Tally {
  "work-report": number;
  "work-plan": number;
  "gov-report": number;
  other: number;
}

/**
 * The kind with what was seen. Signals, strongest first: the title words; who speaks in the opening formula
 * (我代表…人民政府/国务院 vs 我受…人大常委会委托); the reporter line under the title; how often the text
 * names its own body (政府工作 vs 常委会); the marks of a plan (adoption note, 总体要求) or of a report to the
 * congress (称呼, review and tasks parts). A 政府工作报告 is recognised without its title: the State Council's
 * texts are often published from "各位代表：" on. With no mark at all the text is checked as a 工作报告, the
 * document the office writes most, and the confidence says how little was seen.
 */
export function recogniseKind(doc: TextDocument, outline: Outline): KindDetection {
  const score: Tally = { "work-report": 0, "work-plan": 0, "gov-report": 0, other: 0 };
  const evidence: Record<keyof Tally, string[]> = {
    "work-report": [],
    "work-plan": [],
    "gov-report": [],
    other: [],
  };
  const see = (kind: keyof Tally, points: number, phrase: string) => {
    score[kind] += points;
    evidence[kind].push(phrase);
  };
  const lead = leadLines(doc, 10);

  // --- title: the outline's title block, or else the first short line (news leads may precede it) ---
  const titleText = outline.titleBlocks.map((i) => doc.blocks[i]!.text.trim()).join("");
  const titleCandidates = [
    titleText,
    ...lead.filter((t) => t.length <= 60 && !/[。！？]$/.test(t)).slice(0, 3),
  ];
  const titleHit = (re: RegExp) => titleCandidates.find((t) => t && re.test(t));
  // "关于印发《……工作要点》的通知" carries the plan itself: the kind it names wins over the notice.
  const other = titleHit(OTHER_TITLE);
  const wrapsKnown = other !== undefined && /印发/.test(other) && /工作要点|工作计划|工作报告/.test(other);
  if (other && !wrapsKnown) see("other", 6, `标题“${clip(other)}”不是工作报告或工作要点`);
  else if (titleHit(PLAN_TITLE)) see("work-plan", 6, `标题含“${PLAN_TITLE.exec(titleHit(PLAN_TITLE)!)![0]}”`);
  else if (titleHit(GOV_TITLE)) see("gov-report", 6, "标题含“政府工作报告”");
  else if (titleHit(COMMITTEE_TITLE)) see("work-report", 6, "标题含“常务委员会工作报告”");
  else if (titleHit(REPORT_TITLE)) see("work-report", 2, "标题含“工作报告”");

  // --- the opening formula and who speaks in it ---
  const head = doc.text.slice(0, 4000);
  const opening = OPENING_RE.exec(head);
  if (opening) {
    const who = speakerOf(opening[1]!);
    const phrase = `开头语“${clip(opening[0].replace(/\s+/g, ""), 36)}”`;
    if (who === "government") see("gov-report", 6, phrase);
    else if (who === "committee") see("work-report", 6, phrase);
    else if (who === "other") see("other", 6, phrase);
  }
  if (/报告政府工作|作政府工作报告/.test(head)) see("gov-report", 2, "开头说“报告政府工作”");

  // --- the reporter line under the title ---
  const reporter = reporterLine(lead);
  if (reporter) {
    const who = /常(务)?委(员)?会/.test(reporter.office)
      ? "committee"
      : (speakerOf(reporter.office) ?? "government");
    const phrase = `报告人“${clip(reporter.text)}”`;
    if (who === "committee") see("work-report", 3, phrase);
    else if (who === "government") see("gov-report", 3, phrase);
    else see("other", 3, phrase);
  }

  // --- whose work the text is about ---
  // Weak (1 point): other texts name these bodies too (a party congress report mentions 全国人大常委会), so a
  // count alone stays below the confidence at which structure is checked (STRUCTURE_CONFIDENCE).
  const govWork = count(doc.text, /政府工作|政府自身建设|本届政府|政府建设/g);
  const committeeWork = count(doc.text, /常委会|常务委员会/g);
  if (govWork >= 3 && govWork > committeeWork)
    see("gov-report", 1, `正文多次说“政府工作”“政府建设”（${govWork}处）`);
  if (committeeWork >= 3 && committeeWork > govWork)
    see("work-report", 1, `正文多次说“常委会”（${committeeWork}处）`);

  // --- marks of a plan, and of a report to the congress (either kind of report) ---
  if (outline.adoptionNote !== null)
    see("work-plan", 3, `有通过时间注记“${clip(doc.blocks[outline.adoptionNote]!.text.trim())}”`);
  if (/工作的总体要求是|总体要求是/.test(doc.text.slice(0, 2000))) see("work-plan", 2, "开篇写明“总体要求”");
  const congress: string[] = [];
  let congressPoints = 0;
  if (outline.salutation !== null) {
    congressPoints += 3;
    congress.push(`称呼“${doc.blocks[outline.salutation]!.text.trim()}”`);
  }
  const review = outline.headings.find((h) => h.part === "review");
  if (review) {
    congressPoints += 3;
    congress.push(`回顾部分“${clip(review.title)}”`);
  }
  const tasks = outline.headings.find((h) => h.part === "tasks");
  if (tasks) {
    congressPoints += 2;
    congress.push(`任务部分“${clip(tasks.title)}”`);
  }
  if (!opening && /向大会报告|请予审议/.test(doc.text)) {
    congressPoints += 3;
    congress.push("向大会报告、请予审议");
  }
  // These marks say "a report to a congress", not whose: they go to the body the other signals name (the
  // government, another body such as a party committee or a court), else to the standing committee.
  const reportKind: keyof Tally =
    score.other > score["work-report"] && score.other >= score["gov-report"]
      ? "other"
      : score["gov-report"] > score["work-report"]
        ? "gov-report"
        : "work-report";
  if (congressPoints > 0) {
    score[reportKind] += congressPoints;
    evidence[reportKind].push(...congress);
  }

  const ranked = (Object.keys(score) as (keyof Tally)[]).sort((a, b) => score[b] - score[a]);
  const top = ranked[0]!;
  const best = score[top];
  if (best === 0) {
    return {
      kind: "work-report",
      confidence: 0.3,
      evidence: ["未见标题、称呼、开头语等标志，按工作报告检查"],
      forced: false,
    };
  }
  // Ties go to the office's own documents (report before plan), as before other kinds existed.
  const order: (keyof Tally)[] = ["work-report", "work-plan", "gov-report", "other"];
  const kind = order.find((k) => score[k] === best)!;
  const second = Math.max(...ranked.filter((k) => k !== kind).map((k) => score[k]));
  const strength = Math.min(1, best / 10);
  const share = best / (best + second);
  return {
    kind,
    confidence: Math.round((0.3 + 0.69 * strength * share) * 100) / 100,
    evidence: evidence[kind],
    forced: false,
  };
}

/** The first non-blank lines, trimmed, zero-width characters removed (web copies carry them). */
function leadLines(doc: TextDocument, n: number): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    const t = b.text.replace(/[\u200b-\u200d\ufeff]/g, "").trim();
    if (t === "") continue;
    out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

/** "省长 王清宪" on one line, or "国务院总理" and "李　强" wrapped over two. */
function reporterLine(lines: string[]): { office: string; text: string } | null {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (t.length > 30 || /[。，：:！？]/.test(t)) continue;
    const joined = t.replace(/[\s　]+/g, " ");
    // Office and name on one line: try each split point where the office words end.
    if (/[\u4e00-\u9fa5·]$/.test(t)) {
      for (let k = t.length - 2; k >= 1; k--) {
        const office = t.slice(0, k).trim();
        const name = t.slice(k).trim();
        if (REPORTER_OFFICE_RE.test(office) && NAME_RE.test(name) && name.replace(/[\s　]/g, "").length <= 4)
          return { office, text: joined };
      }
    }
    const next = lines[i + 1];
    if (REPORTER_OFFICE_RE.test(t) && next && NAME_RE.test(next) && next.replace(/[\s　]/g, "").length <= 4)
      return { office: t, text: `${t} ${next}` };
  }
  return null;
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function clip(s: string, max = 30): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
