// The app shell: navigation, language, offline, installability, updates.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { test, expect, ui, waitForServiceWorker, storedData } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const SECTIONS = [
  ['/', 'today'], ['/timeline', 'timeline'], ['/directory', 'directory'],
  ['/wellbeing', 'wellbeing'], ['/settings', 'settings'],
];

test('every section opens from the bottom navigation, in French, with no accessibility violation', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 }), 'the page the app opens on keeps the browser focus').not.toBeFocused();
  const nav = page.getByRole('navigation', { name: fr.nav.label });
  for (const [path, key] of [...SECTIONS.slice(1), SECTIONS[0]]) {
    await nav.getByRole('link', { name: fr.nav[key] }).click();
    await expect(page).toHaveURL(site.url(path));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr[key].title);
    await expect(page.getByRole('heading', { level: 1 }), 'focus moves to the new page').toBeFocused();
    await expect(nav.getByRole('link', { name: fr.nav[key] })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${fr[key].title} · Cocon`);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations, `axe on ${path}`).toEqual([]);
  }
});

test('a direct link to a section and an unknown address both work', async ({ page, site }) => {
  await page.goto(site.url('/wellbeing'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.wellbeing.title);
  await page.goto(site.url('/nowhere'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.not_found.title);
  await page.getByRole('link', { name: fr.not_found.back }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-US' });

  test('the language follows the browser, then the choice in Settings persists', async ({ page, site }) => {
    const content = [];
    page.on('request', (r) => { if (r.url().includes('/content/')) content.push(new URL(r.url()).pathname); });
    await page.goto(site.url('/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.today.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await storedData(page), 'a first visit stores nothing').toEqual({});
    // Only the English texts are fetched, once each (the preload is the app's fetch).
    expect(content.sort()).toEqual(['/content/messages.en.json', '/content/messages.json', '/content/ui.en.txt']);

    await page.getByRole('link', { name: en.nav.settings }).click();
    await page.getByRole('radio', { name: fr.settings.language_fr }).check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(await storedData(page)).toEqual({
      'cocon.settings': '{"version":2,"lang":"fr","backup":{"first_data_on":null,"last_export":null,"snoozed_on":null,"epds_seen":null}}',
    });

    content.length = 0;
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
    await expect(page.getByRole('radio', { name: fr.settings.language_fr })).toBeChecked();
    expect(content.filter((p) => p.includes('.en.')), 'the stored French is preloaded, not the browser\'s English').toEqual([]);
    await page.getByRole('link', { name: fr.nav.today }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);
  });
});

test('after the first visit the app works with the server stopped', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
  await waitForServiceWorker(page);
  await site.stop();

  // The server is gone: make sure of it, then reload and move around.
  expect(await page.evaluate((u) => fetch(u, { cache: 'no-store', mode: 'no-cors' }).then(() => 'up', () => 'down'), site.url('/__probe__'))).toBe('down');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
  await page.getByRole('link', { name: fr.nav.directory }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.directory.title);
  await page.goto(site.url('/settings'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
  // The other language's texts were never fetched by the page: they come from the cache.
  await page.getByRole('radio', { name: fr.settings.language_en }).check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('without the service worker (so that a file can fail to load)', () => {
  test.use({ serviceWorkers: 'block' });

  test('if the texts of the app cannot be loaded, the start screen says so and no data is touched', async ({ page, site }) => {
    await page.goto(site.url('/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
    await page.evaluate(() => localStorage.setItem('cocon.settings', '{"version":1,"lang":"fr"}'));
    const before = await storedData(page);
    // A texts file of another version (or none at all): the app does not start half-written.
    for (const body of ['cocon-ui 1 0000000000000000\nBonjour', null]) {
      await page.route('**/content/ui.fr.txt', (route) => (body === null ? route.abort() : route.fulfill({ body })));
      await page.reload();
      const failed = page.getByRole('alert');
      await expect(failed).toContainText(fr.app.boot_failed);
      await expect(failed).toContainText(en.app.boot_failed);
      await expect(page.getByRole('navigation')).toHaveCount(0);
      expect(await storedData(page)).toEqual(before);
      await page.unroute('**/content/ui.fr.txt');
    }
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
  });

  test('a section that cannot be fetched says so, the app goes on, and it is tried again', async ({ page, site }) => {
    await page.route('**/split_cocon_*', (route) => route.abort());
    await page.goto(site.url('/'));
    await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
    // Filling in the first profile fetches the calendar section: it fails, quietly.
    await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2027-03-01');
    await page.getByRole('button', { name: fr.profile.save }).click();
    await expect(page.getByRole('alert')).toContainText(fr.app.section_failed);
    const nav = page.getByRole('navigation', { name: fr.nav.label });
    await nav.getByRole('link', { name: fr.nav.directory }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.directory.title);
    await expect(page.getByRole('alert')).toContainText(fr.app.section_failed);
    await expect(page.getByRole('button', { name: fr.app.retry })).toBeVisible();
    // The profile was saved: nothing was lost.
    expect(JSON.parse((await storedData(page))['cocon.family']).profiles).toHaveLength(1);
    // Back online: the next try loads it, in the same page.
    await page.unroute('**/split_cocon_*');
    await nav.getByRole('link', { name: fr.nav.wellbeing }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.wellbeing.title);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await nav.getByRole('link', { name: fr.nav.today }).click();
    await expect(page.getByText(new RegExp(`^${fr.timeline.stage.day.replace('{n}', '\\d+')}$`))).toBeVisible();
  });

  test('a language whose texts cannot be loaded is not chosen, and the page says so', async ({ page, site }) => {
    await page.goto(site.url('/settings'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
    await page.evaluate(() => localStorage.setItem('cocon.settings', '{"version":1,"lang":"fr"}'));
    const before = await storedData(page);
    await page.route('**/content/ui.en.txt', (route) => route.abort());
    await page.getByRole('radio', { name: fr.settings.language_en }).click();
    await expect(page.getByRole('alert')).toHaveText(fr.settings.language_failed);
    await expect(page.getByRole('radio', { name: fr.settings.language_fr })).toBeChecked();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
    expect(await storedData(page)).toEqual(before);
    // Once the texts can be had again, the choice works.
    await page.unroute('**/content/ui.en.txt');
    await page.getByRole('radio', { name: fr.settings.language_en }).check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${buffer.readUInt32BE(16)}x${buffer.readUInt32BE(20)}`;
}

