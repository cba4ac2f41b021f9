// What is due (/timeline/events): groups by status, marking done and undoing, the
// parent's own appointments, the calendar export, accessibility, French and English.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr'), en = ui('en');
const NOW = new Date('2026-11-23T10:00:00');
const FAMILY = {
  version: 1,
  profiles: [{ id: 'p1', name: 'Léa', status: { kind: 'born', birth_date: '2026-09-20', term_at_birth: null, due_date: null } }],
  active: 'p1',
};
// Léa is 2 months old on 23 November 2026: of her 28 events, these are open now (the
// supplementary birth leave is a window until 9 months after her birth, not a past day)...
const TO_DO_NOW = ['exam-2m', 'vaccine-2m', 'postnatal-interview-2', 'second-parent-leave-remaining', 'new-birth-leave'];
// ...and these windows have closed.
const PASSED = ['birth-declaration', 'birth-leave-3-days', 'second-parent-leave-4-days', 'postnatal-interview-1',
  'exam-8d', 'exam-w2', 'vaccine-birth'];
const ALL_EVENTS = 28;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the page with the clock fixed and Léa's family stored. */
async function open(page, site, t = fr) {
  await page.clock.setFixedTime(NOW);
  await page.goto(site.url('/'));
  await page.evaluate((doc) => localStorage.setItem('cocon.family', JSON.stringify(doc)), FAMILY);
  await page.goto(site.url('/timeline/events'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.events.page_title);
}

/** The section of a status group ("À faire maintenant (4)"), found by its heading. */
function group(page, t, status) {
  return page.getByRole('region', { name: new RegExp(`^${escape(t.events.status[status])} \\(\\d+\\)$`) });
}

async function groupCount(page, t, status) {
  const name = await group(page, t, status).getByRole('heading', { level: 2 }).textContent();
  return Number(name.match(/\((\d+)\)$/)[1]);
}

const card = (scope, title) => scope.getByRole('article', { name: title, exact: true });

async function family(page) {
  return JSON.parse((await storedData(page))['cocon.family']);
}

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations).toEqual([]);
}

/** An independent reading of an iCalendar text: line endings, lengths, unfolding, the
 *  component tree with balanced BEGIN/END. */
