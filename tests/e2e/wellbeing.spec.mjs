// Well-being: the Edinburgh questionnaire taken twice (item 10 above zero, then low
// answers), the safety screen first, the results, the history after reload (list, chart,
// table), the print summary, deleting a check, going back in the questionnaire, the
// retake suggestion on Today, accessibility, French and English.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, storedData, waitForServiceWorker } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const ITEMS = {
  fr: JSON.parse(readFileSync('locales/fr/epds.json', 'utf8')),
  en: JSON.parse(readFileSync('locales/en/epds.json', 'utf8')),
};
const NOW = new Date('2026-11-23T10:00:00');
const fill = (text, vars) => Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const heading1 = (page) => page.getByRole('heading', { level: 1 });

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations, `axe on ${what}`).toEqual([]);
}

async function history(page) {
  const raw = (await storedData(page))['cocon.epds'];
  return raw === undefined ? undefined : JSON.parse(raw);
}

/** The radio group of item `n` (its legend is the item's text, from the data). */
const itemGroup = (page, lang, n) => page.getByRole('group', { name: ITEMS[lang].items[n - 1].text, exact: true });

/** Chooses, for item `n`, the answer worth `points`. */
async function answer(page, lang, n, points) {
  const text = ITEMS[lang].items[n - 1].answers.find((a) => a.points === points).text;
  await itemGroup(page, lang, n).getByRole('radio', { name: text, exact: true }).check();
}

/** On the introduction: who answers and when, then Start. */
async function begin(page, t, who, when) {
  const start = page.getByRole('button', { name: t.wellbeing.check.start, exact: true });
  await expect(start).toBeDisabled();
  await page.getByRole('radio', { name: t.wellbeing.check[`who_${who}`] }).check();
  await page.getByRole('radio', { name: t.wellbeing.check[`when_${when}`] }).check();
  await start.click();
}

/** Answers every item with these points, checking the progress and the Next button. */
async function answerAll(page, lang, t, points) {
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(fill(t.wellbeing.check.progress, { n, total: 10 }))).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: ITEMS[lang].items[n - 1].text })).toBeFocused();
    const forward = page.getByRole('button', { name: n === 10 ? t.wellbeing.check.finish : t.wellbeing.check.next, exact: true });
    await expect(forward).toBeDisabled();
    await answer(page, lang, n, points[n - 1]);
    await expect(forward).toBeEnabled();
    await forward.click();
  }
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

