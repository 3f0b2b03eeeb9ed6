/**
 * Writes the ribbon and store icons (assets/icon-<size>.png) without an image library: a red seal-like square
 * with a white frame and three white lines of text, drawn per pixel and encoded as an 8-bit RGBA PNG with zlib.
 * Run: npx tsx addin/scripts/make-icons.ts (the PNGs are committed; the manifest test checks them).
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const RED = [0xc8, 0x10, 0x2e, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

function pixel(size: number, x: number, y: number): number[] {
  const m = Math.max(1, Math.round(size / 16));
  const inside = (a: number, lo: number, hi: number) => a >= lo && a < hi;
  if (!inside(x, 0, size) || !inside(y, 0, size)) return CLEAR;
  const frame =
    (inside(x, 2 * m, size - 2 * m) && (inside(y, 2 * m, 3 * m) || inside(y, size - 3 * m, size - 2 * m))) ||
    (inside(y, 2 * m, size - 2 * m) && (inside(x, 2 * m, 3 * m) || inside(x, size - 3 * m, size - 2 * m)));
  // Three lines of "text": a report on a red ground.
  const lines = [5, 8, 11].some((row) => inside(y, row * m, row * m + m)) && inside(x, 5 * m, size - 5 * m);
  return frame || lines ? WHITE : RED;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type: none
    for (let x = 0; x < size; x++) raw.set(pixel(size, x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "assets");
for (const s of SIZES) writeFileSync(join(out, `icon-${s}.png`), png(s));
console.log(`icons written to ${out}`);
