// Draws images/icon.png (128x128): three stacked layers on a blue rounded square.
// Plain Node (zlib for the PNG's IDAT), so no image tool is needed. Run: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => pixels.set([r, g, b, a], (y * size + x) * 4);
const inRounded = (x, y, x0, y0, x1, y1, radius) => {
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const layers = [
  { y: 30, color: [255, 255, 255, 255] },
  { y: 56, color: [200, 230, 255, 255] },
  { y: 82, color: [140, 200, 250, 255] },
];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    if (!inRounded(x + 0.5, y + 0.5, 4, 4, 124, 124, 22)) continue;
    set(x, y, [13, 92, 171, 255]);
    for (const layer of layers)
      if (inRounded(x + 0.5, y + 0.5, 26, layer.y, 102, layer.y + 18, 6)) set(x, y, layer.color);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const rows = Buffer.concat(
  Array.from({ length: size }, (_, y) =>
    Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)]),
  ),
);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows)),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`make-icon: wrote images/icon.png (${png.length} bytes)`);
