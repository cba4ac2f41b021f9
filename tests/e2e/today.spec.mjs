// The parent's path through the timeline pillar: onboarding, Today, impossible dates,
// a birth, an event done, reload and offline.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, storedData, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const TODAY = new Date('2026-11-23T10:00:00');
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);
const heading1 = (page) => page.getByRole('heading', { level: 1 });

async function stored(page) {
  const raw = (await storedData(page))['cocon.family'];
  return raw === undefined ? undefined : JSON.parse(raw);
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
});

test('onboarding as pregnant by the last period shows the right day and week', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();
  await page.getByRole('radio', { name: fr.profile.situation_pregnant }).check();
  await page.getByRole('radio', { name: fr.profile.date_kind_last_period }).check();
  await page.getByLabel(fr.profile.name_label).fill('Petit pois');
  await page.getByLabel(fr.profile.date_label_last_period, { exact: true }).fill('2026-06-01');
  await page.getByRole('button', { name: fr.profile.save }).click();

  // 1 June to 23 November is 175 days: 25 SA + 0 days; day 1 (start of pregnancy) was
  // 14 days after the last period, so today is day 162; due date 15 March 2027.
  await expect(page.getByText(fill(fr.timeline.stage.day, { n: 162 }))).toBeVisible();
  await expect(page.getByText(fill(fr.timeline.stage.sa, { weeks: 25, days: 0 }))).toBeVisible();
  await expect(page.getByText(fill(fr.timeline.stage.due_date, { date: '15 mars 2027' }))).toBeVisible();
  await expect(page.getByText('Petit pois')).toBeVisible();
  const messages = page.getByRole('region', { name: fr.today.messages_heading }).getByRole('listitem');
  await expect(messages).toHaveCount(3);
  await expect(messages.first().getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  const next = page.getByRole('region', { name: fr.today.events_heading }).getByRole('listitem');
  await expect(next).toHaveCount(3);

  const family = await stored(page);
  expect(family.profiles).toEqual([{ id: 'p1', name: 'Petit pois', status: { kind: 'pregnant', date: { kind: 'last_period', date: '2026-06-01' }, babies: 'single', rank: 'first' } }]);
  expect(family.active).toBe('p1');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);
});

test('an impossible date is explained next to its field and nothing is saved', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.getByRole('radio', { name: fr.profile.date_kind_last_period }).check();
  const date = page.getByLabel(fr.profile.date_label_last_period, { exact: true });
  await date.fill('2026-12-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toBeFocused();
  await expect(page.locator('#profile-pregnancy-date-error')).toHaveText(fr.profile.error_last_period_future);
  // A due date two years away is refused with the latest acceptable date.
  await page.getByRole('radio', { name: fr.profile.date_kind_due }).check();
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2028-11-23');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.locator('#profile-pregnancy-date-error')).toContainText(fr.profile.error_due_too_far.split('{date}')[0]);
  // A birth date in the future.
  await page.getByRole('radio', { name: fr.profile.situation_born }).check();
  await page.getByLabel(fr.profile.birth_label).fill('2026-11-30');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.locator('#profile-birth-date-error')).toHaveText(fr.profile.error_birth_future);
  expect(await stored(page)).toBeUndefined();
});

