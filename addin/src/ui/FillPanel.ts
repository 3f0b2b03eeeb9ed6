import { Button, Checkbox, Field, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  checkLedger,
  formatIssue,
  type LedgerData,
  type OwnKindId,
  type SlotContent,
  type SlotMap,
} from "../core.ts";
import { readFileBytes } from "../logic/bytes.ts";
import { parseExport } from "../logic/ledger.ts";
import { type DocumentOptions, ownKind, parseYearInput } from "../logic/options.ts";
import type { FillReport, WordPort } from "../ports.ts";
import { KindField, YearField } from "./fields.ts";
import { h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";
import type { Services } from "./services.ts";

const useStyles = makeStyles({
  slot: { border: `1px dashed ${tokens.colorNeutralStroke1}`, padding: "6px", marginTop: "6px" },
  table: {
    borderCollapse: "collapse",
    "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px" },
  },
  row: { display: "flex", gap: "8px", alignItems: "end", flexWrap: "wrap", marginTop: "8px" },
});

interface Loaded {
  source: string;
  data: LedgerData;
  /** The ledger's year: the one typed in 台账年度, else the export's, else inferred from the dates. */
  year: number | null;
  /** How the year was decided, shown next to it. */
  yearNote: string;
  errors: number;
  issues: string[];
}

function Preview({ name, content }: { name: string; content: SlotContent }) {
  const s = useStyles();
  return h(
    "div",
    { className: s.slot, "data-slot": name },
    h(Subtitle2, null, `renda:${name}`),
    content.kind === "paragraphs"
      ? content.paragraphs.map((p, i) => h("p", { key: i }, p))
      : h(
          "div",
          null,
          content.caption ? h(Text, { weight: "semibold", block: true }, content.caption) : null,
          h(
            "table",
            { className: s.table },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                content.header.map((c) => h("th", { key: c }, c)),
              ),
            ),
            h(
              "tbody",
              null,
              content.rows.slice(0, 20).map((r, i) =>
                h(
                  "tr",
                  { key: i },
                  r.map((c, j) => h("td", { key: j }, c)),
                ),
              ),
            ),
          ),
          content.rows.length > 20
            ? h(Text, { size: 200 }, `（共${content.rows.length}行，预览前20行）`)
            : null,
          content.note ? h(Text, { size: 200, block: true }, content.note) : null,
        ),
  );
}