test('the app is installable: manifest, icons, iOS tags, a strict CSP', async ({ page, site, request }) => {
  await page.goto(site.url('/'));
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await request.get(site.url(href));
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Cocon', short_name: 'Cocon', lang: 'fr', start_url: '/', scope: '/',
    display: 'standalone', description: fr.app.description,
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.categories).toEqual(expect.arrayContaining(['health', 'lifestyle']));
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  for (const icon of pngs) {
    const body = await (await request.get(site.url(icon.src))).body();
    expect(pngSize(body), icon.src).toBe(icon.sizes);
  }
  const has = (size, purpose) => pngs.some((i) => i.sizes === size && i.purpose.split(' ').includes(purpose));
  expect(has('192x192', 'any') && has('512x512', 'any') && has('512x512', 'maskable')).toBe(true);

  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await request.get(site.url(touch))).body())).toBe('180x180');
  await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
  await expect(page.locator('meta[name="apple-mobile-web-app-status-bar-style"]')).toHaveCount(1);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
});

test('the service worker precaches every file of the build but the directory\'s département packs', async ({ page, site, request }) => {
  const sw = await (await request.get(site.url('/sw.js'))).text();
  const list = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  const isPack = (f) => /^\/content\/directory\/(?!index\.json$)[^/]+\.json$/.test(f);
  const files = readdirSync(site.dir, { recursive: true })
    .filter((f) => statSync(join(site.dir, f)).isFile())
    .map((f) => '/' + f.split(sep).join('/'))
    .filter((f) => f !== '/sw.js');
  const built = files.filter((f) => !isPack(f));
  expect(files.filter(isPack).length, 'the packs are in the build').toBeGreaterThan(50);
  expect([...list].sort(), 'every file of the build but sw.js itself and the packs (fetched when needed)').toEqual(built.sort());
  expect(list).toEqual(expect.arrayContaining(['/content/directory/index.json', '/content/communes.txt']));
  expect(list).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png']));
  const wasm = list.filter((f) => f.endsWith('.wasm'));
  expect(wasm.length, 'the main module and the lazy routes\' modules').toBeGreaterThan(1);
  await page.goto(site.url('/'));
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cocon-') && n !== 'cocon-packs'));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  expect(cached).toEqual([...list].sort());
});

