#!/usr/bin/env node
// Cocon's performance figures, measured with real tools on the release build (not a test:
// it prints figures and budgets, and fails only if it cannot measure). See bench/README.md.
//   node bench/run.mjs                 build into bench/out/dist, then measure
//   node bench/run.mjs --dist DIR      measure an existing build
//   options: --lighthouse-runs N (3)  --runs N (7)  --skip-lighthouse
// Writes bench/out/results.md (the table, also printed), bench/out/results.json, and the
// median Lighthouse report of each page (bench/out/lighthouse-<page>.json).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { sizeReport } from '../scripts/size-report.mjs';
import { serve } from '../scripts/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const OUT = join(ROOT, 'bench/out');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const LH_RUNS = Number(opt('--lighthouse-runs', 3));
const RUNS = Number(opt('--runs', 7));
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--lang=fr-FR'];
const CPU_SLOWDOWN = 4;
const fr = Object.fromEntries(['nav', 'profile', 'directory'].map((f) =>
  [f, JSON.parse(readFileSync(`locales/fr/ui/${f}.json`, 'utf8'))]));
const log = (...a) => console.error('bench:', ...a);

// ---- helpers ----

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const isoDay = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** The static server of the build, as a static host serves it (brotli or gzip), with a
 *  record of each response and the bytes it took on the wire (headers included), and
 *  stop/start on the same port. */
async function startSite(dir) {
  const responses = [];
  let server;
  const attach = (s) => s.on('request', (req, res) => {
    const start = req.socket.bytesWritten;
    res.on('finish', () => responses.push({ url: req.url, bytes: req.socket.bytesWritten - start }));
  });
  server = await serve(dir, 0, '127.0.0.1', { compress: true });
  attach(server);
  const port = server.address().port;
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (p = '/') => `http://127.0.0.1:${port}${p}`,
    /** Starts counting; `done()` gives the bytes sent and the responses since. */
    meter() {
      const from = responses.length;
      return () => {
        const list = responses.slice(from);
        return { bytes: list.reduce((n, r) => n + r.bytes, 0), requests: list.map((r) => r.url), responses: list };
      };
    },
    stop: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
    start: async () => { server = await serve(dir, port, '127.0.0.1', { compress: true }); attach(server); },
  };
}

// ---- 0. the build ----

function build() {
  if (opt('--dist')) return resolve(opt('--dist'));
  const dist = join(OUT, 'dist');
  log(`trunk build --release --offline --dist ${dist}`);
  const env = { ...process.env, PATH: `${ROOT}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
    TRUNK_SKIP_VERSION_CHECK: 'true' };
  const r = spawnSync('trunk', ['build', '--release', '--offline', '--dist', dist], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('trunk build failed');
  return dist;
}

// ---- the parent's data: made by the app itself, through the onboarding form ----

const launchPw = () => chromium.launch({ executablePath: CHROME, headless: true,
  args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless') && !f.startsWith('--lang')) });
const newContext = (browser) => browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', serviceWorkers: 'allow' });

/** Completes the onboarding (pregnant, due in 10 weeks) and returns what the app stored. */
async function makeProfile(site) {
  const browser = await launchPw();
  try {
    const page = await (await newContext(browser)).newPage();
    await page.goto(site.url('/'));
    await page.getByRole('radio', { name: fr.profile.situation_pregnant }).check();
    await page.getByRole('radio', { name: fr.profile.date_kind_due }).check();
    await page.getByLabel(fr.profile.name_label).fill('Petit pois');
    const due = new Date(); due.setDate(due.getDate() + 70);
    await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill(isoDay(due));
    await page.getByRole('button', { name: fr.profile.save }).click();
    await page.locator('.summary-day').waitFor();
    const stored = await page.evaluate(() => Object.fromEntries(
      Object.keys(localStorage).filter((k) => k.startsWith('cocon.')).map((k) => [k, localStorage.getItem(k)])));
    if (!stored['cocon.family']) throw new Error('the onboarding stored no profile');
    return stored;
  } finally {
    await browser.close();
  }
}

/** Writes `seed` into localStorage of the site's origin without starting the app (a
 *  not-found address: no service worker is installed, nothing is cached). */
async function seedStorage(page, site, seed) {
  await page.goto(site.url('/__bench_seed__.txt'));
  await page.evaluate((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, seed);
}

// ---- (b) Lighthouse ----

/** One Lighthouse run (mobile preset: the default config, simulated throttling) in a new
 *  Chrome profile; with a seed, the profile's storage holds the parent's data first and
 *  Lighthouse is told not to clear it. */
async function lighthouseOnce(site, path, seed) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cocon-lh-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS, userDataDir });
  try {
    if (seed) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await browser.contexts()[0].newPage();
      await seedStorage(page, site, seed);
      await page.close();
      await browser.close(); // disconnects; Chrome keeps running
    }
    const result = await lighthouse(site.url(path), {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      disableStorageReset: Boolean(seed),
    });
    return result.lhr;
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function lighthouseFigures(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const failing = (cat) => (lhr.categories[cat]?.auditRefs ?? [])
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id}: ${a.title}`);
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
    fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    failing: { accessibility: failing('accessibility'), bestPractices: failing('best-practices'), performance: failing('performance') },
    runWarnings: lhr.runWarnings ?? [],
  };
}

