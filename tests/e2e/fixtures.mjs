// Shared fixtures: a static server of the release build for each test, and a record of
// every request the browser makes, so that any request to another origin fails the test.
import { test as base, expect } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';

export { expect };

export const test = base.extend({
  // A private copy of dist/ (a test may change it, e.g. to publish a new version).
  site: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cocon-e2e-'));
    cpSync('dist', dir, { recursive: true });
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
