// The user's journeys, end to end, against the built dist/ in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, afterRender, urlSynced, shownCount, press, DATA } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MEMBERS = new Set(DATA.countries.filter((c) => c.status === 'member').map((c) => c.code));
const ALL_IDS = DATA.events.map((e) => e.id).sort();
/** The dataset's rule: an event matches a set of countries when it names one, or is SCO-wide and one is a member. */
const matchesCountries = (e, set) => e.countries.some((c) => set.has(c)) || (e.scope === 'organisation' && [...set].some((c) => MEMBERS.has(c)));

/** Ids drawn in the chart: marks, and the members of clusters. */
async function drawnIds(page) {
  return page.evaluate(() => {
    const ids = new Set([...document.querySelectorAll('.chart [data-event-id]')].map((e) => e.dataset.eventId));
    for (const c of document.querySelectorAll('.chart [data-event-ids]')) c.dataset.eventIds.split(' ').forEach((i) => ids.add(i));
    return [...ids].sort();
  });
}

test('all events are drawn on open, with no errors', async () => {
  const page = await open(browser, server.url);
  assert.equal(await shownCount(page), DATA.events.length);
  assert.deepEqual(await drawnIds(page), ALL_IDS);
  assert.match(await page.textContent('[data-testid=summary]'), new RegExp(`Showing ${DATA.events.length} of ${DATA.events.length} events, 2001–2012`));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a newcomer's first click on any state chip shows exactly that state (its events and the SCO-wide ones)", async () => {
  const page = await open(browser, server.url);
  // Nothing is pressed on a fresh page: no country filter.
  assert.deepEqual(await page.$$eval('[data-country][aria-pressed=true]', (els) => els.length), 0);
  const states = await page.$$eval('[data-country]', (els) => els.map((e) => e.dataset.country));
  assert.ok(states.length >= 6);
  for (const code of states) {
    const want = DATA.events.filter((e) => matchesCountries(e, new Set([code])));
    // The chip's count announces what its first click shows.
    assert.equal(Number(await page.textContent(`[data-country=${code}] .count`)), want.length, `${code} count`);
    await afterRender(page, () => page.click(`[data-country=${code}]`));
    assert.equal(await shownCount(page), want.length, code);
    assert.deepEqual(await drawnIds(page), want.map((e) => e.id).sort(), code);
    assert.equal(await page.getAttribute(`[data-country=${code}]`, 'aria-pressed'), 'true');
    assert.match(page.url(), new RegExp(`[?&]c=${code}(&|$)`));
    // Clicked again, it leaves the selection: everything shows, nothing is pressed.
    await afterRender(page, () => page.click(`[data-country=${code}]`));
    assert.equal(await shownCount(page), DATA.events.length, `${code} again`);
    assert.doesNotMatch(page.url(), /[?&]c=/);
  }
  await page.close();
});

test('adding, removing and clearing states; kinds are AND with them; "only" one kind', async () => {
  const page = await open(browser, server.url);
  await afterRender(page, () => page.click('[data-country=UZ]'));
  const want = DATA.events.filter((e) => matchesCountries(e, new Set(['UZ'])));
  assert.equal(await shownCount(page), want.length);
  // Kind counts follow the country filter.
  for (const kind of ['incident', 'exercise', 'statement', 'document', 'milestone']) {
    const n = want.filter((e) => e.kind === kind).length;
    assert.equal(await page.textContent(`[data-kind=${kind}] .count`), String(n), kind);
  }
  // Adding a second state is OR.
  await afterRender(page, () => page.click('[data-country=KZ]'));
  const both = DATA.events.filter((e) => matchesCountries(e, new Set(['UZ', 'KZ'])));
  assert.equal(await shownCount(page), both.length);
  assert.match(page.url(), /[?&]c=KZ,UZ/);
  // Keyboard: Space on a focused chip toggles it too (UZ leaves).
  await page.focus('[data-country=UZ]');
  await afterRender(page, () => page.keyboard.press('Space'));
  assert.equal(await shownCount(page), DATA.events.filter((e) => matchesCountries(e, new Set(['KZ']))).length);
  assert.equal(await page.getAttribute('[data-country=UZ]', 'aria-pressed'), 'false');
  await afterRender(page, () => page.click('[data-country=UZ]'));
  // A kind's first click narrows to that kind, AND with the states.
  await afterRender(page, () => page.click('[data-kind=incident]'));
  assert.equal(await shownCount(page), both.filter((e) => e.kind === 'incident').length);
  await afterRender(page, () => page.click('[data-kind=exercise]'));
  assert.equal(await shownCount(page), both.filter((e) => ['incident', 'exercise'].includes(e.kind)).length);
  // "only" makes it exactly one kind.
  await afterRender(page, () => page.click('[data-only-kind=statement]'));
  assert.equal(await shownCount(page), both.filter((e) => e.kind === 'statement').length);
  assert.match(page.url(), /[?&]k=statement(&|$)/);
  // One action clears the states.
  await afterRender(page, () => page.click('[data-action=countries-clear]'));
  assert.equal(await shownCount(page), DATA.events.filter((e) => e.kind === 'statement').length);
  assert.equal(await page.locator('[data-country][aria-pressed=true]').count(), 0);
  await afterRender(page, () => page.click('[data-action=kinds-clear]'));
  assert.equal(await shownCount(page), DATA.events.length);
  await page.close();
});

