import { INVISIBLE_RE } from "../core/src/rules/engine/invisible.ts";
import { fromYearOf } from "../core/src/rules/engine/period.ts";
import { CODE_RULE_EXAMPLES } from "../core/src/rules/examples.ts";
import { ledgerCrossCheck } from "../core/src/rules/ledger/figure-mismatch.ts";
import { BUILTIN_PACKS } from "../core/src/rules/packs/index.ts";
import type { Dated, PackEntry, SpecCase } from "../core/src/rules/packs/schema.ts";
import { codeRules, structureRules } from "../core/src/rules/registry.ts";
import type { Rule } from "../core/src/rules/types.ts";

/**
 * Renders docs/rules.md from the rule packs and the code rules. Kept apart from the writer script so that a
 * test can compare the committed file with what the rules say today.
 */
const GROUPS: Record<string, string> = {
  section: "章节结构",
  numbering: "层次编号",
  term: "过时表述（按文本所述时间判断）",
  formulation: "固定提法与搭配",
  confusable: "易错词（按语境判断）",
  typography: "标点符号（GB/T 15834-2011）",
  number: "数字用法（GB/T 15835-2011）",
  consistency: "数字前后一致",
  ledger: "与台账核对（只在给出台账时运行）",
  local: "本地规则",
};

const SEVERITY: Record<string, string> = { error: "错误 error", warning: "警告 warning", info: "提示 info" };

/** How a rule's change reaches the text: `renda lint --fix` applies safe fixes only. */
const SAFE = "安全修正（--fix 直接修改）";
const SUGGESTION = "修改建议（逐条确认，或 --fix-suggestions）";

function fixLine(fixable: boolean, safe: boolean): string {
  return `可自动修改：${fixable ? (safe ? SAFE : SUGGESTION) : "否"}`;
}

const code = (s: string) => `\`${s.replace(/`/g, "ˋ")}\``;
// Invisible characters are written out (⟨U+200B⟩): raw, they would hide in the page or, for bidi controls,
// reorder the line around them (Unicode TR #36 §2.3).
const quote = (s: string) =>
  `「${s.replace(/\n/g, "⏎").replace(new RegExp(INVISIBLE_RE.source, "g"), (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`)}」`;

function specText(s: SpecCase): { text: string; year?: number; output?: string } {
  return typeof s === "string" ? { text: s } : s;
}

function datedLine(d: Dated): string {
  const judged = d.judge === "written" ? "按成文时间判断" : `按所述年度判断，${fromYearOf(d)}年起`;
  return d.direction === "before"
    ? `${d.changed} 之前不应使用（${judged.replace("起", "以前")}）`
    : `${d.changed} 起适用（${judged}）`;
}

/** When an accepted form of an enumeration is right: only before or only after a date. */
function acceptedWhen(d: Dated): string {
  const what = d.judge === "written" ? "成文于" : "所述年度在";
  return d.direction === "before" ? `仅限${what}${d.changed}之前` : `${what}${d.changed}之后`;
}

function entrySection(e: PackEntry): string[] {
  const out: string[] = [];
  if (e.type === "enumeration") {
    out.push(`### ${code(e.id)} ${e.name}`, "");
    out.push(`- 级别：${SEVERITY[e.severity]}；完整写法：${quote(e.items.join(e.separator))}`);
    out.push(
      `- 检查：相邻的${e.minItems}项以上构成列举时，${e.mode === "exact" ? `须完整、按序、以“${e.separator}”分隔（项目齐全时给出${SUGGESTION}）` : "须按此次序"}`,
    );
    for (const a of e.accept) {
      const when = [a.after ? `后文为 ${code(a.after)}` : "", a.dated ? acceptedWhen(a.dated) : ""].filter(
        Boolean,
      );
      out.push(
        `- 也可写作：${quote(a.items.map((i) => e.items[i]).join(e.separator))}${when.length > 0 ? `（${when.join("；")}）` : ""}；依据：${a.source}`,
      );
    }
  } else {
    const title =
      e.expected.length > 0 && !e.expected[0]!.includes("{found}") ? ` → ${e.expected.join(" / ")}` : "";
    out.push(`### ${code(e.id)} ${e.patterns.join("、")}${title}`, "");
    out.push(
      `- 级别：${SEVERITY[e.severity]}；${fixLine(e.fix && (e.expected.length > 0 || !!e.substitute), e.safe === true)}`,
    );
    out.push(
      `- 匹配：${e.patterns.map(quote).join("、")}${e.matchUnquoted && e.patterns.some((p) => p.includes("“")) ? "（含不带引号的写法）" : ""}`,
    );
    if (e.substitute) out.push(`- 修改：把${quote(e.substitute[0])}换成${quote(e.substitute[1])}`);
    else if (e.expected.length > 0) out.push(`- 建议：${e.expected.map(quote).join("、")}`);
    if (e.context?.before) out.push(`- 仅当前文为：${code(e.context.before)}`);
    if (e.context?.after) out.push(`- 仅当后文为：${code(e.context.after)}`);
    if (e.unless?.before) out.push(`- 前文为此时不查：${code(e.unless.before)}`);
    if (e.unless?.after) out.push(`- 后文为此时不查：${code(e.unless.after)}`);
    if (e.exceptions.length > 0) out.push(`- 不查的固定写法：${e.exceptions.map(quote).join("、")}`);
  }
  out.push(`- 提示：${e.message}`);
  if (e.dated) out.push(`- 时间：${datedLine(e.dated)}`);
  if (e.parts) out.push(`- 适用部分：${e.parts.join("、")}`);
  out.push(`- 依据：${e.source}`);
  for (const s of e.specs.fire.map(specText)) {
    out.push(
      `- 触发：${quote(s.text)}${s.year ? `（${s.year}年）` : ""}${s.output ? ` → ${quote(s.output)}` : ""}`,
    );
  }
  for (const s of e.specs.pass.map(specText))
    out.push(`- 不触发：${quote(s.text)}${s.year ? `（${s.year}年）` : ""}`);
  out.push("");
  return out;
}

