// The lean first module and the full one (src/upgrade.rs): the built-in first
// view starts the lean module alone; the first use of what it leaves out (a
// file, an export, the embed dialog, a story, presenting) fetches the full
// module, which takes over with the same page and does what was asked. Links
// that open on another view start the full module at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, afterRender, shownCount, axeViolations, statsInView } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FULL = /sco-full[^/]*\.(js|wasm)$/;
const LEAN = /sco-timeline-[^/]*\.(js|wasm)$/;

/** Opens `url`, noting which modules the page fetched. */
async function visit(url, viewport) {
  const page = await browser.newPage({ viewport: viewport ?? { width: 1280, height: 720 } });
  page.fetched = [];
  page.on('request', (r) => page.fetched.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.errors = errors;
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

const module = (page) => page.getAttribute('html', 'data-module');

test('the built-in first view runs the lean module and fetches nothing of the full one', async () => {
  const page = await visit(server.url);
  assert.equal(await module(page), 'lean');
  // Everyday use: a chip, a key, the list, an event's details.
  await afterRender(page, () => page.click('[data-country=KZ]'));
  assert.ok((await shownCount(page)) < 65);
  await afterRender(page, () => page.click('[data-action=view-list]'));
  await afterRender(page, () => page.click('[data-action=view-chart]'));
  await page.click('.chart [data-event-id]');
  await page.waitForSelector('[data-testid=details]');
  await page.keyboard.press('Escape');
  assert.equal(page.fetched.filter((u) => FULL.test(u)).length, 0, page.fetched.filter((u) => FULL.test(u)).join(', '));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the first click on Embed… fetches the full module, which keeps the view and opens the dialog', async () => {
  const page = await visit(server.url);
  await afterRender(page, () => page.click('[data-country=KZ]'));
  const shown = await shownCount(page);
  await page.click('[data-action=embed]');
  await page.waitForSelector('html[data-module=full]');
  await page.waitForSelector('[role=dialog], dialog[open]');
  assert.equal(await page.getAttribute('[data-country=KZ]', 'aria-pressed'), 'true', 'the filter is kept');
  assert.equal(await shownCount(page), shown);
  assert.equal(await page.locator('.app').count(), 1, 'one app on the page');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file opened in the lean module is opened by the full one', async () => {
  const page = await visit(server.url);
  const csv = 'id,kind,title,date,countries\na-1,attack,One,2003-04-05,SE\na-2,attack,Two,2004-05-06,SE;US\n';
  await page.setInputFiles('[data-action=open-file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'mine.csv');
  assert.equal(await module(page), 'full');
  assert.equal(await shownCount(page), 2);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Story and Present work from the first click', async () => {
  for (const [action, ready] of [['story', '[data-action=story][aria-pressed=true]'], ['present', '[data-action=present][aria-pressed=true]']]) {
    const page = await visit(server.url);
    await page.click(`[data-action=${action}]`);
    await page.waitForSelector(ready);
    assert.equal(await module(page), 'full');
    await page.close();
  }
});

test('a frame, a presentation and a linked dataset start the full module at once', async () => {
  for (const q of ['?embed=1', '?present=1', '?data=/examples/data/no-such.json']) {
    const page = await visit(server.url + q);
    assert.equal(await module(page), 'full', q);
    assert.equal(page.fetched.filter((u) => LEAN.test(u)).length, 0, `${q}: ${page.fetched.filter((u) => LEAN.test(u)).join(', ')}`);
    await page.close();
  }
});

test('when the full module cannot be fetched, the page says so, stays usable and can try again', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  let refuse = true;
  await page.route(FULL, (route) => (refuse ? route.abort() : route.continue()));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('[data-action=export-svg]');
  const line = page.locator('[data-testid=upgrade-status] [role=alert]');
  await line.waitFor();
  // In the words of the control used, not the browser's.
  assert.match(await line.textContent(), /^“SVG” needs a part of the timeline that could not be loaded/);
  await page.click('[data-action=dismiss-upgrade-status]');
  assert.equal(await page.locator('[data-testid=upgrade-status]').count(), 0, 'Dismiss takes the line away');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), 'export-svg', 'the focus back on the control');
  assert.equal(await module(page), 'lean');
  await afterRender(page, () => page.click('[data-country=RU]'));
  assert.ok((await shownCount(page)) < 65);
  // Asked again, and refused again; then "Try again" once it can be fetched.
  await page.click('[data-action=export-svg]');
  await line.waitFor();
  refuse = false;
  const download = page.waitForEvent('download');
  await page.click('[data-action=retry-upgrade]');
  assert.equal((await download).suggestedFilename(), 'sco-timeline.svg');
  assert.equal(await module(page), 'full');
  assert.equal(await page.locator('[data-testid=upgrade-status]').count(), 0);
  await page.close();
});