test('old links keep their meaning: c= lists the states shown, c=none shows none', async () => {
  for (const [q, set] of [['c=RU,KZ', ['RU', 'KZ']], ['c=CN', ['CN']]]) {
    const page = await open(browser, `${server.url}?${q}`);
    assert.equal(await shownCount(page), DATA.events.filter((e) => matchesCountries(e, new Set(set))).length, q);
    for (const c of set) assert.equal(await page.getAttribute(`[data-country=${c}]`, 'aria-pressed'), 'true');
    await page.close();
  }
  const none = await open(browser, `${server.url}?c=none`);
  assert.equal(await shownCount(none), 0);
  // From there, a click shows that state.
  await afterRender(none, () => none.click('[data-country=KG]'));
  assert.equal(await shownCount(none), DATA.events.filter((e) => matchesCountries(e, new Set(['KG']))).length);
  await none.close();
});

test('the Beslan popover shows casualties and source; Esc closes it and focus returns', async () => {
  const page = await open(browser, server.url);
  await page.click('.chart [data-event-id="beslan-2004"]');
  await page.waitForSelector('[data-testid=details]');
  assert.equal(await page.textContent('[data-testid=details] [data-field=casualties]'), '300 killed');
  assert.equal(await page.textContent('[data-testid=details] [data-field=date]'), 'September 2004');
  assert.match(await page.textContent('[data-testid=details] [data-field=source]'), /Zhao Xiaodong.*High Frequency of Terrorist Activities/s);
  // A new history entry is written once the browser is idle after the frame (data-url-synced).
  await urlSynced(page);
  assert.match(page.url(), /[?&]e=beslan-2004/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=details]', { state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'beslan-2004');
  await urlSynced(page);
  assert.doesNotMatch(page.url(), /e=beslan/);
  // Keyboard opens it too, and it stays inside the viewport.
  await page.keyboard.press('Enter');
  const box = await (await page.waitForSelector('[data-testid=details]')).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1280, JSON.stringify(box));
  // A click outside closes it.
  await page.click('h1');
  await page.waitForSelector('[data-testid=details]', { state: 'detached' });
  await page.close();
});

test('a deep link reproduces a state, and back/forward works', async () => {
  const page = await open(browser, `${server.url}?c=KZ&k=exercise&g=country&e=peace-mission-2010`);
  const want = DATA.events.filter((e) => e.kind === 'exercise' && matchesCountries(e, new Set(['KZ'])));
  assert.equal(await shownCount(page), want.length);
  assert.equal(await page.getAttribute('[data-country=KZ]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-country=RU]', 'aria-pressed'), 'false');
  assert.equal(await page.getAttribute('[data-action=group-country]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('[data-testid=details] h2'), /Peace Mission-2010/);
  // A new filter adds a history entry; back restores the linked state, forward the new one.
  await page.keyboard.press('Escape');
  await afterRender(page, () => page.click('[data-country=CN]'));
  const more = DATA.events.filter((e) => e.kind === 'exercise' && matchesCountries(e, new Set(['KZ', 'CN'])));
  assert.equal(await shownCount(page), more.length);
  await afterRender(page, () => page.goBack());
  await page.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n, want.length);
  assert.doesNotMatch(page.url(), /CN/);
  await afterRender(page, () => page.goForward());
  await page.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n, more.length);
  await page.close();
});

