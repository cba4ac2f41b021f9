// The parent owns their data: export everything to one file, delete everything.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr');
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const FAMILY = {
  version: 1,
  profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
  active: 'p1',
  done: { p1: { 'exam-8d': '2026-09-25' } },
  own_events: { p1: [{ id: 'own1', title: 'Kiné', date: '2026-12-10', note: null }] },
  favourite_messages: [],
};

test.beforeEach(async ({ page, site }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await page.goto(site.url('/'));
  await page.evaluate((family) => {
    localStorage.setItem('cocon.family', JSON.stringify(family));
    localStorage.setItem('cocon.settings', '{"version":1,"lang":"fr"}');
    localStorage.setItem('another-app', 'not ours');
  }, FAMILY);
  await page.goto(site.url('/settings'));
});

test('export: one dated, readable file holding every document as stored', async ({ page }) => {
  const before = await storedData(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: fr.settings.export_button }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('cocon-2026-11-23.json');
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'cocon-export', version: 1, exported_on: '2026-11-23' });
  expect(Object.keys(file.documents).sort()).toEqual(Object.keys(before).map((k) => k.replace(/^cocon\./, '')).sort());
  for (const [key, raw] of Object.entries(before)) {
    expect(file.documents[key.replace(/^cocon\./, '')], key).toEqual(JSON.parse(raw));
  }
  expect(text.split('\n').length).toBeGreaterThan(10);
  await expect(page.getByRole('status').filter({ hasText: fill(fr.settings.export_done, { file: 'cocon-2026-11-23.json' }) })).toBeVisible();
  expect(await storedData(page)).toEqual(before);
});

test('delete everything: a confirmation names what will be lost; cancel keeps it all', async ({ page }) => {
  const before = await storedData(page);
  await page.getByRole('button', { name: fr.settings.wipe_button }).click();
  const confirm = page.getByRole('group', { name: fr.settings.wipe_question });
  await expect(confirm.getByText(fill(fr.settings.wipe_lost, { profiles: 1, marks: 2, checks: 0, entries: 0 }))).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);
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
