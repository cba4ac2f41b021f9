// Accessibility beyond axe's default pass (which shell.spec.mjs and each feature's spec run
// in light mode): the keyboard alone on every screen (every control reachable, the focus
// visible and not hidden behind the bottom navigation, no trap), the onboarding and an
// EPDS question done with the keyboard only, text at 200 % without horizontal scrolling or
// clipped text, dark mode contrast, and reduced motion.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, storedData } from './fixtures.mjs';

const fr = ui('fr');
const NOW = new Date('2026-11-23T10:00:00');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The main screens with a profile, and what shows once each is ready. */
const SCREENS = [
  { path: '/', title: fr.today.title, ready: '.summary-day' },
  { path: '/timeline', title: fr.timeline.title, ready: '.tl-day[aria-current="date"]' },
  // The day's panel; the keyboard test starts at its heading (the list above has its own test).
  { path: '/timeline?day=162', title: fr.timeline.title, ready: '#tl-day-heading', from: '#tl-day-heading', scope: '.tl-panel, .bottom-nav' },
  { path: '/timeline/events', title: fr.events.page_title, ready: '.ev-group' },
  { path: '/directory', title: fr.directory.title, ready: '.dir-count' },
  { path: '/wellbeing', title: fr.wellbeing.title, ready: 'main button' },
  { path: '/wellbeing/check', title: fr.wellbeing.check.title, ready: 'form' },
  { path: '/settings', title: fr.settings.title, ready: '.profile-list' },
  { path: '/demo', title: fr.demo.title, ready: '.demo-samples button' },
];
const ONBOARDING = { path: '/', title: fr.today.title, ready: 'form' };

/** Creates the profile through the onboarding form, as a parent does: pregnant, last
 *  period on 1 June 2026, so 23 November 2026 is day 162. */
async function createProfile(page, site) {
  await page.goto(site.url('/'));
  await page.getByRole('radio', { name: fr.profile.situation_pregnant }).check();
  await page.getByRole('radio', { name: fr.profile.date_kind_last_period }).check();
  await page.getByLabel(fr.profile.date_label_last_period, { exact: true }).fill('2026-06-01');
  await page.getByRole('button', { name: fr.profile.save }).click();
  await expect(page.locator('.summary-day')).toBeVisible();
}

async function open(page, site, screen) {
  await page.goto(site.url(screen.path));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.title);
  await expect(page.locator(screen.ready).first()).toBeVisible();
}

// ---- keyboard ----

/** What has the focus: an id given to each element the first time (kept in the page), its
 *  name, whether a focus indicator shows, and whether it can be seen (not scrolled away,
 *  not under the bottom navigation or outside its scrolling list). */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { body: true };
  window.__a11yIds ??= new WeakMap();
  window.__a11yNext ??= 1;
  if (!window.__a11yIds.has(el)) window.__a11yIds.set(el, window.__a11yNext++);
  const label = el.closest('label') || el.labels?.[0] || null;
  const ring = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  };
  // Seen: the middle of one of its boxes (a link may wrap over two lines) shows it.
  const seen = [...el.getClientRects()].some((r) => {
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return Boolean(hit) && (hit === el || el.contains(hit) || (label !== null && label.contains(hit)));
  });
  const name = (el.getAttribute('aria-label') || label?.textContent || el.textContent || el.value || '').trim().replace(/\s+/g, ' ');
  const day = el.matches('.tl-day') ? Number((el.getAttribute('aria-label').match(/jour (\d+) sur/) || [])[1]) : null;
  return {
    body: false, id: window.__a11yIds.get(el), tag: el.tagName.toLowerCase(), type: el.type || '', radioName: el.type === 'radio' ? el.name : null,
    name: name.slice(0, 60), checked: el.checked ?? null, ring: ring(el) || ring(label), seen, day,
  };
}

/** Every element a keyboard user must be able to reach that was never focused (a radio
 *  group counts once: Tab reaches one of its radios). */
