import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDraft } from "../../../core/src/io/docx-draft.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { lint } from "../../../core/src/lint.ts";
import { getKind } from "../../../core/src/sections/kinds.ts";
import { fromBlocks } from "../../../core/src/text/model.ts";
import { SLOTS } from "./slots.ts";

describe.each(["work-report", "work-plan"] as const)("renda draft --kind %s", async (kind) => {
  const bytes = await renderDraft({ kind, year: 2025, slots: SLOTS });
  const content = readDocx(bytes, "draft.docx");
  const result = lint({ blocks: content.blocks }, { kind });

  it("has every section of the kind, found by the linter, with nothing missing", () => {
    expect(result.sections.missing).toEqual([]);
    for (const s of getKind(kind).sections) {
      const found = result.sections.found.includes(s.id) || result.sections.found.includes(`tasks.${s.id}`);
      expect(found, s.id).toBe(true);
    }
    expect(result.year).toBe(2025);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("puts the generated content in controls tagged renda:<slot>", () => {
    const text = fromBlocks(content.blocks).text;
    const byTag = new Map(content.controls.map((c) => [c.tag, c]));
    expect([...byTag.keys()].sort()).toEqual([
      "renda:overview",
      "renda:suggestions",
      "renda:suggestions-table",
    ]);
    const overview = byTag.get("renda:overview")!;
    expect(overview.level).toBe("block");
    expect(text.slice(overview.start, overview.end)).toBe(
      SLOTS.overview!.kind === "paragraphs" ? SLOTS.overview!.paragraphs.join("\n") : "",
    );
    const table = byTag.get("renda:suggestions-table")!;
    const cells = content.blocks.slice(table.firstBlock, table.endBlock);
    expect(cells.map((b) => b.text)).toContain("县发展和改革局");
    expect(cells.find((b) => b.text === "代表建议办理情况统计表")?.hint?.inTable).toBe(true);
  });

  it("lays the page out per GB/T 9704-2012", () => {
    const files = unzipSync(bytes);
    const doc = strFromU8(files["word/document.xml"]!);
    const styles = strFromU8(files["word/styles.xml"]!);
    const settings = strFromU8(files["word/settings.xml"]!);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 37/26/35/28 mm in twips
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/,
    );
    expect(styles).toContain('<w:spacing w:line="579" w:lineRule="exact"');
    expect(styles).toContain('w:firstLineChars="200"');
    expect(styles).toMatch(/w:styleId="Title".*?w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>/s);
    expect(styles).toMatch(/w:styleId="Heading1".*?w:eastAsia="黑体"/s);
    expect(styles).toMatch(/w:styleId="Heading2".*?w:eastAsia="楷体_GB2312"/s);
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain("— ");
      expect(f).toContain("PAGE");
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((f) => /<w:jc w:val="(left|right)"\/>/.exec(f)?.[1]).sort()).toEqual([
      "left",
      "right",
    ]);
  });

  it("gives the same document for the same input (only docProps' creation time differs)", async () => {
    const again = unzipSync(await renderDraft({ kind, year: 2025, slots: SLOTS }));
    const first = unzipSync(bytes);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    for (const name of Object.keys(first).filter((n) => n !== "docProps/core.xml")) {
      expect(strFromU8(again[name]!), name).toBe(strFromU8(first[name]!));
    }
  });
});

describe("the skeleton's words", () => {
  it("titles a report for its year and the plan for its year", async () => {
    const report = readDocx(await renderDraft({ kind: "work-report", year: 2025, slots: {} })).blocks.map(
      (b) => b.text,
    );
    expect(report).toContain("2025年主要工作回顾");
    expect(report).toContain("2026年主要任务");
    expect(report[1]).toMatch(/^——2026年/);
    const plan = readDocx(
      await renderDraft({
        kind: "work-plan",
        year: 2026,
        slots: {},
        body: { organShort: "青山县人大常委会" },
      }),
    ).blocks.map((b) => b.text);
    expect(plan[0]).toBe("青山县人大常委会2026年工作要点");
    expect(plan[1]).toMatch(/^（2026年.*通过）$/);
  });
});