test('a first visit loads only the main module; a section\'s module is fetched when it is first opened', async ({ page, site }) => {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(site.url('/'));
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm, 'the first page fetches the main module only').toEqual([expect.stringMatching(/^\/cocon-[0-9a-f]+_bg\.wasm$/)]);
  // Filling in the first profile fetches what Today will show for it.
  await page.getByLabel(fr.profile.name_label).focus();
  await expect.poll(() => wasm.some((p) => p.startsWith('/split_cocon_calendar'))).toBe(true);
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.directory }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.directory.title);
  expect(wasm.some((p) => p.startsWith('/split_cocon_directory')), 'the directory\'s module, once opened').toBe(true);
  expect(wasm.some((p) => p.startsWith('/split_cocon_wellbeing')), 'not another section\'s').toBe(false);
});

test('with a profile, Today comes with the calendar section: the Timeline then opens with no other module', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('cocon.family', JSON.stringify({ version: 1, active: 'p1',
    profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }] })));
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.reload();
  await expect(page.getByText(new RegExp(`^${fr.timeline.stage.day.replace('{n}', '\\d+')}$`))).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm.some((p) => p.startsWith('/split_cocon_calendar'))).toBe(true);
  const before = wasm.length;
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.timeline }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.timeline.title);
  expect(wasm.slice(before)).toEqual([]);
});

test('a new version is offered, and applying it keeps the parent\'s data', async ({ page, site }) => {
  await page.goto(site.url('/settings'));
  await page.getByRole('radio', { name: en.settings.language_en }).check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await waitForServiceWorker(page);
  const before = await storedData(page);
  const oldCache = await page.evaluate(async () => (await caches.keys()).find((n) => n.startsWith('cocon-')));
  // Another tab of the old version, which has not opened the Timeline yet: once the old
  // version's files are gone, it must not stay on it.
  const other = await page.context().newPage();
  await other.goto(site.url('/'));
  await waitForServiceWorker(other);
  await other.evaluate(() => { window.oldVersion = true; });

  // Publish a new version: the worker script changes (new cache name, as a rebuild gives).
  const swPath = join(site.dir, 'sw.js');
  writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/const CACHE = 'cocon-[0-9a-f]+'/, "const CACHE = 'cocon-0000000000000001'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = page.getByRole('status').filter({ hasText: en.app.update_available });
  await expect(banner).toContainText(en.app.update_available);
  await Promise.all([
    page.waitForEvent('load'),
    banner.getByRole('button', { name: en.app.update_apply }).click(),
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await expect(page.getByRole('button', { name: en.app.update_apply })).toHaveCount(0);
  expect(await storedData(page)).toEqual(before);
  const caches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('cocon-')));
  expect(caches).toEqual(['cocon-0000000000000001']);
  expect(caches).not.toContain(oldCache);
  // The other tab reloaded under the new version, and its sections open.
  await expect.poll(() => other.evaluate(() => window.oldVersion === undefined)).toBe(true);
  await other.getByRole('navigation').getByRole('link', { name: en.nav.timeline }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(en.timeline.title);
});
