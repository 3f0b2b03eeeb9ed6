import type { Block, BlockHint } from "../text/model.ts";
import { parseMarker } from "./markers.ts";
import { DIGITS } from "./numerals.ts";
import type { BlockRole } from "./types.ts";

/**
 * The head of a report as congresses print it (GB/T 9704-2012 §7.3.1 for the title; the date-and-meeting line
 * and the speaker line follow the practice of the 全国人大常委会 and 国务院 reports):
 *
 *   青禾县人民代表大会                       ← title, one or more centred lines
 *   常务委员会工作报告
 *   ——2025年1月8日在青禾县第十八届           ← date and meeting, may wrap; "——" may be absent
 *   人民代表大会第五次会议上                     or the line may be put in （ ）
 *   县人大常委会主任　林春华                   ← office and name; the name may be on its own line
 *   各位代表、同志们：                        ← salutation
 *
 * Texts taken from the web also carry a news lead, a photo caption or page furniture before or inside this block,
 * and many start straight at the salutation. None of those lines is a heading.
 */

/** Zero-width characters left by web copies; a line of only these is blank. */
const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\ufeff]/g;

export function cleanLine(text: string): string {
  return text.replace(ZERO_WIDTH_RE, "").trim();
}

const MAX_TITLE_LINE = 40;
const MAX_TITLE = 60;
/** How far down the salutation may sit: title, date line, speaker, a caption and some page furniture (headers, source lines). */
const HEAD_SCAN = 16;

const TITLE_RE = /(工作报告|工作要点|工作计划)/;
const ABRIDGED_RE = /[（(]\s*(摘要|节选|摘编)\s*[）)]/;
export const SALUTATION_RE = /^各位代表[^。！？]{0,16}[：:]$/;
export const ADOPTION_RE = /^[（(].{0,80}(会议|主任会议|常委会|党组)[^）)]{0,20}(通过|审议|同意|印发)[）)]$/;

const CN_DIGIT = "〇零一二三四五六七八九十";
/** A date as written on the line under the title: "2025年1月8日", "二〇二六年一月二十七日". */
const DATE_HEAD = new RegExp(`^(?:\\d{4}|[${CN_DIGIT}]{4})年[\\d${CN_DIGIT}]{1,3}月[\\d${CN_DIGIT}]{1,4}日`);
const DASH_RE = /^[—－-]{1,2}/;
/** A line that is only a date, bare or in brackets: the dateline under a title (（2022年10月16日）). */
const DATE_LINE = new RegExp(
  `^[（(]?\\s*(?:\\d{4}|[${CN_DIGIT}○]{4})年[\\d${CN_DIGIT}]{1,3}月[\\d${CN_DIGIT}]{1,4}日\\s*[）)]?$`,
);

/** Is this paragraph a dateline: the day the text was delivered, not a time the text speaks of? */
export function isDateLine(t: string): boolean {
  return t.length <= 24 && DATE_LINE.test(t.trim());
}

/**
 * A salutation run into the first sentence (各位代表，现在，我代表国务院……): the stored text of some published
 * reports joins the salutation line to the opening formula. Its match is the salutation itself.
 */
export const RUN_IN_SALUTATION_RE = /^各位代表[^。！？：:，,]{0,16}[：:，,！!](?=\s*(?:现在|我代表))/;
const MEETING_END_RE = /(会议|大会)上[）)]?$/;

/**
 * Offices that deliver a report to a congress: the chair of a standing committee (主任, 委员长) or its
 * secretary-general, or the head of a government (总理, 省长, 市长…, 主席 of an autonomous region).
 */
const OFFICE =
  "(?:常务副主任|副主任|主任|副委员长|委员长|秘书长|总理|省长|市长|县长|区长|州长|旗长|盟长|主席)";
/** A name: 2–8 characters, with the spaces offices put inside two-character names (龚　正) or a middle dot. */
const NAME = "[\\u4e00-\\u9fa5][\\u4e00-\\u9fa5·•\\s　]{0,12}";
const SPEAKER_RE = new RegExp(`^(.{0,30}?${OFFICE})[\\s　]*(${NAME})$`);
const OFFICE_ONLY_RE = new RegExp(`^.{0,30}?${OFFICE}$`);
const NAME_ONLY_RE = new RegExp(`^${NAME}$`);

