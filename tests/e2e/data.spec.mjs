// The parent owns their data: export everything to one file, import it back (preview,
// replace or merge, refused files change nothing, a failed write is undone), delete
// everything, the device's storage in Settings, the export reminder on Today, and the
// download of each document kept aside because it could not be read.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr');
const EPDS_ITEMS = JSON.parse(readFileSync('locales/fr/epds.json', 'utf8'));
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const NOW = new Date('2026-11-23T10:00:00');
const FAMILY = {
  version: 1,
  profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
  active: 'p1',
  done: { p1: { 'exam-8d': '2026-09-25' } },
  own_events: { p1: [{ id: 'own1', title: 'Kiné', date: '2026-12-10', note: null }] },
  favourite_messages: [],
};
const SETTINGS_V1 = '{"version":1,"lang":"fr"}';
const settingsV2 = (backup = {}) => JSON.stringify({
  version: 2, lang: 'fr',
  backup: { first_data_on: null, last_export: null, snoozed_on: null, epds_seen: null, ...backup },
});
const counts = (c) => fill(fr.settings.import.counts, c);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations, `axe on ${what}`).toEqual([]);
}

/** Stores these documents (key without "cocon." → text) on an empty origin, then opens `path`. */
async function withStored(page, site, docs, path = '/settings') {
  await page.goto(site.url('/'));
  // The first page has read the (empty) storage before the documents are put in.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((docs) => {
    for (const [k, v] of Object.entries(docs)) localStorage.setItem(`cocon.${k}`, v);
    localStorage.setItem('another-app', 'not ours');
  }, docs);
  await page.goto(site.url(path));
  // The app is mounted (and has read the documents) before a test looks at storage.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Exports from Settings; returns the saved file's path and text. */
async function exportFile(page, testInfo, button = fr.settings.export_button) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const importInput = (page) => page.getByLabel(fr.settings.import.label);
const preview = (page) => page.getByRole('group', { name: fr.settings.import.preview_heading });

/** One EPDS check through the questionnaire, low answers: straight to its result. */
async function takeEpds(page, site) {
  await page.goto(site.url('/wellbeing'));
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();
  await page.getByRole('radio', { name: fr.wellbeing.check.who_mother }).check();
  await page.getByRole('radio', { name: fr.wellbeing.check.when_postpartum }).check();
  await page.getByRole('button', { name: fr.wellbeing.check.start, exact: true }).click();
  for (let n = 1; n <= 10; n++) {
    const item = EPDS_ITEMS.items[n - 1];
    const text = item.answers.find((a) => a.points === (n === 1 ? 1 : 0)).text;
    await page.getByRole('group', { name: item.text, exact: true }).getByRole('radio', { name: text, exact: true }).check();
    await page.getByRole('button', { name: n === 10 ? fr.wellbeing.check.finish : fr.wellbeing.check.next, exact: true }).click();
  }
  await expect(page).toHaveURL(/\/wellbeing\/result\/\d+$/);
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('export: one dated, readable file holding every document as stored, the export recorded', async ({ page, site }, testInfo) => {
  await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 });
  const before = await storedData(page);
  const file = await exportFile(page, testInfo);
  expect(file.name).toBe('cocon-2026-11-23.json');
  const doc = JSON.parse(file.text);
  expect(doc).toMatchObject({ format: 'cocon-export', version: 1, exported_on: '2026-11-23' });
  const after = await storedData(page);
  // Only the settings changed: they record the export (and are written as version 2).
  expect({ ...after, 'cocon.settings': undefined }).toEqual({ ...before, 'cocon.settings': undefined });
  expect(after['cocon.settings']).toBe(settingsV2({ last_export: '2026-11-23' }));
  // The file holds every document as stored after the export.
  expect(Object.keys(doc.documents).sort()).toEqual(Object.keys(after).map((k) => k.replace(/^cocon\./, '')).sort());
  for (const [key, raw] of Object.entries(after)) {
    expect(doc.documents[key.replace(/^cocon\./, '')], key).toEqual(JSON.parse(raw));
  }
  expect(file.text.split('\n').length).toBeGreaterThan(10);
  await expect(page.getByRole('status').filter({ hasText: fill(fr.settings.export_done, { file: 'cocon-2026-11-23.json' }) })).toBeVisible();
});