test('twice through the questionnaire: the safety screen first, results, history, print, delete', async ({ page, site }) => {
  await page.goto(site.url('/wellbeing'));
  await expect(heading1(page)).toHaveText(fr.wellbeing.title);
  await expect(page.getByText(fr.wellbeing.history.empty)).toBeVisible();
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();

  // The introduction: what it is, 7 days, 5 minutes, not a diagnosis, stays on the phone, the credit.
  await expect(page).toHaveURL(site.url('/wellbeing/check'));
  await expect(heading1(page)).toHaveText(fr.wellbeing.check.title);
  for (const key of ['what', 'length', 'not_diagnosis', 'private']) {
    await expect(page.getByText(fr.wellbeing.check[key])).toBeVisible();
  }
  await expect(page.getByText(ITEMS.fr.credit)).toBeVisible();
  await axe(page, 'the introduction');
  await begin(page, fr, 'mother', 'postpartum');

  // Item 1: progress, focus on the question, forward disabled until answered.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: fill(fr.wellbeing.check.progress, { n: 1, total: 10 }) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: ITEMS.fr.items[0].text })).toBeFocused();
  await expect(page.getByRole('button', { name: fr.wellbeing.check.next, exact: true })).toBeDisabled();
  await axe(page, 'a question');

  // Three answers, then back twice: the earlier answers are kept.
  await answer(page, 'fr', 1, 1);
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  await answer(page, 'fr', 2, 1);
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  await answer(page, 'fr', 3, 2);
  await page.getByRole('button', { name: fr.wellbeing.check.previous, exact: true }).click();
  await expect(page.getByText(fill(fr.wellbeing.check.progress, { n: 2, total: 10 }))).toBeVisible();
  const second = ITEMS.fr.items[1].answers.find((a) => a.points === 1).text;
  await expect(itemGroup(page, 'fr', 2).getByRole('radio', { name: second, exact: true })).toBeChecked();
  await page.getByRole('button', { name: fr.wellbeing.check.previous, exact: true }).click();
  const first = ITEMS.fr.items[0].answers.find((a) => a.points === 1).text;
  await expect(itemGroup(page, 'fr', 1).getByRole('radio', { name: first, exact: true })).toBeChecked();
  await expect(page.getByRole('button', { name: fr.wellbeing.check.next, exact: true })).toBeEnabled();
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  const third = ITEMS.fr.items[2].answers.find((a) => a.points === 2).text;
  await expect(itemGroup(page, 'fr', 3).getByRole('radio', { name: third, exact: true })).toBeChecked();
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  // Items 4 to 10; item 10 answered "Parfois" (2 points). Total 1+1+2+1+1+1+1+1+1+2 = 12.
  for (const [n, p] of [[4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 1], [10, 2]]) {
    await expect(page.getByRole('heading', { level: 2, name: ITEMS.fr.items[n - 1].text })).toBeFocused();
    await answer(page, 'fr', n, p);
    await page.getByRole('button', { name: n === 10 ? fr.wellbeing.check.finish : fr.wellbeing.check.next, exact: true }).click();
  }

  // The safety screen comes first, before any score; its links are exactly 3114, 15, 112, and 114 by SMS.
  const safety = page.getByRole('region', { name: fr.wellbeing.safety.heading });
  await expect(page.getByRole('heading', { name: fr.wellbeing.safety.heading })).toBeFocused();
  await expect(safety.getByText(fr.wellbeing.safety.text)).toBeVisible();
  const tel = await safety.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(tel).toEqual(['tel:3114', 'tel:15', 'tel:112']);
  const sms = await safety.locator('a[href^="sms:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(sms).toEqual(['sms:114']);
  await expect(safety.getByRole('link', { name: fill(fr.wellbeing.call, { number: '3114' }) })).toBeVisible();
  await expect(safety.getByText(fr.wellbeing.safety.professional)).toBeVisible();
  await expect(page.getByText(fill(fr.wellbeing.score, { total: 12 }))).toHaveCount(0);
  await axe(page, 'the safety screen');
  // Already saved, before the result is seen.
  expect((await history(page)).checks.map((c) => c.total)).toEqual([12]);

  await page.getByRole('button', { name: fr.wellbeing.safety.see_result }).click();
  await expect(page).toHaveURL(site.url('/wellbeing/result/1'));
  await expect(heading1(page)).toHaveText(fr.wellbeing.result.title);
  await expect(page.getByText(fill(fr.wellbeing.score, { total: 12 }), { exact: true })).toBeVisible();
  // Item 10 above 0: its own level and message, not the moderate tier's "take it again in two weeks".
  await expect(page.getByText(fr.wellbeing.level.self_harm, { exact: true })).toBeVisible();
  await expect(page.getByText(fr.wellbeing.result.message.self_harm.mother)).toBeVisible();
  await expect(page.getByText(fr.wellbeing.level.moderate, { exact: true })).toHaveCount(0);
  await expect(page.getByText(fr.wellbeing.result.message.moderate.mother)).toHaveCount(0);
  await expect(page.getByText(fr.wellbeing.result.anxiety)).toHaveCount(0);
  // The emergency lines stay on top of this result; then who can help, with hours.
  await expect(page.getByText(fr.wellbeing.safety.result_note)).toBeVisible();
  const help = page.getByRole('region', { name: fr.wellbeing.result.help_heading });
  await expect(help.locator('a[href="tel:0800003456"]')).toContainText(fr.wellbeing.hours_may_change);
  await expect(help.getByText(fr.wellbeing.result.contact.pmi_name)).toBeVisible();
  await expect(page.getByRole('region', { name: fr.wellbeing.result.near_heading }).getByText(fr.wellbeing.result.near_coming)).toBeVisible();
  await axe(page, 'a result');
  // Near you: the directory opens filtered on the places that can help.
  await page.getByRole('region', { name: fr.wellbeing.result.near_heading }).getByRole('button', { name: fr.wellbeing.result.near_search }).click();
  await expect(heading1(page)).toHaveText(fr.directory.title);
  await expect(page.getByRole('button', { name: fr.directory.category.pmi_centre, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: fr.directory.category.perinatal_mental_health, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: fr.directory.category.emergency, exact: true })).toHaveAttribute('aria-pressed', 'false');
  // In a département Cocon has no list for yet: said plainly, with the official directory's
  // page of its PMI centres, and the national lines still listed.
  await page.getByLabel(fr.directory.place_label, { exact: true }).fill('35000');
  const none = page.locator('.dir-near-none');
  await expect(none).toContainText(fill(fr.directory.near_no_pack, { department: 'Ille-et-Vilaine (35)' }));
  await expect(none.locator('a[href^="https:"]')).toHaveAttribute('href', 'https://lannuaire.service-public.gouv.fr/navigation/bretagne/ille-et-vilaine/pmi');
  expect(await none.locator('a[href^="tel:"]').evaluateAll((a) => a.map((l) => l.getAttribute('href')))).toEqual(['tel:15', 'tel:3114', 'tel:0800003456']);
  await axe(page, 'the directory near a place with no list');
  await page.getByLabel(fr.directory.place_label, { exact: true }).fill('');
  await page.goBack();
  await expect(heading1(page)).toHaveText(fr.wellbeing.result.title);

  // The print summary: every question with its answer, the total, the cut-offs.
  await page.getByRole('link', { name: fr.wellbeing.result.print }).click();
  await expect(page).toHaveURL(site.url('/wellbeing/print/1'));
  await expect(heading1(page)).toHaveText(fr.wellbeing.print.title);
  const rows = page.locator('.wb-answers-table tbody tr');
  await expect(rows).toHaveCount(10);
  for (const [i, item] of ITEMS.fr.items.entries()) {
    await expect(rows.nth(i)).toContainText(item.text);
  }
  await expect(rows.nth(9)).toContainText('Parfois');
  await expect(page.locator('.wb-answers-table tfoot')).toHaveText(`${fr.wellbeing.print.total}12`);
  await expect(page.locator('.wb-summary')).toContainText(fill(fr.wellbeing.score, { total: 12 }));
  await expect(page.getByText(fill(fr.wellbeing.print.thresholds_value, {
    who: fr.wellbeing.who.mother, low_max: 8, moderate_from: 9, moderate_max: 12, high_from: 13, anxiety_from: 5,
  }))).toBeVisible();
  await expect(page.getByRole('button', { name: fr.wellbeing.print.button })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: fr.nav.label })).toBeHidden();
  await expect(page.getByRole('button', { name: fr.wellbeing.print.button })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // The second time: low answers, straight to the result.
  await page.getByRole('link', { name: fr.nav.wellbeing }).click();
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();
  await begin(page, fr, 'mother', 'postpartum');
  await answerAll(page, 'fr', fr, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  await expect(page).toHaveURL(site.url('/wellbeing/result/2'));
  await expect(page.getByText(fill(fr.wellbeing.score, { total: 1 }), { exact: true })).toBeVisible();
  await expect(page.getByText(fr.wellbeing.level.low, { exact: true })).toBeVisible();
  await expect(page.getByText(fr.wellbeing.result.message.low.mother)).toBeVisible();
  await expect(page.getByRole('heading', { name: fr.wellbeing.safety.heading })).toHaveCount(0);
  expect((await history(page)).checks.map((c) => c.total)).toEqual([12, 1]);

  // The history, after reload: two entries, the chart and its table.
  await page.goto(site.url('/wellbeing'));
  const entries = page.locator('.wb-entries > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(fill(fr.wellbeing.score, { total: 1 }));
  await expect(entries.last()).toContainText(fill(fr.wellbeing.score, { total: 12 }));
  const chart = page.getByRole('img', { name: /Édimbourg/ });
  await expect(chart).toHaveCount(1);
  const label = await chart.getAttribute('aria-label');
  expect(label).toContain(fill(fr.wellbeing.history.chart_point, { date: '23 novembre 2026', total: 12 }));
  expect(label).toContain(fill(fr.wellbeing.history.chart_point, { date: '23 novembre 2026', total: 1 }));
  await expect(chart.locator('circle')).toHaveCount(2);
  await expect(chart.locator('.wb-chart-threshold')).toHaveCount(2);
  await expect(chart.getByText(fill(fr.wellbeing.history.chart_moderate, { n: 9 }))).toBeAttached();
  await expect(chart.getByText(fill(fr.wellbeing.history.chart_high, { n: 13 }))).toBeAttached();
  await page.getByText(fr.wellbeing.history.table_show).click();
  const table = page.getByRole('table', { name: fill(fr.wellbeing.history.table_caption, { who: fr.wellbeing.who_in_text.mother }) });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('12');
  await expect(table.locator('tbody tr').first()).toContainText(fr.wellbeing.level.self_harm);
  await expect(table.locator('tbody tr').last()).toContainText(fr.wellbeing.level.low);
  expect(label).toContain(fill(fr.wellbeing.history.chart_point_self_harm, { date: '23 novembre 2026', total: 12 }));
  await expect(entries.last()).toContainText(fr.wellbeing.level.self_harm);
  await expect(entries.last()).not.toContainText(fr.wellbeing.level.moderate);
  await axe(page, 'the history');

  // Delete the first check, after a confirmation.
  const args = { date: '23 novembre 2026', who: fr.wellbeing.who_in_text.mother, score: fill(fr.wellbeing.score, { total: 12 }) };
  await page.getByRole('button', { name: fill(fr.wellbeing.history.delete_named, args) }).click();
  await expect(page.getByText(fill(fr.wellbeing.history.delete_confirm, args))).toBeVisible();
  await expect(page.getByRole('button', { name: fr.wellbeing.history.cancel })).toBeFocused();
  await page.getByRole('button', { name: fr.wellbeing.history.delete_yes }).click();
  await expect(entries).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText(fill(fr.wellbeing.history.deleted, { date: '23 novembre 2026' }));
  expect((await history(page)).checks.map((c) => c.total)).toEqual([1]);
  await page.reload();
  await expect(entries).toHaveCount(1);
});

test('a retake is suggested on Today once the last check is 14 days old', async ({ page, site }) => {
  const family = {
    version: 1,
    profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
    active: 'p1',
  };
  const check = (date) => ({ version: 1, date, respondent: 'mother', when: 'postpartum', points: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 1, anxiety: 0, tier: 'low' });
  await page.goto(site.url('/'));
  await page.evaluate(([f, h]) => {
    localStorage.setItem('cocon.family', JSON.stringify(f));
    localStorage.setItem('cocon.epds', JSON.stringify(h));
  }, [family, { version: 1, checks: [check('2026-11-10')] }]);
  await page.reload();
  await expect(page.getByText('Léa')).toBeVisible();
  await expect(page.getByRole('heading', { name: fr.wellbeing.retake.heading })).toHaveCount(0);

  await page.evaluate((h) => localStorage.setItem('cocon.epds', JSON.stringify(h)), { version: 1, checks: [check('2026-11-09')] });
  await page.reload();
  const retake = page.getByRole('region', { name: fr.wellbeing.retake.heading });
  await expect(retake).toContainText(fill(fr.wellbeing.retake.text, { who: fr.wellbeing.who_in_text.mother, date: '9 novembre 2026' }));
  await axe(page, 'Today with the suggestion');
  await retake.getByRole('link', { name: fr.wellbeing.retake.link }).click();
  await expect(page).toHaveURL(site.url('/wellbeing'));
  await expect(heading1(page)).toHaveText(fr.wellbeing.title);
  // The active profile is born: "after the birth" is chosen already.
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();
  await expect(page.getByRole('radio', { name: fr.wellbeing.check.when_postpartum })).toBeChecked();

  // When that check answered item 10 above 0, the card says where to talk now, 3114 one tap away.
  const harm = { ...check('2026-11-09'), points: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
  await page.evaluate((h) => localStorage.setItem('cocon.epds', JSON.stringify(h)), { version: 1, checks: [harm] });
  await page.goto(site.url('/'));
  const careful = page.getByRole('region', { name: fr.wellbeing.retake.heading });
  await expect(careful).toContainText(fill(fr.wellbeing.retake.text_self_harm, { who: fr.wellbeing.who_in_text.mother, date: '9 novembre 2026' }));
  await expect(careful).not.toContainText(fill(fr.wellbeing.retake.text, { who: fr.wellbeing.who_in_text.mother, date: '9 novembre 2026' }));
  await expect(careful.locator('a[href="tel:3114"]')).toBeVisible();
  await axe(page, 'Today with the careful suggestion');
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the second parent during pregnancy, high answers with anxiety, no safety screen', async ({ page, site }) => {
    await page.goto(site.url('/wellbeing/check'));
    await expect(heading1(page)).toHaveText(en.wellbeing.check.title);
    await expect(page.getByText(ITEMS.en.credit)).toBeVisible();
    await begin(page, en, 'second_parent', 'pregnancy');
    // 2+1+2+1+1+1+1+1+1+0 = 11: high for the second parent (from 10); anxiety 2+1+1 = 4 (from 4).
    await answerAll(page, 'en', en, [2, 1, 2, 1, 1, 1, 1, 1, 1, 0]);
    await expect(page).toHaveURL(site.url('/wellbeing/result/1'));
    await expect(heading1(page)).toHaveText(en.wellbeing.result.title);
    await expect(page.getByText(fill(en.wellbeing.score, { total: 11 }), { exact: true })).toBeVisible();
    await expect(page.getByText(en.wellbeing.level.high, { exact: true })).toBeVisible();
    await expect(page.getByText(en.wellbeing.result.message.high.second_parent)).toBeVisible();
    await expect(page.getByText(en.wellbeing.result.anxiety)).toBeVisible();
    await expect(page.getByText(fill(en.wellbeing.result.taken, {
      date: '23 November 2026', who: en.wellbeing.who.second_parent, when: en.wellbeing.when.pregnancy,
    }))).toBeVisible();
    await expect(page.getByRole('heading', { name: en.wellbeing.safety.heading })).toHaveCount(0);
    // Maman Blues and midwives are offered to mothers only.
    await expect(page.getByText(en.wellbeing.result.contact.maman_blues_name)).toHaveCount(0);
    await axe(page, 'an English result');
    await page.getByRole('link', { name: en.wellbeing.result.back }).click();
    await expect(page.getByRole('img', { name: /Edinburgh scale scores \(the second parent\)/ })).toBeVisible();
    await expect(page.getByText(en.wellbeing.history.chart_high.replace('{n}', '10'))).toBeAttached();
    await axe(page, 'the English history');

    // The summary is made on the phone: it opens with the server stopped.
    await waitForServiceWorker(page);
    await site.stop();
    await page.goto(site.url('/wellbeing/print/1'));
    await expect(heading1(page)).toHaveText(en.wellbeing.print.title);
    await expect(page.locator('.wb-answers-table tbody tr')).toHaveCount(10);
    await expect(page.locator('.wb-answers-table tbody tr').first()).toContainText(ITEMS.en.items[0].answers.find((a) => a.points === 2).text);
  });
});

test('offline, the whole check works and item 10 leads to the safety screen even with a low total', async ({ page, site }) => {
  await page.goto(site.url('/'));
  await waitForServiceWorker(page);
  await site.stop();
  await page.goto(site.url('/wellbeing/check'));
  await begin(page, fr, 'mother', 'postpartum');
  // Every answer at 0 but item 10 at its lowest non-zero answer: total 1, tier low.
  await answerAll(page, 'fr', fr, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  const safety = page.getByRole('region', { name: fr.wellbeing.safety.heading });
  await expect(page.getByRole('heading', { name: fr.wellbeing.safety.heading })).toBeFocused();
  const tel = await safety.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(tel).toEqual(['tel:3114', 'tel:15', 'tel:112']);
  await page.getByRole('button', { name: fr.wellbeing.safety.see_result }).click();
  await expect(page.getByText(fill(fr.wellbeing.score, { total: 1 }), { exact: true })).toBeVisible();
  expect((await history(page)).checks.map((c) => c.total)).toEqual([1]);
  // A low total with item 10 above 0: never called low, never reassured; talk about it today.
  await expect(page.getByText(fr.wellbeing.level.self_harm, { exact: true })).toBeVisible();
  await expect(page.getByText(fr.wellbeing.result.message.self_harm.mother)).toBeVisible();
  await expectNoLowFraming(page, fr);
  await axe(page, 'a low total with item 10 above 0');
  // The same on the printed summary.
  await page.getByRole('link', { name: fr.wellbeing.result.print }).click();
  await expect(heading1(page)).toHaveText(fr.wellbeing.print.title);
  await expect(page.locator('.wb-summary')).toContainText(fr.wellbeing.level.self_harm);
  await expect(page.getByText(fr.wellbeing.print.self_harm)).toBeVisible();
  await expectNoLowFraming(page, fr);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(fr.wellbeing.print.self_harm)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // And in the history.
  await page.getByRole('link', { name: fr.nav.wellbeing }).click();
  await expect(page.locator('.wb-entries > li')).toContainText(fr.wellbeing.level.self_harm);
  await expect(page.locator('.wb-entries')).not.toContainText(fr.wellbeing.level.low);
  await expectNoLowFraming(page, fr);
});

/** No low level nor the low tier's message anywhere on the page. */
async function expectNoLowFraming(page, t) {
  await expect(page.getByText(t.wellbeing.level.low, { exact: true })).toHaveCount(0);
  for (const message of Object.values(t.wellbeing.result.message.low)) {
    await expect(page.getByText(message)).toHaveCount(0);
  }
}

test.describe('in English, item 10 above zero with a low total', () => {
  test.use({ locale: 'en-GB' });

  test('the second parent is not told the score is low, on the result nor the print', async ({ page, site }) => {
    await page.goto(site.url('/wellbeing/check'));
    await begin(page, en, 'second_parent', 'pregnancy');
    await answerAll(page, 'en', en, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await expect(page.getByRole('heading', { name: en.wellbeing.safety.heading })).toBeFocused();
    await page.getByRole('button', { name: en.wellbeing.safety.see_result }).click();
    await expect(page.getByText(en.wellbeing.level.self_harm, { exact: true })).toBeVisible();
    await expect(page.getByText(en.wellbeing.result.message.self_harm.second_parent)).toBeVisible();
    await expectNoLowFraming(page, en);
    await page.getByRole('link', { name: en.wellbeing.result.print }).click();
    await expect(page.getByText(en.wellbeing.print.self_harm)).toBeVisible();
    await expectNoLowFraming(page, en);
  });
});

test('the Back button goes back a question, then to the introduction, then out; answers are kept', async ({ page, site }) => {
  await page.goto(site.url('/wellbeing'));
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();
  await begin(page, fr, 'mother', 'postpartum');
  for (const [n, points] of [[1, 1], [2, 0]]) {
    await answer(page, 'fr', n, points);
    await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  }
  await expect(itemGroup(page, 'fr', 3)).toBeVisible();
  const chosen = (n, points) => itemGroup(page, 'fr', n)
    .getByRole('radio', { name: ITEMS.fr.items[n - 1].answers.find((a) => a.points === points).text, exact: true });

  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: ITEMS.fr.items[1].text })).toBeFocused();
  await expect(chosen(2, 0)).toBeChecked();
  await page.goBack();
  await expect(chosen(1, 1)).toBeChecked();
  // Forward again with the page's own button, then Back twice: to the introduction.
  await page.getByRole('button', { name: fr.wellbeing.check.next, exact: true }).click();
  await expect(chosen(2, 0)).toBeChecked();
  await page.goBack();
  await expect(chosen(1, 1)).toBeChecked();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: fr.wellbeing.check.intro_heading })).toBeVisible();
  await expect(heading1(page)).toHaveText(fr.wellbeing.check.title);
  // From the introduction, Back leaves the questionnaire; it can be continued.
  await page.goBack();
  await expect(heading1(page)).toHaveText(fr.wellbeing.title);
  await page.getByRole('button', { name: fr.wellbeing.epds.resume }).click();
  await page.getByRole('button', { name: fr.wellbeing.check.start, exact: true }).click();
  await expect(chosen(1, 1)).toBeChecked();
  expect(await history(page), 'nothing saved before the end').toBeUndefined();
});

test('after the safety screen and the result, Back leaves the questionnaire for Well-being, its helplines and the check saved once', async ({ page, site }) => {
  await page.goto(site.url('/wellbeing'));
  await page.getByRole('button', { name: fr.wellbeing.epds.start }).click();
  await begin(page, fr, 'mother', 'postpartum');
  await answerAll(page, 'fr', fr, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  await expect(page.getByRole('heading', { name: fr.wellbeing.safety.heading })).toBeFocused();
  await page.getByRole('button', { name: fr.wellbeing.safety.see_result }).click();
  await expect(page.getByText(fill(fr.wellbeing.score, { total: 1 }), { exact: true })).toBeVisible();
  await page.goBack();
  await expect(heading1(page)).toHaveText(fr.wellbeing.title);
  await expect(page.getByRole('region', { name: fr.wellbeing.talk.heading }).getByRole('link').first()).toHaveAttribute('href', 'tel:3114');
  expect((await history(page)).checks).toHaveLength(1);
});

