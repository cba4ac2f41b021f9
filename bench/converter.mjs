// The directory packs' converter (cargo run --release --bin cocon-packs), timed on the real
// records of tests/fixtures/dila/ (182) and on an export of the size of all of France made
// from them (each record repeated with a new id: 200 x 182 = 36,400 records, about the
// number of local services of the full DILA export). A measure, not a test.
//
//     node bench/converter.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = 'tests/fixtures/dila/services_publics-sample.csv';
const REPEAT = 200;
const dir = mkdtempSync(join(tmpdir(), 'cocon-converter-'));

execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'cocon-packs'], { stdio: 'inherit' });
const bin = join(process.env.CARGO_TARGET_DIR || 'target', 'release', 'cocon-packs');

function run(file) {
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  const runs = [];
  let report = '';
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(bin, ['--date', '08/2025', '--out', out, file], { encoding: 'utf8' });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(r.stderr);
    report = r.stdout.split('\n').find((l) => l.includes('services read')) ?? '';
  }
  runs.sort((a, b) => a - b);
  return { median: runs[2], report, bytes: statSync(file).size };
}

const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trim().split('\n');
const big = [header];
for (let k = 0; k < REPEAT; k++) {
  // The id is the 14th field, a UUID: change its first 4 hex digits.
  for (const row of rows) big.push(row.replace(/,([0-9a-f]{4})([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}),08\/2025$/, (_, a, rest) => `,${k.toString(16).padStart(4, '0')}${rest},08/2025`));
}
const bigFile = join(dir, 'services_publics-x200.csv');
writeFileSync(bigFile, big.join('\n') + '\n');

const real = run(FIXTURE);
const scaled = run(bigFile);
console.log('| input | size | converter, median of 5 | report |');
console.log('| --- | ---: | ---: | --- |');
console.log(`| the real records (${rows.length}) | ${(real.bytes / 1024).toFixed(0)} KiB | ${real.median.toFixed(0)} ms | ${real.report} |`);
console.log(`| ${REPEAT} x the real records (${rows.length * REPEAT}) | ${(scaled.bytes / 1024 / 1024).toFixed(1)} MiB | ${scaled.median.toFixed(0)} ms | ${scaled.report} |`);
rmSync(dir, { recursive: true, force: true });