async function runLighthouse(site, seed) {
  const pages = [
    { name: 'today', path: '/', seed },
    { name: 'timeline', path: '/timeline', seed },
    { name: 'onboarding', path: '/', seed: null },
  ];
  const out = {};
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < LH_RUNS; i++) {
      log(`lighthouse ${p.name} run ${i + 1}/${LH_RUNS}`);
      const lhr = await lighthouseOnce(site, p.path, p.seed);
      runs.push({ lhr, f: lighthouseFigures(lhr) });
    }
    const keys = ['performance', 'accessibility', 'bestPractices', 'fcp', 'lcp', 'tbt', 'cls'];
    const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.f[k]))]));
    // Keep the report of the run whose performance score is the median one.
    const byPerf = [...runs].sort((a, b) => a.f.performance - b.f.performance);
    const mid = byPerf[Math.floor(byPerf.length / 2)];
    writeFileSync(join(OUT, `lighthouse-${p.name}.json`), JSON.stringify(mid.lhr));
    out[p.name] = { path: p.path, seeded: Boolean(p.seed), median: med, runs: runs.map((r) => r.f),
      lighthouseVersion: mid.lhr.lighthouseVersion, userAgent: mid.lhr.environment?.hostUserAgent };
  }
  return out;
}

// ---- (c), (d), (e) in Playwright, with the CPU slowed down through CDP ----

/** Resolves (in the page) to the times, in ms from the event, of the DOM change that
 *  completes the interaction and of the next frame after it (requestAnimationFrame, then
 *  a task: that frame has been drawn). `until`: 'timeline' (today's button of the
 *  Timeline is in the list's visible area) or 'count' (the count of results changed). */
const WATCH = ({ event, until, before }) => { window.__watch = new Promise((resolveTimes) => {
  const isDone = until === 'timeline'
    ? () => {
      const list = document.querySelector('.tl-list');
      const day = list && list.querySelector('.tl-day[aria-current="date"]');
      if (!day) return false;
      const a = list.getBoundingClientRect(), b = day.getBoundingClientRect();
      return b.height > 0 && b.top >= a.top && b.bottom <= a.bottom;
    }
    : until === 'near'
      // A place typed: the place understood and a result card with its distance.
      ? () => (document.querySelector('.dir-place-status')?.textContent ?? '').includes(before)
        && /\d km/.test(document.querySelector('.dir-results .dir-card-place')?.textContent ?? '')
      : () => document.querySelector('.dir-count')?.textContent !== before;
  document.addEventListener(event, (ev) => {
    const t0 = ev.timeStamp;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      mo.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolveTimes({ dom: dom - t0, painted: performance.now() - t0 });
        ch.port2.postMessage(0);
      });
    };
    // Checked after each change of the page, and at each frame (a scroll changes no node).
    const mo = new MutationObserver(() => { if (isDone()) finish(); });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const poll = () => { if (finished) return; if (isDone()) finish(); else requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
  }, { capture: true, once: true });
}); };

