import { Badge, Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  type Diagnostic,
  type Fix,
  fixesOf,
  getKind,
  groupSameKind,
  isKindGroup,
  type KindGroup,
  kindLabel,
  kindName,
  type LintResult,
  lint,
  suggestionText,
} from "../core.ts";
import { commentsFor } from "../logic/comments.ts";
import {
  type CheckView,
  editFor,
  findingKey,
  groupFindings,
  locate,
  SEVERITY_LABEL,
} from "../logic/findings.ts";
import { type DocumentOptions, lintOptions, parseYearInput } from "../logic/options.ts";
import type { Critique, LocatedEdit, WordPort } from "../ports.ts";
import { KindField, YearField } from "./fields.ts";
import { Fragment, h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";

/**
 * Why the pane took the document for what it is (标题含“政府工作报告”…), so a wrong guess is seen and can be
 * corrected in 文稿类型; a kind without a section schema (其他) says that only the wording is checked.
 */
function KindEvidence({ detection }: { detection: LintResult["kindDetection"] }) {
  const structureNote = getKind(detection.kind) ? "" : "此类文稿不检查章节结构，只检查表述。";
  const text = detection.forced
    ? `按所选文稿类型检查。${structureNote}`
    : `识别依据：${detection.evidence.join("；")}（把握${Math.round(detection.confidence * 100)}%）。${structureNote}如识别有误，可在上方“文稿类型”中选择。`;
  return h(Caption1, { as: "p", "aria-label": "文稿类型识别依据" }, text);
}

const useStyles = makeStyles({
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    cursor: "pointer",
    marginTop: "4px",
  },
  actions: { display: "flex", gap: "4px", flexWrap: "wrap", marginTop: "2px" },
  group: { marginTop: "12px" },
  kind: {
    marginTop: "4px",
    padding: "4px 0 4px 8px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  quote: { color: tokens.colorPaletteRedForeground1 },
  options: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "start", marginBottom: "8px" },
});

const INTENT = { error: "danger", warning: "warning", info: "informative" } as const;

