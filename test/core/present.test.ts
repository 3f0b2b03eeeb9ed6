import { describe, expect, it } from "vitest";
import { groupFindings } from "../../addin/src/logic/findings.ts";
import { formatStylish } from "../../core/src/cli/format.ts";
import {
  type Diagnostic,
  isKindGroup,
  lint,
  missingSections,
  presentFindings,
  SEVERITY_WORDS,
  sectionLabel,
} from "../../core/src/index.ts";
import { panelSections, sectionRows, severityWord } from "../../extension/src/lib/panel-view.ts";
import { resultView } from "../../extension/src/lib/report.ts";

/**
 * One lint result fed to the three presenters — the CLI's stylish output, the Word task pane's view and the
 * browser side panel's — must come out with the same section labels, severity words, groups and order.
 * The draft is built so that order is not simply document order: in 坚持党的领导 a warning (其它) stands
 * before three errors (half-width commas, one same-kind group), and the errors must come first.
 */
const DRAFT = [
  "青禾县人民代表大会常务委员会工作报告",
  "——2026年1月10日在青禾县第十八届人民代表大会第五次会议上",
  "县人大常委会主任 林远山",
  "各位代表：",
  "我受县人大常委会委托，向大会报告工作，请予审议。",
  "一、2025年主要工作回顾",
  "（一）坚持党的领导",
  "常委会邀请企业家及其它各界代表座谈。开展调研,提出建议,督促整改,跟踪问效。",
  "（二）加强监督工作",
  "听取审议一府两院工作报告。",
  "二、2026年主要任务",
  "（一）坚持党的领导",
  "1、加强政治引领。",
].join("\n");

const result = lint(DRAFT);

/** A presenter's list as comparable data: section label, then per finding its severity word and place. */
type Shown = { label: string; findings: string[] }[];

const key = (word: string, d: { ruleId: string; line: number; column: number }) =>
  `${word} ${d.line}:${d.column} ${d.ruleId}`;

/** What core decides. */
function fromCore(): Shown {
  const p = presentFindings(result.diagnostics, (id) => sectionLabel(result.kind, id));
  return p.sections.map((s) => ({
    label: s.label,
    findings: s.bands.flatMap((b) => b.items.map((d) => key(b.word, d))),
  }));
}

/** What `renda lint` prints: section lines at two spaces, findings at four; group places on their own line. */
function fromCli(): Shown {
  const out = cliOutput();
  const shown: Shown = [];
  let placesOf: string | null = null;
  for (const line of out.split("\n")) {
    const section = /^ {2}(\S.*)$/.exec(line);
    if (section && !line.startsWith("  章节：")) {
      shown.push({ label: section[1]!, findings: [] });
      placesOf = null;
      continue;
    }
    const finding = /^ {4}(\d+):(\d+)\s+(\S+)\s+.*\s(\S+\/\S+)$/.exec(line);
    if (finding) {
      const [, l, c, word, ruleId] = finding;
      // A group's header line stands for its places, listed on the next line as "line:column “…” → …".
      placesOf = / ×\d+/.test(line) ? `${word} ${ruleId}` : null;
      if (!placesOf) shown.at(-1)!.findings.push(`${word} ${l}:${c} ${ruleId}`);
      continue;
    }
    if (placesOf && /^ {12}\d+:\d+/.test(line)) {
      const [word, ruleId] = placesOf.split(" ");
      for (const m of line.matchAll(/(\d+):(\d+) “/g))
        shown.at(-1)!.findings.push(`${word} ${m[1]}:${m[2]} ${ruleId}`);
    }
  }
  return shown;
}

/** The task pane: one region per section and severity, named “章节名 + 严重程度”. */
function fromPane(): Shown {
  const view = groupFindings(result, new Set());
  const shown: Shown = [];
  for (const g of view.groups) {
    if (shown.at(-1)?.label !== g.sectionName) shown.push({ label: g.sectionName, findings: [] });
    shown.at(-1)!.findings.push(...g.items.map((d) => key(g.word, d)));
  }
  return shown;
}