test('export, delete everything, import: the same stored texts byte for byte, and the data on screen', async ({ page, site }, testInfo) => {
  test.setTimeout(120_000);
  const directory = ui('fr').directory;
  // Everything entered through the app: a profile, a done mark, an own appointment,
  // an EPDS check, a directory favourite, an own entry, an imported file.
  await page.goto(site.url('/'));
  await page.getByRole('radio', { name: fr.profile.situation_born }).check();
  await page.getByLabel(fr.profile.name_label).fill('Léa');
  await page.getByLabel(fr.profile.birth_label).fill('2026-09-20');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText('Léa', { exact: true })).toBeVisible();

  await page.goto(site.url('/timeline/events'));
  const vaccine = fr.events.title['vaccine-2m'];
  await page.getByRole('button', { name: `${fr.events.mark_done} : ${vaccine}` }).click();
  await page.getByText(fr.events.own_add, { exact: true }).click();
  await page.getByLabel(fr.events.own_title_label, { exact: true }).fill('Sage-femme, rééducation');
  await page.getByLabel(fr.events.own_date_label, { exact: true }).fill('2026-12-02');
  await page.getByLabel(fr.events.own_note_label).fill('Apporter le carnet « santé »');
  await page.getByRole('button', { name: fr.events.own_submit, exact: true }).click();
  await expect(page.locator('#ev-announce')).toHaveText(fr.events.own_added.replace('{title}', 'Sage-femme, rééducation'));

  await takeEpds(page, site);

  await page.goto(site.url('/directory/entry/b.helpline-3114'));
  await page.getByRole('button', { name: directory.favourite }).click();
  await expect(page.getByRole('button', { name: directory.favourite })).toHaveAttribute('aria-pressed', 'true');
  await page.goto(site.url('/directory/new'));
  await page.getByLabel(directory.own_name, { exact: true }).fill('Ma sage-femme');
  await page.getByLabel(directory.own_phone, { exact: true }).fill('06 00 00 00 02');
  await page.getByRole('button', { name: directory.save }).click();
  await expect(page).toHaveURL(/\/directory\/entry\/o\.own-1$/);
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(directory.import_file).setInputFiles('tests/fixtures/directory-import.csv');
  await page.getByRole('button', { name: directory.import_confirm }).click();
  await expect(page.getByText(fill(directory.import_done, { n: 4, source: 'directory-import' }))).toBeVisible();

  // Export from Settings.
  await page.goto(site.url('/settings'));
  const file = await exportFile(page, testInfo);
  const before = await storedData(page);
  expect(Object.keys(before)).toEqual(['cocon.directory', 'cocon.epds', 'cocon.family', 'cocon.settings']);

  // Delete everything.
  await page.getByRole('button', { name: fr.settings.wipe_button }).click();
  await page.getByRole('button', { name: fr.settings.wipe_confirm }).click();
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  expect(await storedData(page)).toEqual({});

  // Import: a preview first, nothing written.
  await page.goto(site.url('/settings'));
  await importInput(page).setInputFiles(file.path);
  await expect(preview(page)).toBeVisible();
  await expect(preview(page)).toContainText(fill(fr.settings.import.exported_on, { date: '23 novembre 2026' }));
  await expect(preview(page)).toContainText(fill(fr.settings.import.holds, { counts: counts({ profiles: 1, marks: 2, checks: 1, entries: 6 }) }));
  await expect(preview(page)).toContainText(fr.settings.import.replace_loses_nothing);
  await expect(preview(page)).toContainText(fill(fr.settings.import.merge_adds, { counts: counts({ profiles: 1, marks: 2, checks: 1, entries: 6 }) }));
  expect(await storedData(page)).toEqual({});
  await axe(page, 'the import preview');

  await Promise.all([
    page.waitForURL(site.url('/settings?imported=replace')),
    preview(page).getByRole('button', { name: fr.settings.import.replace_button }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: fr.settings.import.done })).toBeVisible();
  expect(await storedData(page)).toEqual(before);

  // Every screen has the data back (and showing it writes nothing).
  await page.getByRole('link', { name: fr.nav.today }).click();
  await expect(page.locator('.summary-name')).toHaveText('Léa');
  await expect(page.getByRole('heading', { name: fr.today.backup.heading })).toHaveCount(0);
  await page.goto(site.url('/timeline/events'));
  await expect(page.getByRole('article', { name: 'Sage-femme, rééducation' })).toBeVisible();
  await expect(page.getByText(fill(fr.events.done_on, { date: '23 novembre 2026' }), { exact: true })).toBeVisible();
  await page.goto(site.url('/wellbeing'));
  await expect(page.getByRole('heading', { name: fr.wellbeing.history.list_heading })).toBeVisible();
  await page.goto(site.url('/directory/entry/o.own-1'));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Ma sage-femme');
  await page.goto(site.url('/directory/entry/b.helpline-3114'));
  await expect(page.getByRole('button', { name: directory.favourite })).toHaveAttribute('aria-pressed', 'true');
  expect(await storedData(page)).toEqual(before);
});

