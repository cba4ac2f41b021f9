#!/usr/bin/env node
// Prints every file of a build with its raw, gzip (level 9) and brotli (quality 11) size,
// and the totals: all files, what a first visit loads before the app is interactive
// (index.html and the JS, wasm and CSS it references: the budget's "first load"), and
// the content files index.html preloads for the first screen (its UI texts and
// messages, in French), counted apart.
//   node scripts/size-report.mjs [dist] [--json out.json] [--check]
// --check compares the figures with scripts/size-budget.json and exits 1 when one is over.
// Also a module: `sizeReport(dir)` gives the same figures, `sizeTable(report)` the table
// (bench/run.mjs uses both).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const totals = (list) => ({ raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), brotli: sum(list, 'brotli') });

/** The size of each file of the build in `dir`, and the totals (bytes). */
export function sizeReport(dir) {
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
      // what index.html's script preloads for a French first visit
      firstContent: /^content\/(ui\.fr\.txt|messages\.json|messages\.fr\.json)$/.test(name),
    };
  });
  return { files: rows, total: totals(rows), firstLoad: totals(rows.filter((r) => r.firstLoad)),
    firstContent: totals(rows.filter((r) => r.firstContent)) };
}

/** The report as the lines of a markdown table, sizes in KiB. */
export function sizeTable(report) {
  const kb = (n) => (n / 1024).toFixed(1);
  const line = (c) => `| ${c.join(' | ')} |`;
  const { files, total, firstLoad, firstContent } = report;
  return [
    line(['file', 'raw KiB', 'gzip KiB', 'brotli KiB', 'first load']),
    line(['---', '---:', '---:', '---:', ':---:']),
    ...files.map((r) => line([r.file, kb(r.raw), kb(r.gzip), kb(r.brotli), r.firstLoad ? 'yes' : r.firstContent ? 'content' : ''])),
    line(['**all files**', kb(total.raw), kb(total.gzip), kb(total.brotli), '']),
    line(['**first load**', kb(firstLoad.raw), kb(firstLoad.gzip), kb(firstLoad.brotli), '']),
    line(['**content preloaded for the first screen**', kb(firstContent.raw), kb(firstContent.gzip), kb(firstContent.brotli), '']),
  ];
}

/** Every figure with a budget in `budget` (scripts/size-budget.json): name, KiB, budget. */
export function budgetChecks(report, budget) {
  const kib = (n) => n / 1024;
  const section = (name) => report.files.filter((r) => r.file.startsWith(`${name}-`) && r.file.endsWith('.wasm'));
  const checks = [['first load (index.html, JS, main wasm, CSS)', kib(report.firstLoad.brotli), budget.first_load]];
  for (const [name, max] of Object.entries(budget.sections)) {
    const files = section(name);
    checks.push([`${name} (module)`, files.length ? kib(sum(files, 'brotli')) : NaN, max]);
  }
  const chunks = report.files.filter((r) => /^chunk_\d+-[0-9a-f]+\.wasm$/.test(r.file));
  checks.push([`shared chunks (${chunks.length} files)`, kib(sum(chunks, 'brotli')), budget.shared_chunks]);
  for (const [name, max] of Object.entries(budget.content)) {
    const packs = name.startsWith('each directory pack');
    const files = report.files.filter((r) => (packs ? /^content\/directory\/(?!index\.json$)[^/]+\.json$/.test(r.file) : r.file === name));
    for (const r of packs ? files : files.length ? files : [{ file: name, brotli: NaN }]) checks.push([r.file, kib(r.brotli), max]);
  }
  return checks;
}

/**
 * Code the wasm must not hold (CONTRIBUTING.md, "The wasm's size"), found by a constant
 * table only that code has. Each signature was checked to be present in a build that has
 * the code (a native `rustc -O` program calling `to_lowercase` and formatting an `f64`,
 * and Cocon's builds of 4 December 2026 before `decimal` replaced its last `f64` Display:
 * backup's sizes, the directory's "30 km").
 */
export const BANNED = [
  {
    what: "f64 formatting (Display or {:.N}: core's Grisu table, ~10 KiB): use domain::decimal",
    // core::num::flt2dec::strategy::grisu::CACHED_POW10[0] = (0xe61acf033d1a45df, -1087, -308),
    // little-endian; the mantissa alone is also in the float parser's table (allowed)
    bytes: Buffer.from('df451a3d03cf1ae6c1fbccfe', 'hex'),
  },
  {
    what: "the standard library's Unicode case tables (to_lowercase / to_uppercase, ~8 KiB): use domain::case",
    // core::unicode::conversions::LOWERCASE_TABLE: ('\u{c0}', 0xe0), ('\u{c1}', 0xe1), ('\u{c2}', 0xe2)
    bytes: Buffer.from('c0000000e0000000c1000000e1000000c2000000e2000000', 'hex'),
  },
];

/** The banned code found in the wasm files of `dir`: [file, what]. */
export function bannedCode(dir) {
  const found = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
    const bytes = readFileSync(join(dir, file));
    for (const rule of BANNED) if (bytes.includes(rule.bytes)) found.push([file, rule.what]);
  }
  return found;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
  const report = sizeReport(dir);
  console.log(sizeTable(report).join('\n'));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
  if (args.includes('--check')) {
    const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
    const checks = budgetChecks(report, budget);
    // A missing figure (NaN) is a failure too: the budget names something the build lacks.
    const over = checks.filter(([, kib, max]) => !(kib <= max));
    const packs = checks.filter(([name]) => name.startsWith('content/directory/'));
    for (const [name, kib, max] of checks.filter((c) => !packs.includes(c) || over.includes(c))) {
      console.log(`${kib <= max ? 'ok  ' : 'OVER'} ${name}: ${kib.toFixed(1)} KiB (budget ${max})`);
    }
    console.log(`ok   ${packs.length} directory packs, the largest ${Math.max(...packs.map((c) => c[1])).toFixed(1)} KiB (budget ${budget.content['each directory pack (content/directory/<département>.json)']} each)`);
    const banned = bannedCode(dir);
    for (const [file, what] of banned) console.log(`BANNED ${file}: ${what}`);
    if (!banned.length) console.log(`ok   no banned code in the wasm (${BANNED.length} rules)`);
    if (over.length) console.error(`size budget exceeded: ${over.map((c) => c[0]).join(', ')} (scripts/size-budget.json)`);
    if (over.length || banned.length) process.exit(1);
  }
}
