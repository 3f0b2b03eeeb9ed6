import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readZip, writeZip, type ZipEntry } from "../../core/src/io/zip.ts";
import { checkLedger } from "../../core/src/ledger/check.ts";
import { writeSampleLedger } from "../../core/src/ledger/sample.ts";
import { renda } from "../helpers/cli.ts";

// Each CLI run starts node and tsx: seconds apiece on a shared, loaded machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

/**
 * Issue 14, "refuse what is damaged": each damaged ledger, generated here from the sample, must be unusable
 * (CLI exit 2) with a message that names what is wrong, and the two readers (streaming, and the whole-file
 * one) must agree. Before the fix a missing 代表建议 part read as 0 rows and "共发现错误0处".
 */

let sample: Uint8Array;
/** Sheet name → part path, and the workbook's relationship id for it. */
let sheetPart: (name: string) => { path: string; rid: string };

beforeAll(async () => {
  sample = await writeSampleLedger({ year: 2025 });
  const files = unzipSync(sample);
  const wb = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  sheetPart = (name) => {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
    const t = target?.[1] ?? target?.[2];
    if (!rid || !t) throw new Error(`sample has no sheet ${name}`);
    return { path: t.startsWith("/") ? t.slice(1) : `xl/${t}`, rid };
  };
});

/** Rewrites parts (contents) of the sample; fflate writes correct CRCs. */
function withParts(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(sample);
  change(files);
  return zipSync(files);
}

/** Rewrites the sample's ZIP directory itself (names, CRCs, shared data), which fflate would not write. */
function withEntries(change: (entries: ZipEntry[]) => ZipEntry[]): Uint8Array {
  return writeZip(change(readZip(sample, "sample").map((e) => ({ ...e }))));
}

function nested(depth: number): string {
  return `${"<x>".repeat(depth)}${"</x>".repeat(depth)}`;
}

