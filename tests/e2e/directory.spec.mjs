// The directory: offline search (accents and case ignored), category chips, an entry's
// links, favourites; imports (file picker and same-origin URL) with a preview, unsafe
// data refused or shown as text, removal by source; own entries; the position; English.
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ui, storedData, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr').directory, en = ui('en').directory, imp = ui('fr').import;
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const CSV = 'tests/fixtures/directory-import.csv';
const UNSAFE = 'tests/fixtures/directory-unsafe.json';
const ALLOWED = /^(https?:\/\/|tel:|sms:|mailto:|geo:|\/)/;

async function stored(page) {
  const raw = (await storedData(page))['cocon.directory'];
  return raw === undefined ? undefined : JSON.parse(raw);
}

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

const results = (page) => page.locator('.dir-results > li');
const count = (page) => page.locator('.dir-count');

/** Every link of the page's main content uses an allowed scheme. */
async function expectOnlySafeLinks(page) {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) expect(href).toMatch(ALLOWED);
}

test('offline: search without accents, chips, an entry and its links, a favourite', async ({ page, site }) => {
  await page.goto(site.url('/directory'));
  await expect(count(page)).toHaveText(/\d+ fiches/);
  await waitForServiceWorker(page);
  await site.stop();
  await page.goto(site.url('/directory'));
  await expect(count(page)).toHaveText(/\d+ fiches/);

  const search = page.getByLabel(fr.search_label, { exact: true });
  await search.fill('lauragais');
  await expect(count(page)).toHaveText(fr.results_one);
  await expect(results(page).first()).toContainText('Ateliers parents alimentation et oralité');

  // "ecoute" finds the listening lines through their category, without the accent.
  await search.fill('ECOUTE');
  await expect(results(page).filter({ hasText: '3114' })).toHaveCount(1);
  await search.fill('');

  // A category chip, a toggle button in a labelled group.
  const chips = page.getByRole('group', { name: fr.filters_label });
  const chip = chips.getByRole('button', { name: fr.category.emergency });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText(fill(fr.results_other, { n: 4 }));
  await expect(results(page).filter({ hasText: 'SAMU' })).toHaveCount(1);
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'false');

  await search.fill('suicide');
  await expect(count(page)).toHaveText(fr.results_one);
  await axe(page);
  await results(page).first().getByRole('link').click();
  await expect(page).toHaveURL(/\/directory\/entry\/b\.helpline-3114$/);
  await expect(page.getByRole('heading', { level: 2, name: /3114/ })).toBeVisible();
  const call = page.getByRole('link', { name: fill(fr.call, { number: '3114' }) });
  await expect(call).toHaveAttribute('href', 'tel:3114');
  await expectOnlySafeLinks(page);

  const star = page.getByRole('button', { name: fr.favourite });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  expect((await stored(page)).favourites).toEqual(['b.helpline-3114']);
  await axe(page);

  // The SMS-only line has an sms: link and no call link.
  await page.getByRole('link', { name: fr.back }).click();
  await search.fill('sms');
  await results(page).filter({ hasText: '114' }).first().getByRole('link').click();
  await expect(page.getByRole('link', { name: fill(fr.sms, { number: '114' }) })).toHaveAttribute('href', 'sms:114');
  await expect(page.locator('main a[href^="tel:"]')).toHaveCount(0);

  // The favourites filter, and the search kept on return.
  await page.getByRole('link', { name: fr.back }).click();
  await expect(search).toHaveValue('sms');
  await search.fill('');
  await page.getByRole('button', { name: fr.favourites_only }).click();
  await expect(count(page)).toHaveText(fr.results_one);
  await expect(results(page).first()).toContainText('3114');
});

