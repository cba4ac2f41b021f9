#!/usr/bin/env node
// Prints every file of a build with its raw, gzip (level 9) and brotli (quality 11) size,
// and the totals: all files, and what a first visit loads before the app is interactive
// (index.html and the JS, wasm and CSS it references).
//   node scripts/size-report.mjs [dist] [--json out.json]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p); else files.push(p);
  }
})(dir);

const index = readFileSync(join(dir, 'index.html'), 'utf8');
const rows = files.map((p) => {
  const body = readFileSync(p), name = relative(dir, p).split(sep).join('/');
  return {
    file: name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    firstLoad: name === 'index.html' || (/\.(js|wasm|css)$/.test(name) && name !== 'sw.js' && index.includes(`/${name}`)),
  };
});
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const kb = (n) => (n / 1024).toFixed(1);
const line = (c) => `| ${c.join(' | ')} |`;
console.log(line(['file', 'raw KiB', 'gzip KiB', 'brotli KiB', 'first load']));
console.log(line(['---', '---:', '---:', '---:', ':---:']));
for (const r of rows) console.log(line([r.file, kb(r.raw), kb(r.gzip), kb(r.brotli), r.firstLoad ? 'yes' : '']));
const first = rows.filter((r) => r.firstLoad);
console.log(line(['**all files**', kb(sum(rows, 'raw')), kb(sum(rows, 'gzip')), kb(sum(rows, 'brotli')), '']));
console.log(line(['**first load**', kb(sum(first, 'raw')), kb(sum(first, 'gzip')), kb(sum(first, 'brotli')), '']));
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ files: rows, total: { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') },
    firstLoad: { raw: sum(first, 'raw'), gzip: sum(first, 'gzip'), brotli: sum(first, 'brotli') } }, null, 2));
}
