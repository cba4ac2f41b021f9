// Two windows of one browser (the installed app and a tab, or two tabs): a change made in
// one is never undone by the other, a window that is behind shows the other's change at
// once, the same profile edited in both keeps the newest and says so, a newer Cocon's
// document is never overwritten, and a demonstration stays apart. French and English,
// axe on the screens that say something new.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const NOW = new Date('2026-11-23T10:00:00');
const ITEMS = JSON.parse(readFileSync('locales/fr/epds.json', 'utf8'));
const FAMILY = {
  version: 1,
  profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
  active: 'p1',
};
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations, `axe on ${what}`).toEqual([]);
}

const doc = async (page, key) => JSON.parse((await storedData(page))[`cocon.${key}`] ?? 'null');

/** Two pages of one browser context (they share the storage), the family stored, both on `path`. */
async function twoWindows(context, site, path, family = FAMILY) {
  const a = await context.newPage();
  await a.clock.setFixedTime(NOW);
  await a.goto(site.url('/'));
  if (family) await a.evaluate((f) => localStorage.setItem('cocon.family', JSON.stringify(f)), family);
  await a.goto(site.url(path));
  const b = await context.newPage();
  await b.clock.setFixedTime(NOW);
  await b.goto(site.url(path));
  return [a, b];
}

const markDone = (page, t, id) =>
  page.getByRole('button', { name: fill(t.events.about, { action: t.events.mark_done, title: t.events.title[id] }) });
const undo = (page, t, id) =>
  page.getByRole('button', { name: fill(t.events.about, { action: t.events.undo, title: t.events.title[id] }) });

test('the family: a mark made in each window keeps both, and each window shows the other\'s at once', async ({ context, site }) => {
  const [a, b] = await twoWindows(context, site, '/timeline/events');
  await expect(markDone(b, fr, 'vaccine-2m')).toBeVisible();

  await markDone(a, fr, 'exam-2m').click();
  await expect(undo(a, fr, 'exam-2m')).toBeVisible();
  // The other window, without a reload, shows it.
  await expect(undo(b, fr, 'exam-2m')).toBeVisible();

  // Its own change is applied to the family as stored, not to its old copy.
  await markDone(b, fr, 'vaccine-2m').click();
  await expect(undo(b, fr, 'vaccine-2m')).toBeVisible();
  expect((await doc(b, 'family')).done).toEqual({ p1: { 'exam-2m': '2026-11-23', 'vaccine-2m': '2026-11-23' } });
  await expect(undo(a, fr, 'vaccine-2m')).toBeVisible();
  await expect(undo(a, fr, 'exam-2m')).toBeVisible();

  // Undone in one, undone in the other.
  await undo(a, fr, 'exam-2m').click();
  await expect(markDone(b, fr, 'exam-2m')).toBeVisible();
  expect((await doc(a, 'family')).done).toEqual({ p1: { 'vaccine-2m': '2026-11-23' } });
});

