import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixesOf } from "../../../core/src/fix.ts";
import { fixDocx } from "../../../core/src/io/docx-fix.ts";
import { readDocx } from "../../../core/src/io/docx-read.ts";
import { reviewCopy } from "../../../core/src/io/review.ts";
import { lint } from "../../../core/src/lint.ts";
import { p, r, rawDocx } from "./raw.ts";

/**
 * The drafter's last step, in a real word processor: open the review copy and accept every tracked change
 * (LibreOffice's .uno:AcceptAllTrackedChanges, run headless through UNO by test/helpers/lo-accept.py with
 * Debian's python3-uno). The text must be what `renda lint --fix` writes, as LibreOffice reads that file.
 *
 * LibreOffice 7.4 (Debian 12) aborts when it builds the comment margin of a document opened through UNO in
 * headless mode (a NoSuchElementException in InterimItemWindow), whatever the document; converting with
 * --convert-to creates no view and is fine. So this test takes our comment anchors and references out of the
 * review copy before opening it (the drafter deleting the comments) and keeps every w:ins/w:del as written.
 */
/** Debian's python3 with python3-uno (scripts/preflight.ts checks it; RENDA_PYTHON_UNO names another). */
const PYTHON = process.env.RENDA_PYTHON_UNO ?? "/usr/bin/python3";
const BODY = [
  p(r("某县人民代表大会常务委员会工作报告")),
  p(r("各位代表：")),
  p(r("一、2025年主要工作回顾")),
  p(`${r("常委会听取", "<w:b/>")}${r("一府两院工作报告,审议了计划。")}`),
  p(r("1、加强监督工作，听取专项报告3个。")),
  p(r("开展执法检查,共4次。")),
  p(r("二、2026年主要任务")),
  p(r("做好代表工作。")),
].join("");

function withoutComments(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files["word/document.xml"]!)
    .replace(/<w:commentRange(?:Start|End)\b[^>]*\/>/g, "")
    .replace(/<w:r>(?:(?!<\/w:r>).)*?<w:commentReference\b[^>]*\/>(?:(?!<\/w:r>).)*?<\/w:r>/gs, "");
  files["word/document.xml"] = strToU8(xml);
  return zipSync(files);
}

describe("accepting all changes of the review copy in LibreOffice", { timeout: 300_000 }, () => {
  let dir: string;
  let accepted: string;
  let fixed: string;
  let original: string;
  let changes: number;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "renda-review-accept-"));
    const docx = rawDocx(BODY);
    original = readDocx(docx)
      .blocks.map((b) => b.text)
      .join("\n");
    const result = lint({ blocks: readDocx(docx).blocks });
    changes = fixesOf(result.diagnostics).length;
    const review = withoutComments(reviewCopy({ docx }, result).bytes);
    writeFileSync(join(dir, "审校稿.docx"), review);
    writeFileSync(join(dir, "fixed.docx"), fixDocx(docx, fixesOf(result.diagnostics)).bytes);
    execFileSync(
      PYTHON,
      [
        join(import.meta.dirname, "../../helpers/lo-accept.py"),
        join(dir, "审校稿.docx"),
        join(dir, "accepted.txt"),
        join(dir, "profile-accept"),
      ],
      { stdio: "pipe", timeout: 240_000 },
    );
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile-convert")}`,
        "--headless",
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        dir,
        join(dir, "fixed.docx"),
      ],
      { stdio: "pipe", timeout: 240_000 },
    );
    const read = (f: string) =>
      readFileSync(join(dir, f), "utf8")
        .replace(/^\uFEFF/, "")
        .trimEnd();
    accepted = read("accepted.txt");
    fixed = read("fixed.txt");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the text renda lint --fix gives", () => {
    expect(changes).toBeGreaterThan(1);
    expect(accepted).toBe(fixed);
  });

  it("changed the draft where the safe fixes are, and nowhere else", () => {
    expect(accepted).not.toBe(original.trimEnd());
    expect(accepted).toContain("一府两院工作报告，审议了计划。");
    expect(accepted).toContain("1.加强监督工作");
    expect(accepted.split("\n")).toHaveLength(original.split("\n").length);
  });
});
