import {
  getKind,
  type OwnKindId,
  planGuidance,
  reviewGuidance,
  sectionOfSlot,
  tasksGuidance,
} from "../core.ts";
import type { SkeletonParagraph } from "../ports.ts";

/**
 * The slots the ledger phrasing fills per kind (core/src/phrasing buildSlots): the skeleton gives each one a
 * tagged control in its section, so "fill" finds them. A plan states intentions, so it only gets the table of
 * meetings planned in the ledger.
 */
export const SLOTS_BY_KIND: Record<OwnKindId, string[]> = {
  "work-report": [
    "overview",
    "meetings-table",
    "appointments-table",
    "suggestions",
    "deputy-activities",
    "petitions",
    "suggestions-table",
  ],
  "work-plan": ["meetings-table"],
};

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function chineseOrdinal(n: number): string {
  if (n <= 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
}

export const SLOT_PLACEHOLDER = "（此处由“填入台账”生成统计内容）";

/**
 * The same outline `renda draft` writes (title block, the kind's sections in order with guidance in brackets,
 * slot controls in their sections), as paragraphs the Word adapter inserts at the end of the document.
 */
export function skeletonFor(kindId: OwnKindId, year: number): SkeletonParagraph[] {
  const kind = getKind(kindId);
  const out: SkeletonParagraph[] = [];
  const p = (text: string, style: SkeletonParagraph["style"] = "Normal") => out.push({ text, style });
  const slots = SLOTS_BY_KIND[kindId];
  const placed = new Set<string>();
  const placeSlots = (sectionId: string) => {
    for (const s of slots) {
      if (placed.has(s) || sectionOfSlot(s) !== sectionId) continue;
      placed.add(s);
      out.push({ text: SLOT_PLACEHOLDER, style: "Normal", slot: s });
    }
  };
  const byWhere = (...where: string[]) => kind.sections.filter((s) => where.includes(s.where));

  if (kindId === "work-report") {
    p("××县人民代表大会常务委员会工作报告", "Title");
    p("——××××年×月×日在××县第×届人民代表大会第×次会议上", "Subtitle");
    p("各位代表：");
    p("现在，我受××县人民代表大会常务委员会委托，向大会报告工作，请予审议。");
    p(`${year}年主要工作回顾`, "Heading1");
    p(`（在此概述${year}年的总体情况和下面自动生成的统计数字。）`);
    placeSlots("overview");
    let n = 0;
    for (const s of byWhere("review", "review+tasks").filter(
      (x) => !["review", "overview", "shortcomings"].includes(x.id),
    )) {
      p(`${chineseOrdinal(++n)}、${s.name}`, "Heading2");
      p(`（${reviewGuidance(s.id, s.name)}）`);
      placeSlots(s.id);
    }
    p(`${year + 1}年主要任务`, "Heading1");
    p(`（在此写明${year + 1}年常委会工作的总体要求。）`);
    n = 0;
    for (const s of byWhere("tasks", "review+tasks").filter((x) => x.id !== "tasks")) {
      p(`${chineseOrdinal(++n)}、${s.name}`, "Heading2");
      p(`（${tasksGuidance(s.id, s.name)}）`);
    }
    p("各位代表，（在此写结束语）……为……而不懈奋斗！");
  } else {
    p(`××县人大常委会${year}年工作要点`, "Title");
    p("（××××年×月×日××县第×届人民代表大会常务委员会第×次会议通过）", "Subtitle");
    let n = 0;
    for (const s of byWhere("body")) {
      p(`${chineseOrdinal(++n)}、${s.name}`, "Heading1");
      p(`（${planGuidance(s.id, s.name)}）`);
      placeSlots(s.id);
    }
  }
  // Slots no section claims follow as an annex, as in renda draft.
  const rest = slots.filter((s) => !placed.has(s));
  if (rest.length) {
    p("附件：统计表", "Heading1");
    for (const s of rest) out.push({ text: SLOT_PLACEHOLDER, style: "Normal", slot: s });
  }
  return out;
}
