// Draws the extension icon (a red seal-like rounded square with a white check mark) as a PNG, without any
// image library: Plasmo derives the 16/32/48/64/128 px icons from assets/icon.png.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const size = 512;
const px = Buffer.alloc(size * size * 4);
const red = [0xc8, 0x10, 0x2e];
const radius = 96;

function inRoundedSquare(x, y) {
  const m = 16;
  const cx = Math.min(Math.max(x, m + radius), size - m - radius);
  const cy = Math.min(Math.max(y, m + radius), size - m - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= m && y >= m && x < size - m && y < size - m;
}

function distToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

const check = [
  [140, 270],
  [225, 355],
  [380, 170],
];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4;
    if (!inRoundedSquare(x, y)) continue;
    const d = Math.min(distToSegment(x, y, check[0], check[1]), distToSegment(x, y, check[1], check[2]));
    const white = d <= 34;
    px[i] = white ? 255 : red[0];
    px[i + 1] = white ? 255 : red[1];
    px[i + 2] = white ? 255 : red[2];
    px[i + 3] = 255;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", ihdr),
  chunk("IDAT", deflateSync(raw)),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../assets/icon.png", import.meta.url), png);