function parseIcs(text) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const logical = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root = { name: '', props: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const colon = line.indexOf(':');
    expect(colon, line).toBeGreaterThan(0);
    const key = line.slice(0, colon), value = line.slice(colon + 1);
    if (key === 'BEGIN') {
      const child = { name: value, props: [], children: [] };
      stack.at(-1).children.push(child);
      stack.push(child);
    } else if (key === 'END') {
      expect(stack.pop().name).toBe(value);
    } else {
      stack.at(-1).props.push([key, value]);
    }
  }
  expect(stack.length).toBe(1);
  expect(root.children.length).toBe(1);
  return root.children[0];
}
const prop = (component, name) => component.props.find(([k]) => k.split(';')[0] === name)?.[1];
const unescapeText = (v) => v.replace(/\\([nN\\;,])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

test('the events of the profile are grouped by status, in French, with no accessibility violation', async ({ page, site }) => {
  await open(page, site);
  await expect(page.getByText(fr.events.intro.replace('{name}', 'Léa'))).toBeVisible();
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  const order = ['to_do_now', 'upcoming', 'overdue', 'done'].map((s) => headings.findIndex((h) => h.startsWith(`${fr.events.status[s]} (`)));
  expect(order.every((i) => i >= 0), 'every group has a heading').toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);

  const now = group(page, fr, 'to_do_now');
  for (const id of TO_DO_NOW) {
    const c = card(now, fr.events.title[id]);
    await expect(c).toBeVisible();
    await expect(c.getByText(fr.events.status.to_do_now, { exact: true }), 'the status is said in text').toBeVisible();
  }
  expect(await groupCount(page, fr, 'to_do_now')).toBe(TO_DO_NOW.length);
  const passed = group(page, fr, 'overdue');
  for (const id of PASSED) await expect(card(passed, fr.events.title[id])).toBeVisible();
  await expect(passed.getByText(fr.events.passed_intro)).toBeVisible();
  expect(await groupCount(page, fr, 'upcoming')).toBe(ALL_EVENTS - TO_DO_NOW.length - PASSED.length);
  await expect(group(page, fr, 'done').getByText(fr.events.group_empty)).toBeVisible();

  // The 2-month vaccines in full: kind, mandatory, window, doses, source.
  const vaccines = card(now, fr.events.title['vaccine-2m']);
  await expect(vaccines.getByText(fr.events.kind.vaccine, { exact: true })).toBeVisible();
  await expect(vaccines.getByText(fr.events.mandatory, { exact: true })).toBeVisible();
  await expect(vaccines.getByText('Du 20 novembre 2026 au 19 décembre 2026')).toBeVisible();
  await expect(vaccines.locator('.ev-vaccines').getByRole('listitem')).toHaveCount(3);
  await expect(vaccines.locator('.ev-vaccines').getByRole('listitem').first()).toContainText(fr.events.vaccine.hexavalent);
  // Its sources are links to the pages that state the rule, with the day it was checked.
  await expect(vaccines.getByText(fr.events.sources)).toBeVisible();
  const hrefs = await vaccines.locator('.ev-source a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https:\/\/[^/]+\/.+/);
  await expect(vaccines.getByText(fr.events.reviewed.replace('{date}', '3 décembre 2026'))).toBeVisible();
  // The supplementary birth leave, by its legal name, open until 19 June 2027.
  const leave = card(now, fr.events.title['new-birth-leave']);
  await expect(leave.getByText('Du 20 septembre 2026 au 19 juin 2027')).toBeVisible();
  await expect(leave.getByText(fr.events.note['supplementary-birth-leave'])).toBeVisible();
  // The RSV protection at birth asks to check with a professional.
  await expect(card(passed, fr.events.title['vaccine-birth']).getByText(fr.events.check)).toBeVisible();
  await axe(page);
});

test('an event marked done moves to Done with its date, stays after a reload, and can be undone', async ({ page, site }) => {
  await open(page, site);
  const title = fr.events.title['vaccine-2m'];
  const now = group(page, fr, 'to_do_now');
  const c = card(now, title);
  const date = c.getByLabel(fr.events.done_date_label);
  await expect(date).toHaveValue('2026-11-23');
  await expect(date).toHaveAttribute('max', '2026-11-23');

  // A date after today is refused, next to the field.
  await date.fill('2026-11-30');
  const mark = c.getByRole('button', { name: `${fr.events.mark_done} : ${title}` });
  await mark.click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  const errorId = await date.getAttribute('aria-describedby');
  await expect(page.locator(`#${errorId}`)).toHaveText(fr.events.error_date_future);
  expect((await family(page)).done ?? {}, 'nothing stored').toEqual({});

  await date.fill('2026-11-21');
  await mark.click();
  const done = group(page, fr, 'done');
  await expect(card(done, title)).toBeVisible();
  await expect(card(done, title).getByText('Fait le 21 novembre 2026')).toBeVisible();
  await expect(card(now, title)).toHaveCount(0);
  const undo = card(done, title).getByRole('button', { name: `${fr.events.undo} : ${title}` });
  await expect(undo, 'focus follows the card').toBeFocused();
  await expect(page.locator('#ev-announce'), 'and a screen reader hears it').toHaveText(
    fr.events.marked_done.replace('{title}', title).replace('{date}', '21 novembre 2026'));
  expect(await groupCount(page, fr, 'to_do_now')).toBe(TO_DO_NOW.length - 1);
  expect((await family(page)).done).toEqual({ p1: { 'vaccine-2m': '2026-11-21' } });
  await axe(page);

  await page.reload();
  await expect(card(group(page, fr, 'done'), title).getByText('Fait le 21 novembre 2026')).toBeVisible();
  expect((await family(page)).done).toEqual({ p1: { 'vaccine-2m': '2026-11-21' } });

  await card(group(page, fr, 'done'), title).getByRole('button', { name: `${fr.events.undo} : ${title}` }).click();
  await expect(card(now, title)).toBeVisible();
  await expect(card(now, title).getByRole('button', { name: `${fr.events.mark_done} : ${title}` })).toBeFocused();
  await expect(group(page, fr, 'done').getByText(fr.events.group_empty)).toBeVisible();
  expect((await family(page)).done).toEqual({});
  await page.reload();
  await expect(card(group(page, fr, 'to_do_now'), title)).toBeVisible();
});

test('the parent adds an appointment of their own, finds it after a reload, and deletes it', async ({ page, site }) => {
  await open(page, site);
  await page.getByText(fr.events.own_add, { exact: true }).click();
  const titleInput = page.getByLabel(fr.events.own_title_label, { exact: true });
  const dateInput = page.getByLabel(fr.events.own_date_label, { exact: true });
  // Nothing filled: the errors are next to their fields, tied by aria-describedby.
  await page.getByRole('button', { name: fr.events.own_submit, exact: true }).click();
  for (const [input, message] of [[titleInput, fr.events.error_title_required], [dateInput, fr.events.error_date_required]]) {
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await input.getAttribute('aria-describedby')}`)).toHaveText(message);
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(titleInput).toBeFocused();
  await axe(page);

  await titleInput.fill('Sage-femme, rééducation');
  await dateInput.fill('2026-12-02');
  await page.getByLabel(fr.events.own_note_label).fill('Apporter le carnet');
  await page.getByRole('button', { name: fr.events.own_submit, exact: true }).click();
  await expect(titleInput).toHaveValue('');
  await expect(page.locator('#ev-announce')).toHaveText(fr.events.own_added.replace('{title}', 'Sage-femme, rééducation'));
  await expect(titleInput).toHaveAttribute('aria-invalid', 'false');
  const upcoming = group(page, fr, 'upcoming');
  const own = card(upcoming, 'Sage-femme, rééducation');
  await expect(own).toBeVisible();
  await expect(own.getByText(fr.events.own_label)).toBeVisible();
  await expect(own.getByText('Le 2 décembre 2026')).toBeVisible();
  await expect(own.getByText('Apporter le carnet')).toBeVisible();
  // Listed by date among the others: after the exams opening before it, first upcoming.
  await expect(upcoming.getByRole('article').first()).toHaveAccessibleName('Sage-femme, rééducation');
  expect((await family(page)).own_events).toEqual({
    p1: [{ id: 'own1', title: 'Sage-femme, rééducation', date: '2026-12-02', note: 'Apporter le carnet' }],
  });

  await page.reload();
  await expect(card(group(page, fr, 'upcoming'), 'Sage-femme, rééducation')).toBeVisible();
  await card(group(page, fr, 'upcoming'), 'Sage-femme, rééducation')
    .getByRole('button', { name: `${fr.events.own_delete} : Sage-femme, rééducation` }).click();
  await expect(page.getByRole('article', { name: 'Sage-femme, rééducation' })).toHaveCount(0);
  expect((await family(page)).own_events).toEqual({});
});

test('the calendar file holds what is ahead, with stable UIDs and two reminders each', async ({ page, site }) => {
  await open(page, site);
  // One event done, one own appointment ahead and one past: neither the done event nor the
  // past appointment goes into the file.
  const doneTitle = fr.events.title['vaccine-2m'];
  await card(group(page, fr, 'to_do_now'), doneTitle).getByRole('button', { name: `${fr.events.mark_done} : ${doneTitle}` }).click();
  await expect(card(group(page, fr, 'done'), doneTitle)).toBeVisible();
  await page.getByText(fr.events.own_add, { exact: true }).click();
  for (const [title, date] of [['Kiné; séance 1', '2026-12-10'], ['Pédiatre', '2026-11-02']]) {
    await page.getByLabel(fr.events.own_title_label, { exact: true }).fill(title);
    await page.getByLabel(fr.events.own_date_label, { exact: true }).fill(date);
    await page.getByRole('button', { name: fr.events.own_submit, exact: true }).click();
    await expect(page.getByRole('article', { name: title })).toBeVisible();
  }

  const button = page.getByRole('button', { name: fr.events.export_button });
  await expect(page.getByText(fr.events.export_explain)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('cocon-lea-2026-11-23.ics');
  await expect(page.locator('#ev-announce')).toHaveText(fr.events.export_done.replace('{file}', 'cocon-lea-2026-11-23.ics'));
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);

  const calendar = parseIcs(text);
  expect(calendar.name).toBe('VCALENDAR');
  expect(prop(calendar, 'VERSION')).toBe('2.0');
  const vevents = calendar.children.filter((c) => c.name === 'VEVENT');
  expect(vevents.length).toBe(calendar.children.length);
  // What the page shows to do now and upcoming, and only that.
  const ahead = (await groupCount(page, fr, 'to_do_now')) + (await groupCount(page, fr, 'upcoming'));
  expect(vevents.length).toBe(ahead);
  expect(vevents.length).toBe(ALL_EVENTS - PASSED.length - 1 + 1);
  const uids = vevents.map((v) => prop(v, 'UID'));
  expect(new Set(uids).size).toBe(uids.length);
  expect(uids).toContain('exam-2m-p1@cocon.app');
  expect(uids).toContain('own-own1-p1@cocon.app');
  expect(uids).not.toContain('vaccine-2m-p1@cocon.app');
  expect(uids).not.toContain('own-own2-p1@cocon.app');
  for (const id of PASSED) expect(uids).not.toContain(`${id}-p1@cocon.app`);
  const stamp = NOW.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  for (const v of vevents) {
    expect(v.props.find(([k]) => k.startsWith('DTSTART'))[0]).toBe('DTSTART;VALUE=DATE');
    expect(prop(v, 'DTSTAMP')).toBe(stamp);
    const alarms = v.children.filter((c) => c.name === 'VALARM');
    expect(alarms.length).toBe(2);
    expect(alarms.map((a) => a.props.find(([k]) => k.startsWith('TRIGGER')).join(':')))
      .toEqual(['TRIGGER:-P6DT15H', 'TRIGGER;RELATED=START:PT9H']);
  }
  const exam = vevents.find((v) => prop(v, 'UID') === 'exam-2m-p1@cocon.app');
  expect(prop(exam, 'DTSTART')).toBe('20261120');
  expect(prop(exam, 'DTEND')).toBe('20261220');
  expect(unescapeText(prop(exam, 'SUMMARY'))).toBe(fr.events.title['exam-2m']);
  expect(unescapeText(prop(exam, 'DESCRIPTION')))
    .toBe('Du 20 novembre 2026 au 19 décembre 2026\nSource : Service-public.fr (DILA), Visites médicales de l\'enfant : examens obligatoires (fiche F967) (https://www.service-public.fr/particuliers/vosdroits/F967)');
  const kine = vevents.find((v) => prop(v, 'UID') === 'own-own1-p1@cocon.app');
  expect(unescapeText(prop(kine, 'SUMMARY'))).toBe('Kiné; séance 1');
  expect(prop(kine, 'DTSTART')).toBe('20261210');
  expect(prop(kine, 'DTEND')).toBe('20261211');
  await axe(page);
});

test('with no profile, the page says where to start', async ({ page, site }) => {
  await page.goto(site.url('/timeline/events'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.events.page_title);
  await expect(page.getByText(fr.events.no_profile)).toBeVisible();
  await page.getByRole('link', { name: fr.events.no_profile_link }).click();
  await expect(page).toHaveURL(site.url('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.today.title);
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-US' });

  test('the titles, statuses and the calendar file are in English', async ({ page, site }) => {
    await open(page, site, en);
    await expect(page).toHaveTitle(`${en.events.page_title} · Cocon`);
    const now = group(page, en, 'to_do_now');
    for (const id of TO_DO_NOW) await expect(card(now, en.events.title[id])).toBeVisible();
    await expect(card(now, en.events.title['vaccine-2m']).getByText('From 20 November 2026 to 19 December 2026')).toBeVisible();
    await expect(card(group(page, en, 'overdue'), en.events.title['exam-8d'])).toBeVisible();
    const title = en.events.title['exam-2m'];
    await card(now, title).getByRole('button', { name: `${en.events.mark_done}: ${title}` }).click();
    await expect(card(group(page, en, 'done'), title).getByText('Done on 23 November 2026')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.events.export_button }).click(),
    ]);
    const calendar = parseIcs(readFileSync(await download.path(), 'utf8'));
    const summaries = calendar.children.map((v) => unescapeText(prop(v, 'SUMMARY')));
    expect(summaries).toContain(en.events.title['vaccine-2m']);
    expect(summaries).not.toContain(en.events.title['exam-2m']);
    await axe(page);
  });
});
