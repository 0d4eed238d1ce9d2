// Other datasets: ?data=<url>, a local .csv, a 10,000-event synthetic one, failures and bad entries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, afterRender, shownCount, waitLoaded } from './harness.mjs';

// The repo's generator (crates/timeline-core/src/synth.rs): deterministic for a seed.
const SYNTH = execFileSync('cargo', ['run', '-q', '-p', 'timeline-core', '--bin', 'synth', '--', '10000', '42'], { maxBuffer: 1 << 28 }).toString();
const SYN = JSON.parse(SYNTH);
const BIG = execFileSync('cargo', ['run', '-q', '-p', 'timeline-core', '--bin', 'synth', '--', '100000', '7'], { maxBuffer: 1 << 28 }).toString();
const CSV = [
  'id,kind,title,date,end,countries,places,killed,wounded,summary,source_document,source_section',
  'a-1,incident,Attack in Stockholm,2010-12-11,,SE,Stockholm,1,2,A bombing.,mine,Row 1',
  'b-2,exercise,Joint drill,2011-05-05,2011-05-08,SE;US,"Gotland; Baltic Sea",,,A drill.,mine,Row 2',
  'c-3,statement,Statement,2011-06,,US,,,,A statement.,mine,Row 3',
].join('\n');
const BAD = JSON.stringify({ categories: ['incident', 'exercise', 'statement', 'document', 'milestone'], countries: [{ code: 'RU', name: 'Russia', status: 'member' }], events: [
  { id: 'ok-1', kind: 'incident', title: 'Fine', date: '2004', countries: ['RU'], summary: 'x', source: { document: 'd', section: 's' } },
  { id: 'bad-kind', kind: 'riot', title: 'T', date: '2004', countries: ['RU'], summary: 'x', source: { document: 'd', section: 's' } },
  { id: 'bad-date', kind: 'incident', title: 'T', date: 'soon', countries: ['RU'], summary: 'x', source: { document: 'd', section: 's' } },
] });