function unreached(scope) {
  const ids = window.__a11yIds ?? new WeakMap();
  const all = [...document.querySelectorAll(scope ?? 'body')].flatMap((root) => [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')])
    .filter((el) => !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden' && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'));
  const missing = [];
  const groups = new Map();
  for (const el of all) {
    if (el.type === 'radio') {
      groups.set(el.name, (groups.get(el.name) ?? false) || ids.has(el));
    } else if (!ids.has(el)) {
      missing.push(`${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 50)}`);
    }
  }
  for (const [name, reached] of groups) if (!reached) missing.push(`radio group ${name}`);
  return missing;
}

/** Presses Tab from the top of the page (or from the element `from`) until the focus
 *  leaves the document or comes back to the first element: the tab order. Fails if that
 *  never happens (a trap). */
async function tabCycle(page, max, from) {
  await page.evaluate((sel) => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
    if (sel) document.querySelector(sel).focus();
  }, from ?? null);
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(describeFocus);
    if (f.body) {
      if (stops.length) return stops;
      continue;
    }
    if (stops.length && f.id === stops[0].id) return stops;
    stops.push(f);
  }
  throw new Error(`keyboard trap: after ${max} presses of Tab the focus has not left the page (last: ${JSON.stringify(stops.at(-1))})`);
}

function expectGoodStops(stops, where) {
  expect(stops.length, `tab stops on ${where}`).toBeGreaterThan(5);
  expect(stops.filter((s) => !s.ring).map((s) => `${s.tag} ${s.name}`), `focus not visible on ${where}`).toEqual([]);
  expect(stops.filter((s) => !s.seen).map((s) => `${s.tag} ${s.name}`), `focused but hidden on ${where}`).toEqual([]);
  const bottomNav = stops.slice(-5).map((s) => s.name);
  expect(bottomNav, `the bottom navigation ends the tab order on ${where}`).toEqual(
    [fr.nav.today, fr.nav.timeline, fr.nav.directory, fr.nav.wellbeing, fr.nav.settings]);
}

