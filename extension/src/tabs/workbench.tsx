import { type DragEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { SlotContent } from "../../../core/src/phrasing/slots.ts";
import { EditorReport } from "../sidepanel.tsx";
import type {
  CompareView,
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
 * code in a worker, offline. What `renda lint`, `renda ledger check`, `renda draft`, `renda fill` and
 * `renda compare` do on the command line, for offices that have only a browser and WPS.
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
  | { type: "output"; output: OutputFile }
  | { type: "compare"; view: CompareView };

/** Where a job's error or download notice is shown: at the top, or in the card whose button started it. */
type Place = "top" | "compare";

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
    case "compare":
    case "compare-table":
      return [req.plan, req.report];
  }
}

async function bytesOf(file: File): Promise<FileBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

const MIME_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function download(output: OutputFile): void {
  const ext = /\.(\w+)$/.exec(output.name)?.[1]?.toLowerCase() ?? "";
  const url = URL.createObjectURL(
    new Blob([output.bytes as BlobPart], { type: MIME_TYPES[ext] ?? "application/octet-stream" }),
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
  const [error, setError] = useState<ShownError | null>(null);
  const [draft, setDraft] = useState<{
    file: File;
    report: DraftReport;
    kind: LintKindChoice;
    year: number | null;
  } | null>(null);
  const [ledger, setLedger] = useState<{ file: File; report: LedgerReport } | null>(null);
  const [made, setMade] = useState<{ output: OutputFile; at: Place } | null>(null);
  const [lintKind, setLintKind] = useState<LintKindChoice>("auto");
  const [lintYear, setLintYear] = useState("");
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (!job) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [job]);
  useEffect(() => () => client.current.stop(), []);

  async function run(
    req: () => Promise<WorkRequest>,
    first: string,
    at: Place = "top",
  ): Promise<Done | null> {
    setError(null);
    // A download notice belongs to the result it came from: a new job in the same card replaces both.
    setMade((m) => (m?.at === at ? null : m));
    const started = Date.now();
    setJob({ text: first, step: 0, steps: 1, started });
    setNow(started);
    try {
      return await client.current.run(await req(), (p) => setJob({ ...p, started }));
    } catch (e) {
      if (e instanceof WorkError) setError({ message: e.message, ledger: e.ledger, at });
      else
        setError({
          message: `无法读取文件（${e instanceof Error ? e.message : String(e)}）`,
          ledger: null,
          at,
        });
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

  async function produce(req: () => Promise<WorkRequest>, first: string, at: Place = "top") {
    setMade(null);
    const done = await run(req, first, at);
    if (done?.type === "output") {
      setMade({ output: done.output, at });
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
      {error?.at === "top" && <ErrorBox error={error} />}

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
      {made?.at === "top" && <MadeNotice output={made.output} />}
      <CompareCard busy={job !== null} run={run} produce={produce}>
        {error?.at === "compare" && <ErrorBox error={error} />}
        {made?.at === "compare" && <MadeNotice output={made.output} />}
      </CompareCard>
    </main>
  );
}

interface ShownError {
  message: string;
  ledger: LedgerReport | null;
  at: Place;
}

function ErrorBox({ error }: { error: ShownError }) {
  return (
    <div className="notice error-box" role="alert" data-wb-error="">
      {error.message.split("\n").map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed message
        <p key={i}>{line}</p>
      ))}
      {error.ledger && error.ledger.issues.length > 0 && <IssueList report={error.ledger} />}
    </div>
  );
}

function MadeNotice({ output }: { output: OutputFile }) {
  return (
    <div className="notice made" data-wb-made={output.name}>
      <p>
        已下载“{output.name}”：{output.summary}
      </p>
      {output.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
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

type Run = (req: () => Promise<WorkRequest>, first: string, at?: Place) => Promise<Done | null>;
type Produce = (req: () => Promise<WorkRequest>, first: string, at?: Place) => Promise<void>;

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

const DOCUMENT_ACCEPT = ".docx,.txt,.md,.markdown";

/**
 * `renda compare 工作要点 工作报告`: two files in, each plan item graded with the report's sentences that account
 * for it, the report's unplanned work, and the 落实情况对照表 (.xlsx) to download. The table is written from the
 * files this result came from, whatever is picked afterwards, so what is shown and what is saved agree.
 */
function CompareCard({
  busy,
  run,
  produce,
  children,
}: {
  busy: boolean;
  run: Run;
  produce: Produce;
  children: ReactNode;
}) {
  const [plan, setPlan] = useState<File | null>(null);
  const [report, setReport] = useState<File | null>(null);
  const [shown, setShown] = useState<{ view: CompareView; plan: File; report: File } | null>(null);
  const pair = async (p: File, r: File) => ({ plan: await bytesOf(p), report: await bytesOf(r) });

  async function compare(p: File, r: File) {
    setShown(null);
    const done = await run(
      async () => ({ op: "compare", ...(await pair(p, r)) }),
      "正在对照工作要点",
      "compare",
    );
    if (done?.type === "compare") setShown({ view: done.view, plan: p, report: r });
  }

  return (
    <section className="card make compare" data-wb-compare-card="">
      <h2 className="card-title">对照工作要点</h2>
      <p className="hint">
        工作要点中的每一项，工作报告是否写到了（已体现、部分体现、未见），依据是报告中的哪一句；报告中有、要点中未列的工作另列。与命令行
        renda compare 的结果相同。也可以把上一年的工作报告放在“工作要点”处（取其任务部分）。
      </p>
      <div className="options">
        <label>
          工作要点
          <input
            type="file"
            className="visually-hidden"
            accept={DOCUMENT_ACCEPT}
            data-wb-compare-plan=""
            onChange={(e) => setPlan(e.target.files?.[0] ?? null)}
          />
          <span className="pick">选择工作要点…</span>
          <span className="chosen">{plan ? plan.name : "未选择（.docx、.txt、.md）"}</span>
        </label>
        <label>
          工作报告
          <input
            type="file"
            className="visually-hidden"
            accept={DOCUMENT_ACCEPT}
            data-wb-compare-report=""
            onChange={(e) => setReport(e.target.files?.[0] ?? null)}
          />
          <span className="pick">选择工作报告…</span>
          <span className="chosen">{report ? report.name : "未选择（.docx、.txt、.md）"}</span>
        </label>
        <button
          type="button"
          className="primary"
          data-wb-compare=""
          disabled={busy || !plan || !report}
          title={!plan || !report ? "请先选择工作要点和工作报告" : undefined}
          onClick={() => void compare(plan!, report!)}
        >
          对照
        </button>
      </div>
      {children}
      {shown && (
        <CompareResultView
          view={shown.view}
          busy={busy}
          onDownload={() =>
            void produce(
              async () => ({ op: "compare-table", ...(await pair(shown.plan, shown.report)) }),
              "正在生成落实情况对照表",
              "compare",
            )
          }
        />
      )}
    </section>
  );
}

function CompareResultView({
  view,
  busy,
  onDownload,
}: {
  view: CompareView;
  busy: boolean;
  onDownload: () => void;
}) {
  const { covered, partial, missing } = view.counts;
  const names = view.gradeNames;
  const side = (label: string, s: CompareView["plan"]) =>
    `${label}：${s.file}（${s.kind}${s.year ? `，${s.year}年` : "，年份未识别"}）`;
  let section: string | null | undefined;
  const rows: ReactNode[] = [];
  for (const item of view.items) {
    if (item.section !== section) {
      section = item.section;
      rows.push(
        <tr key={`section-${item.id}`} className="compare-section">
          <th colSpan={4}>{section ?? "（未分章）"}</th>
        </tr>,
      );
    }
    rows.push(
      <tr key={item.id} data-wb-compare-item={item.id} data-grade={item.grade}>
        <td className="num">{item.id}</td>
        <td className="item-text">{item.text}</td>
        <td>
          <span className={`grade ${item.grade}`}>{item.gradeName}</span>
        </td>
        <td>
          {item.evidence.length === 0 ? (
            <span className="hint">报告中找不到相应的表述，请核对</span>
          ) : (
            <ul className="evidence">
              {item.evidence.map((e) => (
                <li key={`${e.place}${e.text}`} data-wb-evidence="">
                  <span className="place">{e.place}</span>
                  <span className="evidence-text">{e.text}</span>
                </li>
              ))}
            </ul>
          )}
        </td>
      </tr>,
    );
  }
  return (
    <div data-wb-compare-result="">
      <p className="compare-sides">
        {side("工作要点", view.plan)}；{side("工作报告", view.report)}
      </p>
      {[view.plan, view.report].map(
        (s) =>
          s.notice && (
            <p key={s.file} className="notice">
              {s.file}：{s.notice}
            </p>
          ),
      )}
      <div className="review-copy">
        <h3 data-wb-compare-counts={`${covered},${partial},${missing}`}>
          共 {view.items.length} 项：{names.covered} {covered} 项，{names.partial} {partial} 项，
          {names.missing} {missing} 项
        </h3>
        <button
          type="button"
          className="primary"
          data-wb-compare-download=""
          disabled={busy}
          onClick={onDownload}
        >
          下载对照表（.xlsx）
        </button>
        <span className="hint">
          “落实情况对照表”和“计划外工作”两张表，“备注”列供填写；与 renda compare -o 的文件相同。
        </span>
      </div>
      <table className="compare-table" data-wb-compare-table="">
        <thead>
          <tr>
            <th>序号</th>
            <th>计划事项</th>
            <th>落实情况</th>
            <th>佐证（报告中的依据及其位置）</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      <h3>报告中有、工作要点未列的工作（{view.unplanned.length} 段）</h3>
      {view.unplanned.length === 0 ? (
        <p className="hint">没有。</p>
      ) : (
        <ol className="unplanned" data-wb-unplanned="">
          {view.unplanned.map((u) => (
            <li key={`${u.place}${u.text}`} data-wb-unplanned-item="">
              <span className="place">{u.place}</span>
              <span className="evidence-text">{u.text}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="hint">“未见”只说明报告中找不到相应的表述，请核对原文。</p>
    </div>
  );
}

export default Workbench;