function ruleSection(rule: Rule, when?: string): string[] {
  const m = rule.meta;
  const out = [`### ${code(m.id)}`, ""];
  if (when) out.push(`- 何时运行：${when}`);
  out.push(`- 级别：${SEVERITY[m.severity]}；${fixLine(m.fixable, m.fixSafety === "safe")}`);
  out.push(`- 说明：${m.description}`);
  if (m.source) out.push(`- 依据：${m.source}`);
  if (m.id === "formulation/near-miss") {
    for (const p of BUILTIN_PACKS)
      for (const f of p.fixed) out.push(`- 固定提法：${quote(f.phrase)}（${f.source}）`);
    out.push("- 另查规则包中各列举（四个意识、备案审查原则等）的项目");
  }
  const ex = CODE_RULE_EXAMPLES[m.id];
  if (ex) {
    for (const f of ex.fire) out.push(`- 触发：${quote(f.text)}${f.output ? ` → ${quote(f.output)}` : ""}`);
    for (const p of ex.pass) out.push(`- 不触发：${quote(p)}`);
  } else {
    out.push("- 例句：见 test/core 下该规则的测试");
  }
  out.push("");
  return out;
}

/**
 * Which changes `renda lint --fix` makes on its own: every rule's fix safety in one table, so a reviewer sees
 * at a glance that only mechanical changes are applied in bulk.
 */
/** Rules whose reports override their fix safety place by place (Report.fixSafe). */
const PER_PLACE: Record<string, string> = {
  "typography/halfwidth-punctuation": "只有一侧是汉字的标点为修改建议",
  "typography/cjk-space": "括号、书名号内侧的空格为安全修正",
};

function fixSafetyTable(): string[] {
  const out = [
    "## 修改方式",
    "",
    `每条可修改的问题要么是${SAFE}：机械的改动，只有一个正确答案（中文之间的半角逗号改为“，”、“1、”改为“1.”）；`,
    `要么是${SUGGESTION}：改写措辞或要看语境的写法，在 Word 任务窗格和浏览器侧边栏中逐条点选。`,
    "",
    "| 规则 | 修改方式 |",
    "|---|---|",
  ];
  for (const r of [...structureRules, ...codeRules].filter((x) => x.meta.fixable)) {
    const note = PER_PLACE[r.meta.id];
    out.push(
      `| ${code(r.meta.id)} | ${r.meta.fixSafety === "safe" ? "安全修正" : "修改建议"}${note ? `（${note}）` : ""} |`,
    );
  }
  for (const p of BUILTIN_PACKS) {
    const fixable = p.entries.filter(
      (e) => e.type === "enumeration" || (e.fix && (e.expected.length > 0 || !!e.substitute)),
    );
    const safe = fixable.filter((e) => e.type !== "enumeration" && e.safe === true);
    if (fixable.length === 0) continue;
    out.push(
      `| 规则包 ${code(p.id)}（${fixable.length} 条可改） | ${safe.length === 0 ? "修改建议" : `修改建议；安全修正：${safe.map((e) => code(e.id)).join("、")}`} |`,
    );
  }
  out.push("");
  return out;
}

export function renderRulesDoc(): string {
  const byGroup = new Map<string, string[][]>();
  const add = (group: string, lines: string[]) => byGroup.set(group, [...(byGroup.get(group) ?? []), lines]);
  for (const r of [...structureRules]) add(r.meta.group, ruleSection(r));
  for (const p of BUILTIN_PACKS)
    for (const e of p.entries) add(e.id.slice(0, e.id.indexOf("/")), entrySection(e));
  for (const r of codeRules) add(r.meta.group, ruleSection(r));
  // Built from a ledger's figures, so not in the registry: it runs only when the user names a ledger.
  const ledger = ledgerCrossCheck([], "台账.xlsx");
  add(
    ledger.meta.group,
    ruleSection(
      ledger,
      "`renda lint 草稿 --ledger 台账.xlsx`（可加 `--previous-ledger 上年台账.xlsx` 核对“比上年增加N次”）；核对回顾部分的统计数字与台账是否一致",
    ),
  );

  const lines = [
    "# 规则一览（Rules reference）",
    "",
    "本文件由 `npm run docs:rules`（scripts/gen-rules-doc.ts）从规则包（core/src/rules/packs/*.json）和代码规则生成，请勿手改；",
    "测试 test/core/rules/docs.test.ts 检查它与规则一致。文中的“触发 / 不触发”例句都作为测试运行。",
    "",
    "在 renda.config.json 的 `rules` 中按规则编号或组名关闭规则、调整级别（编号优先于组名）；",
    "在文中用 `renda-disable-next-paragraph [编号…]` 段落跳过下一段（见 README）。",
    "",
    "| 组 | 内容 | 条数 |",
    "|---|---|---|",
  ];
  for (const [group, sections] of byGroup)
    lines.push(`| ${code(group)} | ${GROUPS[group] ?? group} | ${sections.length} |`);
  lines.push("", ...fixSafetyTable());
  for (const [group, sections] of byGroup) {
    lines.push(`## ${GROUPS[group] ?? group}（${code(group)}）`, "");
    for (const s of sections) lines.push(...s);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
