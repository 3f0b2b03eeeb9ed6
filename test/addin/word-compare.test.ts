// @vitest-environment jsdom
/// <reference lib="dom" />
/**
 * 对照工作要点 in the Word pane, on the office-addin-mock stand-in through the real Word adapter: the pane
 * shows what core's compareDocuments and `renda compare --format json` give for the same texts, clicking
 * evidence selects exactly that sentence and writes nothing, bad input is named, and the syncs are fixed.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fileNameOf, word } from "../../addin/src/office/word.ts";
import { App } from "../../addin/src/ui/App.ts";
import { h } from "../../addin/src/ui/h.ts";
import { loadDocument } from "../../core/src/cli/load.ts";
import { compareDocuments } from "../../core/src/compare/compare.ts";
import { renda } from "../helpers/cli.ts";
import { REPO_ROOT } from "../helpers/paths.ts";
import { fakeSettings, installDomGaps } from "./fakes.ts";
import { wordStandin } from "./standin/install.ts";
import { documentText, flatParagraphs, newWordModel, type WordModel } from "./standin/word.ts";

installDomGaps();
afterEach(cleanup);

const QINGXI_PLAN = "test/fixtures/compare/qingxi-plan-2025.txt";
const QINGXI_REPORT = "test/fixtures/compare/qingxi-report-2025.txt";
const QINGSHAN_PLAN = "test/fixtures/compare/qingshan-plan-2024.md";
const QINGSHAN_REPORT = "test/fixtures/compare/qingshan-report-2024.md";
/** The labels of `renda compare`'s table, which the pane must use too. */
const GRADE_LABEL = { covered: "已体现", partial: "部分体现", missing: "未见" } as const;

const bytesOf = (path: string) => readFileSync(resolve(REPO_ROOT, path));
const fileOf = (path: string, name = path.split("/").pop()!) => new File([bytesOf(path)], name);

/** The report file as a Word document: one paragraph per line of the text core compares (for .md, the
 * heading marks blanked as core blanks them, and the heading levels as Word heading styles). */
