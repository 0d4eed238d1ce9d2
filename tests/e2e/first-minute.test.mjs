// The first minute, from a fresh-eyes review: a second chip click does not
// move the chips (the summary keeps its place), a filter that leaves the dates
// in view empty says where its events are, the statistics never show the
// previous file's figures, and on a phone the toolbar is one row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, afterRender, statsInView } from './harness.mjs';

const DIR = path.resolve('crates/timeline-core/tests/fixtures/import');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const top = (page, sel) => page.$eval(sel, (e) => e.getBoundingClientRect().top);

test('a second and a third chip click hit the chips where they were (the summary never moves them)', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 960, height: 600 }, { width: 390, height: 844 }]) {
    const page = await open(browser, server.url, viewport);
    const chips = await page.$$eval('[data-country]', (els) => els.slice(0, 6).map((e) => e.dataset.country));
    const before = await top(page, `[data-country="${chips[0]}"]`);
    await afterRender(page, () => page.click(`[data-country="${chips[0]}"]`));
    await afterRender(page, () => page.click(`[data-country="${chips[1]}"]`));
    await afterRender(page, () => page.click(`[data-country="${chips[2]}"]`));
    assert.equal(await top(page, `[data-country="${chips[0]}"]`), before, `${viewport.width}px: the chips stay put`);
    // The click that takes the first one out lands on it.
    await afterRender(page, () => page.click(`[data-country="${chips[0]}"]`));
    assert.equal(await page.getAttribute(`[data-country="${chips[0]}"]`, 'aria-pressed'), 'false');
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('shown events outside the dates in view are said, with a way to them', async () => {
  const page = await open(browser, `${server.url}?w=2007-05-01~2007-06-30`);
  assert.equal(await page.locator('[data-testid=outside-window]').count(), 0, 'events are in view');
  // A state with one event, far from May 2007.
  const one = await page.$$eval('[data-country]', (els) => els.find((e) => /\D1\s*$/.test(e.textContent.trim()))?.dataset.country);
  await afterRender(page, () => page.click(`[data-country="${one}"]`));
  const hint = page.locator('[data-testid=outside-window]');
  assert.equal(await page.locator('.chart [data-event-id]').count(), 0, 'its event is not in view');
  assert.match(await hint.textContent(), /The 1 event shown lies outside the dates in view/);
  await afterRender(page, () => page.click('[data-action=fit-shown]'));
  assert.equal(await hint.count(), 0);
  assert.ok(await page.locator('.chart [data-event-id]').count() >= 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the statistics never show the previous file\'s figures', async () => {
  const page = await open(browser, server.url);
  const openFile = async (name, mimeType) => {
    await page.setInputFiles('[data-action=open-file]', { name, mimeType, buffer: fs.readFileSync(path.join(DIR, name)) });
    await page.waitForFunction((n) => document.documentElement.dataset.source === n, name);
  };
  await openFile('timelinejs.json', 'application/json');
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] [data-bar-year="-499"]', { state: 'attached' });
  await openFile('acled-bad-day.csv', 'text/csv');
  // From the moment the new file is shown: no bar of the old one, until the new ones come.
  const old = await page.locator('[data-chart=per-year] [data-bar-year="-499"]').count();
  assert.equal(old, 0, 'no bar of the previous file');
  const busy = await page.$eval('[data-chart=per-year]', (f) => f.getAttribute('aria-busy') === 'true' || f.querySelectorAll('[data-bar-year]').length > 0);
  assert.ok(busy, 'the chart is marked as being drawn, or already redrawn');
  await page.waitForSelector('[data-chart=per-year] [data-bar-year="2023"]', { state: 'attached' });
  assert.equal(await page.locator('[data-chart=per-year][aria-busy]').count(), 0);
  await page.close();
});

test('a file opened after a filter shows all its events: the filter was for the other data', async () => {
  const page = await open(browser, server.url);
  const chip = await page.$eval('[data-country]', (e) => e.dataset.country);
  await afterRender(page, () => page.click(`[data-country="${chip}"]`));
  await page.fill('input[type=search]', 'a');
  await page.waitForFunction(() => !/Showing (\d+) of \1 /.test(document.querySelector('.summary-count').textContent));
  const name = 'acled.csv';
  await page.setInputFiles('[data-action=open-file]', { name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(DIR, name)) });
  await page.waitForFunction((n) => document.documentElement.dataset.source === n, name);
  const count = await page.textContent('.summary-count');
  assert.match(count, /Showing (\d+) of \1 /, count);
  assert.equal(await page.inputValue('input[type=search]'), '', 'the search is cleared');
  assert.equal(await page.locator('[data-country][aria-pressed=true]').count(), 0, 'no state is picked');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a plain wheel turn over the chart scrolls the page and says how to zoom; Ctrl with it zooms, out to all the data and no further', async () => {
  const page = await open(browser, server.url);
  const svg = () => page.$eval('.chart-svg', (s) => s.innerHTML);
  const overChart = async () => {
    const c = await page.locator('[data-testid=chart]').boundingBox();
    await page.mouse.move(c.x + c.width / 2, Math.max(c.y, 0) + 80);
  };
  const drawn = await svg();
  await overChart();
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => window.scrollY > 0);
  await page.waitForSelector('[data-testid=chart][data-wheel-hint] .wheel-hint', { state: 'visible' });
  assert.match(await page.textContent('.wheel-hint'), /Ctrl/);
  assert.equal(await svg(), drawn, 'the chart did not move');
  // The hint goes by itself.
  await page.waitForSelector('.wheel-hint', { state: 'hidden' });
  // With Ctrl: in, then out as far as it goes — all the data, no window of its own.
  await overChart();
  await page.keyboard.down('Control');
  await afterRender(page, () => page.mouse.wheel(0, -300));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('w'));
  let turns = 0;
  while (turns < 12 && (await svg()) !== drawn) {
    await afterRender(page, () => page.mouse.wheel(0, 300));
    turns++;
  }
  await page.keyboard.up('Control');
  assert.equal(await svg(), drawn, 'out to all the data, as at first');
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('w'));
  // And no further: another turn out leaves it as it is.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await afterRender(page, () => page.click('[data-country]'));
  await afterRender(page, () => page.click('[data-country]'));
  assert.equal(await svg(), drawn, 'no emptier years around the data');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in a frame the chart is the view: a plain wheel turn zooms it', async () => {
  const page = await open(browser, `${server.url}?embed=1`);
  const svg = () => page.$eval('.chart-svg', (s) => s.innerHTML);
  const drawn = await svg();
  const c = await page.locator('.chart-svg').boundingBox();
  await page.mouse.move(c.x + c.width / 2, c.y + 60);
  await afterRender(page, () => page.mouse.wheel(0, -300));
  assert.notEqual(await svg(), drawn, 'zoomed');
  assert.equal(await page.locator('[data-wheel-hint]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the toolbar is one row that scrolls, and the chart starts on the first screen', async () => {
  const page = await open(browser, server.url, { width: 390, height: 844 });
  const bar = await page.$eval('.toolbar', (t) => ({ h: t.getBoundingClientRect().height, scroll: t.scrollWidth > t.clientWidth }));
  assert.ok(bar.h < 60, `one row: ${JSON.stringify(bar)}`);
  assert.ok(bar.scroll, 'the rest of it scrolls into view');
  assert.ok(await top(page, '[data-testid=chart]') < 640, 'the chart starts on the first screen');
  // A control at the far end is reached by Tab, and scrolled into view.
  await page.focus('[data-action=copy-link], .toolbar .group:last-child button');
  const seen = await page.$eval(':focus', (b) => { const r = b.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; });
  assert.ok(seen, 'a focused control is scrolled into view');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone a control reached by Tab in the toolbar is wholly in view, clear of the edge fades', async () => {
  const page = await open(browser, server.url, { width: 390, height: 844 });
  const inView = () => page.$eval(':focus', (b) => {
    const r = b.getBoundingClientRect(); const bar = b.closest('.toolbar').getBoundingClientRect();
    const fade = r.height * 0.9;
    return { ok: r.left >= bar.left + fade && r.right <= bar.right - fade, r: [r.left, r.right], bar: [bar.left, bar.right], text: b.textContent };
  });
  await page.focus('[data-action=view-chart]');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (!(await page.$eval(':focus', (b) => !!b.closest('.toolbar')))) break;
    const s = await inView();
    assert.ok(s.ok, `Tab: ${JSON.stringify(s)}`);
  }
  await page.focus('[data-action=copy-link]');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    const s = await inView();
    assert.ok(s.ok, `Shift+Tab: ${JSON.stringify(s)}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in the list the focus stays on its row through the keys that scroll it, and comes back to the row when the details close', async () => {
  const page = await open(browser, server.url);
  await afterRender(page, () => page.click('[data-action=view-list]'));
  const focused = () => page.evaluate(() => { const a = document.activeElement; return a.closest('tr')?.dataset.eventId ?? (a.matches('.list-view') ? 'the list' : a.tagName); });
  await page.focus('.list-view tbody tr[data-event-id] .row-open');
  const first = await focused();
  for (const key of ['ArrowDown', 'ArrowDown', 'PageDown']) {
    await page.keyboard.press(key);
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))));
    assert.equal(await focused(), first, `after ${key}`);
  }
  // Scrolled far past its row: the focus stays in the list, not on the page.
  for (const key of ['PageDown', 'PageDown', 'PageDown']) {
    await page.keyboard.press(key);
    await page.waitForFunction(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))));
    assert.notEqual(await focused(), 'BODY', `after ${key}`);
  }
  // Enter opens a row's details; Esc and × bring the focus back to that row.
  for (const close of ['Escape', 'button']) {
    await page.focus('.list-view tbody tr[data-event-id] .row-open');
    const row = await focused();
    await afterRender(page, () => page.keyboard.press('Enter'));
    await page.waitForSelector('[data-testid=details]');
    if (close === 'Escape') await afterRender(page, () => page.keyboard.press('Escape'));
    else await afterRender(page, () => page.click('[data-testid=details] [data-action=close-details]'));
    await page.waitForSelector('[data-testid=details]', { state: 'detached' });
    assert.equal(await focused(), row, `closed by ${close}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