export function CheckPanel({
  word,
  options,
  onOptionsChange,
}: {
  word: WordPort;
  options: DocumentOptions;
  onOptionsChange: (o: DocumentOptions) => void;
}) {
  const s = useStyles();
  const [yearText, setYearText] = useState(options.year === null ? "" : String(options.year));
  const [yearError, setYearError] = useState<string | undefined>(undefined);
  // The skeleton panel can set the year too: follow it unless the user is mid-edit with an invalid value.
  useEffect(() => {
    if (!yearError) setYearText(options.year === null ? "" : String(options.year));
  }, [options.year, yearError]);
  const [result, setResult] = useState<LintResult | null>(null);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const [view, setView] = useState<CheckView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [critiqueNote, setCritiqueNote] = useState<string | null>(null);

  async function check(after?: string) {
    setBusy(true);
    setError(null);
    try {
      const snap = await word.readDocument();
      const r = lint({ blocks: snap.paragraphs }, lintOptions(options));
      const ign = new Set(snap.ignored);
      setResult(r);
      setIgnored(ign);
      setView(groupFindings(r, ign));
      setNotice(after ?? null);
      const critiques: Critique[] = [];
      for (const d of r.diagnostics) {
        if (ign.has(findingKey(d, r.doc.text)) || d.ruleId === "section/missing") continue;
        const at = locate(r, d);
        if (at)
          critiques.push({
            paragraph: at.paragraph,
            offset: at.offset,
            length: at.length,
            severity: d.severity,
          });
      }
      const shown = await word.showCritiques(critiques).catch(() => false);
      setCritiqueNote(
        shown ? null : "当前 Word 不支持文中波浪线标注（需要 WordApi 1.7），问题只在下面的列表中显示。",
      );
    } catch (e) {
      setError(messageOf(e, "检查文稿"));
    } finally {
      setBusy(false);
    }
  }

  async function select(d: Diagnostic) {
    if (!result) return;
    const at = locate(result, d);
    if (!at) return;
    try {
      await word.select(at);
    } catch (e) {
      setError(messageOf(e, "定位原文"));
    }
  }

  /** Applies exactly the given changes: safe fixes of the listed places, or the one suggestion chosen. */
  async function apply(fixes: readonly Fix[]) {
    if (!result) return;
    const edits: LocatedEdit[] = [];
    let crossing = 0;
    for (const f of fixes) {
      const e = editFor(result, f);
      if (e) edits.push(e);
      else crossing++;
    }
    try {
      const r = await word.applyEdits(edits);
      const reasons = [...new Set(r.skipped.map((x) => x.reason))];
      const skipped = r.skipped.length + crossing;
      await check(
        `已修正${r.applied}处${skipped ? `，${skipped}处未修正${reasons.length ? `（${reasons.join("；")}）` : "（跨段落的修正请手工修改）"}` : ""}。已重新检查。`,
      );
    } catch (e) {
      setError(messageOf(e, "应用修正"));
    }
  }

  /** Every listed finding as a Word comment, worded as in the review copy, so the document can be passed on. */
  async function writeComments() {
    if (!result) return;
    try {
      const r = await word.insertComments(commentsFor(result, ignored));
      const reasons = [...new Set(r.skipped.map((x) => x.reason))];
      setNotice(
        `已写入批注${r.inserted}条（作者“人大报告助手”，可在“审阅”选项卡中查看、删除）${r.skipped.length ? `；${r.skipped.length}条未写入（${reasons.join("；")}）` : ""}。`,
      );
    } catch (e) {
      setError(messageOf(e, "写入批注"));
    }
  }

  async function ignore(d: Diagnostic) {
    if (!result) return;
    const next = new Set(ignored);
    next.add(findingKey(d, result.doc.text));
    try {
      await word.saveIgnored([...next]);
      setIgnored(next);
      setView(groupFindings(result, next));
      setNotice("已在本文稿中忽略该问题（保存在文稿设置中）。");
    } catch (e) {
      setError(messageOf(e, "忽略问题"));
    }
  }

  const finding = (d: Diagnostic) => {
    const text = result!.doc.text.slice(d.start, d.end);
    return h(
      "div",
      { key: `${d.ruleId}@${d.start}-${d.end}|${d.section ?? ""}|${d.message}`, "data-rule": d.ruleId },
      h(
        "button",
        { type: "button", className: s.item, onClick: () => select(d), title: "点击在文中选中" },
        h(Text, null, d.message),
        text && text.length <= 40
          ? h(Caption1, { className: s.quote, block: true }, `原文：“${text}”`)
          : null,
      ),
      h(
        "div",
        { className: s.actions },
        d.fix
          ? h(Button, { size: "small", appearance: "primary", onClick: () => apply([d.fix!]) }, "修正")
          : null,
        // A suggestion is the user's choice: one button each, applying that one change only.
        ...(d.suggestions ?? []).map((sg, i) =>
          h(
            Button,
            { key: `s${i}`, size: "small", onClick: () => apply([sg.fix]), title: "修改建议：请确认后应用" },
            `建议：${suggestionText(sg, result!.doc.text)}`,
          ),
        ),
        h(Button, { size: "small", appearance: "subtle", onClick: () => ignore(d) }, "忽略"),
      ),
    );
  };

  /** Same-kind findings of a group shown together; its fix-all changes exactly the places listed under it. */
  const kindBlock = (k: KindGroup) => {
    const safe = fixesOf(k.items);
    return h(
      "div",
      { key: `kind:${k.ruleId}`, className: s.kind, "data-kind": k.ruleId },
      h(Text, { weight: "semibold" }, `${kindLabel(k)} ×${k.items.length}`),
      safe.length > 0
        ? h(
            "div",
            { className: s.actions },
            h(Button, { size: "small", onClick: () => apply(safe) }, `全部修正此类（${safe.length}处）`),
          )
        : null,
      k.items.map(finding),
    );
  };

  const count = (sev: Diagnostic["severity"]) =>
    view?.groups.filter((g) => g.severity === sev).reduce((n, g) => n + g.items.length, 0) ?? 0;

  const changeYear = (text: string) => {
    setYearText(text);
    const p = parseYearInput(text);
    setYearError(p.error);
    if (p.error === undefined && p.year !== options.year) onOptionsChange({ ...options, year: p.year });
  };

  return h(
    "div",
    null,
    h(
      "div",
      { className: s.options },
      h(KindField, {
        value: options.kind,
        onChange: (kind: DocumentOptions["kind"]) => onOptionsChange({ ...options, kind }),
        allowAuto: true,
      }),
      h(YearField, {
        label: "年份",
        text: yearText,
        onChange: changeYear,
        error: yearError,
        hint: "留空则按标题和正文识别；报告填回顾之年，要点填计划之年",
      }),
    ),
    h(
      Button,
      { appearance: "primary", onClick: () => check(), disabled: busy || !!yearError },
      busy ? "正在检查…" : "检查全文",
    ),
    h(ErrorBar, { error }),
    h(NoticeBar, { notice }),
    h(NoticeBar, { notice: critiqueNote, intent: "info" }),
    result && view
      ? h(
          Fragment,
          null,
          h(
            "p",
            null,
            `文稿类型：${kindName(result.kind)}${options.kind === "auto" ? "（自动识别）" : ""}${result.year ? ` · ${result.year}年${options.year === null ? "（自动识别）" : ""}` : " · 年份未识别（可在上方填写）"}${getKind(result.kind) ? ` · 缺少章节${view.missing.length}个` : ""} · 错误${count("error")} · 警告${count("warning")} · 提示${count("info")}${view.ignoredCount ? ` · 已忽略${view.ignoredCount}` : ""}`,
          ),
          h(KindEvidence, { detection: result.kindDetection }),
          view.missing.length || view.groups.length
            ? h(
                Button,
                {
                  onClick: () => writeComments(),
                  disabled: busy,
                  title: "把下列问题作为 Word 批注写入文稿（需要 WordApi 1.4）",
                },
                "写入批注",
              )
            : null,
          view.missing.length
            ? h(
                "section",
                { className: s.group, "aria-label": "缺少的章节" },
                h(Subtitle2, null, `缺少的章节（${view.missing.length}）`),
                view.missing.map(finding),
              )
            : null,
          view.groups.map((g) =>
            h(
              "section",
              {
                key: `${g.section}|${g.severity}`,
                className: s.group,
                "aria-label": `${g.sectionName}${SEVERITY_LABEL[g.severity]}`,
              },
              h(
                Subtitle2,
                null,
                `${g.sectionName} `,
                h(
                  Badge,
                  { appearance: "tint", color: INTENT[g.severity] },
                  `${SEVERITY_LABEL[g.severity]} ${g.items.length}`,
                ),
              ),
              groupSameKind(g.items).map((x) => (isKindGroup(x) ? kindBlock(x) : finding(x))),
            ),
          ),
          !view.missing.length && !view.groups.length ? h(NoticeBar, { notice: "没有发现问题。" }) : null,
        )
      : null,
  );
}
