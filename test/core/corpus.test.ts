import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, structureRules } from "../../core/src/index.ts";
import { CORPUS } from "../helpers/paths.ts";

function run(file: string) {
  return lint(readFileSync(resolve(CORPUS, file), "utf8"), { rules: structureRules });
}

/** Chapter heading → section id, as a reviewer maps them (DOMAIN.md A.4). */
function chapterIds(r: ReturnType<typeof run>) {
  return r.sections.chapters.map((c) => [c.part, c.node.heading!.title.slice(0, 8), c.primary]);
}

describe("corpus: every section present is recognised, what is absent is reported", () => {
  it("000 钟祥 2020 (an excerpt: review + tasks, no title block)", () => {
    const r = run("000_6bf9c3b57a5e077f.txt");
    expect([r.kind, r.years.review, r.years.tasks]).toEqual(["work-report", 2020, 2021]);
    expect(chapterIds(r)).toEqual([
      ["review", "主动担当作为,助", "central-task"],
      ["review", "严格依法履职,促", "rule-of-law"],
      ["review", "发挥代表作用,密", "deputies"],
      ["review", "坚持自身建设,提", "self-building"],
      ["tasks", "牢牢把握正确政治", "political"],
      ["tasks", "积极推动“十四五", "central-task"],
      ["tasks", "着力提升监督实效", "supervision"],
      ["tasks", "依法做好换届选举", "election"],
      ["tasks", "支持和保障代表履", "deputies"],
      ["tasks", "切实加强“两个机", "self-building"],
    ]);
    // 监督, 决定, 任免 sit under 二 as run-in sub-headings; 政治 under 四 ("坚持以政治建设为统领").
    expect(r.sections.found).toEqual(
      expect.arrayContaining([
        "review",
        "political",
        "supervision",
        "decisions",
        "appointments",
        "deputies",
        "self-building",
        "tasks",
        "tasks.political",
        "tasks.supervision",
        "tasks.election",
        "tasks.deputies",
        "tasks.self-building",
      ]),
    );
    expect(r.sections.missing).toEqual(["title", "salutation", "opening", "overview", "closing"]);
    expect(r.diagnostics.filter((d) => d.ruleId !== "section/missing")).toEqual([]);
  });

  it("001 禹州 2023 (摘要, unnumbered headings, run-in leads, 自身建设 placed third)", () => {
    const r = run("001_754274ce12da7e36.txt");
    expect([r.kind, r.years.review, r.years.tasks, r.outline.abridged]).toEqual([
      "work-report",
      2023,
      2024,
      true,
    ]);
    expect(chapterIds(r)).toEqual([
      ["review", "坚持举旗铸魂,坚", "political"],
      ["review", "坚持法治思维,创", "rule-of-law"],
      ["review", "坚持守正创新,提", "self-building"],
      ["review", "坚持人民至上,创", "supervision"],
      ["review", "坚持主体作用,促", "deputies"],
      ["tasks", "突出政治引领,永", "political"],
      ["tasks", "依法履职行权,勇", "supervision"],
      ["tasks", "尊崇宪法法律,筑", "rule-of-law"],
      ["tasks", "优化代表工作,恪", "deputies"],
      ["tasks", "强化自身建设,锤", "self-building"],
    ]);
    // 11批53人次 appointments sit inside the political chapter; 立法联系点 under 法治.
    expect(r.sections.found).toEqual(
      expect.arrayContaining(["title", "appointments", "legislation", "grassroots"]),
    );
    expect(r.sections.missing).toEqual(["salutation", "opening", "overview", "closing"]);
    const findings = r.diagnostics.map((d) => `${d.ruleId}:${d.severity}@${d.line}`);
    expect(findings).toEqual([
      "section/missing:info@1",
      "section/missing:info@1",
      "section/missing:info@1",
      "section/missing:info@3",
      "section/order:warning@17",
    ]);
  });

  it("004 武昌 2024 要点 (adoption note first, 一、 with items 1.–16. numbered across chapters)", () => {
    const r = run("004_8891c7e8e44110e1.txt");
    expect([r.kind, r.year]).toEqual(["work-plan", 2024]);
    expect(chapterIds(r)).toEqual([
      [null, "坚持党的全面领导", "political"],
      [null, "深入推进民主法治", "rule-of-law"],
      [null, "有效依法履职行权", "supervision"],
      [null, "用心用情服务代表", "deputies"],
      [null, "全面抓好自身建设", "self-building"],
    ]);
    expect(r.sections.found).toEqual(
      expect.arrayContaining(["adoption-note", "general-requirements", "appointments", "legislation"]),
    );
    // The text starts with the adoption note: the title line is really absent.
    expect(r.sections.missing).toEqual(["title"]);
    // 1.–16. run on across chapters: no numbering finding.
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["section/missing"]);
  });
});
