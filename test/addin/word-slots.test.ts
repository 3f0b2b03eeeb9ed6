import { beforeEach, describe, expect, it } from "vitest";
import { SLOT_PLACEHOLDER, skeletonFor } from "../../addin/src/logic/skeleton.ts";
import { word } from "../../addin/src/office/word.ts";
import type { SlotMap } from "../../addin/src/ports.ts";
import { wordStandin } from "./standin/install.ts";
import { documentText, newWordModel, type WControl } from "./standin/word.ts";

const standin = wordStandin(() => newWordModel(["既有文字"]));
const { install } = standin;
const g = globalThis as Record<string, unknown>;

const controls = () =>
  standin.current().model.blocks.flatMap((b) => ("control" in b ? [b.control] : [])) as WControl[];

const SLOTS: SlotMap = {
  overview: { kind: "paragraphs", paragraphs: ["共召开常委会会议8次。", "审议议题20项。"] },
  "meetings-table": {
    kind: "table",
    caption: "常委会会议及审议议题一览表",
    header: ["会议名称", "议题"],
    rows: [["第一次会议", "听取报告"]],
    note: "数据来源：台账",
  },
};

describe("word adapter: insertSkeleton", () => {
  it("appends the skeleton after the existing text with styles and tagged controls, in one sync", async () => {
    const plan = skeletonFor("work-report", 2025);
    await word.insertSkeleton(plan);
    expect(standin.current().host.counter.syncs).toBe(1);
    const text = documentText(standin.current().model).split("\n");
    expect(text[0]).toBe("既有文字");
    expect(text.slice(1)).toEqual(plan.map((p) => p.text));
    expect(controls().map((c) => c.tag)).toEqual(plan.filter((p) => p.slot).map((p) => `renda:${p.slot}`));
    expect(controls().map((c) => c.tag)).toContain("renda:overview");
    expect(text).toContain("2025年主要工作回顾");
    expect(text).toContain("2026年主要任务");
  });

  it("says which feature is unavailable on a host without WordApi 1.3", async () => {
    install(newWordModel(["x"], { WordApi: "1.2" }));
    await expect(word.insertSkeleton(skeletonFor("work-plan", 2026))).rejects.toThrow(
      /^插入框架失败：当前 Office 不支持 WordApi 1.3，此功能不可用/,
    );
    expect(standin.current().model.writes).toEqual([]);
  });
});

