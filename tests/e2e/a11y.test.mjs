// Accessibility as auditors check it: axe-core (pinned in package.json) on every
// view, with the app's strict CSP kept — axe is evaluated by the test driver
// (DevTools protocol), not added to the page as a script the CSP would refuse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, afterRender, waitLoaded, press, DATA, statsInView, axeViolations } from './harness.mjs';

const FIX = path.resolve('crates/timeline-core/tests/fixtures/import');

// 10,000 events from the repo's generator (crates/timeline-core/src/synth.rs), deterministic for a seed.
const SYNTH = execFileSync('cargo', ['run', '-q', '-p', 'timeline-core', '--bin', 'synth', '--', '10000', '42'], { maxBuffer: 1 << 28 }).toString();
const SYN = JSON.parse(SYNTH);

let server, browser;
before(async () => {
  server = await serve(undefined, { '/fixtures/table.csv': fs.readFileSync(path.join(FIX, 'table.csv'), 'utf8'), '/fixtures/synth.json': SYNTH });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const THEMES = ['light', 'dark', 'contrast'];
/** Every view a user meets: [name, query, viewport, what to do after load]. */
const VIEWS = [
  ['home', '', null],
  ['list', 'v=list', null],
  ['an open event', 'e=beslan-2004', null],
  ['lanes by country', 'g=country', null],
  ['dark', 'theme=dark', null],
  ['contrast', 'theme=contrast', null],
  ['dark, an open event, lanes by country', 'theme=dark&g=country&e=beslan-2004', null],
  ['phone', '', { width: 390, height: 844 }],
  ['phone, dark, an open event', 'theme=dark&e=beslan-2004', { width: 390, height: 844 }],
  ['embed dialog', '', null, async (p) => { await p.click('[data-action=embed]'); await p.waitForSelector('[role=dialog]'); }],
  ['import mapping step', 'data=/fixtures/table.csv', null, async (p) => {
    await waitLoaded(p); await p.click('[data-testid=column-mapping] summary');
  }],
  ['the outline, open two levels down', '', null, async (p) => {
    await p.click('[data-testid=outline] summary');
    await p.focus('[role=tree] [tabindex="0"]');
    for (const k of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await p.keyboard.press(k);
    await p.waitForSelector('[role=treeitem][aria-level="3"]');
  }],
  ['presenting', '', null, async (p) => { await p.click('[data-action=present]'); await p.waitForSelector('[data-testid=presenter-progress]'); }],
  ...THEMES.flatMap((t) => [
    [`embed, ${t}`, `embed=1&theme=${t}&e=beslan-2004`, { width: 960, height: 540 }],
    [`presenter embed, ${t}`, `embed=1&present=1&theme=${t}`, { width: 1280, height: 720 }],
    [`presenter embed on a phone, ${t}`, `embed=1&present=1&theme=${t}`, { width: 390, height: 700 }],
    [`embed with full details, ${t}`, `embed=1&theme=${t}&e=beslan-2004`, { width: 960, height: 540 },
      async (p) => { await p.click('[data-action=caption-full]'); await p.waitForSelector('[data-testid=details]'); }],
  ]),
];

for (const [name, query, viewport, then] of VIEWS) {
  test(`axe: ${name} has no violations`, async () => {
    const page = await open(browser, `${server.url}?${query}`, viewport ?? undefined);
    if (then) await then(page);
    // The map and the statistics draw after the chart: wait for them where they show.
    await page.waitForFunction(() => !document.querySelector('.stats') || document.querySelector('.stats canvas, .stats svg'));
    const v = await axeViolations(page);
    assert.deepEqual(v, [], `${name}:\n${v.join('\n')}`);
    await page.close();
  });
}

/** The operating system's settings as visitors have them (the default theme=system follows
 *  them): each view under each, axe finds nothing. */
const OS_SETTINGS = [
  ['a dark OS', { colorScheme: 'dark' }],
  ['forced colours', { forcedColors: 'active' }],
  ['reduced motion', { reducedMotion: 'reduce' }],
];
const OS_VIEWS = [
  ['home', ''],
  ['pressed chips and lanes by country', 'c=RU,KZ&g=country'],
  ['list, an open event', 'v=list&e=beslan-2004'],
  ['an open event', 'e=statement-minsk-metro-2011'],
  ['phone', '', { width: 390, height: 844 }],
  ['presenting', '', null, async (p) => { await p.click('[data-action=present]'); await p.waitForSelector('[data-testid=presenter-progress]'); }],
];
for (const [os, media] of OS_SETTINGS) {
  test(`axe: with ${os}, every view has no violations`, async () => {
    const found = [];
    for (const [name, query, viewport, then] of OS_VIEWS) {
      const page = await browser.newPage({ viewport: viewport ?? { width: 1280, height: 720 } });
      await page.emulateMedia(media);
      await page.goto(`${server.url}?${query}`);
      await page.waitForSelector('html[data-ready="true"]');
      if (then) await then(page);
      await page.waitForFunction(() => !document.querySelector('.stats') || document.querySelector('.stats canvas, .stats svg'));
      found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
      await page.close();
    }
    assert.deepEqual(found, [], `${os}:\n${found.join('\n')}`);
  });
}

/** What has focus: an event's id and lane, or the element's tag. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a?.dataset?.eventId ? { id: a.dataset.eventId, lane: Number(a.dataset.lane) } : { tag: a?.tagName ?? null };
});

/** Every Tab stop of the page, in order (at most `max`). */
async function tabStops(page, max = 400) {
  await page.evaluate(() => document.activeElement?.blur());
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      return { inMap: !!a.closest('.map-svg'), inChart: !!a.closest('[data-testid=chart]'), inStats: !!a.closest('[data-testid=stats] .hit-layer'), what: a.dataset?.eventId ?? a.tagName };
    });
    if (!s) break; // past the last stop: the page's body
    stops.push(s);
  }
  return stops;
}

