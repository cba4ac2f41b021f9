// Splits the app's wasm at its lazy routes (`#[lazy_route]` in src/lib.rs), called by
// scripts/postbuild.mjs on Trunk's staged build, release and development alike: a wasm
// with lazy routes imports `__wasm_split_placeholder__` and cannot start unsplit.
//
// Trunk builds and binds the whole wasm; this step starts again from Cargo's output
// (linked with --emit-relocs, see .cargo/config.toml) and replaces Trunk's JS and wasm:
//  1. wasm-split-cli (crate wasm_split_cli_support) cuts it into the main module, one
//     module per lazy route and the chunks they share, and writes the JS that loads them;
//  2. wasm-bindgen binds the main module (--keep-lld-exports: the chunks import them);
//  3. release: wasm-opt -Oz every module (Trunk's own wasm-opt is off: data-wasm-opt="0");
//  4. every file gets the build's hash in its name, and index.html Trunk's loader,
//     preloads and integrity hashes point at the new files; the split loader is
//     preloaded too (the first page needs it).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// COCON_WASM_NAMES=1 keeps the functions' names in every module (for a profiler: the
// code is the same, the files are larger). Never for a build that ships.
const KEEP_NAMES = process.env.COCON_WASM_NAMES === '1';
const WASM_OPT_ARGS = [...(KEEP_NAMES ? ['-g'] : []), '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

export function cargoTargetDir() {
  if (process.env.CARGO_TARGET_DIR) return process.env.CARGO_TARGET_DIR;
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { encoding: 'utf8' }));
  return meta.target_directory;
}

// wasm-opt -Oz with the same features, through binaryen's JS API (npm binaryen 132, like
// the wasm-opt command): one process for the hundred-odd lazy modules instead of one
// wasm-opt start-up each (about 1.5 s each on a busy machine).
async function optimizeAll(paths) {
  const { default: binaryen } = await import('binaryen');
  const F = binaryen.Features;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  binaryen.setDebugInfo(KEEP_NAMES);
  for (const path of paths) {
    const module = binaryen.readBinary(readFileSync(path));
    module.setFeatures(F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.ReferenceTypes | F.SignExt
      | F.MutableGlobals | F.Multivalue);
    module.optimize();
    writeFileSync(path, module.emitBinary());
    module.dispose();
  }
}

export async function splitWasm(staging, release) {
  const input = join(cargoTargetDir(), 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'cocon.wasm');
  const work = mkdtempSync(join(tmpdir(), 'cocon-split-'));
  try {
    // 1. split
    const split = join(work, 'split');
    run('wasm-split-cli', [input, split, '--target', 'web', '--out-name', 'cocon']);
    // 2. bind the main module
    const bound = join(work, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', ...(KEEP_NAMES ? ['--keep-debug'] : []), '--out-name', 'cocon', '--out-dir', bound,
      join(split, 'cocon.wasm')]);
    const modules = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== 'cocon.wasm').sort();
    const wasmFiles = [[join(bound, 'cocon_bg.wasm'), 'cocon_bg.wasm'], ...modules.map((f) => [join(split, f), f])];
    // 3. optimise
    if (release) {
      // the main module through the wasm-opt command: about 1 KiB smaller than the API's
      run('wasm-opt', [...WASM_OPT_ARGS, join(bound, 'cocon_bg.wasm'), '-o', join(bound, 'cocon_bg.wasm')]);
      await optimizeAll(modules.map((f) => join(split, f)));
    }
    // 4. one hash for the whole set, in every name
    const files = new Map([['cocon.js', readFileSync(join(bound, 'cocon.js'), 'utf8')],
      ['__wasm_split.js', readFileSync(join(split, '__wasm_split.js'), 'utf8')]]);
    const hash = createHash('sha256');
    for (const [name, text] of files) hash.update(name).update('\0').update(text).update('\0');
    const wasm = new Map(wasmFiles.map(([path, name]) => [name, readFileSync(path)]));
    for (const [name, bytes] of wasm) hash.update(name).update('\0').update(bytes).update('\0');
    const h = hash.digest('hex').slice(0, 16);
    const hashed = (name) => name.replace(/(_bg)?\.(js|wasm)$/, (ext) => `-${h}${ext}`).replace(/^__wasm_split/, 'split');
    // The wasm keeps importing the module "./__wasm_split.js" (the key of its imports
    // object); only the JS import statements name the hashed file.
    let mainJs = files.get('cocon.js');
    const before = mainJs;
    mainJs = mainJs.replaceAll('from "./__wasm_split.js"', `from "./${hashed('__wasm_split.js')}"`);
    if (mainJs === before) throw new Error('split: cocon.js does not import ./__wasm_split.js');
    let loader = files.get('__wasm_split.js').replace('from "./cocon.js"', `from "./${hashed('cocon.js')}"`);
    for (const name of modules) {
      const next = loader.replaceAll(`"./${name}"`, `"./${hashed(name)}"`);
      if (next === loader) throw new Error(`split: ${name} is not named in __wasm_split.js`);
      loader = next;
    }
    // Trunk's JS and wasm go; ours come in
    const trunkJs = readdirSync(staging).find((f) => /^cocon-[0-9a-f]+\.js$/.test(f));
    const trunkWasm = readdirSync(staging).find((f) => /^cocon-[0-9a-f]+_bg\.wasm$/.test(f));
    if (!trunkJs || !trunkWasm) throw new Error("split: Trunk's cocon-<hash>.js or _bg.wasm is missing from the staging dir");
    unlinkSync(join(staging, trunkJs));
    unlinkSync(join(staging, trunkWasm));
    writeFileSync(join(staging, hashed('cocon.js')), mainJs);
    writeFileSync(join(staging, hashed('__wasm_split.js')), loader);
    for (const [name, bytes] of wasm) writeFileSync(join(staging, hashed(name)), bytes);

    const indexPath = join(staging, 'index.html');
    let html = readFileSync(indexPath, 'utf8');
    const swap = (from, to, bytes) => {
      const re = new RegExp(`(href="/${escapeRe(from)}"[^>]*integrity=")[^"]*"`);
      if (!re.test(html)) throw new Error(`split: no preload of /${from} with an integrity in index.html`);
      html = html.replace(re, `$1${sri(bytes)}"`).replaceAll(`/${from}`, `/${to}`);
    };
    swap(trunkJs, hashed('cocon.js'), mainJs);
    swap(trunkWasm, hashed('cocon_bg.wasm'), wasm.get('cocon_bg.wasm'));
    const preloadLoader = `<link rel="modulepreload" href="/${hashed('__wasm_split.js')}" crossorigin="anonymous" integrity="${sri(loader)}">`;
    html = html.replace(/(<link rel="modulepreload" href="\/cocon-[^>]*>)/, `$1\n${preloadLoader}`);
    writeFileSync(indexPath, html);
    console.log(`split: main module and ${modules.length} lazy modules, hash ${h}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