describe("word adapter: fillSlots", () => {
  beforeEach(async () => {
    await word.insertSkeleton(skeletonFor("work-report", 2025));
    standin.current().model.writes.length = 0;
    standin.current().host.counter.syncs = 0;
  });

  it("fills only the tagged controls, reports the rest, in two syncs", async () => {
    const before = documentText(standin.current().model);
    const report = await word.fillSlots(SLOTS);
    expect(standin.current().host.counter.syncs).toBe(2);
    expect(report.filled.sort()).toEqual(["meetings-table", "overview"]);
    expect(report.missing).toEqual([]);
    expect(report.untouched.sort()).toEqual(
      ["appointments-table", "deputy-activities", "petitions", "suggestions", "suggestions-table"].sort(),
    );
    const overview = controls().find((c) => c.tag === "renda:overview")!;
    expect(overview.paragraphs.map((p) => p.text)).toEqual(["共召开常委会会议8次。", "审议议题20项。"]);
    const table = controls().find((c) => c.tag === "renda:meetings-table")!;
    expect(table.paragraphs.map((p) => p.text)).toEqual(["常委会会议及审议议题一览表"]);
    expect(table.table).toEqual([
      ["会议名称", "议题"],
      ["第一次会议", "听取报告"],
    ]);
    expect(table.after.map((p) => p.text)).toEqual(["数据来源：台账"]);
    // Only the two controls were written: every write names one of their tags.
    expect(standin.current().model.writes.every((w) => /renda:(overview|meetings-table)/.test(w))).toBe(true);
    // Outside the controls nothing changed.
    const outside = (t: string) => t.split("\n").filter((l) => !l.includes(SLOT_PLACEHOLDER));
    expect(
      outside(documentText(standin.current().model)).filter((l) => before.includes(l)).length,
    ).toBeGreaterThan(10);
  });

  it("is idempotent: filling twice gives the same document", async () => {
    await word.fillSlots(SLOTS);
    const once = JSON.stringify(standin.current().model.blocks);
    await word.fillSlots(SLOTS);
    expect(JSON.stringify(standin.current().model.blocks)).toBe(once);
  });

  it("reports a control the user deleted, and re-inserts it at the cursor on request", async () => {
    const i = standin
      .current()
      .model.blocks.findIndex((b) => "control" in b && b.control.tag === "renda:overview");
    standin.current().model.blocks.splice(i, 1);
    const report = await word.fillSlots(SLOTS);
    expect(report.missing).toEqual(["overview"]);
    expect(report.filled).toEqual(["meetings-table"]);
    standin.current().model.cursorBlock = 0;
    standin.current().host.counter.syncs = 0;
    await word.insertSlotAtCursor("overview", SLOTS.overview!);
    expect(standin.current().host.counter.syncs).toBe(1);
    const block = standin.current().model.blocks[1]!;
    expect("control" in block && block.control.tag).toBe("renda:overview");
    expect("control" in block && block.control.paragraphs.map((p) => p.text)).toEqual([
      "共召开常委会会议8次。",
      "审议议题20项。",
    ]);
  });

  it("does not write a locked control and says why; warns when track changes is on", async () => {
    controls().find((c) => c.tag === "renda:overview")!.cannotEdit = true;
    standin.current().model.changeTrackingMode = "TrackAll";
    const report = await word.fillSlots(SLOTS);
    expect(report.failed).toEqual([
      { slot: "overview", reason: "内容控件设置了“无法编辑内容”，请在控件属性中取消锁定" },
    ]);
    expect(report.filled).toEqual(["meetings-table"]);
    expect(report.warnings[0]).toMatch(/修订模式/);
    expect(controls().find((c) => c.tag === "renda:overview")!.paragraphs[0]!.text).toBe(SLOT_PLACEHOLDER);
  });

  it("a protected document (restricted editing): names every slot not filled and why", async () => {
    // Word rejects the whole write batch with AccessDenied; the stand-in rejects the operation's second sync.
    g.Word = {
      run: <T>(cb: (context: never) => Promise<T>) =>
        standin.current().host.run((context: { sync(): Promise<void> }) => {
          let syncs = 0;
          const sync = context.sync.bind(context);
          context.sync = () =>
            ++syncs === 2
              ? Promise.reject(Object.assign(new Error("denied"), { code: "AccessDenied" }))
              : sync();
          return cb(context as never);
        }),
    };
    const report = await word.fillSlots(SLOTS);
    expect(report.filled).toEqual([]);
    expect(report.failed).toEqual([
      { slot: "overview", reason: "文档或该区域受保护（限制编辑、只读或被锁定），无法修改（AccessDenied）" },
      {
        slot: "meetings-table",
        reason: "文档或该区域受保护（限制编辑、只读或被锁定），无法修改（AccessDenied）",
      },
    ]);
  });
});

describe("word adapter: native critiques", () => {
  it("underlines findings where WordApi 1.7 exists and clears the old ones", async () => {
    install(newWordModel(["第一段", "第二段有问题"]));
    standin.current().model.annotations.push({ paragraph: 0, start: 0, length: 1, colorScheme: "Red" });
    const shown = await word.showCritiques([{ paragraph: 1, offset: 3, length: 2, severity: "warning" }]);
    expect(shown).toBe(true);
    expect(standin.current().model.annotations).toEqual([
      { paragraph: 1, start: 3, length: 2, colorScheme: "Lavender" },
    ]);
    expect(standin.current().host.counter.syncs).toBe(3);
  });

  it("returns false and writes nothing without WordApi 1.7", async () => {
    install(newWordModel(["第一段"], { WordApi: "1.4" }));
    expect(await word.showCritiques([{ paragraph: 0, offset: 0, length: 1, severity: "error" }])).toBe(false);
    expect(standin.current().model.annotations).toEqual([]);
    expect(standin.current().host.counter.syncs).toBe(0);
  });
});