test.describe('keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
  });

  test('every screen: each control reachable with Tab, the focus visible and in view, no trap', async ({ page, site }) => {
    test.setTimeout(120_000);
    await open(page, site, ONBOARDING);
    expectGoodStops(await tabCycle(page, 200), 'the onboarding');
    expect(await page.evaluate(unreached, null), 'not reachable with Tab on the onboarding').toEqual([]);
    await createProfile(page, site);
    for (const screen of SCREENS.filter((s) => s.path !== '/timeline')) {
      await open(page, site, screen);
      const stops = await tabCycle(page, 200, screen.from);
      expectGoodStops(stops, screen.path);
      expect(await page.evaluate(unreached, screen.scope ?? null), `not reachable with Tab on ${screen.path}`).toEqual([]);
    }
  });

  test('the Timeline: Tab goes through every day in order, Shift+Tab back to day 1, then out', async ({ page, site }) => {
    test.setTimeout(240_000);
    await createProfile(page, site);
    await open(page, site, SCREENS[1]);
    const stops = await tabCycle(page, 1300);
    expectGoodStops(stops, '/timeline');
    // The list shows a window of rows around today: Tab enters it at its first rendered
    // day and goes on day after day to day 1000, the rows following the focus.
    const days = stops.filter((s) => s.day !== null).map((s) => s.day);
    const first = days[0];
    expect(first).toBeLessThanOrEqual(162);
    expect(days).toEqual(Array.from({ length: 1001 - first }, (_, i) => first + i));
    expect(await page.evaluate(unreached, null)).toEqual([]);

    // Backwards from today (the "see today" button focuses it): the rows above appear as
    // the focus moves up, one day at a time, to day 1.
    await page.getByRole('button', { name: fr.timeline.jump_today }).click();
    let day = (await page.evaluate(describeFocus)).day;
    expect(day).toBe(162);
    for (let i = 0; i < 170 && day > 1; i++) {
      await page.keyboard.press('Shift+Tab');
      const f = await page.evaluate(describeFocus);
      expect(f.day, 'Shift+Tab stays in the list, one day back').toBe(day - 1);
      expect(f.ring && f.seen, `day ${f.day} focused and visible`).toBe(true);
      day = f.day;
    }
    expect(day).toBe(1);
  });

  /** Presses Tab until the focused element is the one `wanted` accepts. */
  async function tabUntil(page, wanted, what, max = 40) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(describeFocus);
      if (!f.body && wanted(f)) return f;
    }
    throw new Error(`${what} not reached with Tab`);
  }
  const tabTo = (page, name, max) => tabUntil(page, (f) => f.name === name, `"${name}"`, max);

  /** In the radio group that has the focus, moves with the arrow keys to the radio `name`. */
  async function arrowTo(page, name) {
    for (let i = 0; i < 8; i++) {
      const f = await page.evaluate(describeFocus);
      expect(f.type).toBe('radio');
      if (f.name === name) {
        if (!f.checked) await page.keyboard.press('Space');
        expect((await page.evaluate(describeFocus)).checked).toBe(true);
        return;
      }
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`radio "${name}" not reached with the arrow keys`);
  }

  test('the onboarding and an EPDS question, with the keyboard only', async ({ page, site }) => {
    await page.goto(site.url('/'));
    await expect(page.getByRole('heading', { name: fr.today.onboarding_heading })).toBeVisible();

    // Which situation: Tab into the group, arrows to "pregnant".
    const situations = [fr.profile.situation_trying, fr.profile.situation_pregnant, fr.profile.situation_born];
    await tabUntil(page, (f) => f.type === 'radio' && situations.includes(f.name), 'the situation radios');
    await arrowTo(page, fr.profile.situation_pregnant);
    // Which date: Tab to the next group, arrows to the due date, then the date itself
    // (1 January 2027 reads the same in day/month and month/day order).
    const kinds = [fr.profile.date_kind_due, fr.profile.date_kind_last_period, fr.profile.date_kind_start];
    await tabUntil(page, (f) => f.type === 'radio' && kinds.includes(f.name), 'the date kind radios');
    await arrowTo(page, fr.profile.date_kind_due);
    await page.keyboard.press('Tab');
    expect((await page.evaluate(describeFocus)).type).toBe('date');
    await page.keyboard.type('01012027');
    await expect(page.getByLabel(fr.profile.date_label_due, { exact: true })).toHaveValue('2027-01-01');
    await tabTo(page, fr.profile.save);
    await page.keyboard.press('Enter');
    await expect(page.locator('.summary-day')).toBeVisible();
    const family = JSON.parse((await storedData(page))['cocon.family']);
    expect(family.profiles[0].status.date).toEqual({ kind: 'due_date', date: '2027-01-01' });

    // The EPDS: from the bottom navigation to the first question, then one answer.
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo(page, fr.nav.wellbeing, 80);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.wellbeing.title);
    await tabTo(page, fr.wellbeing.epds.start);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.wellbeing.check.title);
    const who = [fr.wellbeing.check.who_mother, fr.wellbeing.check.who_second_parent];
    await tabUntil(page, (f) => f.type === 'radio' && who.includes(f.name), 'who answers');
    await arrowTo(page, fr.wellbeing.check.who_second_parent);
    await page.keyboard.press('Tab');
    await arrowTo(page, fr.wellbeing.check.when_pregnancy);
    await tabTo(page, fr.wellbeing.check.start);
    await page.keyboard.press('Enter');
    const progress = (n) => fr.wellbeing.check.progress.replace('{n}', n).replace('{total}', 10);
    await expect(page.getByText(progress(1))).toBeVisible();
    // The question's heading takes the focus (in the next frame); Tab reaches its answers.
    await expect.poll(() => page.evaluate(() => /^H[1-3]$/.test(document.activeElement?.tagName ?? ''))).toBe(true);
    await page.keyboard.press('Tab');
    const answer = await page.evaluate(describeFocus);
    expect(answer.type).toBe('radio');
    expect(answer.ring && answer.seen, 'the answer shows its focus').toBe(true);
    await page.keyboard.press('ArrowDown');
    expect((await page.evaluate(describeFocus)).checked).toBe(true);
    await tabTo(page, fr.wellbeing.check.next);
    await page.keyboard.press('Enter');
    await expect(page.getByText(progress(2))).toBeVisible();
  });
});

// ---- 200 % text ----

/** Elements whose text is cut or spills: the page scrolls sideways, an element sticks out
 *  of the screen, or a box has wider content than itself (hidden or overflowing). Hidden
 *  texts for screen readers (1 px boxes), scrolling boxes and decorations marked
 *  aria-hidden do not count. */
