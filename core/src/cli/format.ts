import { suggestionText } from "../fix.ts";
import { kindLabel } from "../group.ts";
import type { OmittedFindings } from "../lint.ts";
import {
  countsText,
  isKindGroup,
  type KindGroup,
  MISSING_SECTIONS,
  presentFindings,
  SEVERITIES,
  type SeverityCounts,
  severityWord,
} from "../present.ts";
import { builtinRules } from "../rules/registry.ts";
import type { Diagnostic } from "../schema/diagnostic.ts";
import type { DocumentKindId, KindDetection } from "../schema/kinds.ts";
import { kindUncertain } from "../sections/kind.ts";
import { getKind, kindName } from "../sections/kinds.ts";
import { missingSections, sectionLabel } from "../sections/label.ts";

/** One linted file as the formatters see it. */
export interface FileReport {
  path: string;
  kind: DocumentKindId;
  /** Why the kind was chosen (or that the user chose it). */
  kindDetection?: KindDetection;
  year: number | null;
  found: string[];
  missing: string[];
  diagnostics: Diagnostic[];
  /** The linted text, for showing the words in question. */
  text: string;
  /** How the file was read, when that is worth saying (GBK text, say). */
  notice?: string;
  /** Findings past `--max-findings`: counted, not listed. */
  omitted?: OmittedFindings;
}

