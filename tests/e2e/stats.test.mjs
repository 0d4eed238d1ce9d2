// The linked statistics, exports and print, end to end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, afterRender, shownCount, DATA, statsInView } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MEMBERS = new Set(DATA.countries.filter((c) => c.status === 'member').map((c) => c.code));
const matches = (e, set) => e.countries.some((c) => set.has(c)) || (e.scope === 'organisation' && [...set].some((c) => MEMBERS.has(c)));
const tableTotal = (page) => page.$$eval('[data-testid=stats-table] [data-field=total]', (tds) => tds.reduce((s, td) => s + Number(td.textContent), 0));

test('the charts follow the filters', async () => {
  const page = await open(browser, server.url);
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] .hit');
  // The table is built when it is opened.
  assert.equal(await page.locator('[data-testid=stats-table]').count(), 0);
  await page.click('.stats-table summary');
  await page.waitForSelector('[data-testid=stats-table]');
  assert.equal(await tableTotal(page), DATA.events.length);
  // One bar (button) per year of the span.
  assert.equal(await page.locator('[data-chart=per-year] .hit').count(), 12);
  await afterRender(page, () => page.click('[data-country=UZ]'));
  const want = DATA.events.filter((e) => matches(e, new Set(['UZ'])));
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=stats-table] [data-field=total]')].reduce((s, td) => s + Number(td.textContent), 0) === n, want.length);
  // The canvases (and their bar buttons) are redrawn when the browser is idle, after the table: wait for them.
  const n2004 = want.filter((e) => e.date.startsWith('2004')).length;
  await page.waitForFunction((n) => document.querySelector('[data-chart=per-year] [data-bar-year="2004"]')?.getAttribute('aria-label').startsWith(`2004: ${n} event`), n2004);
  await page.close();
});

test('a click on a year zooms the timeline to it; a click on a country filters to it', async () => {
  const page = await open(browser, server.url);
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] [data-bar-year="2004"]');
  await afterRender(page, () => page.click('[data-chart=per-year] [data-bar-year="2004"]'));
  assert.equal(new URL(page.url()).searchParams.get('w'), '2004-01-01~2005-01-01');
  // The zoomed timeline shows 2004's events as marks (month ticks now).
  assert.ok(await page.locator('.chart [data-event-id="beslan-2004"]').count() === 1);
  await afterRender(page, () => page.click('[data-chart=countries] [data-bar-country="KZ"]'));
  assert.equal(await page.getAttribute('[data-country=KZ]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('[data-country=RU]', 'aria-pressed'), 'false');
  assert.equal(await shownCount(page), DATA.events.filter((e) => matches(e, new Set(['KZ']))).length);
  // Keyboard: the bars are buttons.
  await page.focus('[data-chart=per-year] [data-bar-year="2009"]');
  await afterRender(page, () => page.keyboard.press('Enter'));
  assert.equal(new URL(page.url()).searchParams.get('w'), '2009-01-01~2010-01-01');
  await page.close();
});

test('Download SVG gives a 16:9 picture of the view with title, filters and source; PNG too', async () => {
  const page = await open(browser, `${server.url}?c=RU&k=incident`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-svg]')]);
  assert.equal(svgDl.suggestedFilename(), 'sco-timeline.svg');
  const svgPath = path.join(dir, 'view.svg');
  await svgDl.saveAs(svgPath);
  const svg = fs.readFileSync(svgPath, 'utf8');
  const n = DATA.events.filter((e) => e.kind === 'incident' && e.countries.includes('RU')).length;
  assert.match(svg, /^<svg[^>]*width="1920"[^>]*height="1080"/);
  assert.match(svg, /SCO counter-terrorism cooperation, 2001–2012/);
  assert.match(svg, new RegExp(`Countries: Russia · Kinds: attacks — showing ${n} of ${DATA.events.length} events`));
  assert.match(svg, /Source: Zhao Xiaodong/);
  assert.equal((svg.match(/<circle/g) ?? []).length, n, 'one mark per shown attack');
  // It opens in Chromium.
  const view = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await view.goto('file://' + svgPath);
  assert.equal(await view.locator('svg circle').count(), n);
  await view.screenshot({ path: path.join(dir, 'view.png') });
  await view.close();
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-png]')]);
  assert.equal(pngDl.suggestedFilename(), 'sco-timeline.png');
  const pngPath = path.join(dir, 'view-download.png');
  await pngDl.saveAs(pngPath);
  const png = fs.readFileSync(pngPath);
  assert.deepEqual([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  assert.equal(png.readUInt32BE(16), 1920);
  assert.equal(png.readUInt32BE(20), 1080);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a visitor who stays at the top of a 1280×720 window never fetches the worker\'s module; the first scroll draws the statistics', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const worker = [];
  page.on('request', (r) => { if (/sco-worker/.test(r.url())) worker.push(r.url()); });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.ok(await page.$eval('[data-testid=stats]', (s) => s.getBoundingClientRect().top > innerHeight), 'the panel is below the window');
  // A mark's details and Esc fetch nothing more (a filter may bring the panel into the window: then it is drawn).
  await page.click('.chart-svg [data-event-id]');
  await page.waitForSelector('.details.popover');
  await page.keyboard.press('Escape');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(worker, [], 'nothing of the worker fetched');
  // A first, small scroll heads for the statistics: drawn by the time they are reached.
  await page.mouse.wheel(0, 120);
  await page.waitForSelector('[data-chart=per-year] [data-bar-year]', { state: 'attached' });
  assert.ok(worker.length > 0);
  assert.deepEqual(page.errors ?? [], []);
  await page.close();
});

test('the Print button, before the statistics were ever scrolled to, prints them drawn (not blank boxes)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // The browser's print dialog stands in for a record of what it would print.
  await page.addInitScript(() => {
    window.print = () => {
      const figs = [...document.querySelectorAll('.stats .stat-chart')];
      window.__printed = { figures: figs.length, drawn: figs.filter((f) => !f.hasAttribute('aria-busy') && f.querySelector('img')?.src.startsWith('blob:')).length };
    };
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.ok(await page.$('.stats .stat-chart[aria-busy]'), 'not drawn while out of view');
  await page.click('[data-action=print]');
  await page.waitForFunction(() => window.__printed);
  const printed = await page.evaluate(() => window.__printed);
  assert.ok(printed.figures > 0);
  assert.equal(printed.drawn, printed.figures, 'every picture drawn when the print starts');
  // A figure still being drawn is left out of a print, not printed blank.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.querySelector('.stats .stat-chart').setAttribute('aria-busy', 'true'));
  assert.equal(await page.isVisible('.stats .stat-chart[aria-busy]'), false);
  await page.close();
});

test('printing gives the view and its event list without the controls', async () => {
  const page = await open(browser, `${server.url}?c=TJ`);
  // What the browser does on Ctrl+P: beforeprint, then print media.
  await afterRender(page, () => page.evaluate(() => window.dispatchEvent(new Event('beforeprint'))));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.filters'), false);
  assert.equal(await page.isVisible('.toolbar'), false);
  assert.equal(await page.isVisible('.print-only'), true);
  const rows = await page.$$eval('.print-table tbody tr', (r) => r.length);
  assert.equal(rows, DATA.events.filter((e) => matches(e, new Set(['TJ']))).length);
  assert.match(await page.textContent('.print-filters'), /^Countries: Tajikistan · all kinds — \d+ of 65 events$/);
  await page.close();
});