test('nothing on the page moves when the full module takes over', async () => {
  const PARTS = ['h1', '.summary', '.data-source', '#search', '.chips button', '.kind-item', '.toolbar', '.chart-svg',
    '.overview-svg', '.stats', '.country-map'];
  const boxes = (page) => page.evaluate((parts) => parts.map((s) => {
    const r = [...document.querySelectorAll(s)].find((e) => e.getBoundingClientRect().width > 0)?.getBoundingClientRect();
    return r ? [r.x, r.y, r.width, r.height].map(Math.round) : s;
  }), PARTS);
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    const page = await visit(server.url, viewport);
    const before = await boxes(page);
    const download = page.waitForEvent('download');
    await page.click('[data-action=export-json]');
    await download;
    assert.equal(await module(page), 'full');
    await page.waitForSelector('html[data-ready="true"]');
    assert.deepEqual(await boxes(page), before, `${viewport.width}: every part where it was`);
    await page.close();
  }
});

test('the loading line and the failure line pass axe, light and dark, forced colours', async () => {
  for (const [colorScheme, forcedColors] of [['light', 'none'], ['dark', 'none'], ['light', 'active']]) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme, forcedColors });
    const page = await ctx.newPage();
    let hold;
    const wait = new Promise((ok) => { hold = ok; });
    let refuse = false;
    await page.route(/sco-full_bg\.wasm$/, async (r) => { await wait; return refuse ? r.abort() : r.continue(); });
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('[data-action=embed]');
    await page.waitForSelector('[data-testid=upgrade-status] [role=status]');
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${forcedColors}: while loading`);
    refuse = true;
    hold();
    await page.waitForSelector('[data-testid=upgrade-status] [role=alert]');
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${forcedColors}: failed`);
    await ctx.close();
  }
});

test('a filter or a zoom not yet written to the address is handed over too', async () => {
  const page = await visit(server.url);
  // The full module fetched and compiled ahead (as on a hover), so it takes over at once after the click.
  assert.equal(await page.evaluate(() => window.scoPrefetch()), true);
  // In one go, before the address has been written (it waits for an idle moment, or for the view to rest).
  await page.evaluate(() => {
    document.querySelector('[data-country=TJ]').click();
    const svg = document.querySelector('.chart-svg');
    const r = svg.getBoundingClientRect();
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, ctrlKey: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, cancelable: true }));
    document.querySelector('[data-action=embed]').click();
  });
  await page.waitForSelector('html[data-module=full]');
  await page.waitForSelector('[role=dialog], dialog[open]');
  assert.equal(await page.getAttribute('[data-country=TJ]', 'aria-pressed'), 'true', 'the filter is kept');
  const w = new URL(page.url()).searchParams.get('w');
  assert.ok(w, `the zoom is kept in the address: ${page.url()}`);
  await page.close();
});

test('the handover keeps where the page is scrolled, the focus on the control used, and the statistics shown', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
    const page = await visit(server.url, viewport);
    await statsInView(page);
    await page.waitForSelector('[data-chart=per-year] img[src^="blob:"]');
    await page.evaluate(() => window.scrollTo(0, 300));
    // Every frame from now: the statistics' picture never blank.
    await page.evaluate(() => {
      window.__blank = 0;
      const tick = () => {
        const i = document.querySelector('[data-chart=per-year] img');
        if (!i || !i.src.startsWith('blob:')) window.__blank++;
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // The keyboard's way: the control focused (without scrolling), Enter.
    await page.evaluate(() => document.querySelector('[data-action=export-csv]').focus({ preventScroll: true }));
    const y = await page.evaluate(() => window.scrollY);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await download;
    await page.waitForSelector('html[data-module=full]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const after = await page.evaluate(() => ({ y: window.scrollY, focus: document.activeElement?.dataset?.action, blank: window.__blank }));
    await page.evaluate(() => { window.__stop = true; });
    assert.equal(after.y, y, `${viewport.width}: scrolled where it was`);
    assert.equal(after.focus, 'export-csv', `${viewport.width}: the focus on the control used`);
    assert.equal(after.blank, 0, `${viewport.width}: frames with the statistics blank`);
    await page.close();
  }
});
