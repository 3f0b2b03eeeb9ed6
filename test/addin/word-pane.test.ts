// @vitest-environment jsdom
/// <reference lib="dom" />
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { checkSheets, exportLedger } from "../../addin/src/logic/ledger.ts";
import { coreSlots } from "../../addin/src/logic/slots.ts";
import { App } from "../../addin/src/ui/App.ts";
import { h } from "../../addin/src/ui/h.ts";
import { fakeSettings, fakeWord, installDomGaps, SAMPLE_REPORT, sheetData } from "./fakes.ts";
import { ledgerSheets } from "./standin/ledger-sheets.ts";

installDomGaps();
afterEach(cleanup);

const services = (downloads: [string, string][] = []) => ({
  buildSlots: coreSlots,
  download: (n: string, t: string) => {
    downloads.push([n, t]);
  },
});

function renderWord(word = fakeWord([...SAMPLE_REPORT]), settings = fakeSettings()) {
  render(
    h(App, {
      host: "word",
      word: word.port,
      settings: settings.port,
      services: services(),
      features: [],
      defaultYear: 2025,
    }),
  );
  return word;
}

describe("Word pane: 检查文稿", () => {
  it("lists missing sections first, then findings by section; click selects, 修正 applies and re-checks", async () => {
    const word = renderWord();
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    const missing = await screen.findByRole("region", { name: "缺少的章节" });
    expect(within(missing).getByText(/缺少必备章节“代表工作”（回顾部分）/)).toBeTruthy();
    const regions = screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"));
    expect(regions[0]).toBe("缺少的章节");
    expect(regions).toContain("坚持党的领导警告");
    expect(screen.getByText(/不支持文中波浪线标注（需要 WordApi 1.7）/)).toBeTruthy();

    fireEvent.click(screen.getByText("序号“1、”写法不规范，应为“1.”"));
    await waitFor(() => expect(word.calls.selected).toHaveLength(1));
    expect(word.calls.selected[0]).toMatchObject({ paragraph: 5, offset: 0, length: 2 });

    const item = screen.getByText("序号“1、”写法不规范，应为“1.”").closest("[data-rule]") as HTMLElement;
    fireEvent.click(within(item).getByRole("button", { name: "修正" }));
    await screen.findByText(/已修正1处/);
    expect(word.paragraphs[5]).toBe("1.加强政治引领。常委会认真学习贯彻党的二十大精神。");
    expect(screen.queryByText("序号“1、”写法不规范，应为“1.”")).toBeNull();
  });

  it("offers a rewording as a suggestion button applying that one change; 修正 is for safe fixes only", async () => {
    const paragraphs = [...SAMPLE_REPORT];
    paragraphs[9] = "加强常委会自身建设，邀请企业家及其它各界代表参加。";
    const word = renderWord(fakeWord(paragraphs));
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    const message = await screen.findByText("“其它”应为“其他”：公文统一用“其他”");
    const item = message.closest("[data-rule]") as HTMLElement;
    expect(within(item).queryByRole("button", { name: "修正" })).toBeNull();
    fireEvent.click(within(item).getByRole("button", { name: "建议：改为“其他”" }));
    await screen.findByText(/已修正1处/);
    expect(word.paragraphs[9]).toBe("加强常委会自身建设，邀请企业家及其他各界代表参加。");
  });

  it("shows same-kind findings as one group listing each place; its fix-all changes exactly those", async () => {
    const paragraphs = [...SAMPLE_REPORT];
    paragraphs[9] = "加强常委会自身建设,开展调研,提出建议,督促整改。";
    const word = renderWord(fakeWord(paragraphs));
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    const group = (await screen.findByText(/中文里用了半角标点.*×3/)).closest("[data-kind]") as HTMLElement;
    expect(group.getAttribute("data-kind")).toBe("typography/halfwidth-punctuation");
    // Every place is its own finding, listed under the group with its own 修正.
    expect(within(group).getAllByRole("button", { name: "修正" })).toHaveLength(3);
    fireEvent.click(within(group).getByRole("button", { name: "全部修正此类（3处）" }));
    await screen.findByText(/已修正3处/);
    expect(word.paragraphs[9]).toBe("加强常委会自身建设，开展调研，提出建议，督促整改。");
    expect(word.paragraphs.filter((p, i) => p !== paragraphs[i])).toEqual([]);
  });

  it("ignores a finding for this document, stored through the adapter", async () => {
    const word = renderWord();
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    const text = await screen.findByText("序号“1、”写法不规范，应为“1.”");
    fireEvent.click(within(text.closest("[data-rule]") as HTMLElement).getByRole("button", { name: "忽略" }));
    await screen.findByText(/已在本文稿中忽略该问题/);
    expect(word.calls.ignored).toEqual(["numbering/marker|political|1、"]);
    expect(screen.queryByText("序号“1、”写法不规范，应为“1.”")).toBeNull();
    expect(screen.getByText(/已忽略1/)).toBeTruthy();
  });
});

