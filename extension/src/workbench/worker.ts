/**
 * The file workbench's worker: core's file code (.docx read/write, .xlsx ledger, lint) run off the page's
 * thread, so a 100,000-row ledger or a 100-page draft never freezes the page. Built with esbuild by
 * scripts/bundle-core.mjs (core's JSON imports need it), never imported by the content script.
 *
 * Every path mirrors a command: check-draft is `renda lint`, check-ledger is `renda ledger check` (and
 * `ledger slots`), make-draft is `renda draft --ledger`, fill-draft is `renda fill --ledger`. Unusable input
 * comes back as the command's own Chinese message, never as a stack trace.
 */
import { loadDocument } from "../../../core/src/cli/load.ts";
import { renderDraft } from "../../../core/src/io/docx-draft.ts";
import { fillDocx } from "../../../core/src/io/docx-fill.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { InputError, isInputError } from "../../../core/src/io/errors.ts";
import { LEDGER_MAX_BYTES, tooBig } from "../../../core/src/io/read-limits.ts";
import { reviewCopy } from "../../../core/src/io/review.ts";
import { formatPercent } from "../../../core/src/ledger/format.ts";
import type { LedgerCheckResult } from "../../../core/src/ledger/index.ts";
import { formatIssue } from "../../../core/src/ledger/issues.ts";
import type { LedgerMetrics } from "../../../core/src/ledger/metrics.ts";
import { resolvedLabel } from "../../../core/src/ledger/metrics.ts";
import { renderHuman } from "../../../core/src/ledger/report.ts";
import { LEDGER_TABLES } from "../../../core/src/ledger/schema.ts";
import { lint } from "../../../core/src/lint.ts";
import { ledgerSlots } from "../../../core/src/phrasing/ledger-slots.ts";
import type { SlotMap } from "../../../core/src/phrasing/slots.ts";
import { ledgerFacts } from "../../../core/src/rules/ledger/figure-mismatch.ts";
import type { DocumentKindId } from "../../../core/src/schema/kinds.ts";
import { resultView } from "../lib/report.ts";
import { compareFiles, compareTable, compareView } from "./compare.ts";
import type {
  DraftReport,
  FileBytes,
  LedgerFigure,
  LedgerReport,
  OutputFile,
  WorkMessage,
  WorkResponse,
} from "./protocol.ts";

