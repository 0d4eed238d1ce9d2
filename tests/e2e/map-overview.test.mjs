// The map of states and the time overview, as a newcomer meets them: clicks,
// keys, drags; and the data's notes and related events in the details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, afterRender, shownCount, waitLoaded, DATA } from './harness.mjs';

const MEMBERS = new Set(DATA.countries.filter((c) => c.status === 'member').map((c) => c.code));
const matches = (e, set) => e.countries.some((c) => set.has(c)) || (e.scope === 'organisation' && [...set].some((c) => MEMBERS.has(c)));
const BIG = execFileSync('cargo', ['run', '-q', '-p', 'timeline-core', '--bin', 'synth', '--', '100000', '7'], { maxBuffer: 1 << 28 }).toString();
const OTHER = JSON.stringify({ countries: [{ code: 'SE', name: 'Sweden' }, { code: 'RU', name: 'Russia' }], events: [
  { id: 'se-1', kind: 'incident', title: 'Stockholm', date: '2010-12-11', countries: ['SE'], summary: 'x', source: { document: 'd', section: 's' } },
  { id: 'ru-1', kind: 'incident', title: 'Moscow', date: '2011-01', countries: ['RU'], summary: 'x', source: { document: 'd', section: 's' } },
] });

let server, browser;
before(async () => {
  server = await serve(undefined, { '/fixtures/big.json': BIG, '/fixtures/other.json': OTHER });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A point on the page inside the state's shape and not covered by another one (a real click target). */
async function pointIn(page, code) {
  return page.evaluate((code) => {
    const p = document.querySelector(`path[data-map-country=${code}]`);
    p.scrollIntoView({ block: 'center' });
    const r = p.getBoundingClientRect();
    for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
      const x = r.left + (r.width * i) / 20, y = r.top + (r.height * j) / 20;
      if (document.elementFromPoint(x, y) === p) return { x, y };
    }
    return null;
  }, code);
}

test("a click on a state's shape does exactly what its chip does, and again leaves", async () => {
  const page = await open(browser, server.url);
  const codes = await page.$$eval('path[data-map-country]', (els) => els.map((e) => e.dataset.mapCountry));
  assert.deepEqual([...codes].sort(), DATA.countries.map((c) => c.code).sort(), 'every state of the data is on the map');
  for (const code of codes) {
    const want = DATA.events.filter((e) => matches(e, new Set([code])));
    const at = await pointIn(page, code);
    assert.ok(at, `${code} can be clicked`);
    // Hover shows its name and count.
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction((c) => document.querySelector('[data-testid=map-caption]').textContent.includes(`: ${c} event`), want.length);
    await afterRender(page, () => page.mouse.click(at.x, at.y));
    assert.equal(await shownCount(page), want.length, code);
    assert.equal(await page.getAttribute(`[data-country=${code}]`, 'aria-pressed'), 'true', `${code} chip follows`);
    assert.equal(await page.getAttribute(`path[data-map-country=${code}]`, 'aria-pressed'), 'true');
    assert.match(page.url(), new RegExp(`[?&]c=${code}(&|$)`));
    await afterRender(page, () => page.mouse.click(at.x, at.y));
    assert.equal(await shownCount(page), DATA.events.length);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the map works from the keyboard, shades follow the other filters, and the legend explains them', async () => {
  const page = await open(browser, `${server.url}?k=incident`);
  await page.focus('path[data-map-country=TJ]');
  const want = DATA.events.filter((e) => e.kind === 'incident' && matches(e, new Set(['TJ'])));
  assert.match(await page.textContent('[data-testid=map-caption]'), new RegExp(`Tajikistan: ${want.length} event`));
  await afterRender(page, () => page.keyboard.press('Enter'));
  assert.equal(await shownCount(page), want.length);
  await afterRender(page, () => page.keyboard.press('Space'));
  assert.equal(await shownCount(page), DATA.events.filter((e) => e.kind === 'incident').length);
  // The map is one Tab stop: arrows go from state to state, the focused one is the stop.
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.dataset.mapCountry);
  assert.ok(next && next !== 'TJ', next);
  assert.equal(await page.getAttribute(`path[data-map-country=${next}]`, 'tabindex'), '0');
  assert.equal(await page.locator('path[data-map-country][tabindex="0"]').count(), 1);
  // No incident names Mongolia: it is in the "0" shade; Russia, with the most attacks, in the darkest.
  assert.match(await page.getAttribute('path[data-map-country=MN]', 'class'), /shade-0/);
  assert.match(await page.getAttribute('path[data-map-country=RU]', 'class'), /shade-5/);
  assert.match(await page.textContent('.map-legend'), /Events.*0/);
  assert.match(await page.textContent('.map-attribution'), /Natural Earth/);
  await page.close();
});

test('a dataset naming states without an outline lists them beside the map, and they filter too', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/other.json`);
  await waitLoaded(page);
  assert.deepEqual(await page.$$eval('path[data-map-country]', (els) => els.map((e) => e.dataset.mapCountry)), ['RU']);
  await afterRender(page, () => page.click('.map-unshaped [data-map-country=SE]'));
  assert.equal(await shownCount(page), 1);
  assert.equal(await page.getAttribute('[data-country=SE]', 'aria-pressed'), 'true');
  await page.close();
});

/** The brush's pixels in the overview strip, and the strip's box on the page. */
async function brush(page) {
  const x0 = Number(await page.getAttribute('[data-testid=brush]', 'data-brush-x0'));
  const x1 = Number(await page.getAttribute('[data-testid=brush]', 'data-brush-x1'));
  const box = await page.locator('.overview-strip').boundingBox();
  return { x0, x1, box };
}
const windowOf = (page) => new URL(page.url()).searchParams.get('w');

test('the overview: drag the brush to pan, an edge to resize, click to centre; keys; in step with the wheel', async () => {
  const page = await open(browser, `${server.url}?w=2004-01-01~2005-01-01`);
  let b = await brush(page);
  assert.ok(b.x1 - b.x0 > 20 && b.x1 - b.x0 < b.box.width / 4, JSON.stringify(b));
  const y = b.box.y + b.box.height / 2;
  // Drag the body 80 px right: the window moves later by the same share of the span, the width stays.
  await afterRender(page, async () => {
    await page.mouse.move(b.box.x + (b.x0 + b.x1) / 2, y);
    await page.mouse.down();
    await page.mouse.move(b.box.x + (b.x0 + b.x1) / 2 + 40, y, { steps: 4 });
    await page.mouse.move(b.box.x + (b.x0 + b.x1) / 2 + 80, y, { steps: 4 });
    await page.mouse.up();
  });
  const moved = windowOf(page);
  assert.notEqual(moved, '2004-01-01~2005-01-01');
  const [s, e] = moved.split('~').map((d) => new Date(d));
  // 80 px of the strip are that share of the whole span (the strip shows the fitted span).
  const spanDays = (new Date('2012-11-01') - new Date('2000-11-29')) / 864e5;
  const wantDays = (80 / b.box.width) * spanDays;
  assert.ok(Math.abs((s - new Date('2004-01-01')) / 864e5 - wantDays) < 0.05 * wantDays, `${moved}: ~${wantDays.toFixed(0)} days later`);
  assert.ok(Math.abs((e - s) / 864e5 - 366) <= 2, `width kept: ${moved}`);
  let after = await brush(page);
  assert.ok(Math.abs(after.x0 - (b.x0 + 80)) <= 2, `brush followed: ${after.x0} vs ${b.x0 + 80}`);
  // Drag the right edge 60 px right: the start stays, the end moves. (The chart's
  // height follows the lanes in view, so the strip may have moved: measure again.)
  b = after;
  const y2 = b.box.y + b.box.height / 2;
  await afterRender(page, async () => {
    await page.mouse.move(b.box.x + b.x1, y2);
    await page.mouse.down();
    await page.mouse.move(b.box.x + b.x1 + 60, y2, { steps: 5 });
    await page.mouse.up();
  });
  const [s2, e2] = windowOf(page).split('~').map((d) => new Date(d));
  assert.equal(s2.getTime(), s.getTime(), 'start unchanged');
  assert.ok(e2 > e, 'end later');
  // A click elsewhere centres the window there.
  b = await brush(page);
  await afterRender(page, () => page.mouse.click(b.box.x + 10, b.box.y + b.box.height / 2));
  after = await brush(page);
  assert.ok(after.x0 <= 2, `centred at the left end: ${after.x0}`);
  // Keyboard: the brush is a slider; → moves it, 0 shows all.
  await page.focus('[data-testid=brush]');
  const before = windowOf(page);
  await afterRender(page, () => page.keyboard.press('ArrowRight'));
  assert.notEqual(windowOf(page), before);
  assert.match(await page.getAttribute('[data-testid=brush]', 'aria-valuetext'), /^Visible: /);
  // In step with the chart: a wheel turn with Ctrl over the chart zooms, and the brush follows.
  b = await brush(page);
  const chart = await page.locator('[data-testid=chart]').boundingBox();
  await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
  await page.keyboard.down('Control');
  await afterRender(page, () => page.mouse.wheel(0, 400));
  await page.keyboard.up('Control');
  after = await brush(page);
  assert.ok(after.x1 - after.x0 > b.x1 - b.x0, `wider after zooming out: ${JSON.stringify([b, after])}`);
  await page.focus('[data-testid=brush]');
  await afterRender(page, () => page.keyboard.press('0'));
  assert.equal(windowOf(page), null, 'fit all');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('at 100,000 events the overview draws aggregated bins, not an element per event', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/big.json&w=2005-01-01~2006-01-01`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 100000);
  const els = await page.evaluate(() => document.querySelectorAll('.overview svg *').length);
  assert.ok(els < 40, `${els} elements`);
  const d = await page.getAttribute('.overview-bars', 'd');
  assert.ok(d.length > 100, 'bars drawn');
  // A click beside the brush centres the window there (the strip scrolled into view:
  // dense lanes keep room for all their rows, so the chart is taller than the window).
  await page.locator('.overview-strip').scrollIntoViewIfNeeded();
  const b = await brush(page);
  await afterRender(page, () => page.mouse.click(b.box.x + b.box.width * 0.9, b.box.y + b.box.height / 2));
  assert.notEqual(windowOf(page), '2005-01-01~2006-01-01');
  await page.close();
});