function nameLength(name: string): number {
  return name.replace(/[\s　·•]/g, "").length;
}

function isSpeaker(t: string): boolean {
  if (t.length > 40) return false;
  const m = SPEAKER_RE.exec(t);
  if (!m) return false;
  const n = nameLength(m[2]!);
  return n >= 2 && n <= 8;
}

function isOfficeOnly(t: string): boolean {
  return t.length <= 30 && OFFICE_ONLY_RE.test(t);
}

function isNameOnly(t: string): boolean {
  if (!NAME_ONLY_RE.test(t)) return false;
  const n = nameLength(t);
  return n >= 2 && n <= 8;
}

/** "——2025年1月8日在…会议上", "2026年2月3日在…会议上", "（2026年1月27日在…会议上）", or its first half. */
function subtitleStart(t: string): boolean {
  if (DASH_RE.test(t)) return t.length <= 80;
  const s = t.replace(/^[（(]/, "");
  return DATE_HEAD.test(s) && /在/.test(s) && t.length <= 80;
}

function subtitleComplete(t: string): boolean {
  return MEETING_END_RE.test(t) || (DASH_RE.test(t) && /(会议|大会)/.test(t));
}

/** A line that can be (part of) a title: short, no sentence, no trailing colon, not numbered. */
function titleLike(t: string, continued = false): boolean {
  // A wrapped title may leave a single character on its last line ("政府工作报" / "告").
  if (t.length < (continued ? 1 : 2) || t.length > MAX_TITLE_LINE) return false;
  if (/[。！？；]/.test(t) || /[：:，,]$/.test(t)) return false;
  if (DASH_RE.test(t) || /^[【[（(]/.test(t.replace(ABRIDGED_RE, ""))) return false;
  if (DATE_HEAD.test(t)) return false;
  return /[\u4e00-\u9fa5]/.test(t) && parseMarker(t) === null;
}

function isTitleStyle(hint: BlockHint | undefined): boolean {
  return !!hint?.style && /^(title|标题)$/i.test(hint.style.trim());
}

export interface Front {
  /** Roles of the head lines (title, subtitle, speaker, adoption-note, salutation, or body for leads). */
  roles: Map<number, BlockRole>;
  titleBlocks: number[];
  adoptionNote: number | null;
  salutation: number | null;
  abridged: boolean;
  /** Position in `nonBlank` where headings may start. */
  cursor: number;
}

export function readFront(blocks: readonly Block[], nonBlank: readonly number[]): Front {
  const roles = new Map<number, BlockRole>();
  const text = (n: number) => cleanLine(blocks[nonBlank[n]!]!.text);
  const front: Front = {
    roles,
    titleBlocks: [],
    adoptionNote: null,
    salutation: null,
    abridged: false,
    cursor: 0,
  };

  // The salutation bounds the head when it sits near the top with no numbered heading before it.
  let sal = -1;
  for (let n = 0; n < Math.min(HEAD_SCAN, nonBlank.length); n++) {
    const t = text(n);
    if (SALUTATION_RE.test(t)) {
      sal = n;
      break;
    }
    if (parseMarker(t) && !DATE_HEAD.test(t)) break;
  }
  const limit = sal >= 0 ? sal : Math.min(nonBlank.length, 6);

  // The title: the first run of title-like lines whose words name the document (a title may wrap), or the
  // lines the host styled as the title.
  const styled = (n: number) => {
    const h = blocks[nonBlank[n]!]!.hint;
    return isTitleStyle(h) || (n === 0 && h?.tag?.toLowerCase() === "h1");
  };
  let titleStart = -1;
  let titleEnd = -1;
  for (let n = 0; n < limit && titleEnd < 0; n++) {
    if (!titleLike(text(n))) continue;
    let joined = "";
    for (let k = n; k < limit && k < n + 4 && titleLike(text(k), k > n); k++) {
      joined += text(k);
      if (joined.length > MAX_TITLE) break;
      if (TITLE_RE.test(joined)) {
        titleStart = n;
        titleEnd = k;
        break;
      }
    }
    if (titleEnd < 0 && styled(n)) {
      titleStart = n;
      titleEnd = n;
      while (titleEnd + 1 < limit && styled(titleEnd + 1) && titleLike(text(titleEnd + 1))) titleEnd++;
    }
  }
  // Without a salutation, only a news lead (sentences) may come before the title.
  if (sal < 0 && titleStart > 0) {
    for (let n = 0; n < titleStart; n++) {
      if (!/[。！？]/.test(text(n))) {
        titleStart = -1;
        titleEnd = -1;
        break;
      }
    }
  }
  for (let n = titleStart; titleStart >= 0 && n <= titleEnd; n++) {
    roles.set(nonBlank[n]!, "title");
    front.titleBlocks.push(nonBlank[n]!);
    if (ABRIDGED_RE.test(text(n))) front.abridged = true;
  }

  // Date line, speaker, abridged marker, adoption note: in any order around the title. Between the top and the
  // salutation every other line is a lead, a caption or page furniture; without a salutation the head ends at the
  // first line that is none of these.
  const scan = (from: number, end: number): number => {
    let n = from;
    while (n < end) {
      const t = text(n);
      const idx = nonBlank[n]!;
      const afterHead = front.titleBlocks.length > 0 || sal >= 0 || hasRole(roles, "subtitle");
      let taken = 1;
      if (ADOPTION_RE.test(t)) {
        roles.set(idx, "adoption-note");
        front.adoptionNote = idx;
      } else if (subtitleStart(t)) {
        roles.set(idx, "subtitle");
        const next = n + 1 < end ? text(n + 1) : "";
        if (!subtitleComplete(t) && MEETING_END_RE.test(next) && next.length <= 60) {
          roles.set(nonBlank[n + 1]!, "subtitle");
          taken = 2;
        }
      } else if (afterHead && isSpeaker(t)) {
        roles.set(idx, "speaker");
      } else if (afterHead && isOfficeOnly(t) && n + 1 < end && isNameOnly(text(n + 1))) {
        roles.set(idx, "speaker");
        roles.set(nonBlank[n + 1]!, "speaker");
        taken = 2;
      } else if (ABRIDGED_RE.test(t) && t.length <= 8) {
        roles.set(idx, "subtitle");
        front.abridged = true;
      } else if (sal >= 0) {
        roles.set(idx, "body");
      } else break;
      for (let k = n; k < n + taken; k++) {
        const r = roles.get(nonBlank[k]!);
        if (r === "subtitle" || r === "speaker") front.titleBlocks.push(nonBlank[k]!);
      }
      n += taken;
    }
    return n;
  };
  let n: number;
  if (sal >= 0) {
    scan(0, Math.max(titleStart, 0));
    n = scan(titleEnd + 1, sal);
  } else {
    // Lines before the title are a news lead.
    for (let k = 0; k < Math.max(titleStart, 0); k++) roles.set(nonBlank[k]!, "body");
    n = scan(titleEnd + 1, Math.min(nonBlank.length, titleEnd + 7));
  }

  if (sal >= 0) {
    roles.set(nonBlank[sal]!, "salutation");
    front.salutation = nonBlank[sal]!;
    front.cursor = sal + 1;
  } else {
    front.cursor = n;
  }
  front.titleBlocks.sort((a, b) => a - b);
  return front;
}

function hasRole(roles: Map<number, BlockRole>, role: BlockRole): boolean {
  for (const r of roles.values()) if (r === role) return true;
  return false;
}

/** A calendar year written in Arabic digits ("2026年") or digit by digit in Chinese numerals ("二〇二六年"). */
export function yearIn(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /((?:19|20)\d{2})年|([一二][〇零一二三四五六七八九]{3})年/.exec(text);
  if (!m) return undefined;
  if (m[1]) return Number(m[1]);
  const y = [...m[2]!].reduce((acc, ch) => acc * 10 + DIGITS[ch]!, 0);
  return y >= 1900 && y < 2100 ? y : undefined;
}

/** The year of the date-and-meeting line under the title, when there is one. */
export function presentedYear(subtitleLines: readonly string[]): number | undefined {
  for (const t of subtitleLines) {
    const y = yearIn(t);
    if (y !== undefined) return y;
  }
  return undefined;
}