export function FillPanel({
  word,
  services,
  options,
}: {
  word: WordPort;
  services: Services;
  options: DocumentOptions;
}) {
  const s = useStyles();
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [kind, setKind] = useState<OwnKindId>(ownKind(options.kind));
  // A kind set for the document (文稿设置, or by inserting a skeleton) decides which sentences are built.
  useEffect(() => {
    if (options.kind !== "auto") setKind(ownKind(options.kind));
  }, [options.kind]);
  const [yearText, setYearText] = useState("");
  const yearInput = parseYearInput(yearText);
  const [confirmed, setConfirmed] = useState(false);
  const [report, setReport] = useState<FillReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Reads the file again when the year changes: the check flags dates outside the ledger's year. */
  async function open(file: File, year: number | null) {
    setError(null);
    setReport(null);
    setConfirmed(false);
    try {
      const bytes = await readFileBytes(file);
      if (/\.json$/i.test(file.name)) {
        const x = parseExport(new TextDecoder().decode(bytes));
        setLoaded({
          source: file.name,
          data: x.data,
          year: year ?? x.year,
          yearNote: year !== null ? "按所填年度" : "导出时的年度",
          errors: x.errors,
          issues: [],
        });
      } else {
        const r = await checkLedger(bytes, {
          fileName: file.name,
          reader: "stream",
          ...(year === null ? {} : { year }),
        });
        if (!r.usable) throw new Error(r.issues.map(formatIssue).join("；"));
        const errs = r.issues.filter((i) => i.severity === "error");
        setLoaded({
          source: file.name,
          data: r.data,
          year: r.year,
          yearNote: r.yearSource === "inferred" ? "按台账中的日期推定" : "按所填年度",
          errors: r.counts.error,
          issues: errs.slice(0, 5).map(formatIssue),
        });
      }
    } catch (e) {
      setLoaded(null);
      setError(messageOf(e, `导入台账“${file.name}”`));
    }
  }

  const slots: SlotMap = loaded ? services.buildSlots(loaded.data, { kind, year: loaded.year }) : {};
  const blocked = !!loaded && loaded.errors > 0 && !confirmed;

  async function fill() {
    setBusy(true);
    setError(null);
    try {
      const r = await word.fillSlots(slots);
      setReport(r);
      setNotice(r.filled.length ? `已填入${r.filled.length}处：${r.filled.join("、")}` : null);
    } catch (e) {
      setError(messageOf(e, "填入台账"));
    } finally {
      setBusy(false);
    }
  }

  async function reinsert(slot: string) {
    try {
      await word.insertSlotAtCursor(slot, slots[slot]!);
      setReport((r) =>
        r ? { ...r, missing: r.missing.filter((m) => m !== slot), filled: [...r.filled, slot] } : r,
      );
      setNotice(`已在光标处插入 renda:${slot}`);
    } catch (e) {
      setError(messageOf(e, "在光标处插入"));
    }
  }

  return h(
    "div",
    null,
    h(
      Field,
      { label: "打开台账（.xlsx）或 Excel 导出的统计数据（.json）" },
      h("input", {
        type: "file",
        accept: ".xlsx,.json",
        "aria-label": "选择台账文件",
        onChange: (e: { target: HTMLInputElement }) => {
          const f = e.target.files?.[0];
          if (f) {
            setFile(f);
            void open(f, yearInput.error === undefined ? yearInput.year : null);
          }
        },
      }),
    ),
    h(
      "div",
      { className: s.row },
      h(KindField<OwnKindId>, { value: kind, onChange: setKind }),
      h(YearField, {
        label: "台账年度",
        text: yearText,
        onChange: (text: string) => {
          setYearText(text);
          const p = parseYearInput(text);
          if (p.error === undefined && file) void open(file, p.year);
        },
        error: yearInput.error,
        hint: "留空则用台账中的年度（按日期推定）",
      }),
    ),
    h(ErrorBar, { error }),
    loaded
      ? h(
          "div",
          null,
          h(
            "p",
            null,
            `已读取“${loaded.source}”${loaded.year ? `（${loaded.year}年，${loaded.yearNote}）` : ""}，生成${Object.keys(slots).length}处内容。`,
          ),
          loaded.errors > 0
            ? h(
                "div",
                { role: "alert" },
                h(NoticeBar, {
                  intent: "warning",
                  notice: `台账有${loaded.errors}处错误，填入的数字可能不准：${loaded.issues.join("；")}${loaded.errors > loaded.issues.length ? "……" : ""}`,
                }),
                h(Checkbox, {
                  label: "我已知悉台账有错误，仍然填入",
                  checked: confirmed,
                  onChange: (_: unknown, d: { checked: boolean | "mixed" }) =>
                    setConfirmed(d.checked === true),
                }),
              )
            : null,
          Object.entries(slots).map(([name, content]) => h(Preview, { key: name, name, content })),
          h(
            "div",
            { className: s.row },
            h(
              Button,
              {
                appearance: "primary",
                onClick: fill,
                disabled: busy || blocked || !Object.keys(slots).length,
              },
              "填入文稿",
            ),
          ),
        )
      : null,
    h(NoticeBar, { notice }),
    report
      ? h(
          "div",
          null,
          report.missing.map((m) =>
            h(
              "div",
              { key: m, className: s.row },
              h(Text, null, `文稿中找不到内容控件 renda:${m}（可能已被删除）`),
              h(Button, { size: "small", onClick: () => reinsert(m) }, "在光标处重新插入"),
            ),
          ),
          report.failed.map((f) =>
            h(NoticeBar, { key: f.slot, intent: "warning", notice: `renda:${f.slot} 未填入：${f.reason}` }),
          ),
          report.warnings.map((w) => h(NoticeBar, { key: w, intent: "info", notice: w })),
        )
      : null,
  );
}