test('merge: the file is added, the phone keeps its version on a conflict, and merging again changes nothing', async ({ page, site }, testInfo) => {
  // The file: Léa with her mark and appointment.
  await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 });
  const file = await exportFile(page, testInfo);
  // The phone: Léa's appointment renamed, another mark, and a second child.
  const phone = structuredClone(FAMILY);
  phone.own_events.p1[0].title = 'Kiné (déplacé)';
  phone.done.p1 = { 'vaccine-2m': '2026-11-20' };
  phone.profiles.push({ id: 'p2', name: 'Tom', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } });
  await page.evaluate((f) => { localStorage.clear(); localStorage.setItem('cocon.family', JSON.stringify(f)); }, phone);
  await page.reload();
  await importInput(page).setInputFiles(file.path);
  await expect(preview(page)).toContainText(fill(fr.settings.import.merge_adds, { counts: counts({ profiles: 0, marks: 1, checks: 0, entries: 0 }) }));
  await expect(preview(page)).toContainText(fill(fr.settings.import.merge_keeps, { n: 1 }));
  await expect(preview(page)).toContainText(fill(fr.settings.import.replace_loses, { counts: counts({ profiles: 1, marks: 2, checks: 0, entries: 0 }) }));
  await Promise.all([
    page.waitForURL(site.url('/settings?imported=merge')),
    preview(page).getByRole('button', { name: fr.settings.import.merge_button }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: fr.settings.import.done_merge })).toBeVisible();
  const stored = await storedData(page);
  const merged = JSON.parse(stored['cocon.family']);
  expect(merged.profiles.map((p) => p.name)).toEqual(['Léa', 'Tom']);
  expect(merged.done).toEqual({ p1: { 'exam-8d': '2026-09-25', 'vaccine-2m': '2026-11-20' } });
  expect(merged.own_events.p1.map((e) => e.title)).toEqual(['Kiné (déplacé)']);
  // The file's settings are taken only because the phone had none.
  expect(JSON.parse(stored['cocon.settings']).backup.last_export).toBe('2026-11-23');

  await importInput(page).setInputFiles(file.path);
  await preview(page).getByRole('button', { name: fr.settings.import.merge_button }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.settings.import.nothing_to_do })).toBeVisible();
  expect(await storedData(page)).toEqual(stored);
});

test('a bad file is refused with a reason in plain words and changes nothing', async ({ page, site }) => {
  await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 });
  const before = await storedData(page);
  const exportOf = (documents, extra = {}) => JSON.stringify({ format: 'cocon-export', version: 1, exported_on: '2026-11-23', documents, ...extra });
  const cases = [
    ['notes.txt', 'Bonjour', fr.settings.import.not_json],
    ['other.json', '{"format":"another-app","version":1}', fr.settings.import.not_export],
    ['newer.json', exportOf({}, { version: 2 }), fr.settings.import.too_new],
    ['bad.json', exportOf({ family: { version: 1, profiles: 'none' } }), fill(fr.settings.import.doc_unreadable, { what: fr.settings.doc.family })],
    ['new-epds.json', exportOf({ epds: { version: 9, checks: [] } }), fill(fr.settings.import.doc_too_new, { what: fr.settings.doc.epds })],
    ['big.json', ' '.repeat(5 * 1024 * 1024 + 1), fr.settings.import.too_big],
  ];
  for (const [name, text, reason] of cases) {
    await importInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('status').filter({ hasText: reason }), name).toBeVisible();
    await expect(preview(page)).toHaveCount(0);
    expect(await storedData(page), name).toEqual(before);
  }
  await axe(page, 'a refused file');
  expect(await page.evaluate(() => localStorage.getItem('another-app'))).toBe('not ours');
});

