#!/usr/bin/env node
// Trunk post-build hook: runs on the staged build ($TRUNK_STAGING_DIR) before it
// replaces dist/. It
//  0. splits the wasm at the lazy routes (scripts/split.mjs);
//  1. writes the first paint (style/boot.css inlined, the style sheets at the end of
//     <body>) and the Content-Security-Policy, with the sha256 of each inline script
//     (Trunk's wasm loader) and style, so no other origin and no 'unsafe-inline' are allowed;
//  2. fills the user-visible texts of index.html and the manifest from locales/, and
//     copies the content texts of locales/<lang>/*.json into content/;
//  2d. writes the urgent page ("when to call") in each language, plain HTML that needs
//     no script (scripts/urgent-page.mjs);
//  3. writes the service worker's precache list (every file of the build) and its
//     cache name (a hash of every file's name and content).
// Hashed JS and wasm files are never rewritten: their integrity hashes stay valid.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cargoTargetDir, splitWasm } from './split.mjs';
import { URGENT_PAGES, writeUrgentPages } from './urgent-page.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this through trunk build');
const release = process.env.TRUNK_PROFILE === 'release';

// 0: the wasm, split at the lazy routes (scripts/split.mjs), replaces Trunk's
await splitWasm(staging, release);
const app = (lang) => JSON.parse(readFileSync(`locales/${lang}/ui/app.json`, 'utf8'));
const fr = { app: app('fr') }, en = { app: app('en') };
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// 1 and 2: index.html
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// The first paint: the start screen's style inline, its logo a data: URL, and every style
// sheet at the end of <body>, so that the start screen is painted without waiting for a
// file (the app itself starts after the style sheets: its module script waits for them).
const bootCss = readFileSync('style/boot.css', 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').trim();
const icon = readFileSync('public/icons/icon.svg');
html = html
  .replace('__BOOT_CSS__', bootCss)
  .replace('__BOOT_ICON__', `data:image/svg+xml;base64,${icon.toString('base64')}`);
const sheets = [...html.matchAll(/\s*<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
if (sheets.length === 0) throw new Error('postbuild: no style sheet link in index.html');
for (const sheet of sheets) html = html.replace(sheet, '');
html = html.replace('</body>', `${sheets.map((l) => l.trim()).join('\n')}\n</body>`);
// ...fetched at once all the same (in <body>, each one would wait for the one before it)
const preloads = sheets.map((l) => l.trim().replace('rel="stylesheet"', 'rel="preload" as="style"'));
html = html.replace('</head>', `${preloads.join('\n')}\n</head>`);
const sha256 = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map(sha256);
const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  `style-src 'self' ${styleHashes.join(' ')}`.trim(),
  // data: for the start screen's logo only (inlined, see above)
  "img-src 'self' data:",
  "font-src 'self'",
  // trunk serve (development only) reloads the page through a websocket on the same host.
  release ? "connect-src 'self'" : "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
html = html
  .replace('__CSP__', csp)
  .replace('__NOSCRIPT__', `<span lang="fr">${escapeHtml(fr.app.noscript)}</span> <span lang="en">${escapeHtml(en.app.noscript)}</span>`
    + ` <a href="${URGENT_PAGES.fr}" lang="fr">${escapeHtml(fr.app.boot_urgent)}</a> <a href="${URGENT_PAGES.en}" lang="en">${escapeHtml(en.app.boot_urgent)}</a>`)
  .replace('__BOOT_FAILED__', `<span lang="fr">${escapeHtml(fr.app.boot_failed)}</span> <span lang="en">${escapeHtml(en.app.boot_failed)}</span>`
    + `<a class="boot-urgent" href="${URGENT_PAGES.fr}" lang="fr">${escapeHtml(fr.app.boot_urgent)}</a>`
    + `<a class="boot-urgent" href="${URGENT_PAGES.en}" lang="en">${escapeHtml(en.app.boot_urgent)}</a>`);
writeFileSync(indexPath, html);

// 2: the manifest speaks French, like the app's default
const manifestPath = join(staging, 'manifest.webmanifest');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
Object.assign(manifest, { name: fr.app.name, short_name: fr.app.name, description: fr.app.description, lang: 'fr' });
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');

// 2b: content texts, per language: locales/<lang>/<name>.json -> content/<name>.<lang>.json
// (the app fetches only the language it shows; the service worker precaches them all)
mkdirSync(join(staging, 'content'), { recursive: true });
for (const lang of ['fr', 'en']) {
  for (const name of readdirSync(`locales/${lang}`).filter((f) => f.endsWith('.json')).sort()) {
    copyFileSync(`locales/${lang}/${name}`, join(staging, 'content', name.replace(/\.json$/, `.${lang}.json`)));
  }
}

// 2c: the UI texts, one file a language, as build.rs wrote them for this build's keys
// (next to Cargo's wasm: <target>/wasm32-unknown-unknown/<profile>/cocon-content/)
const uiDir = join(cargoTargetDir(), 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'cocon-content');
for (const lang of ['fr', 'en']) {
  const from = join(uiDir, `ui.${lang}.txt`);
  if (!existsSync(from)) throw new Error(`postbuild: ${from} is missing (build.rs writes it): run \`cargo clean -p cocon\` and build again`);
  copyFileSync(from, join(staging, 'content', `ui.${lang}.txt`));
}

// 2d: the urgent page, plain HTML from the same data (scripts/urgent-page.mjs)
writeUrgentPages(staging);

// 3: the service worker
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(staging);
// The directory's département packs are not precached: each is fetched when a parent's
// place is known, then kept by the service worker (its PACKS cache) for offline use.
const isPack = (url) => /^\/content\/directory\/(?!index\.json$)[^/]+\.json$/.test(url);
const precache = files
  .map((path) => '/' + relative(staging, path).split(sep).join('/'))
  .filter((url) => url !== '/sw.js' && !isPack(url))
  .sort();
const hash = createHash('sha256');
for (const url of precache) hash.update(url).update('\0').update(readFileSync(join(staging, url))).update('\0');
const buildHash = hash.digest('hex').slice(0, 16);
const swPath = join(staging, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('__BUILD_HASH__', buildHash)
  .replace('__PRECACHE_LIST__', JSON.stringify(precache, null, 2));
writeFileSync(swPath, sw);
console.log(`postbuild: ${precache.length} files precached, cache cocon-${buildHash}, ${hashes.length} inline script(s) hashed`);