function reportModel(path: string): WordModel {
  const loaded = loadDocument(bytesOf(path), path, () => ({ blocks: [] }));
  const model = newWordModel(loaded.doc.blocks.map((b) => b.text));
  if (path.endsWith(".md")) {
    const text = readFileSync(resolve(REPO_ROOT, path), "utf8").split("\n");
    text.forEach((line, i) => {
      const level = /^(#{1,6})\s/.exec(line)?.[1]?.length;
      const b = model.blocks[i]!;
      if (level && "para" in b) b.para = { ...b.para, style: `Heading ${level}`, outlineLevel: level };
    });
  }
  return model;
}

const standin = wordStandin(() => reportModel(QINGXI_REPORT));

function renderPane() {
  render(
    h(App, {
      host: "word",
      word,
      settings: fakeSettings().port,
      services: { buildSlots: () => ({}), download: () => {} },
      features: [],
      defaultYear: 2025,
    }),
  );
  fireEvent.click(screen.getByRole("tab", { name: "对照工作要点" }));
}

async function openPlan(file: File) {
  fireEvent.change(screen.getByLabelText("选择工作要点文件"), { target: { files: [file] } });
}

/** The comparison's result on the page (the comparison itself takes a moment on a busy machine). */
const results = () => screen.findByRole("heading", { name: "对照结果" }, { timeout: 15_000 });

interface PaneItem {
  id: string;
  grade: string;
  label: string;
  evidence: { start: number; end: number; shown: string }[];
}

/** What the pane shows, read off the page. */
function paneItems(): PaneItem[] {
  return [...document.querySelectorAll<HTMLElement>("[data-item]")].map((el) => ({
    id: el.dataset.item!,
    grade: el.dataset.grade!,
    label: el.querySelector(".fui-Badge")!.textContent!,
    evidence: [...el.querySelectorAll<HTMLElement>("button[data-start]")].map((b) => ({
      start: Number(b.dataset.start),
      end: Number(b.dataset.end),
      shown: b.querySelector("[data-snippet]")!.textContent!,
    })),
  }));
}

interface CliEvidence {
  text: string;
  start: number;
  end: number;
  section: string | null;
  score: number;
}
interface CliItem {
  id: string;
  grade: keyof typeof GRADE_LABEL;
  evidence: CliEvidence[];
}

function cliJson(plan: string, report: string) {
  const r = renda(["compare", plan, report, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    items: CliItem[];
    unplanned: { text: string; start: number; end: number; section: string | null }[];
  };
}

describe.each([
  [QINGXI_PLAN, QINGXI_REPORT],
  [QINGSHAN_PLAN, QINGSHAN_REPORT],
])("surfaces agree: %s against %s", (plan, report) => {
  it("the pane shows the items, grades and evidence of compareDocuments and of renda compare --format json", async () => {
    standin.install(reportModel(report));
    const cli = cliJson(plan, report);
    const read = (p: string) => loadDocument(bytesOf(p), p, () => ({ blocks: [] })).doc;
    const core = compareDocuments(read(plan), read(report));
    expect(cli.items).toEqual(core.items);
    expect(cli.unplanned).toEqual(core.unplanned);

    renderPane();
    await openPlan(fileOf(plan));
    await results();
    const counts = (g: string) => cli.items.filter((i) => i.grade === g).length;
    expect(screen.getByRole("heading", { name: "对照结果" }).textContent).toBe(
      `共 ${cli.items.length} 项：已体现 ${counts("covered")} 项，部分体现 ${counts("partial")} 项，未见 ${counts("missing")} 项`,
    );

    const shown = paneItems();
    expect(shown.map((i) => i.id)).toEqual(cli.items.map((i) => i.id));
    expect(shown.map((i) => i.grade)).toEqual(cli.items.map((i) => i.grade));
    expect(shown.map((i) => i.label)).toEqual(cli.items.map((i) => GRADE_LABEL[i.grade]));
    expect(shown.map((i) => i.evidence.map(({ start, end }) => ({ start, end })))).toEqual(
      cli.items.map((i) => i.evidence.map(({ start, end }) => ({ start, end }))),
    );
    // The document's text at each evidence offset is the evidence the command line prints.
    const docText = documentText(standin.current().model);
    cli.items.forEach((item, i) => {
      item.evidence.forEach((e, j) => {
        expect(docText.slice(e.start, e.end)).toBe(e.text);
        expect(e.text.startsWith(shown[i]!.evidence[j]!.shown.replace(/…$/, ""))).toBe(true);
      });
    });
    expect(cli.items.some((i) => i.evidence.length > 0)).toBe(true);
    expect(new Set(cli.items.map((i) => i.grade)).size).toBeGreaterThan(1);

    const unplanned = screen.getByRole("region", { name: "计划外工作" });
    expect(
      [...unplanned.querySelectorAll<HTMLElement>("button[data-start]")].map((b) => ({
        start: Number(b.dataset.start),
        end: Number(b.dataset.end),
      })),
    ).toEqual(cli.unplanned.map(({ start, end }) => ({ start, end })));
    for (const u of cli.unplanned) expect(docText.slice(u.start, u.end)).toBe(u.text);
  }, 60_000);
});

describe("对照工作要点: clicking evidence", () => {
  it("selects exactly the evidence sentence in the document, for every evidence listed, and writes nothing", async () => {
    const before = documentText(standin.current().model);
    const core = compareDocuments(
      loadDocument(bytesOf(QINGXI_PLAN), QINGXI_PLAN, () => ({ blocks: [] })).doc,
      before,
    );
    renderPane();
    await openPlan(fileOf(QINGXI_PLAN));
    await results();
    const evidence = core.items.flatMap((i) => i.evidence);
    expect(evidence.length).toBeGreaterThan(10);
    const buttons = [...document.querySelectorAll<HTMLElement>("[data-item] button[data-start]")];
    expect(buttons).toHaveLength(evidence.length);
    for (const [k, button] of buttons.entries()) {
      const { model } = standin.current();
      model.selection = null;
      fireEvent.click(button);
      await waitFor(() => expect(model.selection).not.toBeNull());
      const { paragraph, start, end } = model.selection!;
      expect(flatParagraphs(model)[paragraph]!.text.slice(start, end)).toBe(evidence[k]!.text);
    }
    const { model } = standin.current();
    expect(model.writes).toEqual([]);
    expect(documentText(model)).toBe(before);
    expect(screen.queryByRole("alert")).toBeNull();
  }, 60_000);

  it("refuses to select in a paragraph changed since the comparison, and says so", async () => {
    renderPane();
    await openPlan(fileOf(QINGXI_PLAN));
    await results();
    const button = document.querySelector<HTMLElement>("[data-item] button[data-start]")!;
    const { model } = standin.current();
    const para = flatParagraphs(model).find((p) =>
      p.text.includes(button.querySelector("[data-snippet]")!.textContent!.replace(/…$/, "")),
    )!;
    para.text = `${para.text}（已改写）`;
    fireEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^定位原文失败：文稿在检查后已改动.*（对照结果请点“重新对照”更新）$/,
    );
    expect(model.selection).toBeNull();
  });
});

describe("对照工作要点: bad input, in Chinese, naming the file", () => {
  const errorFor = async (file: File) => {
    renderPane();
    await openPlan(file);
    return (await screen.findByRole("alert")).textContent!;
  };

  it("a .docx that is not one", async () => {
    const msg = await errorFor(new File(["这不是 Word 文档"], "假要点.docx"));
    expect(msg).toMatch(/^打开工作要点失败：/);
    expect(msg).toContain("假要点.docx");
    expect(screen.queryByRole("heading", { name: "对照结果" })).toBeNull();
    expect(standin.current().host.counter.syncs).toBe(0);
  });

  it("a binary file and a format core does not read", async () => {
    const binary = await errorFor(
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0])], "要点.txt"),
    );
    expect(binary).toMatch(/^打开工作要点失败：要点\.txt：这是二进制文件/);
    cleanup();
    const pdf = await errorFor(new File(["%PDF-1.4"], "工作要点.pdf"));
    expect(pdf).toBe(
      "打开工作要点失败：工作要点.pdf：工作要点应是 .docx、.txt 或 .md 文件（旧版 .doc、.wps 请先在 Word 或 WPS 中另存为 .docx）",
    );
  });

  it("a file that is not a plan, with the kind it looks like and why", async () => {
    const notice = [
      "关于召开全县安全生产工作会议的通知",
      "各乡镇人民政府，县直各部门：",
      "经县政府同意，定于3月5日召开全县安全生产工作会议。请各单位主要负责同志准时参加。",
    ].join("\n");
    const msg = await errorFor(new File([notice], "会议通知.txt"));
    expect(msg).toMatch(/^打开工作要点失败：会议通知\.txt：看起来是其他文稿（依据：.+），不是工作要点/);
    cleanup();
    // A report with no tasks part has nothing it undertook: not usable as the plan.
    const review = readFileSync(resolve(REPO_ROOT, QINGXI_REPORT), "utf8").split("\n二、2026年主要任务")[0]!;
    const reportMsg = await errorFor(new File([review], "2025年工作报告.txt"));
    expect(reportMsg).toMatch(/^打开工作要点失败：2025年工作报告\.txt：看起来是.*工作报告（依据：.*标题/);
  });

  it("a report with a tasks part is taken by its tasks, as renda compare takes it, and says so", async () => {
    renderPane();
    // Last year's report: the same text a year earlier (the open document is the 2025 report).
    const lastYear = bytesOf(QINGXI_REPORT)
      .toString("utf8")
      .replaceAll("2025年", "2024年")
      .replaceAll("2026年", "2025年");
    await openPlan(new File([lastYear], "2024年工作报告.txt"));
    await results();
    expect(
      screen.getByText(
        /2024年工作报告\.txt 看起来是工作报告，按其任务部分（“2025年主要任务”起）作为工作要点对照/,
      ),
    ).toBeTruthy();
    cleanup();
    // This year's own report is no plan for itself: the message says why, in core's words.
    renderPane();
    await openPlan(fileOf(QINGXI_REPORT, "2025年工作报告.txt"));
    expect(
      await screen.findByText(/它的年份（2025年）应早于“.*”的年份（2025年）/, undefined, { timeout: 15_000 }),
    ).toBeTruthy();
  });

  it("an empty document, named by its file name", async () => {
    const model = newWordModel(["", "  "]);
    model.url =
      "https://contoso.sharepoint.com/sites/rd/Shared%20Documents/%E7%A9%BA%E7%99%BD%E6%8A%A5%E5%91%8A.docx";
    standin.install(model);
    const msg = await errorFor(fileOf(QINGXI_PLAN));
    expect(msg).toBe(
      "对照工作要点失败：当前文稿“空白报告.docx”没有正文文字：请在 Word 中打开要对照的工作报告，再对照“qingxi-plan-2025.txt”",
    );
    expect(model.writes).toEqual([]);
  });
});