/** The worker's global scope, typed by hand: the extension compiles against the DOM library, not WebWorker. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkMessage>) => void) | null;
  postMessage(message: WorkResponse, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (e) => {
  void handle(e.data);
};

async function handle(msg: WorkMessage): Promise<void> {
  const progress = (step: number, steps: number, text: string) =>
    scope.postMessage({ id: msg.id, type: "progress", step, steps, text });
  try {
    switch (msg.op) {
      case "check-draft": {
        progress(1, 2, `正在读取“${msg.file.name}”`);
        const report = checkDraft(msg.file, msg.kind, msg.year, progress);
        return scope.postMessage({ id: msg.id, type: "draft", report });
      }
      case "review-copy": {
        progress(1, 2, `正在检查“${msg.file.name}”`);
        const { loaded, result } = lintFile(msg.file, msg.kind, msg.year);
        progress(2, 2, "正在写入批注和修订");
        const input = loaded.format === "docx" ? { docx: msg.file.bytes } : { text: loaded.text };
        const copy = reviewCopy(input, result, { file: msg.file.name });
        const left = copy.skipped.length
          ? `；另有 ${copy.skipped.length} 处安全修正未标为修订（${[...new Set(copy.skipped.map((s) => s.reason))].join("、")}），见批注`
          : "";
        const output: OutputFile = {
          name: reviewName(msg.file.name),
          bytes: copy.bytes,
          summary:
            copy.comments === 0
              ? "没有发现问题（审校稿中无批注）"
              : `批注 ${copy.comments} 条，修订 ${copy.revisions.length} 处${left}。在 WPS/Word 中打开，“审阅”选项卡中逐条查看批注、接受或拒绝修订`,
          notes: [],
          ledger: null,
        };
        return scope.postMessage({ id: msg.id, type: "output", output }, [copy.bytes.buffer as ArrayBuffer]);
      }
      case "check-ledger": {
        progress(1, 2, `正在逐格检查台账“${msg.file.name}”`);
        const report = await checkLedgerFile(msg.file, msg.year);
        return scope.postMessage({ id: msg.id, type: "ledger", report });
      }
      case "make-draft": {
        let slots: SlotMap = {};
        let ledger: LedgerReport | null = null;
        const notes: string[] = [];
        if (msg.ledger) {
          progress(1, 2, `正在检查台账“${msg.ledger.name}”`);
          ({ slots, ledger } = await usableLedger(
            msg.ledger,
            msg.kind,
            msg.year,
            msg.allowLedgerErrors,
            notes,
          ));
        }
        progress(2, 2, "正在按 GB/T 9704 版式生成文稿");
        const bytes = await renderDraft({
          kind: msg.kind,
          year: msg.year,
          slots,
          body: msg.organ.trim() ? { organ: msg.organ.trim() } : {},
        });
        const kindName = msg.kind === "work-report" ? "工作报告" : "工作要点";
        const output: OutputFile = {
          name: `${msg.year}年${kindName}草稿.docx`,
          bytes,
          summary: `已生成${kindName}框架（${msg.year}年，${Object.keys(slots).length} 个自动填写插槽）`,
          notes,
          ledger,
        };
        return scope.postMessage({ id: msg.id, type: "output", output }, [bytes.buffer as ArrayBuffer]);
      }
      case "fill-draft": {
        progress(1, 3, `正在读取“${msg.draft.name}”`);
        // The slots a ledger yields depend on the kind: read it off the document being filled, as renda fill does.
        const kind = lint({ blocks: readDocx(msg.draft.bytes, msg.draft.name).blocks }, { rules: [] }).kind;
        progress(2, 3, `正在检查台账“${msg.ledger.name}”`);
        const notes: string[] = [];
        const { slots, ledger } = await usableLedger(
          msg.ledger,
          kind,
          undefined,
          msg.allowLedgerErrors,
          notes,
        );
        progress(3, 3, "正在填写插槽");
        const result = fillDocx(msg.draft.bytes, slots, msg.draft.name);
        if (result.unknown.length > 0)
          notes.push(
            `注意：文档中这些插槽没有数据，已原样保留：${result.unknown.map((s) => `renda:${s}`).join("、")}`,
          );
        if (result.absent.length > 0)
          notes.push(`注意：这些插槽有数据，但文档中没有对应的内容控件：${result.absent.join("、")}`);
        for (const s of result.skipped) notes.push(`注意：插槽 renda:${s.slot} 未填写：${s.reason}`);
        const output: OutputFile = {
          name: filledName(msg.draft.name),
          bytes: result.bytes,
          summary: `填写 ${result.filled.length} 处${result.filled.length ? `（${result.filled.join("、")}）` : ""}`,
          notes,
          ledger,
        };
        return scope.postMessage({ id: msg.id, type: "output", output }, [
          result.bytes.buffer as ArrayBuffer,
        ]);
      }
      case "compare": {
        progress(1, 2, `正在读取“${msg.plan.name}”和“${msg.report.name}”`);
        const compared = compareFiles(msg.plan, msg.report);
        progress(2, 2, "正在整理对照结果");
        return scope.postMessage({ id: msg.id, type: "compare", view: compareView(compared) });
      }
      case "compare-table": {
        progress(1, 2, `正在对照“${msg.plan.name}”和“${msg.report.name}”`);
        const compared = compareFiles(msg.plan, msg.report);
        progress(2, 2, "正在写入落实情况对照表");
        const bytes = await compareTable(compared);
        const output: OutputFile = {
          name: "对照表.xlsx",
          bytes,
          summary: `落实情况对照表（${compared.result.items.length} 项；计划外工作 ${compared.result.unplanned.length} 段），“备注”列供填写`,
          notes: [],
          ledger: null,
        };
        return scope.postMessage({ id: msg.id, type: "output", output }, [bytes.buffer as ArrayBuffer]);
      }
    }
  } catch (e) {
    const ledger = e instanceof LedgerBlocked ? e.report : null;
    scope.postMessage({ id: msg.id, type: "error", message: messageOf(e), ledger });
  }
}

/** `renda lint FILE [--kind] [--year]` without a config file: the file's text and its findings. */
function lintFile(file: FileBytes, kind: DraftKindChoice, year: number | null) {
  const loaded = loadDocument(file.bytes, file.name, readDocx);
  const result = lint(loaded.doc, { ...(kind === "auto" ? {} : { kind }), ...(year ? { year } : {}) });
  return { loaded, result };
}

function checkDraft(
  file: FileBytes,
  kind: DraftKindChoice,
  year: number | null,
  progress: (step: number, steps: number, text: string) => void,
): DraftReport {
  progress(2, 2, `正在检查“${file.name}”`);
  const { loaded, result } = lintFile(file, kind, year);
  return {
    file: file.name,
    textLength: loaded.doc.text.length,
    notice: loaded.notice ?? null,
    view: resultView(result),
  };
}

type DraftKindChoice = Extract<WorkMessage, { op: "check-draft" }>["kind"];

