// The directory near a place, with no network: the offline gazetteer (a postcode or a
// commune, accents and case ignored, homonyms with their département), the département
// packs (fetched for the place's département, then kept on the phone), and the official
// links when Cocon knows nothing near.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr').directory, en = ui('en').directory;
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const results = (page) => page.locator('.dir-results > li');
const place = (page, t = fr) => page.getByLabel(t.place_label, { exact: true });
const status = (page) => page.locator('.dir-place-status');

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

/** The distances shown on the result cards, in km, in order (cards without one skipped). */
async function distances(page) {
  const lines = await page.locator('.dir-results .dir-card-place').allInnerTexts();
  return lines.map((l) => l.match(/à ([\d,]+) km/)).filter(Boolean).map((m) => Number(m[1].replace(',', '.')));
}

test('"69100" and "Villeurbanne" sort by distance, the pack of the Rhône is fetched once and kept offline', async ({ page, site, requests }) => {
  await page.goto(site.url('/directory'));
  await expect(page.locator('.dir-count')).toHaveText(/\d+ fiches/);
  await waitForServiceWorker(page);
  // Nothing of the gazetteer or of any pack before a place is asked for.
  expect(requests.filter((u) => u.includes('/content/directory/') && !u.endsWith('index.json'))).toEqual([]);

  await place(page).fill('69100');
  await expect(status(page)).toHaveText(fill(fr.place_in_use, { place: '69100 Villeurbanne' }));
  await expect(results(page).first()).toContainText('Rhône');
  const near = await distances(page);
  expect(near.length).toBeGreaterThanOrEqual(5);
  expect(near).toEqual([...near].sort((a, b) => a - b));
  expect(near[0]).toBeLessThan(15);
  // Only the Rhône's pack (the page's request and the service worker's own).
  const packs = requests.filter((u) => u.includes('/content/directory/') && !u.endsWith('index.json'));
  expect(packs.length).toBeGreaterThan(0);
  for (const u of packs) expect(u).toMatch(/\/content\/directory\/69\.json\?v=[0-9a-f]{16}$/);
  await expect(page.locator('.dir-near-none')).toHaveCount(0);
  await axe(page);

  // Offline: the server is gone; the gazetteer and the Rhône's pack are on the phone.
  await site.stop();
  await page.reload();
  await expect(page.locator('.dir-count')).toHaveText(/\d+ fiches/);
  await place(page).fill('VILLEURBANNE');
  await expect(status(page)).toHaveText(fill(fr.place_in_use, { place: 'Villeurbanne (69)' }));
  const offline = await distances(page);
  expect(offline.length).toBeGreaterThanOrEqual(5);
  expect(offline).toEqual([...offline].sort((a, b) => a - b));
  await expect(results(page).first()).toContainText('Rhône');
  // The source of an entry is named, with its licence.
  await results(page).first().getByRole('link').click();
  await expect(page.getByText(/Service-Public\.fr, Annuaire de l'administration \(DILA\), Licence Ouverte 2\.0/)).toBeVisible();
});

test('a name several communes share asks which one, each with its département', async ({ page, site }) => {
  await page.goto(site.url('/directory'));
  await place(page).fill('saint-denis');
  const which = page.getByRole('group', { name: fr.place_which });
  await expect(which.getByRole('button', { name: 'Saint-Denis (93)' })).toBeVisible();
  await expect(which.getByRole('button', { name: 'Saint-Denis (974)' })).toBeVisible();
  await axe(page);
  await which.getByRole('button', { name: 'Saint-Denis (974)' }).click();
  await expect(place(page)).toHaveValue('Saint-Denis (974)');
  await expect(status(page)).toHaveText(fill(fr.place_in_use, { place: 'Saint-Denis (974)' }));
  await expect(which).toHaveCount(0);
  // A commune the gazetteer does not know is said so.
  await place(page).fill('Atlantide');
  await expect(status(page)).toHaveText(fill(fr.place_unknown, { place: 'Atlantide' }));
});

test('offline, a pack never fetched: the page says so and links to the official directory', async ({ page, site }) => {
  await page.goto(site.url('/directory'));
  await waitForServiceWorker(page);
  await site.stop();
  await page.reload();
  await place(page).fill('75001');
  const none = page.locator('.dir-near-none');
  await expect(none).toContainText(fill(fr.near_pack_offline, { department: 'Paris (75)' }));
  const link = none.getByRole('link', { name: new RegExp(fill(fr.near_pmi_link, { department: 'Paris \\(75\\)' })) });
  await expect(link).toHaveAttribute('href', 'https://lannuaire.service-public.gouv.fr/navigation/ile-de-france/paris/pmi');
  await axe(page);
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('a département with no pack yet says so, with the official link', async ({ page, site }) => {
    await page.goto(site.url('/directory'));
    await place(page, en).fill('35000');
    const none = page.locator('.dir-near-none');
    await expect(none).toContainText(fill(en.near_no_pack, { department: 'Ille-et-Vilaine (35)' }));
    await expect(none.locator('a[href^="https:"]')).toHaveAttribute('href', 'https://lannuaire.service-public.gouv.fr/navigation/bretagne/ille-et-vilaine/pmi');
    await expect(none.locator('a[href="tel:3114"]')).toBeVisible();
    await axe(page);
  });
});