async function measureInteractions(site, seed) {
  const browser = await launchPw();
  const result = {};
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    await seedStorage(page, site, seed);
    await page.goto(site.url('/'));
    await page.locator('.summary-day').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 }).catch(() => {});
    const cdp = await context.newCDPSession(page);
    const cpu = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });

    // (c1) Today -> Timeline through the bottom navigation.
    const timeline = [];
    for (let i = 0; i < RUNS; i++) {
      await cpu(1);
      await page.goto(site.url('/'));
      await page.locator('.summary-day').waitFor();
      await sleep(300);
      await cpu(CPU_SLOWDOWN);
      await page.evaluate(WATCH, { event: 'click', until: 'timeline' });
      await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.timeline }).click();
      timeline.push(await page.evaluate(() => window.__watch));
    }
    result.timelineRender = { runs: timeline, median: median(timeline.map((t) => t.painted)), medianDom: median(timeline.map((t) => t.dom)) };

    // (c3) Long tasks while scrolling the whole Timeline down and back up at 4x, 3 times.
    await page.locator('.tl-list').hover();
    const passes = [];
    for (let pass = 0; pass < 3; pass++) {
      await page.evaluate(() => {
        window.__longTasks = [];
        window.__longTaskObserver?.disconnect();
        window.__longTaskObserver = new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)));
        window.__longTaskObserver.observe({ type: 'longtask' });
      });
      await sleep(500);
      const scrolled = [];
      for (const dy of [400, -400]) {
        for (let i = 0; i < 45; i++) { await page.mouse.wheel(0, dy); await sleep(16); }
        await sleep(300);
        scrolled.push(await page.evaluate(() => document.querySelector('.tl-list').scrollTop));
      }
      await sleep(500);
      const durations = await page.evaluate(() => window.__longTasks);
      passes.push({ count: durations.length, max: durations.length ? Math.max(...durations) : 0, durations,
        scrollTopAfterDown: scrolled[0], scrollTopAfterUp: scrolled[1] });
    }
    const listHeight = await page.evaluate(() => document.querySelector('.tl-list').scrollHeight);
    result.scrollLongTasks = { count: median(passes.map((p) => p.count)), max: median(passes.map((p) => p.max)), passes,
      wheelEvents: 90, deltaPx: 400, listHeight };

    // (c2) Filter the directory: one query typed at once, until the count of results changes.
    const directory = [];
    const search = page.getByLabel(fr.directory.search_label, { exact: true });
    for (let i = 0; i < RUNS; i++) {
      await cpu(1);
      await page.goto(site.url('/directory'));
      await page.locator('.dir-count').waitFor();
      await sleep(300);
      await cpu(CPU_SLOWDOWN);
      const before = await page.locator('.dir-count').textContent();
      await page.evaluate(WATCH, { event: 'input', until: 'count', before });
      await search.fill('lauragais');
      directory.push(await page.evaluate(() => window.__watch));
    }
    await cpu(1);
    result.directoryFilter = { query: 'lauragais', runs: directory, median: median(directory.map((t) => t.painted)),
      medianDom: median(directory.map((t) => t.dom)) };

    // (c3) A place typed in the directory, until the place is understood and the results
    // are sorted by distance: the first time (the gazetteer and the département's pack
    // fetched from the service worker's cache, read, the index rebuilt), then a second
    // place of the same département (a gazetteer lookup and a search only).
    const place = page.getByLabel(fr.directory.place_label, { exact: true });
    const near = { first: [], again: [] };
    for (let i = 0; i < RUNS; i++) {
      await cpu(1);
      await page.goto(site.url('/directory'));
      await page.locator('.dir-count').waitFor();
      await sleep(300);
      await cpu(CPU_SLOWDOWN);
      await page.evaluate(WATCH, { event: 'input', until: 'near', before: 'Villeurbanne' });
      await place.fill('69100');
      near.first.push(await page.evaluate(() => window.__watch));
      await page.evaluate(WATCH, { event: 'input', until: 'near', before: 'Vénissieux' });
      await place.fill('venissieux');
      near.again.push(await page.evaluate(() => window.__watch));
    }
    await cpu(1);
    result.directoryNear = {
      runs: near,
      first: median(near.first.map((t) => t.painted)), firstDom: median(near.first.map((t) => t.dom)),
      again: median(near.again.map((t) => t.painted)), againDom: median(near.again.map((t) => t.dom)),
    };

    // (e) A repeat visit, the service worker installed: bytes the server sends.
    await page.goto(site.url('/'));
    await page.locator('.summary-day').waitFor();
    const second = await context.newPage();
    const meter = site.meter();
    await second.goto(site.url('/'));
    await second.locator('.summary-day').waitFor();
    await sleep(3000);
    // The browser's update check of the service worker (it fetches /sw.js) is counted
    // apart from the app's own files.
    const visit = meter();
    await second.close();
    const app = visit.responses.filter((r) => new URL(r.url, site.origin).pathname !== '/sw.js');
    result.repeatVisit = { ...visit, appRequests: app.map((r) => r.url), appBytes: app.reduce((n, r) => n + r.bytes, 0) };

    // (d) Offline: network cut and server stopped, reload until the first content.
    await context.setOffline(true);
    await site.stop();
    await page.addInitScript(() => {
      const seen = {};
      window.__firstContent = seen;
      new MutationObserver(() => {
        if (!seen.h1 && document.querySelector('main h1, article.page h1')?.textContent) seen.h1 = performance.now();
        if (!seen.content && document.querySelector('.summary-day')?.textContent) seen.content = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const offline = [];
    for (let i = 0; i < RUNS; i++) {
      await cpu(CPU_SLOWDOWN);
      await page.reload();
      await page.locator('.summary-day').waitFor();
      offline.push(await page.evaluate(() => ({ ...window.__firstContent,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null })));
    }
    await cpu(1);
    await context.setOffline(false);
    await site.start();
    result.offlineReload = { runs: offline, medianH1: median(offline.map((o) => o.h1)),
      medianContent: median(offline.map((o) => o.content)), medianFcp: median(offline.map((o) => o.fcp)) };

    // A first visit (no data yet: the onboarding) and a visit with a profile but an empty
    // cache: the bytes the app needs until its first screen shows (service workers
    // blocked, so that none of its precaching is counted); then a whole first visit with
    // the service worker, until it has precached the app.
    const firstVisit = async (serviceWorkers, seeded = true) => {
      const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', serviceWorkers });
      const first = await fresh.newPage();
      if (seeded) await seedStorage(first, site, seed);
      const m = site.meter();
      await first.goto(site.url('/'));
      await first.locator(seeded ? '.summary-day' : '#onboarding-heading').waitFor();
      if (serviceWorkers === 'allow') {
        await first.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30_000 }).catch(() => {});
      }
      await sleep(1000);
      await fresh.close();
      return m();
    };
    result.firstVisit = { onboarding: await firstVisit('block', false), beforeContent: await firstVisit('block'),
      withPrecache: await firstVisit('allow') };
  } finally {
    await browser.close();
  }
  return result;
}

