/**
 * Draws the add-in's icons as PNG files in addin/assets: a green sheet with ledger lines and a blue
 * pane on its right. Office asks for the ribbon icons at 16, 32 and 80 pixels and, on high-DPI
 * screens, at 20, 24, 40, 48 and 64; the add-in's own icon is 32 and 64, 128 for listings. Run with `npx tsx addin/tools/make-icons.ts`;
 * the files are committed, so this only runs when the design changes.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

type RGBA = [number, number, number, number];

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const GREEN: RGBA = [16, 124, 65, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const BLUE: RGBA = [15, 108, 189, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

function icon(size: number): Buffer {
  const u = size / 16;
  const radius = 2 * u;
  return png(size, (px, py) => {
    const x = px + 0.5;
    const y = py + 0.5;
    const inside = (x0: number, y0: number, x1: number, y1: number) => x >= x0 && x < x1 && y >= y0 && y < y1;
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return CLEAR;
    if (inside(10.5 * u, 2 * u, 14 * u, 14 * u)) return BLUE;
    for (const row of [4, 7, 10, 13])
      if (inside(2.5 * u, (row - 0.6) * u, 9 * u, (row + 0.6) * u)) return WHITE;
    return GREEN;
  });
}

const dir = fileURLToPath(new URL("../assets/", import.meta.url));
for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) writeFileSync(`${dir}icon-${size}.png`, icon(size));
console.log(`Icons written to ${dir}`);
