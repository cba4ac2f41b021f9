// Demonstration mode: a nurse shows Cocon with a sample family on the parent's phone;
// the parent's own storage must be exactly the same before, during and after.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const axe = async (page) => {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
};
const sessionDocuments = (page) => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('cocon')).sort());
const accent = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());

/** The parent's own data, entered through the app, plus another app's key. */
async function parentData(page, site) {
  await page.goto(site.url('/'));
  await page.getByRole('radio', { name: fr.profile.situation_pregnant }).check();
  await page.getByRole('radio', { name: fr.profile.date_kind_last_period }).check();
  await page.getByLabel(fr.profile.name_label).fill('Camille');
  await page.getByLabel(fr.profile.date_label_last_period, { exact: true }).fill('2026-06-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText('Camille')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('another-app', 'not ours'));
  const before = await storedData(page);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['cocon.family', 'cocon.settings']));
  return { before, all: await page.evaluate(() => JSON.stringify(localStorage)) };
}

const banner = (page, lang = fr) => page.getByRole('complementary', { name: lang.demo.banner.label });

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
});

test('a demonstration neither reads nor changes the parent data, and leaving it restores them', async ({ page, site }) => {
  const { before, all } = await parentData(page, site);
  const parentAccent = await accent(page);

  await page.goto(site.url('/settings'));
  await page.getByRole('link', { name: fr.demo.settings.link }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.demo.title })).toBeVisible();
  const origin = site.url('/?install');
  await expect(page.getByRole('img', { name: fill(fr.demo.qr.label, { url: origin }) })).toBeVisible();
  await expect(page.locator('svg.qr-code path')).toHaveAttribute('d', /^M4 4h7v1h-7z/);
  await axe(page);

  await page.getByRole('button', { name: fr.demo.sample.newborn.title }).click();
  await expect(banner(page)).toBeVisible();
  await expect(page.getByText(fr.demo.sample.newborn.name, { exact: true })).toBeVisible();
  await expect(page.getByText('Camille')).toHaveCount(0);
  expect(await accent(page)).not.toBe(parentAccent);
  await axe(page);
  expect(await storedData(page)).toEqual(before);

  // Every screen says it is a demonstration.
  for (const name of [fr.nav.timeline, fr.nav.directory, fr.nav.wellbeing, fr.nav.settings]) {
    await page.getByRole('navigation').getByRole('link', { name }).click();
    await expect(banner(page)).toBeVisible();
  }
  // A change made in the demonstration (here, the language) stays in the demonstration.
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(banner(page, en)).toBeVisible();
  expect(await storedData(page)).toEqual(before);
  expect(await sessionDocuments(page)).toEqual(['cocon-demo', 'cocon.family', 'cocon.settings']);

  // A reload keeps the demonstration, still apart from the parent's data.
  await page.reload();
  await expect(banner(page, en)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

  await banner(page, en).getByRole('button', { name: en.demo.leave }).click();
  await expect(page.getByText('Camille')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveClass(/demo/);
  expect(await accent(page)).toBe(parentAccent);
  expect(await sessionDocuments(page)).toEqual([]);
  expect(await storedData(page)).toEqual(before);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(all);
});

test('the start link opens the demonstration page, and closing the tab ends the demonstration', async ({ page, context, site }) => {
  const { before } = await parentData(page, site);

  await page.goto(site.url('/?demo'));
  await expect(page).toHaveURL(site.url('/demo'));
  await expect(page.getByRole('heading', { level: 1, name: fr.demo.title })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  await page.goto(site.url('/?demo=toddler'));
  await expect(banner(page)).toBeVisible();
  await expect(page.getByText(fr.demo.sample.toddler.name, { exact: true })).toBeVisible();
  // Born 14 months ago, so its past check-ups are marked done, none overdue.
  await page.getByRole('navigation').getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('link', { name: fr.demo.banner.options }).click();
  await expect(page.getByText(fill(fr.demo.current, { sample: fr.demo.sample.toddler.title }))).toBeVisible();
  // Switching sample: the toddler's choice is gone, the two others are offered.
  await expect(page.getByRole('button', { name: fr.demo.sample.toddler.title })).toHaveCount(0);
  await page.getByRole('button', { name: fr.demo.sample.pregnant.title }).click();
  await expect(page.getByText(fr.demo.sample.pregnant.name, { exact: true })).toBeVisible();
  expect(await storedData(page)).toEqual(before);

  await page.close();
  const next = await context.newPage();
  await next.goto(site.url('/'));
  await expect(next.getByText('Camille')).toBeVisible();
  await expect(banner(next)).toHaveCount(0);
  expect(await storedData(next)).toEqual(before);
});
