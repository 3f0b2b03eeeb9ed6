import { type DragEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { SlotContent } from "../../../core/src/phrasing/slots.ts";
import { EditorReport } from "../sidepanel.tsx";
import type {
  DraftKind,
  DraftReport,
  FileBytes,
  LedgerReport,
  LintKindChoice,
  OutputFile,
  WorkRequest,
  WorkResponse,
} from "../workbench/protocol.ts";
import "../sidepanel.css";
import "./workbench.css";

/**
 * The file workbench: drafts (.docx/.txt/.md) and ledgers (.xlsx) from disk, checked and written by core's file
 * code in a worker, offline. What `renda lint`, `renda ledger check`, `renda draft` and `renda fill` do on the
 * command line, for offices that have only a browser and WPS.
 */

const LEDGER_FILE = /\.(xlsx|xlsm|xls)$/i;

interface Job {
  text: string;
  step: number;
  steps: number;
  started: number;
}

type Done =
  | { type: "draft"; report: DraftReport }
  | { type: "ledger"; report: LedgerReport }
  | { type: "output"; output: OutputFile };

/** One worker for the page, started on first use; a cancelled job ends it and the next job starts a new one. */
class WorkerClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Set<(e: WorkError) => void>();

  run(req: WorkRequest, onProgress: (p: Omit<Job, "started">) => void): Promise<Done> {
    const worker = this.ensure();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.add(reject);
      const listen = (e: MessageEvent<WorkResponse>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === "progress") return onProgress({ text: m.text, step: m.step, steps: m.steps });
        worker.removeEventListener("message", listen);
        this.pending.delete(reject);
        if (m.type === "error") reject(new WorkError(m.message, m.ledger));
        else resolve(m);
      };
      worker.addEventListener("message", listen);
      worker.onerror = (e) => {
        e.preventDefault();
        this.stop(`处理文件时出错（${e.message || "工作线程意外停止"}）。请确认文件未损坏。`);
      };
      const transfer = filesOf(req).map((f) => f.bytes.buffer as ArrayBuffer);
      worker.postMessage({ ...req, id }, transfer);
    });
  }

  /** Ends the worker and whatever it was doing (the user cancelled, or it crashed). */
  stop(reason = "已取消。"): void {
    this.worker?.terminate();
    this.worker = null;
    for (const reject of this.pending) reject(new WorkError(reason, null));
    this.pending.clear();
  }

  private ensure(): Worker {
    // Parcel bundles the worker from this reference; the file is core's io built by scripts/bundle-core.mjs.
    this.worker ??= new Worker(new URL("../../vendor/workbench-worker.generated.js", import.meta.url), {
      type: "module",
    });
    return this.worker;
  }
}

class WorkError extends Error {
  constructor(
    message: string,
    readonly ledger: LedgerReport | null,
  ) {
    super(message);
  }
}

function filesOf(req: WorkRequest): FileBytes[] {
  switch (req.op) {
    case "check-draft":
    case "review-copy":
    case "check-ledger":
      return [req.file];
    case "make-draft":
      return req.ledger ? [req.ledger] : [];
    case "fill-draft":
      return [req.draft, req.ledger];
  }
}

