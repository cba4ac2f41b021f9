// Importing what a PMI coordinator really has: a spreadsheet of a town's services saved by
// Excel on Windows (semicolons, Windows-1252, French headers, "0-3 ans", "RAM/RPE", one phone
// not filled in). The preview says how the file was read, which column fills which field, and
// what was left out and why; every row is kept, with its accents. The data is made up (see
// tests/fixtures/directory-excel.README.md).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr').directory, imp = ui('fr').import;
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const EXCEL_1252 = 'tests/fixtures/directory-excel-1252.csv';
const EXCEL_UTF8_BOM = 'tests/fixtures/directory-excel-utf8bom.csv';

const NAMES = [
  "Maison de l'Enfance – Bérénice",
  "Lieu d'accueil enfants-parents « Les Câlins »",
  'Centre de PMI – Cœur de ville',
  'Relais Petite Enfance « Pirouette »',
  'Atelier d’éveil « Les Pitchoun’s »',
  'Groupe de parole « Futurs parents »',
];

const COLUMNS = [
  ['Nom', 'name'], ['Catégorie', 'categories'], ['Public', 'audience'], ['Adresse', 'address'],
  ['Code postal', 'postcode'], ['Commune', 'commune'], ['Téléphone', 'phones'], ['Horaires', 'hours'], ['Site', 'website'],
];

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

async function stored(page) {
  const raw = (await storedData(page))['cocon.directory'];
  return raw === undefined ? undefined : JSON.parse(raw);
}

const results = (page) => page.locator('.dir-results > li');

test('an Excel CSV in Windows-1252: mapping, encoding and the dropped phone shown, every row kept with its accents', async ({ page, site }) => {
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(fr.import_file).setInputFiles(EXCEL_1252);
  const preview = page.locator('.dir-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(fill(fr.import_preview_heading, { source: 'directory-excel-1252' }));
  // How the file was read.
  await expect(preview).toContainText(imp.encoding_1252);
  await expect(preview).toContainText('Windows-1252');
  await expect(preview).toContainText(fill(fr.import_to_add, { n: 6 }));
  await expect(preview).toContainText(fill(fr.import_rejected, { n: 0 }));
  await expect(preview).toContainText(fill(imp.dropped_count, { n: 1 }));
  // Which column fills which field.
  const columns = preview.locator('.dir-columns');
  await expect(columns.getByRole('heading', { level: 3 })).toHaveText(imp.columns_heading);
  await expect(columns.locator('li')).toHaveText(COLUMNS.map(([header, field]) => fill(imp.column_field, { header, field: fr.field[field] })));
  // The phone not filled in is left out, with its reason, and its entry kept.
  const dropped = preview.locator('.dir-dropped');
  await expect(dropped.getByRole('heading', { level: 3 })).toHaveText(imp.dropped_heading);
  await expect(dropped.locator('li')).toHaveText([fill(imp.dropped_line, {
    line: 3, name: NAMES[1], field: fr.field.phones, reason: fill(fr.reject.bad_phone, { value: '04 72 XX XX XX' }),
  })]);
  // Every name, accents exact.
  await expect(preview.locator('.dir-preview-names li')).toHaveText(NAMES);
  expect(await stored(page)).toBeUndefined(); // nothing written before confirming
  await axe(page);

  await page.getByRole('button', { name: fr.import_confirm }).click();
  await expect(page.getByText(fill(fr.import_done, { n: 6, source: 'directory-excel-1252' }))).toBeVisible();
  const imported = (await stored(page)).imported;
  expect(imported.map((e) => e.name)).toEqual(NAMES);
  expect(imported[1].phones ?? []).toEqual([]);
  expect(imported[1].website).toBe('https://www.exemple.fr/laep');
  expect(imported[0].audience).toEqual(['age_0_1', 'age_1_3']);
  expect(imported[5].audience).toEqual(['pregnancy']);
  expect(imported.map((e) => e.categories[0])).toEqual(['childcare', 'parent_child_place', 'pmi_centre', 'childcare', 'workshop', 'support_group']);

  // The entries are listed with their accents, found without them.
  await page.goto(site.url('/directory'));
  const search = page.getByLabel(fr.search_label, { exact: true });
  await search.fill('berenice');
  await expect(results(page).first()).toContainText(NAMES[0]);
  await expect(results(page).first()).toContainText(fr.category.childcare);
  await search.fill('calins');
  await expect(results(page).first()).toContainText(NAMES[1]);
  await search.fill('coeur de ville');
  await expect(results(page).first()).toContainText(NAMES[2]);
  await search.fill('pitchoun');
  await expect(results(page).first()).toContainText(NAMES[4]);
  await axe(page);
  await results(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: NAMES[4], exact: true })).toBeVisible();
  await expect(page.locator('main').getByText('Médiathèque, 1 rue Émile-Zola').first()).toBeVisible();
  await axe(page);
});

test('the same sheet saved as "CSV UTF-8" gives the same preview', async ({ page, site }) => {
  await page.goto(site.url('/directory/import'));
  await page.getByLabel(fr.import_file).setInputFiles(EXCEL_UTF8_BOM);
  const preview = page.locator('.dir-preview');
  await expect(preview).toContainText(imp.encoding_utf8_bom);
  await expect(preview).toContainText(fill(fr.import_to_add, { n: 6 }));
  await expect(preview.locator('.dir-preview-names li')).toHaveText(NAMES);
  await expect(preview.locator('.dir-dropped li')).toHaveCount(1);
});
