#!/usr/bin/env node
// Draws Cocon's icon (a cream cocoon holding a heart, on teal) as SVG and as PNGs
// for the manifest and iOS. No dependency: shapes are rasterised here with 4x4
// supersampling and written as PNG with node's zlib. Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../public/icons/', import.meta.url);
const TEAL = [0x0b, 0x5c, 0x5f], CREAM = [0xf6, 0xef, 0xe4], CORAL = [0xd9, 0x5d, 0x45];

// Heart outline (classic parametric curve), in unit coordinates centred on 0.
const HEART = Array.from({ length: 96 }, (_, i) => {
  const t = (i / 96) * 2 * Math.PI;
  const x = 16 * Math.sin(t) ** 3;
  const y = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
  return [x / 17, -y / 17];
});

// The drawing in a 0..1 square; `inset` shrinks it into the maskable safe zone.
function shapes(inset) {
  const s = 1 - 2 * inset, at = (v) => inset + v * s;
  return {
    egg: { cx: at(0.5), cy: at(0.53), rx: 0.3 * s, ry: 0.37 * s },
    heart: HEART.map(([x, y]) => [at(0.5 + x * 0.16), at(0.55 + y * 0.16)]),
  };
}

function inPolygon(px, py, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function colourAt(x, y, { egg, heart }, rounded) {
  if (rounded) {
    const r = 0.22, cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null; // transparent corner
  }
  if (inPolygon(x, y, heart)) return CORAL;
  if (((x - egg.cx) / egg.rx) ** 2 + ((y - egg.cy) / egg.ry) ** 2 <= 1) return CREAM;
  return TEAL;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), body = Buffer.concat([Buffer.from(type), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, { inset = 0, rounded = false } = {}) {
  const geo = shapes(inset), SS = 4, raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
        const c = colourAt((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, geo, rounded);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4, n = SS * SS;
      raw[o] = a ? Math.round(r / a) : 0; raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0; raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const { egg, heart } = shapes(0), k = (v) => +(v * 100).toFixed(2);
  const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
  const path = heart.map(([x, y], i) => `${i ? 'L' : 'M'}${k(x)} ${k(y)}`).join('') + 'Z';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" rx="22" fill="${hex(TEAL)}"/>` +
    `<ellipse cx="${k(egg.cx)}" cy="${k(egg.cy)}" rx="${k(egg.rx)}" ry="${k(egg.ry)}" fill="${hex(CREAM)}"/>` +
    `<path d="${path}" fill="${hex(CORAL)}"/></svg>\n`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(new URL('icon.svg', OUT), svg());
writeFileSync(new URL('icon-192.png', OUT), png(192, { rounded: true }));
writeFileSync(new URL('icon-512.png', OUT), png(512, { rounded: true }));
writeFileSync(new URL('maskable-512.png', OUT), png(512, { inset: 0.1 }));
writeFileSync(new URL('apple-touch-icon.png', OUT), png(180));
console.log('icons written to public/icons/');
