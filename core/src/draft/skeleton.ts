import { toChineseNumeral } from "../outline/numerals.ts";
import type { OwnKindId } from "../schema/kinds.ts";
import { getKind } from "../sections/kinds.ts";
import { planGuidance, reviewGuidance, statusNote, tasksGuidance } from "./guidance.ts";
import { sectionOfSlot } from "./slots.ts";

/**
 * The skeleton of a draft, decided once for every surface that writes one: `renda draft` (the .docx writer)
 * and the Word add-in's "插入框架". Each surface maps the roles below onto its own styles; the order, the
 * words and where each slot goes are the same everywhere.
 *
 * The layout follows GB/T 9704-2012 (党政机关公文格式) §7.3.3: the chapters of a report are numbered 一、二、…
 * as first-level headings; a report has two parts (the year's review and next year's tasks), each numbering
 * its chapters from 一 again.
 */

/** Who reports to whom, when: the words of the title block. Placeholders (××) where not given. */
export interface DraftBody {
  /** Full name of the standing committee: "××县人民代表大会常务委员会". */
  organ?: string;
  /** Short name used in a plan's title: "××县人大常委会". */
  organShort?: string;
  /** The congress session a report is made to: "××县第×届人民代表大会第×次会议". */
  congress?: string;
  /** Date of that session: "2026年1月8日". */
  meetingDate?: string;
  /** Speaker line of a report: "××县人大常委会主任　张三". */
  speaker?: string;
  /** Meeting that adopts a plan: "××县第×届人民代表大会常务委员会第×次会议". */
  adoptedBy?: string;
  /** Date of adoption of a plan. */
  adoptedOn?: string;
}

/**
 * What a paragraph of the skeleton is: the title, a line of the title block (subtitle), a line flush with the
 * margin (the salutation), body text, a part title (centred), a numbered chapter heading, guidance for the
 * drafter (楷体, in full-width brackets, to be replaced), or a slot the ledger fills.
 */
export type SkeletonRole = "title" | "subtitle" | "flush" | "body" | "part" | "heading" | "guidance";

export type SkeletonItem =
  | {
      role: SkeletonRole;
      text: string;
      /** The section (kind data id) the paragraph opens or belongs to, where it belongs to one. */
      section?: string;
    }
  | {
      role: "slot";
      slot: string;
      /** The section the slot is placed in ("annex" for the annex of figures after the body). */
      section: string;
    };

export interface SkeletonOptions {
  kind: OwnKindId;
  /** The reviewed year of a report, the planned year of a plan. */
  year: number;
  /** The slots to place, in order; each goes to the section sectionOfSlot names. */
  slots: readonly string[];
  body?: DraftBody;
}

/** Heading of the annex that holds the slots no section of the body claims. */
export const ANNEX_HEADING = "附件：统计表";