async function readLedger(file: FileBytes, kind: DocumentKindId, year: number | undefined) {
  if (file.bytes.length > LEDGER_MAX_BYTES) throw tooBig(file.name, file.bytes.length, LEDGER_MAX_BYTES);
  return ledgerSlots(file.bytes, {
    kind,
    fileName: file.name,
    // The command line's reader: inflates sheet by sheet and never builds exceljs's whole-workbook model, so
    // a 100,000-row ledger stays within the worker's memory.
    reader: "stream",
    ...(year ? { year } : {}),
  });
}

async function checkLedgerFile(file: FileBytes, year: number | null): Promise<LedgerReport> {
  // The sentences and tables of a 工作报告, whose review quotes the ledger (a 工作要点 only gets the meetings
  // table, which is among them).
  const { check, metrics, slots } = await readLedger(file, "work-report", year ?? undefined);
  return ledgerReport(check, metrics, slots);
}

/** Thrown when a ledger with errors would put wrong figures into the document and the user did not allow it. */
class LedgerBlocked extends InputError {
  constructor(
    message: string,
    readonly report: LedgerReport,
  ) {
    super(message);
  }
}

/** The ledger's slots for a document; an unreadable ledger or one with errors stops, as in renda draft/fill. */
async function usableLedger(
  file: FileBytes,
  kind: DocumentKindId,
  year: number | undefined,
  allowErrors: boolean,
  notes: string[],
): Promise<{ slots: SlotMap; ledger: LedgerReport | null }> {
  const { check, metrics, slots } = await readLedger(file, kind, year);
  const report = ledgerReport(check, metrics, slots);
  if (!check.usable) throw new LedgerBlocked(check.issues.map((i) => formatIssue(i)).join("\n"), report);
  if (check.counts.error > 0) {
    if (!allowErrors)
      throw new LedgerBlocked(
        `台账“${file.name}”有 ${check.counts.error} 个错误（见下），统计数字可能不对，未生成文件。请先修正台账；如确需继续，请勾选“台账有错误时仍然生成”。`,
        report,
      );
    notes.push(`注意：台账有 ${check.counts.error} 个错误，按所选继续，含错误的行未计入统计。`);
    return { slots, ledger: report };
  }
  return { slots, ledger: null };
}

function ledgerReport(check: LedgerCheckResult, metrics: LedgerMetrics | null, slots: SlotMap): LedgerReport {
  return {
    file: check.file,
    usable: check.usable,
    year: check.year,
    yearSource: check.yearSource,
    counts: check.counts,
    rows: LEDGER_TABLES.map((t) => ({ sheet: t.sheet, rows: check.rowCounts[t.table] })),
    issues: check.issues.map((i) => ({ severity: i.severity, text: formatIssue(i) })),
    human: renderHuman(check),
    figures: metrics ? figuresOf(metrics) : [],
    slots,
  };
}

/** The figures the cross-check holds a report to (`renda lint --ledger`), then the suggestion rates. */
function figuresOf(m: LedgerMetrics): LedgerFigure[] {
  const figures: LedgerFigure[] = ledgerFacts(m).map((f) => ({
    label: f.label,
    value: `${f.value}${f.unit}`,
  }));
  const s = m.suggestions;
  const pct = (n: number, d: number) => formatPercent(n, d, m.definitions.percentDecimals) ?? "—";
  figures.push(
    { label: "代表建议办结率", value: `${pct(s.answered, s.total)}（${s.answered}/${s.total}件）` },
    {
      label: `代表建议${resolvedLabel(m.definitions)}率`,
      value: `${pct(s.resolved, s.total)}（${s.resolved}/${s.total}件）`,
    },
    { label: "代表建议满意率", value: `${pct(s.satisfied, s.satisfactionDenominator)}` },
    { label: "代表活动", value: `${m.deputyActivities.personTimes}人次` },
    { label: "信访", value: `${m.petitions.count}件次（转办${m.petitions.referred}件次）` },
  );
  return figures;
}

/** 草稿.docx → 草稿.审校.docx, as `renda lint --review` names it; a .txt/.md draft's copy is a .docx too. */
function reviewName(name: string): string {
  return `${name.replace(/\.[^.]*$/, "")}.审校.docx`;
}

function filledName(name: string): string {
  const base = name.replace(/\.docx$/i, "");
  return `${base}.已填写.docx`;
}

function messageOf(e: unknown): string {
  if (isInputError(e)) return e.message;
  // Anything else is a defect, not the user's file; say what failed without a stack trace.
  const text = e instanceof Error ? e.message : String(e);
  return `处理文件时出错（${(text.split("\n")[0] ?? "").slice(0, 200) || "未知错误"}）。请确认文件未损坏；如仍有问题，请把文件交给维护人员。`;
}
