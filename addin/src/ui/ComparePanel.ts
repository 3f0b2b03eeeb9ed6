import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type ComparedItem, GRADE_NAMES, type Grade, kindName } from "../core.ts";
import { readFileBytes } from "../logic/bytes.ts";
import {
  type CompareView,
  compareWithDocument,
  countsLine,
  locatePassage,
  type PlanFile,
  readPlan,
} from "../logic/compare.ts";
import type { DocumentOptions } from "../logic/options.ts";
import type { WordPort } from "../ports.ts";
import { h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";
import { CLICKABLE_ROW } from "./styles.ts";

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "end", flexWrap: "wrap", marginTop: "8px" },
  group: { marginTop: "12px" },
  item: {
    marginTop: "6px",
    padding: "4px 0 4px 8px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  evidence: CLICKABLE_ROW,
});

const BADGE: Record<Grade, "success" | "warning" | "danger"> = {
  covered: "success",
  partial: "warning",
  missing: "danger",
};

/** Evidence is a sentence, an unplanned passage a paragraph: long ones are cut for the list (Word shows all). */
const SNIPPET = 80;
function snippet(text: string): string {
  const one = text.replace(/\s*\n\s*/g, " ").trim();
  return one.length > SNIPPET ? `${one.slice(0, SNIPPET)}…` : one;
}

export function ComparePanel({ word, options }: { word: WordPort; options: DocumentOptions }) {
  const s = useStyles();
  const [plan, setPlan] = useState<PlanFile | null>(null);
  const [view, setView] = useState<CompareView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Reads the document afresh and compares: after the user edits the report, 重新对照 sees the edits. */
  async function run(p: PlanFile) {
    setBusy(true);
    setError(null);
    try {
      const snap = await word.readDocument();
      setView(compareWithDocument(p, snap.paragraphs, options, snap.name));
    } catch (e) {
      setView(null);
      setError(messageOf(e, "对照工作要点"));
    } finally {
      setBusy(false);
    }
  }

  async function open(file: File) {
    setError(null);
    setView(null);
    setPlan(null);
    let p: PlanFile;
    try {
      const bytes = await readFileBytes(file).catch((e: unknown) => {
        throw new Error(`${file.name}：${messageOf(e)}`);
      });
      p = readPlan(bytes, file.name);
    } catch (e) {
      setError(messageOf(e, "打开工作要点"));
      return;
    }
    setPlan(p);
    await run(p);
  }

  /** Selects the passage in the document; Word's selection only, the text is never touched. */
  async function select(passage: { start: number; end: number }) {
    if (!view) return;
    const at = locatePassage(view, passage);
    if (!at) return;
    try {
      await word.select(at);
    } catch (e) {
      // The adapter's words are the check's ("请重新检查"); here the list to refresh is the comparison.
      setError(`${messageOf(e, "定位原文")}（对照结果请点“重新对照”更新）`);
    }
  }

  const passageButton = (
    key: string,
    p: { text: string; start: number; end: number; section: string | null },
    extra?: string,
  ) =>
    h(
      "button",
      {
        key,
        type: "button",
        className: s.evidence,
        onClick: () => select(p),
        title: "点击在文中选中",
        "data-start": p.start,
        "data-end": p.end,
      },
      h(Caption1, { block: true }, `${p.section ?? "（未分章）"}${extra ?? ""}`),
      h("span", { "data-snippet": "" }, snippet(p.text)),
    );

  const itemBlock = (it: ComparedItem) =>
    h(
      "div",
      { key: it.id, className: s.item, "data-item": it.id, "data-grade": it.grade },
      h(
        Text,
        { block: true },
        `${it.id}. `,
        h(Badge, { appearance: "tint", color: BADGE[it.grade] }, GRADE_NAMES[it.grade]),
        ` ${it.text}`,
      ),
      it.evidence.map((e, i) => passageButton(`${it.id}:${i}`, e, ` · 相似度 ${e.score.toFixed(2)}`)),
    );

  // Items under their chapters of the plan, as `renda compare` prints them.
  const groups: { section: string | null; items: ComparedItem[] }[] = [];
  for (const it of view?.result.items ?? []) {
    const last = groups[groups.length - 1];
    if (last && last.section === it.section) last.items.push(it);
    else groups.push({ section: it.section, items: [it] });
  }

  return h(
    "div",
    null,
    h(
      Field,
      {
        label: "打开工作要点（.docx、.txt、.md），与当前文稿对照",
        hint: "当前文稿作为工作报告；每项要点看报告中是否写到，依据是哪一句",
      },
      h("input", {
        type: "file",
        accept: ".docx,.txt,.md,.markdown",
        "aria-label": "选择工作要点文件",
        onChange: (e: { target: HTMLInputElement }) => {
          const f = e.target.files?.[0];
          if (f) void open(f);
        },
      }),
    ),
    plan
      ? h(
          "div",
          { className: s.row },
          h(
            Button,
            { appearance: "primary", onClick: () => run(plan), disabled: busy },
            busy ? "正在对照…" : "重新对照",
          ),
        )
      : null,
    h(ErrorBar, { error }),
    [...(plan?.notes ?? []), ...(view?.notes ?? [])].map((n) =>
      h(NoticeBar, { key: n, intent: "info", notice: n }),
    ),
    plan && view
      ? h(
          "div",
          null,
          h(
            "p",
            null,
            `工作要点：${plan.name}（${kindName(view.result.plan.kind)}${view.result.plan.year ? `，${view.result.plan.year}年` : "，年份未识别"}）· 当前文稿（${kindName(view.result.report.kind)}${view.result.report.year ? `，${view.result.report.year}年` : "，年份未识别"}）`,
          ),
          h(Subtitle2, { as: "h2", block: true, "aria-label": "对照结果" }, countsLine(view)),
          groups.map((g, i) =>
            h(
              "section",
              { key: `${i}|${g.section}`, className: s.group, "aria-label": g.section ?? "（未分章）" },
              h(Subtitle2, null, g.section ? `【${g.section}】` : "【（未分章）】"),
              g.items.map(itemBlock),
            ),
          ),
          h(
            "section",
            { className: s.group, "aria-label": "计划外工作" },
            h(Subtitle2, null, `计划外工作（报告中有、工作要点未列，${view.result.unplanned.length} 段）`),
            view.result.unplanned.length
              ? view.result.unplanned.map((u, i) => passageButton(`u${i}`, u))
              : h(Caption1, { block: true }, "没有。"),
          ),
          h(
            Caption1,
            { as: "p", block: true },
            `“${GRADE_NAMES.missing}”只说明报告中找不到相应的表述，请核对；相似度为 0–1。点击依据即在文中选中该句，不改动文稿。`,
          ),
        )
      : null,
  );
}