test('the details show notes and related events as links, both ways', async () => {
  const page = await open(browser, `${server.url}?e=statement-nazran-2009`);
  await page.waitForSelector('[data-testid=details] [data-field=note]');
  assert.match(await page.textContent('[data-testid=details] [data-field=note]'), /Ingushetia/);
  assert.match(await page.textContent('[data-testid=details] .quote-in'), /original text/);
  await afterRender(page, () => page.click('[data-testid=details] [data-related=ingushetia-attack-2009]'));
  assert.match(page.url(), /[?&]e=ingushetia-attack-2009/);
  assert.match(await page.textContent('[data-testid=details] h2'), /Attack in Ingushetia/);
  await page.waitForSelector('[data-testid=details] [data-related=statement-nazran-2009]');
  // A reconstructed value says so, and a quote found only in the reading copy says that.
  const conv = await open(browser, `${server.url}?e=shanghai-convention-2001`);
  assert.match(await conv.textContent('[data-testid=details] [data-field=note]'), /reconstructed/);
  assert.match(await conv.textContent('[data-testid=details] .quote-in'), /reading copy/);
  // Notes are searchable.
  await conv.close();
  const search = await open(browser, `${server.url}?q=reconstructed`);
  assert.equal(await shownCount(search), DATA.events.filter((e) => (e.note ?? '').includes('reconstructed')).length);
  await search.close();
  // Choosing Afghanistan shows the conference that concerns it.
  const af = await open(browser, `${server.url}?c=AF`);
  assert.ok(await af.locator('.chart [data-event-id="declaration-afghanistan-conference-2009"]').count() === 1);
  await af.close();
  await page.close();
});