test('the chart is one Tab stop, and arrows walk its events', async () => {
  const page = await open(browser, server.url);
  // The statistics' bars are buttons once their pictures are drawn (near the window, in the worker):
  // wait for that state, then tab from the top (the walk raced the drawing on a busy machine).
  await statsInView(page);
  await page.waitForFunction(() => document.querySelectorAll('.stat-chart .hit[tabindex="0"]').length === 3);
  await page.evaluate(() => window.scrollTo(0, 0));
  const stops = await tabStops(page);
  const inChart = stops.filter((s) => s.inChart);
  assert.equal(inChart.length, 1, `chart stops: ${JSON.stringify(inChart)}`);
  // Each statistics chart is one stop too (arrows go from bar to bar).
  assert.equal(stops.filter((s) => s.inStats).length, 3);
  // And the map (arrows go from state to state).
  assert.equal(stops.filter((s) => s.inMap).length, 1);
  console.log(`# ${stops.length} Tab stops on the page`);
  // The stop is the first event in time; Right walks its lane in time order.
  await page.focus('.chart .mark[tabindex="0"]');
  const first = await focused(page);
  const lane = DATA.events.filter((e) => e.kind === DATA.events.find((x) => x.id === first.id).kind).map((e) => e.id);
  const walked = [first.id];
  for (let i = 1; i < lane.length; i++) {
    await afterRender(page, () => page.keyboard.press('ArrowRight'));
    walked.push((await focused(page)).id);
  }
  assert.deepEqual(walked, lane, 'Right arrow: the lane\'s events in time order');
  // Down goes to another lane; Enter opens; Esc closes and gives focus back to the mark.
  await afterRender(page, () => page.keyboard.press('ArrowDown'));
  const down = await focused(page);
  assert.notEqual(down.lane, first.lane);
  await afterRender(page, () => page.keyboard.press('Enter'));
  assert.equal(await page.getAttribute('[data-testid=details]', 'role'), 'dialog');
  await afterRender(page, () => page.keyboard.press('Escape'));
  assert.deepEqual(await focused(page), down, 'focus back on the event after Esc');
  // Still one stop after moving: Tab leaves the chart, Shift+Tab comes back to the same event.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('[data-testid=chart]')), false);
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(page), down);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('focus is never lost: zooming away from the focused event, filtering it out, closing its details', async () => {
  const page = await open(browser, server.url);
  await page.focus('.chart .mark[tabindex="0"]');
  // Zoom keys zoom around the focused event: it stays drawn and focused.
  for (let i = 0; i < 4; i++) await afterRender(page, () => page.keyboard.press('+'));
  const z = await focused(page);
  assert.ok(z.id, `after zooming in: ${JSON.stringify(z)}`);
  // Shift+arrows pan it out of view: focus stays in the chart (on the event now first in view).
  for (let i = 0; i < 12; i++) await afterRender(page, () => page.keyboard.press('Shift+ArrowRight'));
  const p = await focused(page);
  assert.ok(p.id || p.tag === 'DIV', `after panning: ${JSON.stringify(p)}`);
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('[data-testid=chart]')), true);
  // A filter that hides the focused event (typed in the search box) leaves focus in the box.
  await page.focus('[data-testid=chart] .mark[tabindex="0"]');
  const before = await focused(page);
  await page.fill('input[type=search]', 'zzzz-nothing');
  await page.waitForFunction(() => document.documentElement.dataset.shownCount === '0');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
  await page.fill('input[type=search]', '');
  await page.waitForFunction((n) => document.documentElement.dataset.shownCount === String(n), DATA.events.length);
  await page.focus('[data-testid=chart]');
  assert.ok((await focused(page)).id, 'the chart gives its stop to an event again');
  assert.ok(before.id);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('among 10,000 events a given one is reached with few keys', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/synth.json`);
  await waitLoaded(page);
  const day = (d) => Date.parse(d.padEnd(10, '-01').slice(0, 10)) / 864e5;
  const byId = new Map(SYN.events.map((e) => [e.id, e]));
  // Lanes by kind, in the order of the kind filter's chips.
  const kinds = await page.$$eval('button[data-kind]', (b) => b.map((x) => x.dataset.kind));
  const target = SYN.events[6543];
  const targetLane = kinds.indexOf(target.kind);
  const laneDays = SYN.events.filter((e) => e.kind === target.kind).map((e) => day(e.date));
  const tDay = day(target.date);
  // Only clusters at this zoom: the chart itself is the stop, and focusing it puts the cursor on the first event in view.
  assert.equal(await page.locator('.chart .mark').count(), 0);
  await page.focus('[data-testid=chart]');
  await page.waitForSelector('.chart .mark[tabindex="0"]:focus');
  // A user who knows the date: lanes first, then pages of the axis's step, zooming
  // in when many events are left between, then arrows.
  let keys = 1; // the Tab into the chart
  let sameDay = 'ArrowRight';
  let zoomed = null; // the step when '+' last changed nothing (the deepest zoom)
  for (; keys < 200; keys++) {
    const f = await focused(page);
    if (f.id === target.id) break;
    const step = Number(await page.getAttribute('[data-testid=chart]', 'data-step-days'));
    const cDay = day(byId.get(f.id).date);
    const d = tDay - cDay;
    const [lo, hi] = [Math.min(cDay, tDay), Math.max(cDay, tDay)];
    const between = laneDays.filter((x) => x >= lo && x <= hi).length;
    if (d < 0) sameDay = 'ArrowLeft';
    const key = f.lane < targetLane ? 'ArrowDown' : f.lane > targetLane ? 'ArrowUp'
      : d >= step ? 'PageDown' : d <= -step ? 'PageUp'
      : between > 8 && step !== zoomed ? '+' : d > 0 ? 'ArrowRight' : d < 0 ? 'ArrowLeft' : sameDay;
    if (process.env.DEBUG_KEYS) console.log(key, f, step, d, between);
    await press(page, key);
    if (key === '+' && Number(await page.getAttribute('[data-testid=chart]', 'data-step-days')) === step) zoomed = step;
  }
  assert.equal((await focused(page)).id, target.id);
  console.log(`# reached event 6,544 of 10,000 in ${keys} keys`);
  assert.ok(keys <= 60, `${keys} keys`);
  await page.close();
});

