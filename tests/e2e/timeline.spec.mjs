// The Timeline: the 1000 days by period and week, rendered a window at a time, today,
// one day opened with its stage, events and messages, favourites kept across reloads.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const fill = (s, values) => s.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const family = (status) => ({
  version: 1,
  profiles: [{ id: 'p1', name: 'Bébé', status }],
  active: 'p1',
});
const PREGNANT = family({ kind: 'pregnant', date: { kind: 'last_period', date: '2026-06-01' }, babies: 'single', rank: 'first' });
const BORN_AT_33_SA = family({ kind: 'born', birth_date: '2026-01-31', term_at_birth: { weeks: 33, days: 0 } });

/** Fixes the clock on 23 November 2026 and stores `doc` as the family before the app's
 * first load only (a reload keeps what the app stored since). */
async function seed(page, doc) {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await page.addInitScript((json) => {
    if (!sessionStorage.getItem('timeline-test-seeded')) {
      localStorage.setItem('cocon.family', json);
      sessionStorage.setItem('timeline-test-seeded', '1');
    }
  }, JSON.stringify(doc));
}

const axe = (page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

test('the 1000 days are listed by week, a window at a time, and "today" jumps to today', async ({ page, site }) => {
  await seed(page, PREGNANT);
  await page.goto(site.url('/timeline'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.timeline.title);
  // 23 November 2026 is 25 SA + 0 days after a last period on 1 June: day 162.
  await expect(page.locator('.tl-status')).toHaveText(`${fill(fr.timeline.stage.day, { n: 162 })} · 25 SA + 0 j`);

  const list = page.getByRole('region', { name: fr.timeline.list_label });
  const days = list.getByRole('button');
  const today = list.locator('button[aria-current="date"]');
  await expect(today, 'the list opens on today').toBeInViewport();
  const rendered = await days.count();
  expect(rendered, 'only the rows near the view are in the page').toBeGreaterThan(14);
  expect(rendered).toBeLessThan(200);
  await expect(today).toHaveAccessibleName(/^lundi 23 novembre 2026, jour 162 sur 1000/);
  await expect(list.getByRole('group', { name: '25 SA, du 23 au 29 novembre' })).toBeVisible();
  await expect(list.getByRole('heading', { level: 2, name: fr.timeline.period.trimester1 }), 'far rows are not rendered').toHaveCount(0);

  // Back to the top: the first weeks are rendered, today's is not.
  await list.evaluate((el) => { el.scrollTop = 0; });
  await expect(list.getByRole('heading', { level: 2, name: fr.timeline.period.trimester1 })).toBeVisible();
  await expect(today).toHaveCount(0);
  await expect(list.getByRole('button', { name: /^lundi 15 juin 2026, jour 1 sur 1000/ })).toBeVisible();
  expect(await days.count()).toBeLessThan(200);

  // Days that open an event window carry a dot and say so.
  await expect(list.getByRole('button', { name: new RegExp(escapeRe(fill(fr.timeline.day_starts, { events: '' }))) }).first()).toBeAttached();
  await expect(list.locator('.tl-has-event .tl-dot').first()).toBeAttached();

  // Deep in the list, then "today".
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(list.getByRole('button', { name: /jour 1000 sur 1000/ })).toBeVisible();
  await page.getByRole('button', { name: fr.timeline.jump_today }).click();
  await expect(today).toBeInViewport();
  await expect(today).toBeFocused();
  expect(await days.count()).toBeLessThan(200);
});

test('a day opens with its stage and messages, in the address, and a favourite is kept', async ({ page, site }) => {
  await seed(page, PREGNANT);
  await page.goto(site.url('/timeline'));
  const list = page.getByRole('region', { name: fr.timeline.list_label });
  await list.locator('button[aria-current="date"]').click();
  await expect(page).toHaveURL(site.url('/timeline?day=162'));

  const heading = fill(fr.timeline.day_heading, { n: 162 });
  const panel = page.getByRole('region', { name: heading });
  await expect(panel.getByRole('heading', { level: 2, name: heading })).toBeFocused();
  await expect(panel).toContainText('lundi 23 novembre 2026');
  await expect(panel).toContainText('25 SA + 0 j');
  await expect(panel).toContainText(fill(fr.timeline.stage.pregnancy_month, { n: 6 }));
  await expect(panel).toContainText(fr.timeline.period.trimester2);
  await expect(list.locator('button[aria-current="date"]')).toHaveClass(/tl-is-selected/);

  const cards = panel.locator('article.msg-card');
  await expect(cards.first()).toBeVisible();
  const first = cards.first();
  await expect(first).toContainText(fr.messages.source);
  const source = first.getByRole('link');
  await expect(source).toHaveAttribute('href', /^https:\/\//);
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(first).toContainText(fr.messages.reviewed.split(' {')[0]);
  await expect(panel.getByRole('link', { name: fr.timeline.events_link })).toHaveCount(0);
  await expect(page.getByRole('link', { name: fr.timeline.events_link })).toHaveAttribute('href', '/timeline/events');

  const favourite = first.getByRole('button', { name: fr.messages.favourite });
  await expect(favourite).toHaveAttribute('aria-pressed', 'false');
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  const title = await first.locator('.msg-title').textContent();

  const results = await axe(page);
  expect(results.violations, 'axe with a day open').toEqual([]);

  await page.reload();
  await expect(page).toHaveURL(site.url('/timeline?day=162'));
  const again = page.getByRole('region', { name: heading });
  await expect(again).toContainText('25 SA + 0 j');
  const card = again.locator('article.msg-card', { hasText: title });
  await expect(card.getByRole('button', { name: fr.messages.favourite })).toHaveAttribute('aria-pressed', 'true');
  const stored = JSON.parse((await storedData(page))['cocon.family']);
  expect(stored.favourite_messages).toHaveLength(1);

  // Another day, then back: the address and the panel follow.
  await page.getByRole('region', { name: fr.timeline.list_label }).getByRole('button', { name: /^mardi 24 novembre 2026/ }).click();
  await expect(page).toHaveURL(site.url('/timeline?day=163'));
  await expect(page.getByRole('heading', { level: 2, name: fill(fr.timeline.day_heading, { n: 163 }) })).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(site.url('/timeline?day=162'));
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
});

test('a message is read aloud with a voice of the language, once voices load, and shared as text', async ({ page, site }) => {
  await seed(page, PREGNANT);
  // Headless Chromium has no voice and no share sheet: stand-ins record what the app asks.
  await page.addInitScript(() => {
    window.__voices = [];
    window.__spoken = [];
    speechSynthesis.getVoices = () => window.__voices;
    speechSynthesis.speak = (u) => { window.__spoken.push({ text: u.text, lang: u.lang }); };
    speechSynthesis.cancel = () => {};
    navigator.share = async (data) => { window.__shared = data; };
  });
  await page.goto(site.url('/timeline?day=162'));
  const card = page.locator('.tl-panel article.msg-card').first();
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: fr.messages.read_aloud }), 'no French voice yet').toHaveCount(0);
  await page.evaluate(() => {
    window.__voices = [{ lang: 'en-GB', localService: true }, { lang: 'fr-FR', localService: true }];
    speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  });
  await card.getByRole('button', { name: fr.messages.read_aloud }).click();
  await expect(card.getByRole('button', { name: fr.messages.stop_reading })).toBeVisible();
  const title = await card.locator('.msg-title').textContent();
  const spoken = await page.evaluate(() => window.__spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('fr-FR');
  expect(spoken[0].text.startsWith(title)).toBe(true);

  await card.getByRole('button', { name: fr.messages.share }).click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toBeTruthy();
  const shared = await page.evaluate(() => window.__shared);
  expect(Object.keys(shared).sort()).toEqual(['text', 'title']);
  expect(shared.title).toBe(title);
  expect(shared.text).toContain(fr.messages.source);
  expect(shared.text).not.toMatch(/https?:/);
});

test('after the due date the days are an estimate counted from the birth', async ({ page, site }) => {
  await seed(page, PREGNANT);
  // Due date 15 March 2027: day 274.
  await page.goto(site.url('/timeline?day=274'));
  const panel = page.getByRole('region', { name: fill(fr.timeline.day_heading, { n: 274 }) });
  await expect(panel).toContainText(fr.timeline.stage.birth_day);
  await expect(panel).toContainText(fill(fr.timeline.projected, { date: '15 mars 2027' }));
  await expect(page.getByRole('region', { name: fr.timeline.list_label }).getByRole('group', { name: /^Semaine 1 de vie, du 15 au 21 mars/ })).toBeVisible();
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('a premature baby\'s day shows the age and the corrected age', async ({ page, site }) => {
    await seed(page, BORN_AT_33_SA);
    await page.goto(site.url('/timeline'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.timeline.title);
    const list = page.getByRole('region', { name: en.timeline.list_label });
    const today = list.locator('button[aria-current="date"]');
    await expect(today).toHaveAccessibleName(/^Monday 23 November 2026, day \d+ of 1000/);
    await today.click();
    await expect(page).toHaveURL(/\?day=\d+$/);
    const panel = page.locator('.tl-panel');
    await expect(panel).toContainText(fill(en.timeline.stage.age, { age: '9 months' }));
    await expect(panel).toContainText(fill(en.timeline.stage.corrected, { age: '8 months' }));
    await expect(panel.locator('article.msg-card').first()).toBeVisible();
    const results = await axe(page);
    expect(results.violations).toEqual([]);
  });
});

test('before day 1 there is a countdown, after day 1000 the days are complete', async ({ browser, site }) => {
  const cases = [
    [family({ kind: 'pregnant', date: { kind: 'last_period', date: '2026-11-16' }, babies: 'single', rank: 'first' }),
      fill(fr.timeline.stage.before_day1, { n: 7 }), fill(fr.timeline.before_day1, { date: '30 novembre 2026' })],
    [family({ kind: 'born', birth_date: '2024-01-01' }),
      fr.timeline.stage.complete, fill(fr.timeline.complete, { date: '25 décembre 2025' })],
  ];
  for (const [doc, status, note] of cases) {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await seed(page, doc);
    await page.goto(site.url('/timeline'));
    await expect(page.locator('.tl-status')).toHaveText(status);
    await expect(page.locator('.tl-note')).toHaveText(note);
    await expect(page.getByRole('button', { name: fr.timeline.jump_today })).toHaveCount(0);
    await expect(page.getByRole('region', { name: fr.timeline.list_label }).getByRole('button').first()).toBeVisible();
    await context.close();
  }
});

test('with text at 200 % the rows are placed right and today is still found', async ({ page, site }) => {
  await seed(page, PREGNANT);
  // The browser's default text size doubled, as a parent's setting would.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.goto(site.url('/timeline'));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  const list = page.getByRole('region', { name: fr.timeline.list_label });
  await list.evaluate((el) => { el.scrollTop = 0; });
  await page.getByRole('button', { name: fr.timeline.jump_today }).click();
  const today = list.locator('button[aria-current="date"]');
  await expect(today).toBeFocused();
  await expect(today).toHaveText('23');
  // Rows follow each other without overlapping, and each shows its 7 days in full.
  const boxes = await list.locator('.tl-row').evaluateAll((rows) => rows.map((r) => {
    const box = r.getBoundingClientRect();
    const last = r.querySelector('.tl-day:last-child')?.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, lastDayBottom: last ? last.bottom : box.top };
  }));
  expect(boxes.length).toBeGreaterThan(4);
  for (let i = 1; i < boxes.length; i++) {
    expect(Math.abs(boxes[i].top - boxes[i - 1].bottom)).toBeLessThan(1);
    expect(boxes[i].lastDayBottom).toBeLessThanOrEqual(boxes[i].bottom + 0.5);
  }
});

test('without a profile the timeline says where to start', async ({ page, site }) => {
  await page.goto(site.url('/timeline'));
  await expect(page.getByText(fr.timeline.no_profile)).toBeVisible();
  await page.getByRole('link', { name: fr.timeline.go_start }).click();
  await expect(page).toHaveURL(site.url('/'));
});