test('an import that cannot be written (full storage) is undone completely and says so', async ({ page, site }, testInfo) => {
  await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 });
  const file = await exportFile(page, testInfo);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('cocon.family', '{"version":1,"profiles":[],"active":null}');
    localStorage.setItem('cocon.epds', '{broken');
    localStorage.setItem('cocon.epds.unreadable', '{broken');
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const before = await storedData(page);
  await importInput(page).setInputFiles(file.path);
  await expect(preview(page)).toBeVisible();
  // The settings are written last: every write before them must be undone.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'cocon.settings') throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  });
  await preview(page).getByRole('button', { name: fr.settings.import.replace_button }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.settings.import.failed })).toBeVisible();
  expect(await storedData(page)).toEqual(before);
});

test('delete everything: a confirmation names what will be lost; cancel keeps it all', async ({ page, site }) => {
  await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 });
  const before = await storedData(page);
  await page.getByRole('button', { name: fr.settings.wipe_button }).click();
  const confirm = page.getByRole('group', { name: fr.settings.wipe_question });
  await expect(confirm.getByText(fill(fr.settings.wipe_lost, { profiles: 1, marks: 2, checks: 0, entries: 0 }))).toBeVisible();
  await axe(page, 'the confirmation');
  await confirm.getByRole('button', { name: fr.settings.wipe_cancel }).click();
  await expect(confirm).toHaveCount(0);
  expect(await storedData(page)).toEqual(before);

  await page.getByRole('button', { name: fr.settings.wipe_button }).click();
  await page.getByRole('button', { name: fr.settings.wipe_confirm }).click();
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  expect(await storedData(page)).toEqual({});
  // Only Cocon's own data is removed.
  expect(await page.evaluate(() => localStorage.getItem('another-app'))).toBe('not ours');
});

test('the storage on this phone: whether it is kept and how much is used', async ({ page, site }) => {
  await withStored(page, site, { family: JSON.stringify(FAMILY) }, '/');
  await expect(page.locator('.summary-name')).toHaveText('Léa');
  await page.getByRole('link', { name: fr.nav.settings }).click();
  await expect(page.getByRole('heading', { name: fr.settings.device.heading })).toBeVisible();
  await expect(page.getByText(new RegExp(`^(${escape(fr.settings.device.persisted)}|${escape(fr.settings.device.not_persisted)})$`))).toBeVisible();
  const size = '\\d+(,\\d)? (Ko|Mo|Go)';
  const usage = escape(fill(fr.settings.device.usage, { used: 'USED', quota: 'QUOTA' })).replace('USED', size).replace('QUOTA', size);
  await expect(page.getByText(new RegExp(`^${usage}$`))).toBeVisible();
  await expect(page.getByText(fr.settings.device.ios_note)).toHaveCount(0);
  await axe(page, 'Settings');
});

test('the browser is asked to keep the data once there is some, never on an empty first visit', async ({ page, site }) => {
  // The browser does not keep the data yet; every request to keep it is counted.
  await page.addInitScript(() => {
    window.storageAsks = 0;
    StorageManager.prototype.persisted = () => Promise.resolve(false);
    StorageManager.prototype.persist = () => { window.storageAsks += 1; return Promise.resolve(false); };
  });
  await page.goto(site.url('/'));
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.today }).click();
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  expect(await page.evaluate(() => window.storageAsks)).toBe(0);
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2027-03-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect.poll(() => page.evaluate(() => window.storageAsks)).toBe(1);
  // Once per visit.
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('navigation', { name: fr.nav.label }).getByRole('link', { name: fr.nav.today }).click();
  await expect(page.locator('.summary-name')).toBeVisible();
  expect(await page.evaluate(() => window.storageAsks)).toBe(1);
});

test('without the Storage API, Settings says so plainly', async ({ page, site }) => {
  await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined }); });
  await withStored(page, site, { family: JSON.stringify(FAMILY) });
  await expect(page.getByText(fr.settings.device.unknown)).toBeVisible();
});

test.describe('in Safari on an iPhone', () => {
  test.use({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });

  test('Settings suggests adding Cocon to the home screen', async ({ page, site }) => {
    await withStored(page, site, { family: JSON.stringify(FAMILY) });
    await expect(page.getByText(fr.settings.device.ios_note)).toBeVisible();
  });
});

