// Faults of the device's storage: each is explained in plain words and loses nothing.
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr');
const FAMILY = JSON.stringify({
  version: 1,
  profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
  active: 'p1',
});

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
});

test('unreadable stored data is kept aside, explained, and offered for download', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.evaluate(() => localStorage.setItem('cocon.family', '{"version":1,"profiles":[{"id":'));
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: fr.storage.unreadable });
  await expect(banner).toBeVisible();
  // The app still starts, and the raw copy is kept, untouched, beside the original.
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  const kept = await storedData(page);
  expect(kept['cocon.family.unreadable']).toBe('{"version":1,"profiles":[{"id":');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: fr.storage.download_copy }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${fr.storage.copy_file}-2026-11-23.json`);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(await download.path(), 'utf8')).toBe('{"version":1,"profiles":[{"id":');

  // Starting again (a new profile) never overwrites the copy kept aside.
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2027-03-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText(new RegExp(`^${fr.timeline.stage.day.replace('{n}', '\\d+')}$`))).toBeVisible();
  expect((await storedData(page))['cocon.family.unreadable']).toBe('{"version":1,"profiles":[{"id":');
});

test('a full storage keeps the previous state and says so', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.evaluate((f) => localStorage.setItem('cocon.family', f), FAMILY);
  await page.reload();
  // Once the app is up it notes the first day of data (settings): the snapshot comes after.
  await expect(page.getByText(new RegExp(`^${fr.timeline.stage.day.replace('{n}', '\\d+')}$`))).toBeVisible();
  await expect.poll(async () => (await storedData(page))['cocon.settings'] ?? '').toContain('first_data_on":"2026-11-23');
  const before = await storedData(page);
  // From now on every write is refused as if the storage were full.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('button', { name: fr.settings.profile_add }).click();
  await page.getByLabel(fr.profile.name_label).fill('Tom');
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2027-04-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByRole('alert').filter({ hasText: fr.storage.quota })).toBeVisible();
  // Nothing changed, on screen or in storage: Tom was not added.
  await expect(page.getByText('Tom', { exact: true })).toHaveCount(0);
  expect(await storedData(page)).toEqual(before);
});

test('with no storage at all the app runs in memory and says so', async ({ page, site }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(site.url('/'));
  const warning = page.getByRole('alert').filter({ hasText: fr.storage.unavailable });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('button')).toHaveCount(0);
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2027-03-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText(fr.timeline.stage.due_date.replace('{date}', '1er mars 2027'))).toBeVisible();
  await expect(warning).toBeVisible();
});