async function exportFile(errors: number): Promise<File> {
  const check = await checkSheets(sheetData(ledgerSheets(3)), 2025);
  const json = JSON.stringify({ ...exportLedger(check), errors });
  return new File([json], "台账数据-2025.json", { type: "application/json" });
}

describe("Word pane: 填入台账", () => {
  it("previews the slots from an exported ledger, fills, reports a deleted control and re-inserts it", async () => {
    const word = fakeWord([], {
      filled: ["meetings-table"],
      missing: ["overview"],
      failed: [],
      untouched: [],
      warnings: [],
    });
    renderWord(word);
    fireEvent.click(screen.getByRole("tab", { name: "填入台账" }));
    fireEvent.change(screen.getByLabelText("选择台账文件"), { target: { files: [await exportFile(0)] } });
    await screen.findByText("renda:overview");
    expect(screen.getByText(/共召开常委会会议/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "填入文稿" }));
    await screen.findByText(/已填入1处：meetings-table/);
    expect(Object.keys(word.calls.fills[0]!)).toEqual(
      expect.arrayContaining(["overview", "meetings-table", "suggestions-table"]),
    );
    fireEvent.click(screen.getByRole("button", { name: "在光标处重新插入" }));
    await screen.findByText("已在光标处插入 renda:overview");
    expect(word.calls.reinserted).toEqual(["overview"]);
  });

  it("blocks filling from a ledger with errors until the user confirms", async () => {
    const word = renderWord();
    fireEvent.click(screen.getByRole("tab", { name: "填入台账" }));
    fireEvent.change(screen.getByLabelText("选择台账文件"), { target: { files: [await exportFile(2)] } });
    await screen.findByText(/台账有2处错误/);
    const fill = screen.getByRole("button", { name: "填入文稿" }) as HTMLButtonElement;
    expect(fill.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText("我已知悉台账有错误，仍然填入"));
    await waitFor(() => expect(fill.disabled).toBe(false));
    fireEvent.click(fill);
    await waitFor(() => expect(word.calls.fills).toHaveLength(1));
  });

  it("says what is wrong with a file that is not an export", async () => {
    renderWord();
    fireEvent.click(screen.getByRole("tab", { name: "填入台账" }));
    fireEvent.change(screen.getByLabelText("选择台账文件"), {
      target: { files: [new File(["{}"], "x.json")] },
    });
    await screen.findByText("导入台账“x.json”失败：这不是人大报告助手导出的台账数据文件（format 不符）");
  });
});