/** The side panel: the view the content script sends, laid out as the panel does. */
function fromPanel(): Shown {
  return panelSections(resultView(result)).map(({ name, list }) => ({
    label: name,
    findings: list.map((f) => key(severityWord(f.severity), f)),
  }));
}

describe("one presentation of findings on the CLI, the task pane and the side panel", () => {
  const core = fromCore();

  it("core orders sections by the text, errors before warnings in a section, with the labels of the data", () => {
    expect(core.map((s) => s.label)).toEqual(["坚持党的领导", "监督工作", "任务部分 · 坚持党的领导"]);
    const party = core[0]!.findings;
    // The 其它 warning stands first in the text but is listed after the three comma errors.
    expect(party.map((f) => f.split(" ")[0])).toEqual(["错误", "错误", "错误", "警告"]);
    expect(party[3]).toMatch(/^警告 8:\d+ confusable\/qita$/);
    expect(core.flatMap((s) => s.findings).some((f) => f.startsWith("提醒"))).toBe(false);
  });

  it("the CLI prints exactly that, after the missing sections", () => {
    const cli = fromCli();
    expect(cli[0]!.label).toBe("缺少的章节");
    expect(cli[0]!.findings).toHaveLength(result.sections.missing.length);
    expect(cli.slice(1)).toEqual(core);
  });

  it("the task pane shows exactly that", () => {
    expect(fromPane()).toEqual(core);
    expect(groupFindings(result, new Set()).missing.map((d) => d.ruleId)).toEqual(
      result.sections.missing.map(() => "section/missing"),
    );
  });

  it("the side panel shows exactly that, and says 警告 where it said 提醒", () => {
    expect(fromPanel()).toEqual(core);
    expect(severityWord("warning")).toBe(SEVERITY_WORDS.warning);
    expect(SEVERITY_WORDS).toEqual({ error: "错误", warning: "警告", info: "提示" });
  });

  it("the same-kind group is the same on the three: three commas under one rule", () => {
    const p = presentFindings(result.diagnostics, (id) => sectionLabel(result.kind, id));
    const groupIn = (rows: readonly unknown[]) =>
      rows.filter((r): r is { ruleId: string; items: { start: number }[] } => isKindGroup(r as Diagnostic));
    const coreGroups = groupIn(p.sections[0]!.bands.flatMap((b) => b.rows));
    expect(coreGroups.map((g) => [g.ruleId, g.items.length])).toEqual([
      ["typography/halfwidth-punctuation", 3],
    ]);
    const pane = groupIn(groupFindings(result, new Set()).groups[0]!.rows);
    const panel = groupIn(sectionRows(panelSections(resultView(result))[0]!.list));
    for (const other of [pane, panel])
      expect(other.map((g) => [g.ruleId, g.items.map((d) => d.start)])).toEqual(
        coreGroups.map((g) => [g.ruleId, g.items.map((d) => d.start)]),
      );
    expect(fromCli()[1]!.findings.slice(0, 3)).toEqual(core[0]!.findings.slice(0, 3));
  });

  it("missing sections: one order and one label on the CLI header and the side panel", () => {
    const labels = missingSections(result.kind, result.sections.missing).map((m) => m.label);
    expect(labels).toContain("任务部分 · 代表工作");
    expect(resultView(result).missing.map((m) => m.name)).toEqual(labels);
    expect(cliOutput()).toContain(`缺少 ${labels.length} 个（${labels.join("、")}）\n`);
  });
});

function cliOutput(): string {
  return formatStylish(
    [
      {
        path: "草稿.txt",
        kind: result.kind,
        year: result.year,
        found: result.sections.found,
        missing: result.sections.missing,
        diagnostics: result.diagnostics,
        text: result.doc.text,
      },
    ],
    { color: false },
  );
}
