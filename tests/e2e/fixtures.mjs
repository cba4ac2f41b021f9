// Shared fixtures: a static server of the release build for each test, and a record of
// every request the browser makes, so that any request to another origin fails the test.
import { test as base, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';

export { expect };

/** The UI strings of `lang`, as the app gets them: `ui('fr').today.title`. */
export function ui(lang) {
  const dir = `locales/${lang}/ui`;
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]));
}

export const test = base.extend({
  // A private copy of the build (dist/, or $COCON_DIST): a test may change it, e.g. to
  // publish a new version.
  site: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cocon-e2e-'));
    cpSync(process.env.COCON_DIST || 'dist', dir, { recursive: true });
    let server = await serve(dir, 0);
    const port = server.address().port;
    const site = {
      dir,
      origin: `http://127.0.0.1:${port}`,
      url: (path = '/') => `http://127.0.0.1:${port}${path}`,
      stop: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
      start: async () => { server = await serve(dir, port); },
    };
    await use(site);
    await site.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  },
  // Every request of the context (pages and service worker), checked after the test.
  requests: [async ({ context, site }, use) => {
    const seen = [];
    context.on('request', (r) => seen.push(r.url()));
    await use(seen);
    const foreign = seen.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign, 'requests to another origin').toEqual([]);
  }, { auto: true }],
});

/** Waits until a service worker controls the page. */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** The app's stored documents (localStorage keys starting with "cocon."). */
export async function storedData(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('cocon.')).sort().map((k) => [k, localStorage.getItem(k)])));
}
