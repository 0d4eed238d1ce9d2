// What a newcomer sees at the edges: tick labels whole inside the chart at
// every width and zoom, lane names whole on a phone and at 200 % zoom, the
// country chips before the chart there (a click's result in view), no count
// pill of one event, and no busiest year made up from a tie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, afterRender, shownCount, waitLoaded, DIST } from './harness.mjs';

const event = (id, date, country) => ({ id, kind: 'incident', title: `Event ${id}`, date, countries: [country],
  summary: 'x', source: { document: 'd', section: 's' } });
const COUNTRIES = [{ code: 'RU', name: 'Russia', status: 'member' }, { code: 'CN', name: 'China', status: 'member' }, { code: 'KZ', name: 'Kazakhstan', status: 'member' }];
// Every year one event, every state named once.
const TIED = JSON.stringify({ countries: COUNTRIES, events: [event('a', '2003-02-01', 'RU'), event('b', '2005-03-01', 'CN'), event('c', '2009-04-01', 'KZ')] });
// 2005 and 2009 tied at the top, 2007 below.
const TWO = JSON.stringify({ countries: COUNTRIES, events: [event('a', '2005-02-01', 'RU'), event('b', '2005-03-01', 'CN'),
  event('c', '2007-04-01', 'RU'), event('d', '2009-04-01', 'CN'), event('e', '2009-06-01', 'KZ')] });

let server, browser;
before(async () => {
  server = await serve(undefined, { '/fixtures/tied.json': TIED, '/fixtures/two.json': TWO });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page at `viewport` (CSS px, device scale 1: 640×360 is 1280×720 at 200 % zoom), in `scheme`. */
async function page(url, viewport, scheme = 'light') {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme });
  const p = await ctx.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(String(e)));
  await p.goto(url);
  await p.waitForSelector('html[data-ready="true"]');
  p.done = () => ctx.close();
  return p;
}

/** The drawn tick labels' boxes, and the chart's SVG box. */
const axisBoxes = (p) => p.evaluate(() => {
  const svg = document.querySelector('.chart-svg').getBoundingClientRect();
  const labels = [...document.querySelectorAll('.chart .axis text')].map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent, left: r.left, right: r.right };
  }).sort((a, b) => a.left - b.left);
  return { svg: { left: svg.left, right: svg.right }, labels };
});

test('tick labels lie wholly inside the chart and never overlap, at every width and zoom', async () => {
  for (const width of [390, 640, 800, 1024, 1280, 1600, 1920]) {
    const p = await page(server.url, { width, height: 800 });
    const check = async (what) => {
      const { svg, labels } = await axisBoxes(p);
      assert.ok(labels.length > 0, `${what}: some tick label`);
      for (const l of labels) {
        assert.ok(l.left >= svg.left - 0.5 && l.right <= svg.right + 0.5, `${what}: '${l.text}' [${l.left}, ${l.right}] outside the chart [${svg.left}, ${svg.right}]`);
      }
      for (let i = 1; i < labels.length; i++) {
        assert.ok(labels[i - 1].right <= labels[i].left + 0.5, `${what}: '${labels[i - 1].text}' overlaps '${labels[i].text}'`);
      }
    };
    await check(`${width} px, all`);
    for (let z = 1; z <= 6; z++) {
      await afterRender(p, () => p.click('[data-action=zoom-in]'));
      await check(`${width} px, zoomed in ${z}×`);
    }
    // Panned to the end: the last years at the right edge.
    await afterRender(p, () => p.click('[data-action=fit]'));
    await afterRender(p, () => p.click('[data-action=zoom-in]'));
    await p.focus('.chart [tabindex="0"]');
    for (let i = 0; i < 6; i++) await afterRender(p, () => p.keyboard.press('Shift+ArrowRight'));
    await check(`${width} px, panned right`);
    assert.deepEqual(p.errors, []);
    await p.done();
  }
});

