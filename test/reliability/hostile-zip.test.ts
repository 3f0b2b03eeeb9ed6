import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fillDocx } from "../../core/src/io/docx-fill.ts";
import { readDocx } from "../../core/src/io/docx-read.ts";
import { readZip, writeZip, type ZipEntry } from "../../core/src/io/zip.ts";
import { renda } from "../helpers/cli.ts";
import { makeDocx } from "../helpers/make-docx.ts";

// Each CLI run starts node and tsx: seconds apiece on a shared, loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

/**
 * Issue 14, hostile .docx packages: each is refused with a Chinese message naming the file (exit 2 in the CLI),
 * never read silently, never copied into `fill` output, never a stack trace.
 */

let good: Uint8Array;

beforeAll(async () => {
  good = await makeDocx([
    { text: "一、坚持党的全面领导", heading: 1 },
    { text: "严格执行请示报告制度，确保正确方向。" },
  ]);
});

function withParts(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(good);
  change(files);
  return zipSync(files);
}

function withEntries(change: (entries: ZipEntry[]) => ZipEntry[]): Uint8Array {
  return writeZip(change(readZip(good, "good").map((e) => ({ ...e }))));
}

const DOC = "word/document.xml";

const CASES: [string, () => Uint8Array, RegExp][] = [
  [
    "document.xml nested 10,000 levels deep",
    () =>
      withParts((f) => {
        const xml = strFromU8(f[DOC]!);
        f[DOC] = strToU8(
          xml.replace("<w:body>", `<w:body>${"<w:p>".repeat(10_000)}${"</w:p>".repeat(10_000)}`),
        );
      }),
    /document\.xml.*嵌套超过/,
  ],
  [
    "document.xml with a CRC-32 that does not match",
    () => withEntries((es) => es.map((e) => (e.name === DOC ? { ...e, crc32: (e.crc32 ^ 0x10) >>> 0 } : e))),
    /document\.xml.*CRC-32/,
  ],
  [
    "styles.xml (copied untouched by fill) with a bad CRC-32",
    () =>
      withEntries((es) =>
        es.map((e) => (e.name === "word/styles.xml" ? { ...e, crc32: (e.crc32 ^ 1) >>> 0 } : e)),
      ),
    /styles\.xml.*CRC-32/,
  ],
  [
    "an entry named ../../x",
    () => withEntries((es) => [...es, { ...es[0]!, name: "../../x" }]),
    /名称不合规/,
  ],
  ["an entry named C:/x", () => withEntries((es) => [...es, { ...es[0]!, name: "C:/x" }]), /名称不合规/],
  [
    "a name with an escape character",
    () => withEntries((es) => [...es, { ...es[0]!, name: "a\u001b[2Jb" }]),
    /名称不合规.*\\x1b/,
  ],
  [
    "document.xml twice (one differing in case)",
    () => withEntries((es) => [...es, { ...es.find((e) => e.name === DOC)!, name: "WORD/document.xml" }]),
    /出现了两次/,
  ],
  [
    "a 40 MB document.xml that compresses 1000:1",
    () =>
      withParts((f) => {
        const xml = strFromU8(f[DOC]!);
        const para = "<w:p><w:r><w:t>严格执行请示报告制度,确保正确方向,</w:t></w:r></w:p>";
        f[DOC] = strToU8(
          xml.replace("<w:body>", `<w:body>${para.repeat(Math.ceil((40 * 1024 * 1024) / para.length))}`),
        );
      }),
    /压缩比/,
  ],
];

describe("hostile packages are refused by the reader and by fill", () => {
  it.each(CASES)("%s", (_name, make, message) => {
    const bytes = make();
    expect(() => readDocx(bytes, "草稿.docx")).toThrow(message);
    expect(() => fillDocx(bytes, {}, "草稿.docx")).toThrow(message);
  });

  it("the untouched package reads (the table's baseline)", () => {
    expect(readDocx(good, "草稿.docx").blocks.length).toBeGreaterThan(0);
  });
});

describe("in the CLI: exit 2, a message, no stack trace", () => {
  it("lint and fill of a document nested 10,000 levels deep", () => {
    const d = mkdtempSync(join(tmpdir(), "renda-hostile-"));
    const p = join(d, "草稿.docx");
    writeFileSync(p, CASES[0]![1]());
    writeFileSync(join(d, "s.json"), "{}");
    for (const r of [
      renda(["lint", "--no-config", p]),
      renda(["fill", p, "--slots", join(d, "s.json"), "-o", join(d, "out.docx")]),
    ]) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain("嵌套超过");
      expect(r.stderr).not.toMatch(/\n\s+at |内部错误/);
    }
  }, 180_000);

  it("escape sequences in a document reach the terminal only as visible characters", () => {
    const d = mkdtempSync(join(tmpdir(), "renda-hostile-"));
    const p = join(d, "草稿.txt");
    writeFileSync(
      p,
      "一、坚持党的\u001b]0;pwned\u0007全面领导\u001b[2J\n严格执行请示报告制度，确保正确方向。\n",
    );
    const r = renda(["lint", "--no-config", p]);
    expect(r.stdout).toContain("坚持党的");
    expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(r.stdout).toContain("\u241b");
  }, 180_000);
});