let server, browser;
before(async () => {
  server = await serve(undefined, { '/fixtures/big.json': BIG, '/fixtures/synth.json': SYNTH, '/fixtures/bad.json': BAD, '/fixtures/not-json.json': '<nope>', '/fixtures/page.json': '<html>nope</html>' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a 10,000-event dataset from ?data= loads and filters to exactly the right set', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/synth.json`);
  await waitLoaded(page);
  assert.equal(await page.getAttribute('html', 'data-source'), '/fixtures/synth.json');
  assert.equal(await shownCount(page), 10000);
  const members = new Set(SYN.countries.filter((c) => c.status === 'member').map((c) => c.code));
  await afterRender(page, () => page.click('[data-country=KZ]'));
  const want = SYN.events.filter((e) => e.countries.includes('KZ') || (e.scope === 'organisation' && members.has('KZ')));
  assert.equal(await shownCount(page), want.length);
  // Kind counts under that filter.
  assert.equal(await page.textContent('[data-kind=exercise] .count'), String(want.filter((e) => e.kind === 'exercise').length));
  // The DOM stays small: marks and clusters, not 10,000 nodes.
  const nodes = await page.evaluate(() => document.querySelectorAll('.chart [data-event-id], .chart [data-cluster-size]').length);
  assert.ok(nodes < 2000, `${nodes} drawn elements`);
  // The list view is virtualised: few rows in the DOM, and scrolling reaches the last one.
  await afterRender(page, () => page.click('[data-action=view-list]'));
  assert.match(await page.textContent('[data-testid=list] caption'), new RegExp(`^${want.length.toLocaleString("en-US")} events`));
  const rows = await page.$$eval('[data-testid=list] tbody tr[data-event-id]', (r) => r.length);
  assert.ok(rows > 10 && rows < 200, `${rows} rows in the DOM`);
  await afterRender(page, () => page.$eval('[data-testid=list]', (el) => { el.scrollTop = el.scrollHeight; }));
  // The last row (header is row 1) is now in the DOM.
  await page.waitForSelector(`[data-testid=list] tr[aria-rowindex="${want.length + 1}"]`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a deep link into a ?data= dataset keeps its event, countries and window', async () => {
  const e = SYN.events.find((x) => x.countries.includes('MN') && x.kind === 'incident');
  const page = await open(browser, `${server.url}?data=/fixtures/synth.json&c=MN&e=${e.id}&w=2004-01-01~2006-01-01`);
  await waitLoaded(page);
  assert.equal(await page.getAttribute('[data-country=MN]', 'aria-pressed'), 'true');
  assert.equal(await shownCount(page), SYN.events.filter((x) => x.countries.includes('MN')).length);
  assert.equal(new URL(page.url()).searchParams.get('e'), e.id);
  assert.equal(new URL(page.url()).searchParams.get('w'), '2004-01-01~2006-01-01');
  assert.equal(await page.locator('.notice').count(), 0, 'nothing reported as not understood');
  await page.close();
  // If the linked dataset fails, the link is checked against the built-in one (and the unknown event reported).
  const failed = await open(browser, `${server.url}?data=/fixtures/missing.json&c=KZ&e=${e.id}`);
  await waitLoaded(failed);
  assert.equal(await failed.getAttribute('[data-country=KZ]', 'aria-pressed'), 'true');
  await failed.waitForSelector(`.notice:has-text("e=${e.id}")`);
  await failed.close();
});

test('a local .csv loads with its own countries', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('[data-action=open-file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'mine.csv');
  assert.equal(await shownCount(page), 3);
  const chips = await page.$$eval('[data-country]', (els) => els.map((e) => e.dataset.country));
  assert.deepEqual(chips, ['SE', 'US']);
  assert.match(await page.textContent('[data-country=SE]'), /Sweden\s*2/);
  await page.click('.chart [data-event-id="a-1"]');
  assert.equal(await page.textContent('[data-testid=details] [data-field=casualties]'), '1 killed, 2 wounded');
  await page.close();
});

test('a dataset URL that fails says so and the built-in dataset stays usable', async () => {
  for (const [url, why] of [['/fixtures/missing.json', /404/], ['/fixtures/not-json.json', /not valid JSON at line 1, column 1/],
    // A link to a page (a server's error page, GitHub's page of a file) rather than the file.
    ['/fixtures/page.json', /this is a web page \(HTML\), not a timeline: link to the data file itself/]]) {
    const page = await open(browser, `${server.url}?data=${url}`);
    await waitLoaded(page);
    assert.equal(await page.getAttribute('html', 'data-load'), 'failed');
    assert.match(await page.textContent('[data-testid=load-status]'), why);
    assert.equal(await shownCount(page), 65);
    await afterRender(page, () => page.click('[data-country=RU]'));
    assert.ok((await shownCount(page)) < 65);
    await page.close();
  }
});

test('a network error and a server that never answers are reported too', async () => {
  // Nothing listens on port 9 here: the connection is refused.
  const page = await open(browser, `${server.url}?data=${encodeURIComponent('http://127.0.0.1:9/data.json')}`);
  await waitLoaded(page);
  assert.match(await page.textContent('[data-testid=load-status]'), /network error/);
  assert.equal(await shownCount(page), 65);
  await page.close();
  // A server that accepts the request and never answers: the app gives up after its timeout (20 s).
  const silent = http.createServer(() => {});
  await new Promise((ok) => silent.listen(0, '127.0.0.1', ok));
  const slow = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await slow.goto(`${server.url}?data=${encodeURIComponent(`http://127.0.0.1:${silent.address().port}/slow.json`)}`);
  // Meanwhile the built-in data is not drawn: a line says what is loading.
  assert.match(await (await slow.waitForSelector('[data-testid=chart-placeholder]')).textContent(), /Loading the linked dataset/);
  assert.equal(await slow.locator('.chart [data-event-id]').count(), 0);
  assert.equal(await slow.locator('[data-testid=summary]').count(), 0, 'no "Showing 65 of 65" for data not yet there');
  await slow.waitForFunction(() => document.documentElement.dataset.load === 'failed', null, { timeout: 40000 });
  await slow.waitForSelector('html[data-ready="true"]');
  assert.match(await slow.textContent('[data-testid=load-status]'), /no answer within 20 s/);
  assert.equal(await shownCount(slow), 65);
  await slow.close();
  silent.closeAllConnections?.();
  await new Promise((ok) => silent.close(ok));
});

test('bad entries are listed in the data problems panel and the valid ones show', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/bad.json`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 1);
  await page.click('[data-testid=problems] summary');
  const items = await page.$$eval('[data-testid=problems] li', (li) => li.map((l) => l.textContent));
  assert.deepEqual(items, [
    'entry 1 (bad-kind), field `kind`: "riot" is not one of incident, exercise, statement, document, milestone',
    'entry 2 (bad-date), field `date`: "soon" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
  ]);
  await page.close();
});

test('a large dataset (100,000 events, 25 MB) loads with progress while the page keeps painting', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Count animation frames and progress reports while the dataset is being read.
  await page.addInitScript(() => {
    window.__frames = 0; window.__progress = new Set();
    const tick = () => {
      const root = document.documentElement;
      if (root.dataset.load === 'loading') window.__frames++;
      const p = document.querySelector('[data-testid=load-progress]');
      if (p) window.__progress.add(p.getAttribute('value'));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${server.url}?data=/fixtures/big.json`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 100000);
  const progress = await page.evaluate(() => window.__progress.size);
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(progress >= 5, `progress was shown at ${progress} steps`);
  assert.ok(frames >= 5, `${frames} frames painted while loading`);
  await page.close();
});

test('when the second module cannot be had, opening a file says why and the built-in dataset stays', async () => {
  // A server whose worker module is not wasm (a broken deploy, a proxy's error page).
  const broken = await serve(undefined, { '/sco-worker_bg.wasm': '<html>gateway error</html>' });
  try {
    const page = await open(browser, broken.url);
    await page.setInputFiles('[data-action=open-file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.waitForFunction(() => document.documentElement.dataset.load === 'failed');
    assert.match(await page.textContent('[data-testid=load-status]'), /^Could not read mine\.csv: the timeline's second module \(sco-worker_bg\.wasm\) could not be loaded \(.+\)\. Still showing the built-in dataset\.$/);
    assert.equal(await shownCount(page), 65);
    await afterRender(page, () => page.click('[data-country=RU]'));
    assert.ok((await shownCount(page)) < 65);
    await page.close();
  } finally {
    await broken.close();
  }
});