/** `renda lint --format json`: exactly the shape README.md documents ("--format json"), which tests and CI rely on. */
export function formatJson(files: readonly FileReport[]): string {
  return `${JSON.stringify(
    {
      files: files.map((f) => ({
        path: f.path,
        kind: f.kind,
        year: f.year,
        // Added after that contract was first published: what the kind detection saw; every field above stays as it was.
        ...(f.kindDetection
          ? {
              kindDetection: {
                confidence: f.kindDetection.confidence,
                evidence: f.kindDetection.evidence,
                forced: f.kindDetection.forced,
              },
            }
          : {}),
        sections: { found: f.found, missing: f.missing },
        diagnostics: f.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          start: d.start,
          end: d.end,
          line: d.line,
          column: d.column,
          section: d.section,
          expected: d.expected,
          fix: d.fix,
          // Added with fix safety: `fix` is only ever a safe change; the rest are offered here.
          suggestions: d.suggestions ?? [],
        })),
        // Added with the output cap (issue 14): findings past --max-findings, counted per rule id.
        ...(f.omitted ? { omitted: f.omitted } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** Shown when the text states no year (no date line, no year in its title or part headings). */
export const YEAR_UNKNOWN = "未能识别年份，过时表述按年份判断的检查未运行；可用 --year 指定";

function excerpt(text: string, start: number, end: number): string {
  if (end <= start) {
    const lineEnd = text.indexOf("\n", start);
    const s = text.slice(start, lineEnd === -1 ? undefined : lineEnd);
    return s.length > 30 ? `${s.slice(0, 30)}…` : s;
  }
  const s = text.slice(start, end).replace(/\n/g, "↵");
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** 文稿类型 line of the file header: the kind, why, and how to force another. */
export function kindLine(d: KindDetection): string {
  if (d.forced) return `类型：${kindName(d.kind)}（按 --kind 或配置文件指定）`;
  const why = d.evidence.length ? `依据：${d.evidence.join("；")}` : "未见明确标志";
  const head = `类型：${kindName(d.kind)}（自动识别，把握 ${Math.round(d.confidence * 100)}%；${why}）。`;
  const how = "可用 --kind 指定（工作报告、工作要点、政府工作报告、其他）";
  if (kindUncertain(d)) return `${head}类型把握不足，章节结构问题只作提示；${how}`;
  return `${head}如识别有误，${how}`;
}

export interface StylishOptions {
  color: boolean;
}

/** Human output in Chinese, grouped by section, with line:column and the words in question. */
export function formatStylish(files: readonly FileReport[], opts: StylishOptions): string {
  const c = (code: number, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor = { error: 31, warning: 33, info: 36 } as const;
  const out: string[] = [];
  const total: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of files) {
    out.push(c(1, `${f.path}`) + c(2, `（${kindName(f.kind)}${f.year ? `，${f.year}年` : ""}）`));
    if (f.notice) out.push(c(2, `  ${f.notice}`));
    if (f.kindDetection) out.push(c(2, `  ${kindLine(f.kindDetection)}`));
    // Dated rules judge a text by its own year and never guess it from today's date: say when they had none.
    if (f.year === null) out.push(c(33, `  ${YEAR_UNKNOWN}`));
    const missing = missingSections(f.kind, f.missing).map((m) => m.label);
    out.push(
      getKind(f.kind)
        ? `  章节：已识别 ${f.found.length} 个${missing.length ? `，缺少 ${missing.length} 个（${missing.join("、")}）` : "，无缺失"}`
        : "  章节：此类文稿不检查章节结构，只检查表述",
    );
    // The order and the words are core's (present.ts), shared with the task pane and the side panel.
    const shown = presentFindings(f.diagnostics, (id) => sectionLabel(f.kind, id));
    for (const s of SEVERITIES) total[s] += shown.counts[s];
    const blocks = [
      ...(shown.missing.length ? [{ label: MISSING_SECTIONS, rows: shown.missing }] : []),
      ...shown.sections.map((sec) => ({ label: sec.label, rows: sec.bands.flatMap((b) => b.rows) })),
    ];
    for (const { label, rows } of blocks) {
      out.push(`  ${c(4, label)}`);
      for (const item of rows) {
        if (isKindGroup(item)) {
          out.push(...groupLines(item, f.text, c, sevColor));
          continue;
        }
        const d = item;
        const pos = `${d.line}:${d.column}`.padEnd(8);
        out.push(
          `    ${c(2, pos)}${c(sevColor[d.severity], severityWord(d.severity))}  ${d.message}  ${c(2, d.ruleId)}`,
        );
        const words = excerpt(f.text, d.start, d.end);
        if (words.trim())
          out.push(
            `            ${c(2, `“${words}”`)}${d.expected.length && d.fix ? c(32, ` → “${d.expected[0]}”`) : ""}${suggestionHint(d, f.text, c)}`,
          );
      }
    }
    out.push("");
  }
  const count = total.error + total.warning + total.info;
  out.push(
    count === 0
      ? c(32, `✓ ${files.length} 个文件，未发现问题`)
      : `共 ${count} 个问题（${countsText(total)}），${files.length} 个文件`,
  );
  return `${out.join("\n")}\n`;
}

type Paint = (code: number, s: string) => string;

/** A suggestion is offered, not applied: shown apart from the safe fix's green arrow. */
function suggestionHint(d: Diagnostic, text: string, c: Paint): string {
  if (d.fix || !d.suggestions || d.suggestions.length === 0) return "";
  return c(36, `  建议：${d.suggestions.map((s) => suggestionText(s, text)).join(" / ")}`);
}

/** Places per line under a group header. */
const PLACES_PER_LINE = 6;

function groupLines(
  group: KindGroup,
  text: string,
  c: Paint,
  sevColor: Record<Diagnostic["severity"], number>,
): string[] {
  const ds = group.items;
  const first = ds[0]!;
  const pos = `${first.line}:${first.column}`.padEnd(8);
  const safe = ds.filter((d) => d.fix).length;
  const offered = ds.filter((d) => !d.fix && d.suggestions?.length).length;
  const how = [safe ? `${safe}处可安全修正` : "", offered ? `${offered}处为修改建议` : ""].filter(Boolean);
  const out = [
    `    ${c(2, pos)}${c(sevColor[first.severity], severityWord(first.severity))}  ${kindLabel(group)} ×${ds.length}${how.length ? `（${how.join("，")}）` : ""}  ${c(2, first.ruleId)}`,
  ];
  const places = ds.map((d) => {
    const words = excerpt(text, d.start, d.end).trim();
    const change = d.fix
      ? ` → “${d.fix.text}”`
      : d.suggestions?.[0]
        ? `（建议“${d.suggestions[0].fix.text}”）`
        : "";
    return `${d.line}:${d.column}${words ? ` “${words}”${change}` : ""}`;
  });
  for (let i = 0; i < places.length; i += PLACES_PER_LINE)
    out.push(`            ${c(2, places.slice(i, i + PLACES_PER_LINE).join("  "))}`);
  return out;
}

/** SARIF 2.1.0 for code-scanning dashboards in CI. */
export function formatSarif(files: readonly FileReport[], version: string): string {
  const rules = builtinRules().map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    ...(r.meta.source
      ? { properties: { source: r.meta.source, group: r.meta.group } }
      : { properties: { group: r.meta.group } }),
  }));
  const level = { error: "error", warning: "warning", info: "note" } as const;
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "renda", informationUri: "https://example.invalid/renda", version, rules } },
        results: files.flatMap((f) =>
          f.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            level: level[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path.replace(/\\/g, "/") },
                  region: {
                    startLine: d.line,
                    startColumn: d.column,
                    charOffset: d.start,
                    charLength: d.end - d.start,
                  },
                },
              },
            ],
            ...(d.fix
              ? {
                  fixes: [
                    {
                      description: { text: d.expected[0] ? `改为“${d.expected[0]}”` : "应用修正" },
                      artifactChanges: [
                        {
                          artifactLocation: { uri: f.path.replace(/\\/g, "/") },
                          replacements: [
                            {
                              deletedRegion: { charOffset: d.fix.start, charLength: d.fix.end - d.fix.start },
                              insertedContent: { text: d.fix.text },
                            },
                          ],
                        },
                      ],
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
