// Draws the extension's icon (128×128 PNG: a bar chart of voting power) without any image tool.
import { deflateSync, crc32 } from "node:zlib";
import { writeFileSync } from "node:fs";

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => px.set([r, g, b, a], (y * size + x) * 4);
for (let y = 0; y < size; y++)
  for (let x = 0; x < size; x++) {
    const inside = (x - 64) ** 2 + (y - 64) ** 2 <= 62 ** 2;
    set(x, y, inside ? [29, 58, 110] : [0, 0, 0, 0]);
  }
const bars = [[30, 70, [240, 168, 48]], [52, 45, [255, 255, 255]], [74, 85, [255, 255, 255]], [96, 30, [240, 168, 48]]];
for (const [x0, h, c] of bars) for (let x = x0 - 8; x < x0 + 8; x++) for (let y = 100 - h; y < 100; y++) set(x, y, c);
for (let x = 18; x < 110; x++) for (let y = 100; y < 103; y++) set(x, y, [255, 255, 255]);

const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) px.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
writeFileSync(new URL("../vscode-extension/images/icon.png", import.meta.url), png);