const CASES: [string, () => Uint8Array, RegExp][] = [
  [
    "the 代表建议 sheet part is missing",
    () => withParts((f) => delete f[sheetPart("代表建议").path]),
    /工作表“代表建议”.*不在压缩包中/,
  ],
  [
    "the 代表建议 relationship points outside the package",
    () =>
      withParts((f) => {
        const { rid } = sheetPart("代表建议");
        const rels = strFromU8(f["xl/_rels/workbook.xml.rels"]!);
        f["xl/_rels/workbook.xml.rels"] = strToU8(
          rels.replace(
            new RegExp(`(<Relationship [^>]*Id="${rid}"[^>]*Target=")[^"]+"`),
            '$1../../../etc/passwd"',
          ),
        );
      }),
    /工作表“代表建议”.*指向压缩包之外/,
  ],
  [
    "the 代表建议 relationship is gone from the relationships part",
    () =>
      withParts((f) => {
        const { rid } = sheetPart("代表建议");
        const rels = strFromU8(f["xl/_rels/workbook.xml.rels"]!);
        f["xl/_rels/workbook.xml.rels"] = strToU8(
          rels.replace(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`), ""),
        );
      }),
    /工作表“代表建议”.*关系/,
  ],
  [
    "workbook.xml nested 10,000 levels deep",
    () =>
      withParts((f) => {
        const wb = strFromU8(f["xl/workbook.xml"]!);
        f["xl/workbook.xml"] = strToU8(wb.replace("<sheets>", `${nested(10_000)}<sheets>`));
      }),
    /workbook\.xml.*嵌套超过/,
  ],
  [
    "styles.xml nested 10,000 levels deep",
    () =>
      withParts((f) => {
        const st = strFromU8(f["xl/styles.xml"]!);
        f["xl/styles.xml"] = strToU8(st.replace(/(<styleSheet[^>]*>)/, `$1${nested(10_000)}`));
      }),
    /styles\.xml.*嵌套超过/,
  ],
  [
    "a sheet part nested 10,000 levels deep",
    () =>
      withParts((f) => {
        const p = sheetPart("代表建议").path;
        f[p] = strToU8(strFromU8(f[p]!).replace("<sheetData>", `<sheetData>${nested(10_000)}`));
      }),
    /工作表“代表建议”.*嵌套超过/,
  ],
  [
    // The streaming reader reads the shared strings itself (each part is inflated once), so it gauges them.
    "sharedStrings.xml nested 10,000 levels deep",
    () =>
      withParts((f) => {
        const sst = strFromU8(f["xl/sharedStrings.xml"]!);
        f["xl/sharedStrings.xml"] = strToU8(sst.replace(/(<sst[^>]*>)/, `$1${nested(10_000)}`));
      }),
    /sharedStrings\.xml.*嵌套超过/,
  ],
  [
    "sharedStrings.xml whose CRC-32 does not match",
    () =>
      withEntries((es) =>
        es.map((e) => (e.name === "xl/sharedStrings.xml" ? { ...e, crc32: (e.crc32 ^ 1) >>> 0 } : e)),
      ),
    /sharedStrings\.xml.*CRC-32/,
  ],
  [
    "a sheet part whose CRC-32 does not match (tampered)",
    () =>
      withEntries((es) =>
        es.map((e) => (e.name === sheetPart("代表建议").path ? { ...e, crc32: (e.crc32 ^ 1) >>> 0 } : e)),
      ),
    /CRC-32/,
  ],
  [
    "styles.xml whose CRC-32 does not match",
    () =>
      withEntries((es) =>
        es.map((e) => (e.name === "xl/styles.xml" ? { ...e, crc32: (e.crc32 ^ 1) >>> 0 } : e)),
      ),
    /styles\.xml.*CRC-32/,
  ],
  [
    "the same part name twice",
    () => withEntries((es) => [...es, { ...es.find((e) => e.name === "xl/workbook.xml")! }]),
    /出现了两次/,
  ],
  [
    "an entry named ../../x",
    () => withEntries((es) => [...es, { ...es[0]!, name: "../../x" }]),
    /名称不合规/,
  ],
  [
    "an entry named /etc/x (absolute)",
    () => withEntries((es) => [...es, { ...es[0]!, name: "/etc/x" }]),
    /名称不合规/,
  ],
  [
    "two entries sharing the same data (overlap)",
    () => {
      // writeZip lays entries out one after another; point a second directory record at the first's data.
      const bytes = withEntries((es) => [...es, { ...es[0]!, name: "xl/copy.xml" }]);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const eocd = bytes.length - 22;
      const cd = view.getUint32(eocd + 16, true);
      let p = cd;
      let last = p;
      for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
        last = p;
        p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      }
      view.setUint32(last + 42, 0, true);
      return bytes;
    },
    /重叠/,
  ],
];

describe("a damaged ledger is refused by both readers with the same verdict", () => {
  it.each(CASES)("%s", async (_name, make, message) => {
    const bytes = make();
    const stream = await checkLedger(bytes, { fileName: "台账.xlsx", reader: "stream" });
    const full = await checkLedger(bytes, { fileName: "台账.xlsx", reader: "full" });
    for (const r of [stream, full]) {
      expect(r.usable, `${r.reader}: ${r.issues.map((i) => i.message).join("\n")}`).toBe(false);
      expect(r.issues.map((i) => i.message).join("\n"), r.reader).toMatch(message);
    }
    expect(full.issues.map((i) => i.code)).toEqual(stream.issues.map((i) => i.code));
  });

  it("the undamaged sample reads as usable by both (the table's baseline)", async () => {
    for (const reader of ["stream", "full"] as const) {
      const r = await checkLedger(sample, { fileName: "台账.xlsx", reader });
      expect(r.usable).toBe(true);
      expect(r.rowCounts.Suggestions).toBeGreaterThan(0);
    }
  });
});

describe("the CLI refuses a damaged ledger with exit 2", () => {
  it("ledger check and draft --ledger with the 代表建议 part missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "renda-damaged-"));
    const ledger = join(dir, "台账.xlsx");
    writeFileSync(ledger, CASES[0]![1]());
    const check = renda(["ledger", "check", ledger]);
    expect(check.code, check.stdout).toBe(2);
    expect(check.stdout).toContain("代表建议");
    expect(check.stdout).not.toContain("共发现错误0处");
    const draft = renda([
      "draft",
      "--kind",
      "work-report",
      "--year",
      "2025",
      "--ledger",
      ledger,
      "-o",
      join(dir, "d.docx"),
    ]);
    expect(draft.code, draft.stderr).toBe(2);
    expect(draft.stderr).toContain("代表建议");
  }, 180_000);
});