test('import a CSV with one bad field: preview, confirm, find it after reload, remove it', async ({ page, site }) => {
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(fr.import_file).setInputFiles(CSV);
  const preview = page.locator('.dir-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(fill(fr.import_preview_heading, { source: 'directory-import' }));
  await expect(preview).toContainText(fill(fr.import_to_add, { n: 4 }));
  await expect(preview).toContainText(fill(fr.import_to_update, { n: 0 }));
  await expect(preview).toContainText(fill(fr.import_rejected, { n: 0 }));
  // The bad postcode is left out, with its reason; its entry is kept.
  await expect(preview).toContainText(fill(imp.dropped_line, {
    line: 4, name: 'Consultation allaitement', field: fr.field.postcode, reason: fill(fr.reject.bad_postcode, { value: '3830' }),
  }));
  expect(await stored(page)).toBeUndefined(); // nothing written before confirming
  await axe(page);

  await page.getByRole('button', { name: fr.import_confirm }).click();
  await expect(page.getByText(fill(fr.import_done, { n: 4, source: 'directory-import' }))).toBeVisible();
  expect((await stored(page)).imported).toHaveLength(4);

  await page.reload();
  await page.goto(site.url('/directory'));
  const search = page.getByLabel(fr.search_label, { exact: true });
  await search.fill('lucioles');
  await expect(count(page)).toHaveText(fr.results_one);
  // Near the postcode: the Bourgoin-Jallieu entries first.
  await search.fill('');
  await page.getByLabel(fr.place_label, { exact: true }).fill('38300');
  await expect(results(page).first()).toContainText(/Lucioles|Groupe de parole des pères|Maisons des habitants/);
  await page.getByLabel(fr.place_label, { exact: true }).fill('');
  await search.fill('lucioles');
  await results(page).first().getByRole('link').click();
  await expect(page.getByRole('link', { name: fill(fr.call, { number: '04 00 00 00 01' }) })).toHaveAttribute('href', 'tel:0400000001');
  await expect(page.getByRole('link', { name: fr.maps })).toHaveAttribute('href', /^geo:45\.586,5\.274\?q=/);
  await expect(page.getByRole('link', { name: new RegExp(fr.website) })).toHaveAttribute('href', 'https://example.fr/lucioles');
  await expect(page.getByText(fill(fr.imported_from, { source: 'directory-import' }))).toBeVisible();
  await expectOnlySafeLinks(page);

  // An entry without coordinates opens an OpenStreetMap search (a link, not a request).
  await page.getByRole('link', { name: fr.back }).click();
  await search.fill('castanet');
  await results(page).first().getByRole('link').click();
  await expect(page.getByRole('link', { name: new RegExp(fr.maps) })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/search\?query=/);

  // Remove the source, behind a confirmation.
  await page.goto(site.url('/directory/import'));
  await expect(page.getByText(fill(fr.source_count, { source: 'directory-import', n: 4 }))).toBeVisible();
  await page.getByRole('button', { name: fill(fr.source_remove, { source: 'directory-import' }) }).click();
  await page.getByRole('button', { name: fr.source_remove_yes }).click();
  await expect(page.getByText(fr.sources_none)).toBeVisible();
  expect((await stored(page)).imported).toEqual([]);
  await page.goto(site.url('/directory'));
  await page.getByLabel(fr.search_label, { exact: true }).fill('lucioles');
  await expect(count(page)).toHaveText(fr.results_zero);
});

test('a javascript: link is refused and an HTML-looking name stays text', async ({ page, site }) => {
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(fr.import_file).setInputFiles(UNSAFE);
  const preview = page.locator('.dir-preview');
  await expect(preview).toContainText(fill(fr.import_to_add, { n: 1 }));
  await expect(preview).toContainText(fill(fr.import_rejected_line, { line: 5, reason: fill(fr.reject.unsafe_link, { field: fr.field.website }) }));
  await expect(preview.getByText('<script>alert(1)</script> Atelier')).toBeVisible();
  await page.getByRole('button', { name: fr.import_confirm }).click();
  await page.goto(site.url('/directory'));
  await page.getByLabel(fr.search_label, { exact: true }).fill('script');
  await expect(results(page).first()).toContainText('<script>alert(1)</script> Atelier');
  await results(page).first().getByRole('link').click();
  // (the entry's own page is fetched on first opening: wait for its heading by name)
  await expect(page.getByRole('heading', { level: 2, name: '<script>alert(1)</script> Atelier', exact: true })).toBeVisible();
  expect(await page.locator('main script').count()).toBe(0);
  await expectOnlySafeLinks(page);
  expect(JSON.stringify(await stored(page))).not.toContain('javascript:');
});

test('import from a file of this site by its address; another origin is refused', async ({ page, site }) => {
  mkdirSync(join(site.dir, 'imports'), { recursive: true });
  cpSync(CSV, join(site.dir, 'imports', 'pmi-isere.csv'));
  await page.goto(site.url('/directory/import?url=/imports/pmi-isere.csv'));
  await expect(page.locator('.dir-preview')).toContainText(fill(fr.import_to_add, { n: 4 }));
  await page.goto(site.url('/directory/import?url=https://example.com/x.csv'));
  await expect(page.getByText(fr.import_url_refused)).toBeVisible();
  await page.goto(site.url('/directory/import?url=//example.com/x.csv'));
  await expect(page.getByText(fr.import_url_refused)).toBeVisible();
  expect(await stored(page)).toBeUndefined();
});

test('own entries: errors next to fields, add, edit, delete', async ({ page, site }) => {
  await page.goto(site.url('/directory'));
  await page.getByRole('link', { name: fr.own_add }).click();
  await page.getByLabel(fr.own_email, { exact: true }).fill('pas-une-adresse');
  await page.getByRole('button', { name: fr.save }).click();
  await expect(page.locator('#own-name-error')).toHaveText(cap(fr.reject.missing_name));
  await expect(page.locator('#own-email-error')).toHaveText(cap(fill(fr.reject.bad_email, { value: 'pas-une-adresse' })));
  await expect(page.getByLabel(fr.own_name, { exact: true })).toBeFocused();
  expect(await stored(page)).toBeUndefined();
  await axe(page);

  await page.getByLabel(fr.own_name, { exact: true }).fill('Ma sage-femme');
  await page.getByLabel(fr.own_phone, { exact: true }).fill('06 00 00 00 02');
  await page.getByLabel(fr.own_email, { exact: true }).fill('sf@example.fr');
  await page.getByRole('button', { name: fr.save }).click();
  await expect(page).toHaveURL(/\/directory\/entry\/o\.own-1$/);
  await expect(page.getByRole('link', { name: fill(fr.call, { number: '06 00 00 00 02' }) })).toHaveAttribute('href', 'tel:0600000002');
  await expect(page.getByRole('link', { name: fill(fr.email, { email: 'sf@example.fr' }) })).toHaveAttribute('href', 'mailto:sf@example.fr');

  await page.getByRole('link', { name: fr.edit }).click();
  await page.getByLabel(fr.own_name, { exact: true }).fill('Sage-femme Dupont');
  await page.getByRole('button', { name: fr.save }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sage-femme Dupont', exact: true })).toBeVisible();

  await page.getByRole('button', { name: fr.delete }).click();
  await page.getByRole('button', { name: fr.delete_yes }).click();
  await expect(page).toHaveURL(/\/directory$/);
  expect((await stored(page)).own).toEqual([]);
});

test('the position: sorted by distance when allowed, a plain message when refused', async ({ page, context, site }) => {
  await context.grantPermissions(['geolocation'], { origin: site.origin });
  await context.setGeolocation({ latitude: 45.59, longitude: 5.28 });
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(fr.import_file).setInputFiles(CSV);
  await page.getByRole('button', { name: fr.import_confirm }).click();
  await page.goto(site.url('/directory'));
  await page.getByRole('button', { name: fr.use_position }).click();
  await expect(page.getByText(fr.position_in_use)).toBeVisible();
  // The imported place 0.6 km away, among the nearest (the Isère's pack holds services of
  // Bourgoin-Jallieu too), and the whole list nearest first.
  const lucioles = results(page).filter({ hasText: 'Lucioles' });
  await expect(lucioles).toContainText(fill(fr.distance, { km: '0,6' }));
  const km = (await page.locator('.dir-results .dir-card-place').allInnerTexts())
    .map((l) => l.match(/à ([\d,]+) km/)).filter(Boolean).map((m) => Number(m[1].replace(',', '.')));
  expect(km.slice(0, 3)).toContain(0.6);
  expect(km).toEqual([...km].sort((a, b) => a - b));

  const refused = await context.newPage();
  await refused.addInitScript(() => {
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: (_ok, err) => err({ code: 1 }) } });
  });
  await refused.goto(site.url('/directory'));
  await refused.getByRole('button', { name: fr.use_position }).click();
  await expect(refused.getByText(fr.position_refused)).toBeVisible();
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('search, an English description, the French data marked as French', async ({ page, site }) => {
    await page.goto(site.url('/directory'));
    const search = page.getByLabel(en.search_label, { exact: true });
    await search.fill('listening');
    await expect(results(page).filter({ hasText: '3114' })).toHaveCount(1);
    await search.fill('bereavement');
    await expect(count(page)).toHaveText(en.results_one);
    await results(page).first().getByRole('link').click();
    await expect(page.getByText('Peer groups, especially for parents facing perinatal bereavement')).toBeVisible();
    await expect(page.getByText(en.category.support_group)).toBeVisible();
    await axe(page);
    await page.getByRole('link', { name: en.back }).click();
    await search.fill('allo parents bebe');
    await results(page).first().getByRole('link').click();
    await expect(page.getByText(en.check_hours)).toBeVisible();
    await axe(page);
  });
});