describe("Word pane: the document's kind and year", () => {
  it("checks with the kind and year the user set, saved in the document's settings", async () => {
    const settings = fakeSettings();
    renderWord(undefined, settings);
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    await screen.findByText(/文稿类型：工作报告（自动识别） · 2024年（自动识别）/);
    fireEvent.change(screen.getByRole("textbox", { name: "年份" }), { target: { value: "２０２３" } });
    await waitFor(() =>
      expect(settings.values.get("renda.documentOptions")).toEqual({ kind: "auto", year: 2023 }),
    );
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    await screen.findByText(/文稿类型：工作报告（自动识别） · 2023年 · /);
  });

  it("reads the kind and year stored in the document, and refuses a year that is not one", async () => {
    const settings = fakeSettings({ "renda.documentOptions": { kind: "work-plan", year: 2026 } });
    renderWord(undefined, settings);
    expect((screen.getByRole("textbox", { name: "年份" }) as HTMLInputElement).value).toBe("2026");
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    await screen.findByText(/文稿类型：工作要点 · 2026年 · /);
    fireEvent.change(screen.getByRole("textbox", { name: "年份" }), { target: { value: "二〇二五" } });
    await screen.findByText("请填写1980—2100之间的四位年份，或留空自动识别");
    expect((screen.getByRole("button", { name: "检查全文" }) as HTMLButtonElement).disabled).toBe(true);
    expect(settings.values.get("renda.documentOptions")).toEqual({ kind: "work-plan", year: 2026 });
  });

  it("shows the detected kind with its evidence: a 政府工作报告 gets no 人大 sections", async () => {
    renderWord(
      fakeWord([
        "2026年青禾省政府工作报告",
        "——2026年1月27日在青禾省第十四届人民代表大会第四次会议上",
        "青禾省人民政府省长 林远山",
        "各位代表：",
        "现在，我代表省人民政府，向大会报告工作，请予审议。",
        "一、2025年工作回顾",
        "过去一年，全省经济运行稳中有进。",
        "二、2026年重点工作",
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
      ]),
    );
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    await screen.findByText(
      /文稿类型：政府工作报告（自动识别） · 2025年（自动识别） · 缺少章节0个/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    const why = screen.getByLabelText("文稿类型识别依据");
    expect(why.textContent).toMatch(
      /^识别依据：标题含“政府工作报告”；开头语“我代表省人民政府，向大会报告工作”/,
    );
    expect(why.textContent).toContain("如识别有误，可在上方“文稿类型”中选择");
    expect(screen.queryByRole("region", { name: "缺少的章节" })).toBeNull();
  });

  it("offers 政府工作报告 and 其他 in 文稿类型; 其他 checks the wording only", async () => {
    const settings = fakeSettings({ "renda.documentOptions": { kind: "other", year: null } });
    renderWord(undefined, settings);
    fireEvent.click(screen.getByRole("combobox", { name: "文稿类型" }));
    const names = screen.getAllByRole("option").map((o) => o.textContent);
    expect(names).toEqual(["自动识别", "工作报告", "工作要点", "政府工作报告", "其他"]);
    fireEvent.click(screen.getByRole("option", { name: "政府工作报告" }));
    await waitFor(() =>
      expect(settings.values.get("renda.documentOptions")).toEqual({ kind: "gov-report", year: null }),
    );
    fireEvent.click(screen.getByRole("combobox", { name: "文稿类型" }));
    fireEvent.click(screen.getByRole("option", { name: "其他" }));
    await waitFor(() =>
      expect(settings.values.get("renda.documentOptions")).toEqual({ kind: "other", year: null }),
    );
    fireEvent.click(screen.getByRole("button", { name: "检查全文" }));
    // A whole-document check in jsdom on a shared machine can take longer than findBy's default second.
    await screen.findByText(/^文稿类型：其他文稿 · /, undefined, { timeout: 10_000 });
    expect(screen.getByLabelText("文稿类型识别依据").textContent).toBe(
      "按所选文稿类型检查。此类文稿不检查章节结构，只检查表述。",
    );
    expect(screen.queryByRole("region", { name: "缺少的章节" })).toBeNull();
  });

  it("a stored value from elsewhere (hand-edited, older version) falls back to automatic detection", () => {
    renderWord(undefined, fakeSettings({ "renda.documentOptions": { kind: "minutes", year: "2025" } }));
    expect((screen.getByRole("textbox", { name: "年份" }) as HTMLInputElement).value).toBe("");
  });

  it("inserting a skeleton sets the document's kind and year for later checks", async () => {
    const settings = fakeSettings();
    renderWord(fakeWord([]), settings);
    fireEvent.click(screen.getByRole("tab", { name: "插入框架" }));
    fireEvent.change(screen.getByRole("textbox", { name: "回顾之年" }), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "插入框架" }));
    await screen.findByText(/已在文末插入工作报告框架/);
    expect(settings.values.get("renda.documentOptions")).toEqual({ kind: "work-report", year: 2024 });
    fireEvent.click(screen.getByRole("tab", { name: "检查文稿" }));
    expect((screen.getByRole("textbox", { name: "年份" }) as HTMLInputElement).value).toBe("2024");
  });

  it("台账年度 overrides the year of an imported export, and the preview says which year it used", async () => {
    renderWord();
    fireEvent.click(screen.getByRole("tab", { name: "填入台账" }));
    fireEvent.change(screen.getByLabelText("选择台账文件"), { target: { files: [await exportFile(0)] } });
    await screen.findByText(/（2025年，导出时的年度）/);
    fireEvent.change(screen.getByRole("textbox", { name: "台账年度" }), { target: { value: "2024" } });
    await screen.findByText(/（2024年，按所填年度）/);
  });
});

describe("Word pane: 插入框架 and host features", () => {
  it("inserts the skeleton of the chosen kind and year", async () => {
    const word = renderWord();
    fireEvent.click(screen.getByRole("tab", { name: "插入框架" }));
    fireEvent.change(screen.getByRole("textbox", { name: "回顾之年" }), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "插入框架" }));
    await screen.findByText(/已在文末插入工作报告框架/);
    expect(word.calls.skeleton.map((p) => p.text)).toContain("2024年主要工作回顾");
  });

  it("names the unavailable feature when the host lacks a requirement set", () => {
    render(
      h(App, {
        host: "word",
        word: fakeWord([]).port,
        settings: fakeSettings().port,
        services: services(),
        defaultYear: 2025,
        features: [{ feature: "插入框架、填入台账", set: "WordApi", version: "1.3", supported: false }],
      }),
    );
    expect(screen.getByText("当前 Office 不支持 WordApi 1.3：插入框架、填入台账不可用")).toBeTruthy();
  });

  it("outside Office says where to open it", () => {
    render(
      h(App, {
        host: "none",
        settings: fakeSettings().port,
        services: services(),
        features: [],
        defaultYear: 2025,
      }),
    );
    expect(screen.getByText(/请在 Word 或 Excel 中打开人大报告助手/)).toBeTruthy();
  });
});