test.describe('the export reminder on Today', () => {
  const card = (page) => page.getByRole('region', { name: fr.today.backup.heading });

  test('after an EPDS check never exported: export from the card, and it is gone', async ({ page, site }, testInfo) => {
    await withStored(page, site, { family: JSON.stringify(FAMILY), settings: SETTINGS_V1 }, '/');
    await expect(page.locator('.summary-name')).toHaveText('Léa');
    await expect(card(page)).toHaveCount(0);
    // The first day with data is noted (the settings migrated to version 2).
    await expect.poll(async () => (await storedData(page))['cocon.settings']).toBe(settingsV2({ first_data_on: '2026-11-23' }));
    await takeEpds(page, site);
    await page.getByRole('link', { name: fr.nav.today }).click();
    await expect(card(page)).toBeVisible();
    await axe(page, 'Today with the reminder');
    const file = await exportFile(page, testInfo, fr.today.backup.export);
    expect(file.name).toBe('cocon-2026-11-23.json');
    await expect(card(page)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: fill(fr.settings.export_done, { file: file.name }) })).toBeVisible();
    const backup = JSON.parse((await storedData(page))['cocon.settings']).backup;
    expect(backup).toEqual({ first_data_on: '2026-11-23', last_export: '2026-11-23', snoozed_on: null, epds_seen: { latest: '2026-11-23', on_that_day: 1 } });
    // The file holds the settings as they are after the export.
    expect(JSON.parse(file.text).documents.settings.backup).toEqual(backup);
    await page.reload();
    await expect(page.locator('.summary-name')).toHaveText('Léa');
    await expect(card(page)).toHaveCount(0);
  });

  test('30 days after the first data: "Not now" hides it for 30 days, until the next EPDS check', async ({ page, site }) => {
    await withStored(page, site, { family: JSON.stringify(FAMILY), settings: settingsV2({ first_data_on: '2026-10-24' }) }, '/');
    await expect(card(page)).toBeVisible();
    await card(page).getByRole('button', { name: fr.today.backup.later }).click();
    await expect(card(page)).toHaveCount(0);
    expect(JSON.parse((await storedData(page))['cocon.settings']).backup.snoozed_on).toBe('2026-11-23');
    await page.reload();
    await expect(page.locator('.summary-name')).toHaveText('Léa');
    await expect(card(page)).toHaveCount(0);
    await takeEpds(page, site);
    await page.getByRole('link', { name: fr.nav.today }).click();
    await expect(card(page)).toBeVisible();
  });

  test('never before 30 days, never without data', async ({ page, site }) => {
    await withStored(page, site, { family: JSON.stringify(FAMILY), settings: settingsV2({ first_data_on: '2026-10-25' }) }, '/');
    await expect(page.locator('.summary-name')).toHaveText('Léa');
    await expect(card(page)).toHaveCount(0);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
    await expect(card(page)).toHaveCount(0);
    expect(await storedData(page), 'an empty first visit stores nothing').toEqual({});
  });
});

test('an unreadable EPDS history is kept aside and offered for download, like the family', async ({ page, site }) => {
  await withStored(page, site, { family: '{"version":1,"profiles":[{"id":', epds: '{"version":1,"checks":"lost"}' }, '/');
  const banner = page.getByRole('alert').filter({ hasText: fr.storage.unreadable });
  await expect(banner).toBeVisible();
  const downloads = [];
  for (const what of [fr.settings.doc.family, fr.settings.doc.epds]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: fill(fr.storage.download_copy_of, { what }) }).click(),
    ]);
    downloads.push([download.suggestedFilename(), readFileSync(await download.path(), 'utf8')]);
  }
  expect(downloads).toEqual([
    [`${fr.storage.copy_file}-2026-11-23.json`, '{"version":1,"profiles":[{"id":'],
    [`${fr.storage.copy_file}-epds-2026-11-23.json`, '{"version":1,"checks":"lost"}'],
  ]);
  // Opening the well-being page keeps the history's copy aside, untouched.
  await page.getByRole('link', { name: fr.nav.wellbeing }).click();
  await expect(page.getByText(fr.wellbeing.history.empty)).toBeVisible();
  expect((await storedData(page))['cocon.epds.unreadable']).toBe('{"version":1,"checks":"lost"}');
});