for (const [name, viewport] of [['a 390 px phone', { width: 390, height: 844 }], ['1280×720 at 200 % zoom', { width: 640, height: 360 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`${name} (${scheme}): lane names whole, the chips before the chart, a chip's result in view`, async () => {
      const p = await page(server.url, viewport, scheme);
      for (const grouping of ['group-kind', 'group-country']) {
        await afterRender(p, () => p.click(`[data-action=${grouping}]`));
        const lanes = await p.$$eval('.chart .lane-label', (els) => {
          const svg = document.querySelector('.chart-svg').getBoundingClientRect();
          return els.map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent, cut: !!t.querySelector('title') || t.textContent.endsWith('…'), inside: r.left >= svg.left && r.right <= svg.right };
          });
        });
        assert.ok(lanes.length >= 5, grouping);
        for (const l of lanes) assert.ok(!l.cut && l.inside, `${grouping}: '${l.text}' is cut`);
      }
      // The chips come before the chart, and the chart follows them closely.
      const chip = await p.$('.chips [data-country=KZ]');
      const [chipBox, chartBox] = [await chip.boundingBox(), await (await p.$('[data-testid=chart]')).boundingBox()];
      assert.ok(chipBox.y + chipBox.height <= chartBox.y, `chips before the chart: ${JSON.stringify({ chipBox, chartBox })}`);
      const before = await shownCount(p);
      await afterRender(p, () => chip.click());
      assert.ok((await shownCount(p)) < before);
      // What the click changed is in view: the chart's top lanes below the chip.
      const seen = await p.evaluate(() => {
        const r = document.querySelector('[data-testid=chart]').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, vh: innerHeight, shown: Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) };
      });
      assert.ok(seen.top < seen.vh && seen.shown >= 60, `the chart is in view after the click: ${JSON.stringify(seen)}`);
      // Nothing scrolls sideways.
      assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
      assert.deepEqual(p.errors, []);
      await p.done();
    });
  }
}

test('no count pill of one event: a bin left with one event is its mark, at every width and zoom', async () => {
  for (const width of [390, 640, 1280]) {
    const p = await page(server.url, { width, height: 900 });
    for (let z = 0; z <= 8; z++) {
      if (z) await afterRender(p, () => p.click('[data-action=zoom-in]'));
      const ones = await p.$$eval('.chart .cluster', (els) => els.filter((c) => Number(c.dataset.clusterSize) < 2).map((c) => c.dataset.eventIds));
      assert.deepEqual(ones, [], `${width} px, zoomed ${z}×`);
      // Every pill counts what it lists.
      const sizes = await p.$$eval('.chart .cluster', (els) => els.map((c) => [Number(c.dataset.clusterSize), (c.dataset.eventIds ?? '').split(' ').length]));
      for (const [n, ids] of sizes) assert.ok(n > 50 || n === ids, `${n} vs ${ids}`);
    }
    await p.done();
  }
});

test('a tie names no busiest year; the first view written at build time says what the app says', async () => {
  for (const [file, want] of [['tied', /^Showing 3 of 3 events, 2003–2009\.\s*$/], ['two', /Busiest years: 2005, 2009 \(2 events each\)\./]]) {
    const p = await page(`${server.url}?data=/fixtures/${file}.json`, { width: 1280, height: 720 });
    await waitLoaded(p);
    const summary = await p.textContent('header [data-testid=summary]');
    assert.match(summary, want);
    assert.doesNotMatch(summary, /Busiest year:/);
    await p.done();
  }
  // The built-in data: the static first view's summary is the app's.
  const html = fs.readFileSync(`${DIST}/index.html`, 'utf8');
  const boot = html.slice(html.indexOf('<div id="boot">'));
  const stat = boot.match(/<p class="summary">(.*?)<\/p>/)[1].replace(/<[^>]*>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  const p = await page(server.url, { width: 1280, height: 720 });
  const live = (await p.textContent('header [data-testid=summary]')).replace(/\s+/g, ' ').trim();
  assert.equal(live, stat);
  await p.done();
});