test('the EPDS history: a check taken in each window keeps both', async ({ context, site }) => {
  const [a, b] = await twoWindows(context, site, '/wellbeing/check');
  for (const page of [a, b]) {
    await page.getByRole('radio', { name: fr.wellbeing.check.who_mother }).check();
    await page.getByRole('radio', { name: fr.wellbeing.check.when_postpartum }).check();
    await page.getByRole('button', { name: fr.wellbeing.check.start, exact: true }).click();
  }
  // Both questionnaires are open; each finishes with its own answers.
  const finish = async (page, points) => {
    for (let n = 1; n <= 10; n++) {
      const text = ITEMS.items[n - 1].answers.find((x) => x.points === points[n - 1]).text;
      await page.getByRole('group', { name: ITEMS.items[n - 1].text, exact: true }).getByRole('radio', { name: text, exact: true }).check();
      await page.getByRole('button', { name: n === 10 ? fr.wellbeing.check.finish : fr.wellbeing.check.next, exact: true }).click();
    }
    await expect(page).toHaveURL(/\/wellbeing\/result\//);
  };
  await finish(a, [0, 0, 1, 1, 0, 1, 0, 0, 0, 0]);
  await finish(b, [1, 1, 1, 1, 1, 1, 0, 0, 1, 0]);
  const checks = (await doc(a, 'epds')).checks;
  expect(checks.map((c) => c.total).sort()).toEqual([3, 7]);
  // The first window's history shows the second's check without a reload.
  await a.goto(site.url('/wellbeing'));
  await b.getByRole('link', { name: fr.nav.wellbeing, exact: true }).click();
  for (const page of [a, b]) await expect(page.locator('.wb-entries > li')).toHaveCount(2);
});

test('the directory: a favourite added in each window keeps both', async ({ context, site }) => {
  const [a, b] = await twoWindows(context, site, '/directory', null);
  // An entry's address has a dot, which the test server takes for a file: open it from the search.
  const open = async (page, query, entry) => {
    await page.getByLabel(fr.directory.search_label, { exact: true }).fill(query);
    await page.locator('.dir-results > li').first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/directory/entry/${entry.replace('.', '\\.')}$`));
  };
  await open(a, 'suicide', 'b.helpline-3114');
  await open(b, 'Partage Besançon', 'b.partage-besancon');
  const star = (page) => page.getByRole('button', { name: fr.directory.favourite });
  await star(a).click();
  await expect(star(a)).toHaveAttribute('aria-pressed', 'true');
  await star(b).click();
  await expect(star(b)).toHaveAttribute('aria-pressed', 'true');
  expect((await doc(a, 'directory')).favourites.sort()).toEqual(['b.helpline-3114', 'b.partage-besancon']);
  // The first window's favourites list has both, without a reload.
  await a.getByRole('link', { name: fr.nav.directory, exact: true }).click();
  await a.getByLabel(fr.directory.search_label, { exact: true }).fill('');
  await a.getByRole('button', { name: fr.directory.favourites_only }).click();
  await expect(a.locator('.dir-results > li')).toHaveCount(2);
  await expect(a.locator('.dir-results')).toContainText('3114');
  await expect(a.locator('.dir-results')).toContainText('Partage');
});

test('the settings: a language chosen in one window is the other\'s at once, and the reminder\'s memory is kept', async ({ context, site }) => {
  const [a, b] = await twoWindows(context, site, '/settings');
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
  await a.getByRole('radio', { name: fr.settings.language_en }).check();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(en.settings.title);
  await expect(b.locator('html')).toHaveAttribute('lang', 'en');
  await expect(b.getByRole('radio', { name: en.settings.language_en })).toBeChecked();
  // Back to French from the other window.
  await b.getByRole('radio', { name: en.settings.language_fr }).check();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(fr.settings.title);
  expect((await doc(a, 'settings')).lang).toBe('fr');
});

for (const [lang, t] of [['fr', fr], ['en', en]]) {
  test.describe(`${lang}: the same profile edited in both windows`, () => {
    test.use({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    test('keeps the newest edit and says so; a profile deleted meanwhile comes back', async ({ context, site }) => {
      const [a, b] = await twoWindows(context, site, '/settings');
      const edit = (page) => page.getByRole('button', { name: fill(t.settings.profile_edit, { name: 'Léa' }) });
      const name = (page) => page.getByLabel(t.profile.name_label);
      await edit(a).click();
      await edit(b).click();
      await name(b).fill('Léa Marie');
      await b.getByRole('button', { name: t.profile.save }).click();
      await expect(b.getByText('Léa Marie', { exact: true })).toBeVisible();
      await expect(b.getByRole('status').filter({ hasText: t.storage.changed_elsewhere })).toHaveCount(0);

      // The first window still edits what it opened: its save is the newest, and says so.
      await name(a).fill('Léa M.');
      await a.getByRole('button', { name: t.profile.save }).click();
      await expect(a.getByRole('status').filter({ hasText: t.storage.changed_elsewhere })).toBeVisible();
      expect((await doc(a, 'family')).profiles.map((p) => p.name)).toEqual(['Léa M.']);
      await expect(b.getByText('Léa M.', { exact: true })).toBeVisible();
      await axe(a, `the edit conflict (${lang})`);

      // Deleted in one window while edited in the other: saved again, and said.
      const editNow = (page) => page.getByRole('button', { name: fill(t.settings.profile_edit, { name: 'Léa M.' }) });
      await editNow(a).click();
      await b.getByRole('button', { name: fill(t.settings.profile_delete, { name: 'Léa M.' }) }).click();
      await b.getByRole('alertdialog').getByRole('button').first().click();
      await expect.poll(async () => (await doc(b, 'family')).profiles.length).toBe(0);
      await name(a).fill('Léa');
      await a.getByRole('button', { name: t.profile.save }).click();
      await expect(a.getByRole('status').filter({ hasText: t.storage.removed_elsewhere })).toBeVisible();
      expect((await doc(a, 'family')).profiles.map((p) => p.name)).toEqual(['Léa']);
    });

    test('a document a newer Cocon wrote in the other window is never overwritten', async ({ context, site }) => {
      const [a, b] = await twoWindows(context, site, '/timeline/events');
      const newer = JSON.stringify({ version: 99, profiles: [], future: 'kept' });
      await b.evaluate((text) => localStorage.setItem('cocon.family', text), newer);
      const banner = a.getByRole('alert').filter({ hasText: t.storage.newer_elsewhere });
      await expect(banner).toBeVisible();
      await expect(banner.getByRole('button', { name: t.storage.reload })).toBeVisible();
      await axe(a, `the newer-elsewhere banner (${lang})`);
      // A change here is refused, and what the newer Cocon wrote is untouched.
      await markDone(a, t, 'exam-2m').click();
      expect((await storedData(a))['cocon.family']).toBe(newer);
      await expect(undo(a, t, 'exam-2m')).toHaveCount(0);
    });
  });
}

test('a demonstration in one tab never shows or takes the parent\'s changes made in another', async ({ context, site }) => {
  const [a, b] = await twoWindows(context, site, '/timeline/events');
  await b.goto(site.url('/?demo=newborn'));
  await expect(b.getByText(fr.demo.banner.text)).toBeVisible();
  const before = await doc(a, 'family');
  await markDone(a, fr, 'exam-2m').click();
  await expect(undo(a, fr, 'exam-2m')).toBeVisible();
  // The demonstration's family is the sample's, in the tab's session storage.
  const session = await b.evaluate(() => JSON.parse(sessionStorage.getItem('cocon.family')));
  expect(session.profiles.map((p) => p.name)).toEqual([fr.demo.sample.newborn.name]);
  expect(JSON.stringify(session.done ?? {})).not.toContain('exam-2m');
  await expect(b.getByText('Léa', { exact: true })).toHaveCount(0);
  expect((await doc(a, 'family')).profiles).toEqual(before.profiles);
});