function clipped() {
  const out = [];
  const vw = window.innerWidth;
  const doc = document.scrollingElement;
  if (doc.scrollWidth > vw) out.push(`the page is ${doc.scrollWidth}px wide for a ${vw}px screen`);
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility() || el.closest('[aria-hidden="true"]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue;
    const s = getComputedStyle(el);
    const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent || '').trim().slice(0, 40)}"`;
    if (r.right > vw + 1 || r.left < -1) out.push(`${name} is outside the screen (${Math.round(r.left)} to ${Math.round(r.right)})`);
    const hides = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
    const scrolls = ['auto', 'scroll'].includes(s.overflowX);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 2 && !scrolls && (el.textContent || '').trim()) {
      out.push(`${name} ${hides ? 'cuts its text' : 'overflows its box'} (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  return out;
}

test.describe('text at 200 %', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    // The browser's default text size doubled, as a parent's setting does (it also
    // scales the em of media queries, unlike a root font size set by a style).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  });

  test('no screen scrolls sideways or cuts text', async ({ page, site }) => {
    await open(page, site, ONBOARDING);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    expect(await page.evaluate(clipped), 'onboarding').toEqual([]);
    expect(await page.evaluate(() => matchMedia('(max-width: 21em)').matches), 'the narrow layouts apply').toBe(true);
    await createProfile(page, site);
    for (const screen of SCREENS) {
      await open(page, site, screen);
      expect(await page.evaluate(clipped), screen.path).toEqual([]);
    }
  });
});

// ---- dark mode ----

test.describe('dark mode', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.emulateMedia({ colorScheme: 'dark' });
  });

  test('every screen passes axe, colour contrast included', async ({ page, site }) => {
    test.setTimeout(120_000);
    const check = async (where) => {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([]);
      expect(result.passes.map((p) => p.id), `colour contrast checked on ${where}`).toContain('color-contrast');
    };
    await open(page, site, ONBOARDING);
    await check('the onboarding');
    await createProfile(page, site);
    for (const screen of SCREENS) {
      await open(page, site, screen);
      await check(screen.path);
    }
    // A directory entry, and an EPDS question with an answer chosen.
    await open(page, site, SCREENS[4]);
    await page.locator('.dir-results a').first().click();
    await expect(page.locator('.dir-entry-name')).toBeVisible();
    await check('a directory entry');
    await open(page, site, SCREENS[6]);
    await page.getByRole('radio', { name: fr.wellbeing.check.who_mother }).check();
    await page.getByRole('radio', { name: fr.wellbeing.check.when_postpartum }).check();
    await page.getByRole('button', { name: fr.wellbeing.check.start, exact: true }).click();
    await page.locator('.wb-item input[type="radio"]').first().check();
    await check('an EPDS question');
  });
});

// ---- reduced motion ----

test.describe('reduced motion', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  /** Every element that would animate, transition or scroll smoothly. */
  function moving() {
    const seconds = (list) => Math.max(...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t))));
    const out = [];
    for (const el of [document.documentElement, ...document.body.querySelectorAll('*')]) {
      const s = getComputedStyle(el);
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      if (s.animationName !== 'none' && seconds(s.animationDuration) > 0.001) out.push(`${name} animates (${s.animationDuration})`);
      if (seconds(s.transitionDuration) > 0.001 && s.transitionProperty !== 'none') out.push(`${name} transitions (${s.transitionDuration})`);
      if (s.scrollBehavior !== 'auto') out.push(`${name} scrolls ${s.scrollBehavior}`);
    }
    return out;
  }

  test('nothing animates, and "see today" jumps without a smooth scroll', async ({ page, site }) => {
    await createProfile(page, site);
    for (const screen of SCREENS) {
      await open(page, site, screen);
      expect(await page.evaluate(moving), screen.path).toEqual([]);
    }
    // Scroll the Timeline away from today, then "see today": the list is there at once.
    await open(page, site, SCREENS[1]);
    const list = page.locator('.tl-list');
    const todayTop = await list.evaluate((el) => el.scrollTop);
    expect(todayTop).toBeGreaterThan(0);
    await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(page.locator('.tl-day[aria-current="date"]')).toHaveCount(0);
    const jumped = await page.getByRole('button', { name: fr.timeline.jump_today }).evaluate((button) => {
      const el = document.querySelector('.tl-list');
      button.click();
      return el.scrollTop; // read in the same task as the click: a smooth scroll would not have moved yet
    });
    expect(Math.abs(jumped - todayTop)).toBeLessThanOrEqual(1);
    await expect(page.locator('.tl-day[aria-current="date"]')).toBeFocused();
  });
});
