// The static first view is the app's own first render (src/bin/prerender_app.rs):
// when the live app replaces it, nothing on the first screen moves. Measured
// as a visitor arrives: the same page with scripts off (what paints first) and
// with them on (the app's first view), at a phone's, a laptop's and a wide
// window's size, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, heldBack } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// What the first screen shows above and beside the chart, and the chart itself.
const PARTS = ['h1', '.summary', '.data-source', '#search', '.chips button', '.kind-item', '.toolbar', '.chart-svg'];

/** Each part's box (the first one shown), with scripts on or off. */
async function boxes(viewport, javaScriptEnabled, colorScheme = 'light') {
  const ctx = await browser.newContext({ viewport, javaScriptEnabled, colorScheme });
  const page = await ctx.newPage();
  await page.goto(server.url);
  if (javaScriptEnabled) await page.waitForSelector('html[data-first-view]');
  const out = await page.evaluate((parts) => parts.map((s) => {
    const el = [...document.querySelectorAll(s)].find((e) => e.getBoundingClientRect().width > 0);
    const r = el?.getBoundingClientRect();
    return r ? [r.x, r.y, r.width, r.height].map(Math.round) : null;
  }), PARTS);
  await ctx.close();
  return out;
}

for (const [width, height, scheme, whole] of [[1280, 720, 'light', true], [390, 844, 'dark', true], [1440, 900, 'light', false]]) {
  test(`at ${width}×${height} (${scheme}) nothing moves when the app takes over the static first view`, async () => {
    const before = await boxes({ width, height }, false, scheme);
    const live = await boxes({ width, height }, true, scheme);
    PARTS.forEach((part, i) => {
      assert.ok(before[i] && live[i], `${part} is shown in both`);
      // Where each part starts; its size too, but for the chart at a width it was not drawn for
      // (it is drawn for 1280 and 390 px windows; at others the app's is wider or narrower).
      const n = part === '.chart-svg' && !whole ? 2 : 4;
      for (let k = 0; k < n; k++) {
        assert.ok(Math.abs(before[i][k] - live[i][k]) <= 1, `${part}: static ${before[i]} vs the app's ${live[i]}`);
      }
    });
  });
}

test('the static copy carries no automation hooks, and says nothing in a normal start', async () => {
  const { page, release, done } = await heldBack(browser, server.url);
  // Nothing a test or a script finds the live app by is in the copy it replaces.
  assert.equal(await page.locator('#boot [data-testid], #boot [data-event-id], #boot [data-country]').count(), 0);
  // A start that takes long says so, at the bottom, over nothing the view needs.
  await page.waitForSelector('html[data-boot-slow]');
  assert.ok(await page.locator('#boot-status').isVisible(), 'a slow start is said');
  assert.match(await page.textContent('#boot-status'), /Loading the interactive timeline/);
  release();
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.locator('#boot').count(), 0);
  await done();
});

test('with scripts off, the line at the bottom says what the timeline needs', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url);
  assert.ok(await page.locator('.boot-bar').isVisible(), 'the line is shown');
  assert.match(await page.textContent('.boot-bar'), /needs JavaScript and WebAssembly/);
  await ctx.close();
});

const held = (url, options) => heldBack(browser, url, options);

test('a link that opens on another view (a frame, a linked dataset) shows no static view to jump from', async () => {
  for (const q of ['?embed=1', '?present=1', '?data=missing.csv']) {
    const { page, done } = await held(server.url + q);
    assert.equal(await page.locator('#boot .app').isVisible(), false, `${q}: the built-in view is not shown first`);
    await done();
  }
  const { page, done } = await held(server.url + '?c=RU');
  assert.ok(await page.locator('#boot .app').isVisible(), 'a plain link shows the static view');
  await done();
});

test('the theme picked on an earlier visit, or the link\'s, is the static view\'s too (no flash of another theme)', async () => {
  for (const [url, opts, want] of [[server.url, { storedTheme: 'dark' }, 'dark'], [`${server.url}?theme=contrast`, {}, 'contrast'], [server.url, { colorScheme: 'dark', storedTheme: 'light' }, 'light']]) {
    const { page, done } = await held(url, opts);
    assert.equal(await page.getAttribute('html', 'data-theme'), want);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = (bg.match(/\d+/g) ?? []).slice(0, 3).every((v) => Number(v) < 60);
    assert.equal(dark, want !== 'light', `${want}: the page's background ${bg}`);
    await done();
  }
});

test('what a visitor did before the app took over is kept: the focus, and a search typed', async () => {
  // Focus moved by keys while the app loads: on the same control after.
  let { page, release, done } = await heldBack(browser, server.url);
  await page.waitForSelector('#boot .app');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  const before = await page.evaluate(() => document.activeElement.outerHTML.replace(/ data-[a-z-]+="[^"]*"/g, '').slice(0, 80));
  release();
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  const after = await page.evaluate(() => document.activeElement.outerHTML.replace(/ data-[a-z-]+="[^"]*"/g, '').slice(0, 80));
  assert.equal(after, before);
  await done();
  // A search typed while the app loads: searched once it runs.
  ({ page, release, done } = await heldBack(browser, server.url));
  await page.waitForSelector('#boot .app');
  await page.click('#boot #search');
  await page.keyboard.type('Beslan');
  release();
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-shown-count') === '1');
  assert.equal(await page.inputValue('#search'), 'Beslan');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await done();
});

test('the static view\'s pictures are drawn for the window: a phone, a laptop, a full-HD screen', async () => {
  for (const [width, height] of [[390, 844], [1280, 720], [1920, 1080]]) {
    const shown = await boxes({ width, height }, false);
    const live = await boxes({ width, height }, true);
    const chart = PARTS.indexOf('.chart-svg');
    assert.deepEqual(shown[chart], live[chart], `${width}px: the chart's box`);
  }
});
