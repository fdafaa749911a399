// Draws StatDesk's icons (a rising bar chart on a blue tile) as PNGs at the sizes the manifest
// names, with nothing but Node's zlib: `node scripts/make-icons.js` rewrites assets/icon-*.png.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A size×size RGBA PNG from a pixel function (x, y in 0..1) → [r, g, b, a]. */
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling for smooth edges at 16 px.
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        acc = acc.map((v, i) => v + (i === 3 ? p[3] : p[i] * p[3]));
      }
      const alpha = acc[3] / 16;
      const colour = alpha > 0 ? acc.slice(0, 3).map((v) => Math.round(v / acc[3])) : [0, 0, 0];
      colour.concat([Math.round(alpha)]).forEach((v, i) => (row[1 + x * 4 + i] = v));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

const BLUE = [47, 85, 151];
const WHITE = [255, 255, 255];
const RED = [214, 60, 60];

function icon(x, y) {
  const r = 0.16; // rounded tile
  const inside = (px, py) => {
    const cx = Math.min(Math.max(px, r), 1 - r);
    const cy = Math.min(Math.max(py, r), 1 - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
  };
  if (!inside(x, y)) return [0, 0, 0, 0];
  // three bars rising left to right, the last one red (an increase, 红涨)
  const bars = [
    [0.2, 0.36, 0.58],
    [0.42, 0.58, 0.42],
    [0.64, 0.8, 0.24],
  ];
  for (const [left, right, top] of bars) {
    if (x >= left && x <= right && y >= top && y <= 0.8) return [...(left === 0.64 ? RED : WHITE), 255];
  }
  return [...BLUE, 255];
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), png(size, icon));
}
console.log("assets/icon-{16,32,64,80,128}.png written");
