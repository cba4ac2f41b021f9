// Installed like an app: Cocon's own "Install Cocon" button behind the browser's prompt
// (Chromium's `beforeinstallprompt`, given here by the test as the browser would), at
// calm moments only (Settings, right after the first profile, from the nurse's QR code),
// gone once installed; the guide for Safari on iPhone; and Chrome's own installability
// check, in a persistent profile. French and English, axe on each offer.
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, ui, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const NOW = new Date('2026-11-23T10:00:00');
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations, `axe on ${what}`).toEqual([]);
}

/** Fires `beforeinstallprompt` as Chromium does when the app can be installed; the
 *  page's calls to `prompt()` are counted in `window.__prompted`. */
async function offerInstall(page) {
  await page.evaluate(() => {
    window.__prompted = 0;
    const e = new Event('beforeinstallprompt', { cancelable: true });
    e.prompt = () => { window.__prompted += 1; return Promise.resolve(); };
    e.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
    window.dispatchEvent(e);
    window.__defaultPrevented = e.defaultPrevented;
  });
}

for (const [lang, t] of [['fr', fr], ['en', en]]) {
  test.describe(lang, () => {
    test.use({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    test('Settings offers to install when the browser can; the prompt is the browser\'s; gone once installed', async ({ page, site }) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(site.url('/settings'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.settings.title);
      // No prompt from the browser: nothing offered (no button that would do nothing).
      await expect(page.getByRole('button', { name: t.install.button })).toHaveCount(0);

      await offerInstall(page);
      expect(await page.evaluate(() => window.__defaultPrevented), 'the browser\'s own mini-bar is held back').toBe(true);
      const offer = page.getByRole('region', { name: t.install.heading });
      await expect(offer).toBeVisible();
      await axe(page, `the install offer (${lang})`);
      await offer.getByRole('button', { name: t.install.button }).click();
      expect(await page.evaluate(() => window.__prompted)).toBe(1);
      // The prompt can be shown once: the offer goes.
      await expect(offer).toHaveCount(0);

      // Offered again by the browser, then installed: no offer.
      await offerInstall(page);
      await expect(offer).toBeVisible();
      await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
      await expect(offer).toHaveCount(0);
    });

    test('"Not now" hides the offer; Today offers it once, right after the first profile', async ({ page, site }) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(site.url('/'));
      await offerInstall(page);
      // Onboarding is not the moment.
      await expect(page.getByRole('region', { name: t.install.heading })).toHaveCount(0);
      await page.getByLabel(t.profile.date_label_due, { exact: true }).fill('2027-03-01');
      await page.getByRole('button', { name: t.profile.save }).click();
      const offer = page.getByRole('region', { name: t.install.heading });
      await expect(offer).toBeVisible();
      await offer.getByRole('button', { name: t.install.not_now }).click();
      await expect(offer).toHaveCount(0);
      // A later visit to Today does not offer it again.
      await page.reload();
      await offerInstall(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.today.title);
      await expect(page.getByRole('region', { name: t.install.heading })).toHaveCount(0);
    });

    test('opened from the nurse\'s QR code, Today offers to install', async ({ page, site }) => {
      await page.clock.setFixedTime(NOW);
      await page.goto(site.url('/?install'));
      await offerInstall(page);
      await expect(page.getByRole('region', { name: t.install.heading })).toBeVisible();
    });
  });
}

test.describe('Safari on iPhone', () => {
  for (const [lang, t] of [['fr', fr], ['en', en]]) {
    test.describe(lang, () => {
      test.use({ userAgent: IPHONE, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', hasTouch: true });

      test('Settings shows how to add Cocon to the home screen, and why', async ({ page, site }) => {
        await page.clock.setFixedTime(NOW);
        await page.goto(site.url('/settings'));
        const guide = page.getByRole('region', { name: t.install.ios_heading });
        await expect(guide).toBeVisible();
        await expect(guide).toContainText(t.install.ios_why);
        await expect(guide.getByRole('listitem')).toHaveText([t.install.ios_step_share, t.install.ios_step_add, t.install.ios_step_confirm]);
        await axe(page, `the iPhone guide (${lang})`);
        await guide.getByRole('button', { name: t.install.not_now }).click();
        await expect(guide).toHaveCount(0);
      });
    });
  }
});

test('Chrome finds Cocon installable (no installability error, in a persistent profile)', async ({ site }) => {
  const profile = mkdtempSync(join(tmpdir(), 'cocon-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium' });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(site.url('/'));
    await waitForServiceWorker(page);
    await page.reload();
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