test('after the birth: the age, an event done, all kept after reload and offline', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.getByRole('radio', { name: fr.profile.situation_pregnant }).check();
  await page.getByLabel(fr.profile.date_label_due, { exact: true }).fill('2026-11-25');
  await page.getByRole('group', { name: fr.profile.babies_legend }).getByRole('radio', { name: fr.profile.babies_twins }).check();
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText(fill(fr.timeline.stage.sa, { weeks: 40, days: 5 }))).toBeVisible();

  // The babies are born: edit the profile in Settings; the number of babies is kept.
  await page.getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('button', { name: fill(fr.settings.profile_edit, { name: fr.profile.name_default }) }).click();
  await page.getByRole('radio', { name: fr.profile.situation_born }).check();
  await expect(page.getByRole('group', { name: fr.profile.babies_born_legend }).getByRole('radio', { name: fr.profile.babies_twins })).toBeChecked();
  await page.getByLabel(fr.profile.birth_label).fill('2026-11-20');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.getByText(fill(fr.settings.profile_born, { date: '20 novembre 2026' }))).toBeVisible();

  await page.getByRole('link', { name: fr.nav.today }).click();
  await expect(page.getByText(fill(fr.timeline.stage.age, { age: fill(fr.timeline.stage.days_other, { n: 3 }) }))).toBeVisible();
  // The 8-day check-up is among the next events; mark it done on its page.
  const next = page.getByRole('region', { name: fr.today.events_heading });
  await expect(next.getByText(fr.events.title['exam-8d'])).toBeVisible();
  await page.getByRole('link', { name: fr.today.events_all }).click();
  await expect(heading1(page)).toHaveText(fr.events.page_title);
  await page.getByRole('button', { name: fill(fr.events.about, { action: fr.events.mark_done, title: fr.events.title['exam-8d'] }) }).click();
  await expect(page.getByText(fill(fr.events.done_on, { date: '23 novembre 2026' }), { exact: true })).toBeVisible();
  // Twins: the rest of the second-parent leave is 28 days.
  await expect(page.getByText(fr.events.note['second-parent-leave-remaining-28-days'])).toBeVisible();

  const expected = await stored(page);
  expect(expected.profiles[0].status).toEqual({ kind: 'born', birth_date: '2026-11-20', term_at_birth: null, due_date: null, babies: 'twins' });
  expect(expected.done).toEqual({ p1: { 'exam-8d': '2026-11-23' } });

  await page.reload();
  await expect(page.getByText(fill(fr.events.done_on, { date: '23 novembre 2026' }), { exact: true })).toBeVisible();
  expect(await stored(page)).toEqual(expected);

  // Offline: the server is stopped, the app and the data are still there.
  await waitForServiceWorker(page);
  await site.stop();
  await page.goto(site.url('/'));
  await expect(page.getByText(fill(fr.timeline.stage.age, { age: fill(fr.timeline.stage.days_other, { n: 3 }) }))).toBeVisible();
  await expect(page.getByRole('region', { name: fr.today.messages_heading }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('link', { name: fr.today.events_all }).click();
  await expect(page.getByText(fill(fr.events.done_on, { date: '23 novembre 2026' }), { exact: true })).toBeVisible();
  expect(await stored(page)).toEqual(expected);
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('two children: the switcher shows each one', async ({ page, site }) => {
    await page.goto(site.url('/'));
    await page.getByRole('radio', { name: en.profile.situation_born }).check();
    await page.getByLabel(en.profile.name_label).fill('Léa');
    await page.getByLabel(en.profile.birth_label).fill('2025-09-23');
    await page.getByRole('button', { name: en.profile.save }).click();
    await expect(page.getByText(fill(en.timeline.stage.age, { age: fill(en.timeline.stage.months_other, { n: 14 }) }))).toBeVisible();

    await page.getByRole('link', { name: en.nav.settings }).click();
    await page.getByRole('button', { name: en.settings.profile_add }).click();
    await page.getByLabel(en.profile.name_label).fill('Tom');
    await page.getByLabel(en.profile.date_label_due, { exact: true }).fill('2027-04-01');
    await page.getByRole('button', { name: en.profile.save }).click();
    await expect(page.getByRole('button', { name: fill(en.settings.profile_show, { name: 'Tom' }) })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('link', { name: en.nav.today }).click();
    const switcher = page.getByRole('group', { name: en.today.switch_legend });
    await expect(switcher.getByRole('button', { name: 'Tom' })).toHaveAttribute('aria-pressed', 'true');
    await switcher.getByRole('button', { name: 'Léa' }).click();
    await expect(switcher.getByRole('button', { name: 'Léa' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(fill(en.timeline.stage.age, { age: fill(en.timeline.stage.months_other, { n: 14 }) }))).toBeVisible();
    expect((await stored(page)).active).toBe('p1');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);
  });
});
