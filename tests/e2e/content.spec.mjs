// The content that covers the 1000 days: the urgent page one tap from every screen, also
// offline and when the app cannot start; development by the corrected age; the longer
// texts opened on demand; trying to conceive.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const urgent = {
  fr: JSON.parse(readFileSync('locales/fr/urgent.json', 'utf8')),
  en: JSON.parse(readFileSync('locales/en/urgent.json', 'utf8')),
};
const texts = {
  fr: JSON.parse(readFileSync('locales/fr/messages.json', 'utf8')).messages,
  en: JSON.parse(readFileSync('locales/en/messages.json', 'utf8')).messages,
};
const more = { fr: JSON.parse(readFileSync('locales/fr/more.json', 'utf8')).more };
const PAGE = { fr: '/urgent.html', en: '/urgent.en.html' };

const family = (status) => JSON.stringify({
  version: 1, profiles: [{ id: 'p1', name: 'Léa', status }], active: 'p1', done: {}, own_events: {}, favourite_messages: [],
});
const born = (birth, term = null) => ({ kind: 'born', birth_date: birth, term_at_birth: term, due_date: null });

async function withFamily(page, status, lang = 'fr') {
  await page.addInitScript(([f, l]) => {
    if (!localStorage.getItem('cocon.family')) {
      localStorage.setItem('cocon.family', f);
      localStorage.setItem('cocon.settings', JSON.stringify({ version: 1, lang: l }));
    }
  }, [family(status), lang]);
}

/** The urgent page is shown: its title, and the 15 and 112 call buttons on the first screen. */
async function expectUrgentPage(page, lang) {
  await expect(page).toHaveURL(new RegExp(`${PAGE[lang].replace('.', '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(urgent[lang].title);
  for (const [number, href] of [['15', 'tel:15'], ['112', 'tel:112'], ['114', 'sms:114'], ['3114', 'tel:3114']]) {
    const link = page.locator(`a[href="${href}"]`);
    await expect(link, number).toHaveCount(1);
    await expect(link).toContainText(number);
  }
  // No scrolling to find the number: 15 and 112 are in the first screen.
  await expect(page.locator('a[href="tel:15"]')).toBeInViewport();
  await expect(page.locator('a[href="tel:112"]')).toBeInViewport();
  for (const section of urgent[lang].sections) {
    await expect(page.getByRole('heading', { name: section.heading })).toBeVisible();
  }
}

const SCREENS = ['/', '/timeline', '/timeline/events', '/directory', '/wellbeing', '/wellbeing/check', '/settings', '/demo'];

for (const lang of ['fr', 'en']) {
  test(`the urgent page opens offline from every screen in one tap (${lang})`, async ({ page, context, site }) => {
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await withFamily(page, born('2026-09-20'), lang);
    await page.goto(site.url('/'));
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const t = lang === 'fr' ? fr : en;
    for (const path of SCREENS) {
      await page.goto(site.url(path));
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
      await page.getByRole('link', { name: t.app.urgent, exact: true }).click();
      await expectUrgentPage(page, lang);
    }
    // Today and Well-being also have a card.
    for (const path of ['/', '/wellbeing']) {
      await page.goto(site.url(path));
      await page.getByRole('link', { name: new RegExp(t.app.urgent_card_title) }).click();
      await expectUrgentPage(page, lang);
    }
    // Back to the app from the page.
    await page.getByRole('link', { name: urgent[lang].back }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.today.title);
    const axe = await new AxeBuilder({ page: await (async () => { await page.goto(site.url(PAGE[lang])); return page; })() })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);
    // The page links to its other language.
    const other = lang === 'fr' ? 'en' : 'fr';
    await page.getByRole('link', { name: urgent[lang].other_language, exact: true }).click();
    await expectUrgentPage(page, other);
  });
}

test('the urgent page holds at 200 % text and in dark mode, and has no script', async ({ page, site }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(site.url(PAGE.fr));
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' }).catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
  expect(await page.locator('script').count()).toBe(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test.describe('when the app cannot start', () => {
  test.use({ serviceWorkers: 'block' });

  test('the start screen\'s failure message leads to the urgent page', async ({ page, site }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(site.url('/'));
    const failed = page.getByRole('alert');
    await expect(failed).toContainText(fr.app.boot_failed, { timeout: 20_000 });
    await failed.getByRole('link', { name: fr.app.boot_urgent }).click();
    await expectUrgentPage(page, 'fr');
  });
});

test('development follows the corrected age: a baby born at term and one born at 30 SA', async ({ page, site }) => {
  const title = texts.fr['dev-4-months-head-laughs-coos'].title;
  const messages = page.getByRole('region', { name: fr.today.messages_heading });
  // Born at term on 1 June 2026: 120 days on 29 September, the 4-month message comes first.
  await page.clock.setFixedTime(new Date('2026-09-29T10:00:00'));
  await withFamily(page, born('2026-06-01'));
  await page.goto(site.url('/'));
  await expect(messages.getByRole('heading', { name: title })).toBeVisible();
  // The Timeline's panel of that day has it too.
  await page.getByRole('link', { name: fr.today.messages_more }).click();
  await expect(page.locator('.tl-panel').getByRole('heading', { name: title })).toBeVisible();

  // Born at 30 SA on 1 June: 10 weeks before term, so on 29 September its corrected age is
  // 50 days and the message is not there, neither on Today nor in the Timeline.
  await page.evaluate((f) => localStorage.setItem('cocon.family', f), family(born('2026-06-01', { weeks: 30, days: 0 })));
  await page.goto(site.url('/'));
  await expect(page.getByText(fr.timeline.stage.corrected.split('{')[0])).toBeVisible();
  await expect(messages.getByRole('listitem')).toHaveCount(3);
  await expect(messages.getByRole('heading', { name: title })).toHaveCount(0);
  await page.getByRole('link', { name: fr.today.messages_more }).click();
  await expect(page.locator('.tl-panel .msg-card').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  // 70 days later (corrected age 120 days), it comes.
  await page.clock.setFixedTime(new Date('2026-12-08T10:00:00'));
  await page.goto(site.url('/'));
  await expect(messages.getByRole('heading', { name: title })).toBeVisible();
});

test('a longer text opens on demand, offline too, and is read with the rest', async ({ page, context, site }) => {
  // Trying to conceive: Today shows the preconception messages (they all have a longer text).
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await withFamily(page, { kind: 'trying_to_conceive' });
  const before = [];
  page.on('request', (r) => { if (r.url().includes('/content/more.')) before.push(r.url()); });
  await page.goto(site.url('/'));
  await waitForServiceWorker(page);
  const messages = page.getByRole('region', { name: fr.today.messages_heading });
  await expect(messages.getByRole('listitem')).toHaveCount(3);
  const card = messages.getByRole('listitem').first();
  const id = await card.evaluate((li) => li.querySelector('[id^="more-"]').id.slice('more-'.length));
  expect(id).toMatch(/^preconception-/);
  expect(before, 'the longer texts are not fetched until one is opened').toEqual([]);

  await context.setOffline(true);
  await page.reload();
  const toggle = messages.getByRole('listitem').first().getByRole('button', { name: fr.messages.more });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const first = more.fr[id].split('\n\n')[0];
  await expect(page.locator(`#more-${id}`)).toContainText(first.slice(0, 60));
  await toggle.click();
  await expect(page.locator(`#more-${id}`)).toBeHidden();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);
});
