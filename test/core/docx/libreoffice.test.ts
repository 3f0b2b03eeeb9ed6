import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDraft } from "../../../core/src/io/docx-draft.ts";
import { SLOTS } from "./slots.ts";

/**
 * The draft as LibreOffice (Debian: libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils) lays it out:
 * many offices have no Microsoft Word, so the file must come out right in LibreOffice too.
 */
const ARTIFACTS = join(import.meta.dirname, "../../artifacts");
const PT_PER_MM = 72 / 25.4;

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else
      out.push({ page: pages.length, xMin: +m[3]!, yMin: +m[4]!, xMax: +m[5]!, yMax: +m[6]!, text: m[7]! });
  }
  return { pages, words: out };
}

describe("the draft converted by LibreOffice", () => {
  let dir: string;
  let pdf: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "renda-lo-"));
    const docx = join(dir, "draft.docx");
    writeFileSync(docx, await renderDraft({ kind: "work-report", year: 2025, slots: SLOTS }));
    // A fresh profile: a shared one is locked by any other soffice running on the machine.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        docx,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    pdf = join(dir, "draft.pdf");
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(dir, "page1"),
    ]);
    copyFileSync(join(dir, "page1.png"), join(ARTIFACTS, "draft-work-report-page1.png"));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is A4", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(2);
  });

  it("keeps the text inside the GB/T 9704 margins (37/35/28/26 mm) and fills the line", () => {
    const { pages, words: all } = words(pdf);
    const { width, height } = pages[0]!;
    const footerTop = height - 35 * PT_PER_MM;
    const body = all.filter((w) => w.yMin < footerTop);
    const left = Math.min(...body.map((w) => w.xMin));
    // LibreOffice hangs a line-final 、，。 into the margin (hanging punctuation; the draft turns it off for
    // Word with w:overflowPunct, which LibreOffice 7.4 does not read from the defaults): measure before it.
    const right = Math.max(...body.map((w) => w.xMax - (/[、，。；：）”]$/.test(w.text) ? 16 : 0)));
    const top = Math.min(...body.map((w) => w.yMin));
    expect(left / PT_PER_MM).toBeCloseTo(28, 0);
    expect((width - right) / PT_PER_MM).toBeGreaterThan(25);
    expect((width - right) / PT_PER_MM).toBeLessThan(28);
    expect(top / PT_PER_MM).toBeGreaterThanOrEqual(37);
    expect(top / PT_PER_MM).toBeLessThan(45);
    expect(Math.max(...body.map((w) => w.yMax)) / PT_PER_MM).toBeLessThanOrEqual(297 - 35 + 0.5);
  });

  it("sets 28 characters per full line and 22 lines per full page", () => {
    const { pages, words: all } = words(pdf);
    const footerTop = pages[0]!.height - 35 * PT_PER_MM;
    const page2 = all.filter((w) => w.page === 2 && w.yMin < footerTop);
    const lines = new Map<number, string>();
    for (const w of page2) lines.set(Math.round(w.yMin), (lines.get(Math.round(w.yMin)) ?? "") + w.text);
    const lengths = [...lines.values()].map((l) => [...l].length);
    expect(Math.max(...lengths)).toBe(28);
    // Headings are kept with their next paragraph, so a page may end a line early.
    expect(lines.size).toBeGreaterThanOrEqual(21);
    expect(lines.size).toBeLessThanOrEqual(22);
  });

  it("numbers pages “— n —”, odd ones on the right, even ones on the left", () => {
    const { pages, words: all } = words(pdf);
    const width = pages[0]!.width;
    const footer = (page: number) => {
      const ws = all.filter((w) => w.page === page && w.yMin > pages[0]!.height - 35 * PT_PER_MM);
      return {
        text: ws.map((w) => w.text).join(""),
        centre: (Math.min(...ws.map((w) => w.xMin)) + Math.max(...ws.map((w) => w.xMax))) / 2,
      };
    };
    expect(footer(1).text).toBe("—1—");
    expect(footer(1).centre).toBeGreaterThan(width * 0.7);
    expect(footer(2).text).toBe("—2—");
    expect(footer(2).centre).toBeLessThan(width * 0.3);
  });

  it("has its Chinese text extractable, generated sentences included", () => {
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain("××县人民代表大会常务委员会工作报告");
    expect(text).toContain("2025年主要工作回顾");
    expect(text).toContain("共召开常委会会议7次、主任会议12次");
    expect(text).toContain("代表建议办理情况统计表");
    expect(text).toContain("县发展和改革局");
  });

  it("keeps a PNG of page 1 as an artifact", () => {
    const png = readFileSync(join(ARTIFACTS, "draft-work-report-page1.png"));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
  });
});
