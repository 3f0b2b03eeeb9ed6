import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  formatIssue,
  INSTRUCTIONS_SHEET,
  LEDGER_TABLES,
  type LedgerIssue,
  SEVERITY_WORDS,
  writeLedgerTemplate,
} from "../core.ts";
import { toBase64 } from "../logic/bytes.ts";
import {
  checkSheets,
  exportLedger,
  firstCell,
  groupBySheet,
  type SheetCheck,
  summaryRows,
} from "../logic/ledger.ts";
import { LEDGER_YEAR_SETTING, parseYearInput, readLedgerYear } from "../logic/options.ts";
import type { ExcelPort, SettingsPort } from "../ports.ts";
import { YearField } from "./fields.ts";
import { h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";
import type { Services } from "./services.ts";
import { CLICKABLE_ROW } from "./styles.ts";

const useStyles = makeStyles({
  bar: { display: "flex", gap: "6px", flexWrap: "wrap" },
  item: CLICKABLE_ROW,
  group: { marginTop: "12px" },
});

const SEVERITY = {
  error: [SEVERITY_WORDS.error, "danger"],
  warning: [SEVERITY_WORDS.warning, "warning"],
  info: [SEVERITY_WORDS.info, "informative"],
} as const;

export function ExcelPane({
  excel,
  settings,
  services,
}: {
  excel: ExcelPort;
  settings: SettingsPort;
  services: Services;
}) {
  const s = useStyles();
  // The ledger's year, saved in the workbook; blank means inferred from the dates (the CLI's default too).
  const [yearText, setYearText] = useState(() => {
    const y = readLedgerYear(settings.get(LEDGER_YEAR_SETTING));
    return y === null ? "" : String(y);
  });
  const yearInput = parseYearInput(yearText);
  const year = yearInput.error === undefined ? (yearInput.year ?? undefined) : undefined;
  const changeYear = (text: string) => {
    setYearText(text);
    const p = parseYearInput(text);
    if (p.error !== undefined) return;
    setCheck(null);
    settings.set(LEDGER_YEAR_SETTING, p.year).catch((e) => setError(messageOf(e, "保存台账年度")));
  };
  const [check, setCheck] = useState<SheetCheck | null>(null);
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (op: string, body: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await body();
    } catch (e) {
      setError(messageOf(e, op));
    } finally {
      setBusy(false);
    }
  };

  const names = [INSTRUCTIONS_SHEET, ...LEDGER_TABLES.map((t) => t.sheet)];
  const createTemplate = (replace: boolean) =>
    run("建立台账", async () => {
      const base64 = toBase64(await writeLedgerTemplate(year ? { year } : {}));
      const r = await excel.createTemplate(base64, names, replace);
      if (!r.created) {
        setConflicts(r.conflicts);
        return;
      }
      setConflicts(null);
      setNotice(
        `已建立台账工作表：${names.join("、")}${replace && r.conflicts.length ? `（替换了${r.conflicts.join("、")}）` : ""}`,
      );
    });

  const validate = () =>
    run("检查台账", async () => {
      const c = await checkSheets(await excel.readLedger(), year);
      setCheck(c);
      setNotice(
        `检查完成${c.year ? `（${c.year}年${year ? "" : "，按日期推定"}）` : ""}：错误${c.counts.error}处，警告${c.counts.warning}处，提示${c.counts.info}处。`,
      );
    });

  const current = async () => check ?? (await checkSheets(await excel.readLedger(), year));

  const summary = () =>
    run("生成汇总表", async () => {
      const c = await current();
      setCheck(c);
      await excel.writeSummary(summaryRows(c));
      setNotice("已生成“汇总”工作表（只写此表，台账各表未改动）。");
    });

  const exportData = () =>
    run("导出统计数据", async () => {
      const c = await current();
      setCheck(c);
      services.download(
        `台账数据${c.year ? `-${c.year}` : ""}.json`,
        JSON.stringify(exportLedger(c), null, 1),
      );
      setNotice("已导出统计数据（.json），可在 Word 加载项“填入台账”中打开。");
    });

  const select = (issue: LedgerIssue) => {
    const cell = firstCell(issue);
    if (issue.sheet && cell) void run("选中单元格", () => excel.selectCell(issue.sheet!, cell));
  };

  return h(
    "div",
    null,
    h(YearField, {
      label: "台账年度",
      text: yearText,
      onChange: changeYear,
      error: yearInput.error,
      hint: "留空则按台账中的日期推定；保存在本工作簿中",
    }),
    h(
      "div",
      { className: s.bar },
      h(Button, { onClick: () => createTemplate(false), disabled: busy }, "建立台账"),
      h(
        Button,
        { appearance: "primary", onClick: validate, disabled: busy },
        check ? "重新检查" : "检查台账",
      ),
      h(Button, { onClick: summary, disabled: busy }, "生成汇总表"),
      h(Button, { onClick: exportData, disabled: busy }, "导出统计数据"),
    ),
    conflicts
      ? h(
          MessageBar,
          { intent: "warning", role: "alert" },
          h(
            MessageBarBody,
            null,
            `工作簿中已有同名工作表：${conflicts.join("、")}。替换会删除这些工作表中的全部内容。`,
          ),
          h(
            MessageBarActions,
            null,
            h(Button, { size: "small", onClick: () => createTemplate(true) }, "替换"),
            h(Button, { size: "small", onClick: () => setConflicts(null) }, "取消"),
          ),
        )
      : null,
    h(ErrorBar, { error }),
    h(NoticeBar, { notice }),
    check
      ? groupBySheet(check.issues).map((g) =>
          h(
            "section",
            { key: g.sheet || "(workbook)", className: s.group, "aria-label": g.sheet || "工作簿" },
            h(Subtitle2, null, `${g.sheet || "工作簿"}（${g.issues.length}）`),
            g.issues.map((i, n) =>
              h(
                "button",
                {
                  key: n,
                  type: "button",
                  className: s.item,
                  onClick: () => select(i),
                  "data-cell": i.cell ?? "",
                },
                h(Badge, { appearance: "tint", color: SEVERITY[i.severity][1] }, SEVERITY[i.severity][0]),
                " ",
                h(Text, null, formatIssue(i)),
              ),
            ),
          ),
        )
      : null,
  );
}