test('the live region says the result of a filter; the summary before the chart follows it', async () => {
  const page = await open(browser, server.url);
  const live = page.locator('[data-testid=announce]');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await afterRender(page, () => page.click('[data-country=KG]'));
  const n = Number(await page.getAttribute('html', 'data-shown-count'));
  await page.waitForFunction((n) => document.querySelector('[data-testid=announce]').textContent.startsWith(`Showing ${n} of`), n);
  assert.match(await live.textContent(), new RegExp(`^Showing ${n} of ${DATA.events.length} events, \\d{4}–\\d{4}$`));
  const summary = await page.textContent('[data-testid=summary]');
  assert.match(summary, new RegExp(`^Showing ${n} of ${DATA.events.length} events, .*Busiest year: \\d{4} \\(\\d+ events?\\)\\. Most named state: Kyrgyzstan`));
  // The summary comes before the chart in reading order.
  assert.equal(await page.evaluate(() => !!(document.querySelector('[data-testid=summary]').compareDocumentPosition(document.querySelector('[data-testid=chart]')) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
  await page.close();
});

test('presenter steps are announced', async () => {
  const page = await open(browser, `${server.url}?embed=1&present=1`, { width: 1280, height: 720 });
  await page.waitForFunction(() => /^Event 1 of \d+: /.test(document.querySelector('[data-testid=announce]').textContent));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /^Event 2 of \d+: /.test(document.querySelector('[data-testid=announce]').textContent));
  await page.close();
});

test('the outline walks lanes → years → events: any of 10,000 events in few keys, Enter opens it, Esc comes back', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/synth.json`);
  await waitLoaded(page);
  await page.click('[data-testid=outline] summary');
  await page.focus('[role=tree] [tabindex="0"]');
  const target = SYN.events[6543];
  const y = Number(target.date.slice(0, 4));
  const row = () => page.evaluate(() => {
    const a = document.activeElement;
    return { level: Number(a.getAttribute('aria-level')), text: a.textContent, expanded: a.getAttribute('aria-expanded'), ref: a.dataset.eventRef ?? null };
  });
  const kinds = await page.$$eval('button[data-kind]', (b) => b.map((x) => x.dataset.kind));
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [ty, tm, td] = [y, Number(target.date.slice(5, 7) || 0), Number(target.date.slice(8, 10) || 0)];
  /** Whether a row holds the target, from what it says (a user who knows the event's kind and date). */
  const holds = (r, pos) => {
    if (r.level === 1) return kinds.indexOf(target.kind) === pos - 1;
    if (/^Events /.test(r.text)) return true; // a run of one day's events: look inside
    const year = r.text.match(/^(\d{4}),/);
    if (year) return Number(year[1]) === ty;
    const m = r.text.match(/^(?:(\d+) )?(\w+) (\d{4})/);
    return !!m && Number(m[3]) === ty && MONTHS.indexOf(m[2]) + 1 === tm && (!m[1] || Number(m[1]) === td);
  };
  let keys = 1; // the Tab into the tree
  for (; keys < 120; keys++) {
    const r = await row();
    if (r.ref === target.id) break;
    const pos = Number(await page.evaluate(() => document.activeElement.getAttribute('aria-posinset')));
    const key = r.expanded === 'false' && holds(r, pos) ? 'ArrowRight' : 'ArrowDown';
    await press(page, key);
  }
  assert.equal((await row()).ref, target.id);
  console.log(`# the outline reached event 6,544 of 10,000 in ${keys} keys`);
  assert.ok(keys <= 80, `${keys} keys`);
  await press(page, 'Enter');
  await page.waitForSelector('[data-testid=details]');
  assert.match(await page.textContent('[data-testid=details] h2'), new RegExp(target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await press(page, 'Escape');
  assert.equal((await row()).ref, target.id, 'Esc comes back to the outline row');
  await page.close();
});

test("a statistics chart is one Tab stop; arrows go from bar to bar and Enter does what a click does", async () => {
  const page = await open(browser, server.url);
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] .hit[tabindex="0"]');
  await page.focus('[data-chart=per-year] .hit[tabindex="0"]');
  const at = () => page.evaluate(() => document.activeElement.dataset.barYear);
  const first = await at();
  await press(page, 'ArrowRight');
  const second = await at();
  assert.equal(Number(second), Number(first) + 1);
  assert.equal(await page.getAttribute(`[data-chart=per-year] [data-bar-year="${second}"]`, 'tabindex'), '0');
  await press(page, 'End');
  await afterRender(page, () => page.keyboard.press('Enter'));
  assert.match(page.url(), /[?&]w=/, 'Enter zooms to the year, as a click does');
  await page.close();
});
