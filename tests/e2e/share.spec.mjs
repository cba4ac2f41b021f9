// A nurse shows directory entries to a parent as a QR code, with no server: the code holds
// the address of Cocon's import page with the entries in its fragment (never sent to a
// server); on the parent's phone (another browser context here) they arrive in the import
// preview, to keep or not. The code is decoded from the page's own drawing with jsQR.
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr');
const results = (page) => page.locator('.dir-results > li');

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

/** The text of a QR code drawn as the app draws it: one SVG path of runs "Mx yhwv1h-wz". */
function decodeQr(d, viewBox) {
  const side = Number(viewBox.split(' ')[2]);
  const scale = 4;
  const px = side * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const run of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let yy = y * scale; yy < (y + 1) * scale; yy++) {
      for (let xx = x * scale; xx < (x + w) * scale; xx++) {
        const i = (yy * px + xx) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return jsQR(data, px, px)?.data ?? null;
}

async function qrOf(page) {
  const svg = page.locator('.dir-share svg.qr-code');
  await expect(svg).toBeVisible();
  return decodeQr(await svg.locator('path').getAttribute('d'), await svg.getAttribute('viewBox'));
}

test('an entry shown as a QR code arrives in the import preview on another phone, to keep', async ({ browser, page, site, requests }) => {
  await page.goto(site.url('/directory'));
  await page.getByLabel(fr.directory.place_label, { exact: true }).fill('69100');
  await expect(results(page).first()).toContainText('km');
  await results(page).first().getByRole('link').first().click();
  const name = (await page.locator('#dir-entry-name').textContent()).trim();
  const share = page.getByRole('region', { name: fr.share.heading });
  await share.getByRole('button', { name: fr.share.show }).click();
  await expect(share.getByRole('button', { name: fr.share.hide })).toHaveAttribute('aria-expanded', 'true');
  await expect(share.getByText(fr.share.intro)).toBeVisible();
  await expect(share.getByRole('img', { name: fr.share.qr_label.replace('{names}', name) })).toBeVisible();
  await axe(page);
  const url = await qrOf(page);
  expect(url).toMatch(new RegExp(`^${site.origin.replace(/[.]/g, '\\.')}/directory/import#d=[A-Za-z0-9_-]+$`));
  expect(url.length).toBeLessThan(1700);

  // The parent's phone: the camera opens the address.
  const parent = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  const phone = await parent.newPage();
  const sent = [];
  phone.on('request', (r) => sent.push(r.url()));
  await phone.goto(url);
  const heading = new RegExp(fr.directory.import_preview_heading.replace('{source}', 'Reçues le .+').replace(/[«»]/g, '.'));
  await expect(phone.getByRole('heading', { name: heading })).toBeVisible();
  await expect(phone.locator('.dir-preview')).toContainText(name);
  await axe(phone);
  await phone.getByRole('button', { name: fr.directory.import_confirm }).click();
  await expect(phone.locator('.dir-done')).toBeVisible();
  const stored = JSON.parse((await storedData(phone))['cocon.directory']);
  const kept = stored.imported.filter((e) => e.name === name);
  expect(kept).toHaveLength(1);
  expect(JSON.stringify(kept[0])).toMatch(/Reçues le /);
  // The entries travelled in the fragment: no request of the parent's phone carried them.
  expect(sent.filter((u) => u.includes('d='))).toEqual([]);
  await parent.close();
});

test('an address with a broken shared list says so and imports nothing', async ({ page, site }) => {
  await page.goto(site.url('/directory/import#d=not-a-list'));
  await expect(page.getByText(fr.share.unreadable)).toBeVisible();
  await expect(page.getByRole('button', { name: fr.directory.import_confirm })).toHaveCount(0);
});