async function bytesOf(file: File): Promise<FileBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(output: OutputFile): void {
  const url = URL.createObjectURL(
    new Blob([output.bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = output.name;
  a.click();
  // The download has taken its copy once click() returns control; a minute is ample either way.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function parseYear(text: string): number | null {
  const y = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && y >= 1980 && y <= 2100 ? y : null;
}

function Workbench() {
  const client = useRef(new WorkerClient());
  const [job, setJob] = useState<Job | null>(null);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<{ message: string; ledger: LedgerReport | null } | null>(null);
  const [draft, setDraft] = useState<{
    file: File;
    report: DraftReport;
    kind: LintKindChoice;
    year: number | null;
  } | null>(null);
  const [ledger, setLedger] = useState<{ file: File; report: LedgerReport } | null>(null);
  const [made, setMade] = useState<OutputFile | null>(null);
  const [lintKind, setLintKind] = useState<LintKindChoice>("auto");
  const [lintYear, setLintYear] = useState("");
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (!job) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [job]);
  useEffect(() => () => client.current.stop(), []);

  async function run(req: () => Promise<WorkRequest>, first: string): Promise<Done | null> {
    setError(null);
    const started = Date.now();
    setJob({ text: first, step: 0, steps: 1, started });
    setNow(started);
    try {
      return await client.current.run(await req(), (p) => setJob({ ...p, started }));
    } catch (e) {
      if (e instanceof WorkError) setError({ message: e.message, ledger: e.ledger });
      else
        setError({ message: `无法读取文件（${e instanceof Error ? e.message : String(e)}）`, ledger: null });
      return null;
    } finally {
      setJob(null);
    }
  }

  async function open(file: File) {
    if (LEDGER_FILE.test(file.name)) {
      const year = parseYear(lintYear);
      const done = await run(
        async () => ({ op: "check-ledger", file: await bytesOf(file), year }),
        `正在读取“${file.name}”`,
      );
      if (done?.type === "ledger") setLedger({ file, report: done.report });
    } else {
      // The review copy is made with the kind and year this check used, whatever the choosers say later.
      const kind = lintKind;
      const year = parseYear(lintYear);
      const done = await run(
        async () => ({ op: "check-draft", file: await bytesOf(file), kind, year }),
        `正在读取“${file.name}”`,
      );
      if (done?.type === "draft") setDraft({ file, report: done.report, kind, year });
    }
  }

  async function openAll(files: FileList | null) {
    for (const f of Array.from(files ?? [])) await open(f);
  }

  async function produce(req: () => Promise<WorkRequest>, first: string) {
    setMade(null);
    const done = await run(req, first);
    if (done?.type === "output") {
      setMade(done.output);
      download(done.output);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openAll(e.dataTransfer.files);
  };

  return (
    <main
      className={`panel workbench${dragging ? " dragging" : ""}`}
      data-renda-workbench=""
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header>
        <h1>人大报告助手 · 文件工作台</h1>
        <span className="privacy">全部在本机处理，文件不离开本机，不需要联网</span>
      </header>

      <section className="open">
        <label className="drop" data-wb-drop="">
          <input
            type="file"
            className="visually-hidden"
            data-wb-open=""
            accept=".docx,.txt,.md,.markdown,.xlsx,.xlsm,.xls"
            multiple
            disabled={job !== null}
            onChange={(e) => {
              const files = e.target.files;
              void openAll(files).then(() => {
                e.target.value = "";
              });
            }}
          />
          <span className="pick">打开文件…</span>
          把文稿（.docx、.txt、.md）或台账（.xlsx）拖到此页，或点击此处选择；可一次选多个
        </label>
        <div className="options">
          <label>
            文稿类型
            <select
              data-wb-lint-kind=""
              value={lintKind}
              onChange={(e) => setLintKind(e.target.value as LintKindChoice)}
            >
              <option value="auto">自动识别</option>
              <option value="work-report">工作报告</option>
              <option value="work-plan">工作要点</option>
              <option value="gov-report">政府工作报告</option>
              <option value="other">其他</option>
            </select>
          </label>
          <label>
            年份
            <input
              data-wb-lint-year=""
              placeholder="自动识别"
              inputMode="numeric"
              size={8}
              value={lintYear}
              onChange={(e) => setLintYear(e.target.value)}
            />
          </label>
        </div>
      </section>

      {job && <Progress job={job} now={now} onCancel={() => client.current.stop()} />}
      {error && (
        <div className="notice error-box" role="alert" data-wb-error="">
          {error.message.split("\n").map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed message
            <p key={i}>{line}</p>
          ))}
          {error.ledger && error.ledger.issues.length > 0 && <IssueList report={error.ledger} />}
        </div>
      )}

      <div className="columns">
        {draft && (
          <section className="card" data-wb-draft-result={draft.report.file}>
            <h2 className="card-title">文稿检查：{draft.report.file}</h2>
            <div className="review-copy">
              <button
                type="button"
                className="primary"
                data-wb-review=""
                disabled={job !== null}
                onClick={() =>
                  void produce(
                    async () => ({
                      op: "review-copy",
                      file: await bytesOf(draft.file),
                      kind: draft.kind,
                      year: draft.year,
                    }),
                    "正在生成审校稿",
                  )
                }
              >
                下载审校稿（.docx，带批注和修订）
              </button>
              <span className="hint">
                每个问题是一条批注，安全修正是修订；在 WPS 或 Word 中打开，“审阅”中逐条查看、接受或拒绝。
              </span>
            </div>
            {draft.report.notice && <p className="notice">{draft.report.notice}</p>}
            <EditorReport
              editor={{
                id: "file",
                adapter: "textarea",
                adapterName: `${draft.report.file}（${draft.report.textLength} 字）`,
                textLength: draft.report.textLength,
                onDemand: false,
                stale: false,
                result: draft.report.view,
              }}
            />
          </section>
        )}
        {ledger && <LedgerCard report={ledger.report} />}
      </div>

      <DraftAndFill
        ledger={ledger?.file ?? null}
        draft={draft && /\.docx$/i.test(draft.file.name) ? draft.file : null}
        busy={job !== null}
        produce={produce}
      />
      {made && (
        <div className="notice made" data-wb-made={made.name}>
          <p>
            已下载“{made.name}”：{made.summary}
          </p>
          {made.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
    </main>
  );
}

function Progress({ job, now, onCancel }: { job: Job; now: number; onCancel: () => void }) {
  const seconds = Math.max(0, Math.floor((now - job.started) / 1000));
  return (
    <output className="progress" data-wb-progress={`${job.step}/${job.steps}`}>
      <span>
        {job.text}…{job.steps > 1 && `（第 ${job.step} 步，共 ${job.steps} 步）`}
        {seconds > 0 && `已用 ${seconds} 秒`}
      </span>
      {/* Indeterminate within a step: core reads a ledger in one pass without reporting rows. */}
      <progress />
      <button type="button" onClick={onCancel}>
        取消
      </button>
    </output>
  );
}

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

function IssueList({ report }: { report: LedgerReport }) {
  return (
    <ul className="issues" data-wb-issues="">
      {report.issues.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues of one check, never reordered
        <li key={n} className={`finding ${i.severity}`} data-wb-issue={i.severity}>
          <span className="sev">{SEVERITY[i.severity]}</span>
          <span className="issue-text">{i.text}</span>
        </li>
      ))}
    </ul>
  );
}

function LedgerCard({ report }: { report: LedgerReport }) {
  const { error, warning, info } = report.counts;
  return (
    <section className="card" data-wb-ledger-result={report.file}>
      <h2 className="card-title">台账检查：{report.file}</h2>
      <dl className="facts">
        <dt>年度</dt>
        <dd data-wb-ledger-year={report.year ?? ""}>
          {report.year === null
            ? "未确定"
            : `${report.year}年（${report.yearSource === "inferred" ? "按台账中的日期推定" : "按所填年份"}）`}
        </dd>
        <dt>已读取</dt>
        <dd>{report.rows.map((r) => `${r.sheet}${r.rows}行`).join("、")}</dd>
      </dl>
      <h3 data-wb-counts={`${error},${warning},${info}`}>
        {error + warning + info === 0
          ? "台账检查通过，未发现问题。"
          : `逐格检查：错误 ${error} 处，警告 ${warning} 处，提示 ${info} 处${error > 0 ? "（请修改错误后再生成报告数据）" : ""}`}
      </h3>
      {report.issues.length > 0 && <IssueList report={report} />}
      {report.figures.length > 0 && (
        <>
          <h3>统计数字</h3>
          <table className="figures" data-wb-figures="">
            <tbody>
              {report.figures.map((f) => (
                <tr key={f.label}>
                  <th>{f.label}</th>
                  <td>{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {Object.keys(report.slots).length > 0 && (
        <>
          <h3>由台账生成的段落和表格（工作报告）</h3>
          {Object.entries(report.slots).map(([name, content]) => (
            <Slot key={name} name={name} content={content} />
          ))}
        </>
      )}
    </section>
  );
}

function Slot({ name, content }: { name: string; content: SlotContent }): ReactNode {
  return (
    <div className="slot" data-wb-slot={name}>
      <span className="slot-name">renda:{name}</span>
      {content.kind === "paragraphs" ? (
        content.paragraphs.map((p) => <p key={p}>{p}</p>)
      ) : (
        // Tables can run to dozens of rows (one per 承办单位): folded, so the page stays readable.
        <details>
          <summary className="caption">
            {content.caption ?? "表格"}（{content.rows.length} 行）
          </summary>
          <table className="slot-table">
            <thead>
              <tr>
                {content.header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {content.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of one generated table
                <tr key={i}>
                  {row.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells of one row
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {content.note && <p className="note">{content.note}</p>}
        </details>
      )}
    </div>
  );
}

type Produce = (req: () => Promise<WorkRequest>, first: string) => Promise<void>;

/** renda draft --ledger and renda fill --ledger: the ledger and draft default to the files opened above. */
function DraftAndFill({
  ledger,
  draft,
  busy,
  produce,
}: {
  ledger: File | null;
  draft: File | null;
  busy: boolean;
  produce: Produce;
}) {
  const [ledgerPick, setLedgerPick] = useState<File | null>(null);
  const [draftPick, setDraftPick] = useState<File | null>(null);
  const [kind, setKind] = useState<DraftKind>("work-report");
  const [yearText, setYearText] = useState(String(new Date().getFullYear() - 1));
  const [organ, setOrgan] = useState("");
  const [allowErrors, setAllowErrors] = useState(false);
  const useLedger = ledgerPick ?? ledger;
  const useDraft = draftPick ?? draft;
  const year = parseYear(yearText);

  return (
    <section className="card make" data-wb-make="">
      <h2 className="card-title">起草与填写</h2>
      <div className="options">
        <label>
          台账
          <input
            type="file"
            className="visually-hidden"
            accept=".xlsx,.xlsm,.xls"
            data-wb-make-ledger=""
            onChange={(e) => setLedgerPick(e.target.files?.[0] ?? null)}
          />
          <span className="pick">选择台账…</span>
          <span className="chosen">{useLedger ? useLedger.name : "未选择（框架中的统计段落留空）"}</span>
        </label>
        <label>
          <input
            type="checkbox"
            data-wb-allow-errors=""
            checked={allowErrors}
            onChange={(e) => setAllowErrors(e.target.checked)}
          />
          台账有错误时仍然生成（含错误的行不计入统计）
        </label>
      </div>
      <h3>生成 GB/T 9704 版式的文稿框架</h3>
      <div className="options">
        <label>
          文稿类型
          <select data-wb-make-kind="" value={kind} onChange={(e) => setKind(e.target.value as DraftKind)}>
            <option value="work-report">工作报告（年份为回顾之年）</option>
            <option value="work-plan">工作要点（年份为计划之年）</option>
          </select>
        </label>
        <label>
          年份
          <input
            data-wb-make-year=""
            inputMode="numeric"
            size={6}
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
          />
        </label>
        <label>
          常委会全称
          <input
            data-wb-make-organ=""
            placeholder="如 青山县人民代表大会常务委员会（可不填）"
            size={30}
            value={organ}
            onChange={(e) => setOrgan(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          data-wb-make-draft=""
          disabled={busy || year === null}
          title={year === null ? "请填写四位年份，如 2025" : undefined}
          onClick={() =>
            void produce(
              async () => ({
                op: "make-draft",
                ledger: useLedger ? await bytesOf(useLedger) : null,
                kind,
                year: year!,
                organ,
                allowLedgerErrors: allowErrors,
              }),
              "正在生成文稿框架",
            )
          }
        >
          生成并下载 .docx
        </button>
      </div>
      <h3>从台账填写已有文稿的 renda:* 插槽</h3>
      <div className="options">
        <label>
          文稿
          <input
            type="file"
            className="visually-hidden"
            accept=".docx"
            data-wb-fill-draft=""
            onChange={(e) => setDraftPick(e.target.files?.[0] ?? null)}
          />
          <span className="pick">选择文稿…</span>
          <span className="chosen">{useDraft ? useDraft.name : "未选择"}</span>
        </label>
        <button
          type="button"
          className="primary"
          data-wb-fill=""
          disabled={busy || !useDraft || !useLedger}
          title={!useDraft || !useLedger ? "请先选择文稿（.docx）和台账" : undefined}
          onClick={() =>
            void produce(
              async () => ({
                op: "fill-draft",
                draft: await bytesOf(useDraft!),
                ledger: await bytesOf(useLedger!),
                allowLedgerErrors: allowErrors,
              }),
              "正在填写文稿",
            )
          }
        >
          填写并下载 .docx
        </button>
      </div>
      <p className="hint">
        只替换文稿中 renda:插槽 内容控件里的内容，其余文字和格式不动；原文件不变，结果另存为新文件。
      </p>
    </section>
  );
}

export default Workbench;