// ---- the table ----

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (n == null ? 'n/a' : `${Math.round(n)} ms`);
const sec = (n) => (n == null ? 'n/a' : `${(n / 1000).toFixed(2)} s`);
const mark = (ok) => (ok == null ? '' : ok ? 'pass' : 'FAIL');

function table(r) {
  const rows = [];
  const add = (measure, value, budget = '', ok = null) => rows.push([measure, value, budget, mark(ok)]);
  const s = r.sizes;
  add('First load: index.html + JS + wasm + CSS, brotli', kib(s.firstLoad.brotli), '≤ 250 KiB', s.firstLoad.brotli <= 250 * 1024);
  add('First load, gzip / raw', `${kib(s.firstLoad.gzip)} / ${kib(s.firstLoad.raw)}`);
  add('Content files preloaded for the first screen (UI texts, messages; French), brotli', kib(s.firstContent.brotli));
  if (r.interactions) {
    const f = r.interactions.firstVisit;
    add('First visit (no data yet), bytes on the wire until the onboarding shows (as served: brotli)', `${kib(f.onboarding.bytes)} in ${f.onboarding.requests.length} requests`);
    add('Visit with a profile and an empty cache, bytes on the wire until Today shows', `${kib(f.beforeContent.bytes)} in ${f.beforeContent.requests.length} requests`);
    add('First visit, bytes on the wire once the service worker has precached the app', `${kib(f.withPrecache.bytes)} in ${f.withPrecache.requests.length} requests`);
  }
  add('All files of the build (precached), brotli', kib(s.total.brotli));
  for (const f of s.files) add(`\`${f.file}\`${f.firstLoad ? ' (first load)' : ''} raw / gzip / brotli`, `${kib(f.raw)} / ${kib(f.gzip)} / ${kib(f.brotli)}`);
  for (const [name, l] of Object.entries(r.lighthouse ?? {})) {
    const m = l.median, label = `Lighthouse mobile, ${name} (\`${l.path}\`${l.seeded ? ', with a profile' : ', no profile'})`;
    add(`${label}: performance`, String(m.performance), '≥ 95', m.performance >= 95);
    add(`${label}: accessibility`, String(m.accessibility), '100', m.accessibility === 100);
    add(`${label}: best practices`, String(m.bestPractices), '100', m.bestPractices === 100);
    add(`${label}: FCP`, sec(m.fcp));
    add(`${label}: LCP`, sec(m.lcp), '< 1.5 s', m.lcp < 1500);
    add(`${label}: TBT`, ms(m.tbt));
    add(`${label}: CLS`, m.cls == null ? 'n/a' : m.cls.toFixed(3));
  }
  if (r.interactions) {
    const i = r.interactions;
    add(`Timeline first render, Today → Timeline tap to painted, CPU ×${CPU_SLOWDOWN}`, `${ms(i.timelineRender.median)} (in the DOM: ${ms(i.timelineRender.medianDom)})`, '< 100 ms', i.timelineRender.median < 100);
    add(`Directory filter, query typed to results painted, CPU ×${CPU_SLOWDOWN}`, `${ms(i.directoryFilter.median)} (in the DOM: ${ms(i.directoryFilter.medianDom)})`);
    add(`Directory near a place, the first time: "69100" typed to results by distance painted (gazetteer and Rhône pack read), CPU ×${CPU_SLOWDOWN}`, `${ms(i.directoryNear.first)} (in the DOM: ${ms(i.directoryNear.firstDom)})`);
    add(`Directory near a place, a second place: "venissieux" typed to results painted (gazetteer lookup and search), CPU ×${CPU_SLOWDOWN}`, `${ms(i.directoryNear.again)} (in the DOM: ${ms(i.directoryNear.againDom)})`, '< 50 ms lookup', i.directoryNear.againDom < 50);
    add(`Long tasks while scrolling the whole Timeline down and up, CPU ×${CPU_SLOWDOWN} (median of 3)`, `${i.scrollLongTasks.count} (longest ${ms(i.scrollLongTasks.max)})`, 'none > 50 ms', i.scrollLongTasks.count === 0);
    add(`Offline reload to the page heading, CPU ×${CPU_SLOWDOWN}`, `${ms(i.offlineReload.medianH1)} (FCP ${ms(i.offlineReload.medianFcp)}, Today's day ${ms(i.offlineReload.medianContent)})`);
    const rv = i.repeatVisit;
    add('Repeat visit: app files from the network', `${rv.appBytes} B in ${rv.appRequests.length} requests${rv.appRequests.length ? ` (${rv.appRequests.join(', ')})` : ''}`, '0 B', rv.appBytes === 0);
    add('Repeat visit: the browser\'s update check of `/sw.js`', `${rv.bytes - rv.appBytes} B in ${rv.requests.length - rv.appRequests.length} requests`);
  }
  const line = (c) => `| ${c.join(' | ')} |`;
  return [line(['measure', 'value (median)', 'budget', '']), line(['---', '---:', '---:', ':---:']), ...rows.map(line)].join('\n');
}