describe("对照工作要点: Word syncs", () => {
  /** Syncs to compare with a plan of the given items, and to select one evidence. */
  async function syncsFor(planText: string) {
    standin.install(reportModel(QINGXI_REPORT));
    const { host } = standin.current();
    renderPane();
    host.counter.syncs = 0;
    await openPlan(new File([planText], "要点.txt"));
    await results();
    const items = document.querySelectorAll("[data-item]").length;
    const compare = host.counter.syncs;
    host.counter.syncs = 0;
    fireEvent.click(document.querySelector<HTMLElement>("[data-item] button[data-start]")!);
    await waitFor(() => expect(standin.current().model.selection).not.toBeNull());
    const select = host.counter.syncs;
    cleanup();
    return { items, compare, select };
  }

  it("do not grow with the number of plan items", async () => {
    const full = readFileSync(resolve(REPO_ROOT, QINGXI_PLAN), "utf8");
    // The plan's first chapter alone: the title block and the items up to the second chapter.
    const short = full.split("\n二、")[0]!;
    const few = await syncsFor(short);
    const many = await syncsFor(full);
    expect(few.items).toBeGreaterThan(1);
    expect(many.items).toBeGreaterThan(few.items * 3);
    // One read of the paragraphs for the whole comparison; a selection as the check's (read, search, select).
    expect({ compare: few.compare, select: few.select }).toEqual({ compare: 1, select: 3 });
    expect({ compare: many.compare, select: many.select }).toEqual({ compare: 1, select: 3 });
  }, 60_000);
});