export function draftSkeleton(options: SkeletonOptions): SkeletonItem[] {
  const kind = getKind(options.kind);
  const { year, slots } = options;
  const b = { ...draftDefaults(options.kind, year), ...stripUndefined(options.body ?? {}) };
  const out: SkeletonItem[] = [];
  const p = (role: SkeletonRole, text: string, section?: string) =>
    out.push(section === undefined ? { role, text } : { role, text, section });
  const guidance = (text: string, section?: string) => p("guidance", `（${text}）`, section);

  const placed = new Set<string>();
  const place = (slot: string, section: string) => {
    placed.add(slot);
    out.push({ role: "slot", slot, section });
  };
  const placeSlots = (sectionId: string) => {
    for (const s of slots) if (!placed.has(s) && sectionOfSlot(s) === sectionId) place(s, sectionId);
  };
  const section = (id: string) => kind.byId.get(id)!;
  const note = (id: string) => {
    const s = section(id);
    return statusNote(s.status, cleanReason(s.reason));
  };
  const numbering = () => {
    let n = 0;
    return () => `${toChineseNumeral(++n)}、`;
  };

  if (options.kind === "work-report") {
    p("title", `${b.organ}工作报告`);
    p("subtitle", `——${b.meetingDate}在${b.congress}上`);
    p("subtitle", b.speaker);
    p("flush", "各位代表：");
    p("body", `现在，我受${b.organ}委托，向大会报告工作，请予审议。`);

    const reviewIds = kind.sections
      .filter((s) => s.where === "review" || s.where === "review+tasks")
      .map((s) => s.id)
      .filter((id) => id !== "review" && id !== "overview");
    p("part", `${year}年主要工作回顾`, "review");
    guidance(
      `在此概述${year}年的总体情况：年度定位（“${year}年是……之年”）、在党委坚强领导下坚持的指导思想，以及下面自动生成的统计数字。`,
      "overview",
    );
    // The overview slot is always there: the opening figures are what a reader looks for first.
    place("overview", "overview");
    placeSlots("overview");
    // Slots no chapter claims follow the overview: a report ends with its closing words, not a table.
    for (const s of slots.filter((x) => !placed.has(x) && !reviewIds.includes(sectionOfSlot(x)))) {
      place(s, "overview");
    }
    const reviewNumber = numbering();
    for (const id of reviewIds.filter((i) => i !== "shortcomings")) {
      const s = section(id);
      p("heading", reviewNumber() + s.name, id);
      guidance(reviewGuidance(id, s.name) + note(id), id);
      placeSlots(id);
    }
    if (reviewIds.includes("shortcomings")) {
      p(
        "body",
        "我们也清醒地认识到，常委会工作还存在一些差距和不足：（在此如实列出监督实效、代表作用发挥、自身建设等方面的差距和不足。）对此，我们将采取有效措施，认真加以改进。",
        "shortcomings",
      );
    }

    const taskIds = kind.sections
      .filter((s) => s.where === "tasks" || s.where === "review+tasks")
      .map((s) => s.id);
    const next = year + 1;
    p("part", `${next}年主要任务`, "tasks");
    guidance(
      `在此写明${next}年的定位和常委会工作的总体要求：“${next}年是……。常委会工作的总体要求是：……”。${
        kind.byId.get("election")?.expectedInYears?.includes(next)
          ? `${next}年是换届选举之年，务必部署换届选举工作。`
          : ""
      }`,
      "tasks",
    );
    const taskNumber = numbering();
    for (const id of taskIds.filter((i) => i !== "tasks")) {
      const s = section(id);
      p("heading", taskNumber() + s.name, id);
      guidance(tasksGuidance(id, s.name) + note(id), id);
    }
    p(
      "body",
      "各位代表，让我们更加紧密地团结在以习近平同志为核心的党中央周围，在××委的坚强领导下，（在此写结束语）……为……而不懈奋斗！",
    );
  } else {
    p("title", `${b.organShort}${year}年工作要点`);
    p("subtitle", `（${b.adoptedOn}${b.adoptedBy}通过）`);
    const number = numbering();
    for (const s of kind.sections.filter((x) => x.where === "body")) {
      p("heading", number() + s.name, s.id);
      guidance(planGuidance(s.id, s.name) + note(s.id), s.id);
      placeSlots(s.id);
    }
  }

  // In a plan, slots no section claims (tables of figures) go to an annex after the body.
  const rest = slots.filter((s) => !placed.has(s));
  if (rest.length > 0) {
    p("heading", ANNEX_HEADING, "annex");
    for (const s of rest) place(s, "annex");
  }
  return out;
}

/** The title block's placeholders: a report on a year is made to the congress early the next year. */
export function draftDefaults(kind: OwnKindId, year: number): Required<DraftBody> {
  const next = kind === "work-report" ? year + 1 : year;
  return {
    organ: "××县人民代表大会常务委员会",
    organShort: "××县人大常委会",
    congress: "××县第×届人民代表大会第×次会议",
    meetingDate: `${next}年×月×日`,
    speaker: "××县人大常委会主任　某某某",
    adoptedBy: "××县第×届人民代表大会常务委员会第×次会议",
    adoptedOn: `${next}年×月×日`,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Reasons in the kind data may carry a maintainer's source note in brackets; the drafter needs the reason. */
function cleanReason(reason: string): string {
  return reason.replace(/[（(]DOMAIN[^）)]*[）)]/g, "").replace(/[。；;]$/, "");
}