// ---- main ----

mkdirSync(OUT, { recursive: true });
const dist = build();
const site = await startSite(dist);
const results = {
  date: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null,
  uncommittedChanges: spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim() !== '',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageAtStart: loadavg(), chrome: spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout.trim() },
  method: {
    server: 'scripts/static-server.mjs with compress (brotli when the browser accepts it, else gzip)',
    lighthouse: `default (mobile) config, simulated throttling; median of ${LH_RUNS} runs, each in a new Chrome profile`,
    interactions: `Playwright + Chromium, 390x844, CDP Emulation.setCPUThrottlingRate ${CPU_SLOWDOWN}; median of ${RUNS} runs`,
  },
  sizes: sizeReport(dist),
};
try {
  log('making a profile through the onboarding');
  const seed = await makeProfile(site);
  results.seed = seed;
  if (!args.includes('--skip-lighthouse')) results.lighthouse = await runLighthouse(site, seed);
  log('interactions');
  results.interactions = await measureInteractions(site, seed);
} finally {
  await site.stop().catch(() => {});
}
results.machine.loadAverageAtEnd = loadavg();
const md = table(results);
writeFileSync(join(OUT, 'results.md'), md + '\n');
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(md);
for (const [name, l] of Object.entries(results.lighthouse ?? {})) {
  const f = l.runs[0].failing;
  for (const [cat, list] of Object.entries(f)) if (list.length) console.log(`\nLighthouse ${name}, ${cat} audits not passed: ${list.join('; ')}`);
}