describe("对照工作要点: the pane's list", () => {
  it("groups items under the plan's chapters and lists the unplanned work apart", async () => {
    renderPane();
    await openPlan(fileOf(QINGXI_PLAN));
    await results();
    const unplanned = screen.getByRole("region", { name: "计划外工作" });
    expect(within(unplanned).getByText(/地方志/)).toBeTruthy();
    expect(unplanned.querySelector("[data-item]")).toBeNull();
    expect(
      screen.getByText(/^工作要点：qingxi-plan-2025\.txt（工作要点，2025年）· 当前文稿（工作报告，2025年）$/),
    ).toBeTruthy();
  });
});

describe("the document's file name for messages (Document.url)", () => {
  it("is the last segment of a desktop path or a web address, decoded; empty for a new document", () => {
    expect(fileNameOf("C:\\Users\\办公室\\2025年工作报告.docx")).toBe("2025年工作报告.docx");
    expect(fileNameOf("/Users/bgs/Documents/报告.docx")).toBe("报告.docx");
    expect(fileNameOf("https://x.sharepoint.com/Shared%20Documents/%E6%8A%A5%E5%91%8A.docx?web=1")).toBe(
      "报告.docx",
    );
    expect(fileNameOf("https://x/%E4%bad.docx")).toBe("%E4%bad.docx");
    expect(fileNameOf("")).toBe("");
    expect(fileNameOf(undefined)).toBe("");
  });
});