test('keyboard navigation reaches every event: each lane in time order, Down to the next lane', async () => {
  const page = await open(browser, server.url);
  assert.equal(await page.locator('.chart [data-cluster-size]').count(), 0, 'no clusters at 1280 px: every event is a mark');
  await page.focus('[data-testid=chart]');
  const seen = [];
  const start = Object.fromEntries(DATA.events.map((e) => [e.id, e.date.padEnd(10, '-01').slice(0, 10)]));
  const at = () => page.evaluate(() => ({ id: document.activeElement?.dataset?.eventId, lane: document.activeElement?.dataset?.lane }));
  for (let lane = 0; lane < 10; lane++) {
    await press(page, 'Home');
    let cur = await at();
    const ids = [cur.id];
    for (;;) {
      await press(page, 'ArrowRight');
      const next = await at();
      if (next.id === cur.id) break;
      // Time order within the lane.
      assert.ok(start[cur.id] <= start[next.id], `${cur.id} before ${next.id}`);
      ids.push(next.id);
      cur = next;
    }
    seen.push(...ids);
    await press(page, 'ArrowDown');
    if ((await at()).lane === cur.lane) break;
  }
  assert.deepEqual([...seen].sort(), ALL_IDS);
  // Each has an accessible name.
  const label = await page.getAttribute('.chart [data-event-id="beslan-2004"]', 'aria-label');
  assert.equal(label, 'Attack: Beslan, September 2004, Russia');
  await page.close();
});

test('zoom and pan by keys and buttons change the window and the URL', async () => {
  const page = await open(browser, server.url);
  await page.focus('[data-testid=chart]');
  await afterRender(page, () => page.keyboard.press('+'));
  assert.match(page.url(), /[?&]w=\d{4}-\d\d-\d\d~\d{4}-\d\d-\d\d/);
  const w1 = new URL(page.url()).searchParams.get('w');
  await afterRender(page, () => page.keyboard.press('Shift+ArrowRight'));
  const w2 = new URL(page.url()).searchParams.get('w');
  assert.notEqual(w1, w2);
  await afterRender(page, () => page.click('[data-action=fit]'));
  assert.equal(new URL(page.url()).searchParams.get('w'), null);
  await page.close();
});

test('the list view shows the same set as the chart', async () => {
  const page = await open(browser, `${server.url}?c=TJ`);
  const want = DATA.events.filter((e) => matchesCountries(e, new Set(['TJ']))).map((e) => e.id).sort();
  assert.deepEqual(await drawnIds(page), want);
  await afterRender(page, () => page.click('[data-action=view-list]'));
  const rows = await page.$$eval('[data-testid=list] tbody tr', (trs) => trs.map((t) => t.dataset.eventId).sort());
  assert.deepEqual(rows, want);
  assert.match(page.url(), /v=list/);
  await page.close();
});

test('malformed URL parameters fall back to defaults, with a notice', async () => {
  const page = await open(browser, `${server.url}?c=R&k=riots&w=banana&g=colour&v=grid&e=nope&from=April`);
  assert.equal(await shownCount(page), DATA.events.length);
  assert.equal(await page.getAttribute('[data-action=group-kind]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-action=view-chart]', 'aria-pressed'), 'true');
  assert.match(await page.textContent('.notice'), /c=R.*k=riots/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the phone layout fits 390 px', async () => {
  const page = await open(browser, server.url, { width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width} px wide`);
  assert.deepEqual(await drawnIds(page), ALL_IDS);
  await page.close();
});

test('two-finger pinch on a touch screen zooms around the fingers', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  const box = await page.locator('.chart-svg').boundingBox();
  const y = box.y + 60;
  const cdp = await ctx.newCDPSession(page);
  const touch = (type, xs) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: xs.map((x, id) => ({ x, y, id })) });
  const days = (w) => { const [a, b] = w.split('~').map((d) => Date.parse(d)); return (b - a) / 864e5; };
  await touch('touchStart', [box.x + 500, box.x + 700]);
  await afterRender(page, () => touch('touchMove', [box.x + 400, box.x + 800]));
  await touch('touchEnd', []);
  await urlSynced(page);
  const w = new URL(page.url()).searchParams.get('w');
  assert.ok(w, 'the window is in the URL after a pinch');
  // Fingers twice as far apart: about half the span (the fitted view is ~12.7 years).
  assert.ok(days(w) > 1800 && days(w) < 2800, `${days(w)} days`);
  await ctx.close();
});
