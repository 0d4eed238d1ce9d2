// Start-up as a visitor meets it: static content from the first paint, the app
// in its place once it runs, and an explanation where scripts cannot run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, afterRender, statsInView } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve(undefined, {
    '/host-sandboxed.html': '<!doctype html><title>host</title><iframe id=f sandbox="allow-scripts" src="/" width=900 height=480></iframe>',
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the static content is replaced by the app; the chart shows before the map and the statistics', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // What else is on the page at the moment the chart first appears.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid=chart]')) {
        obs.disconnect();
        window.__atFirstChart = {
          map: !!document.querySelector('[data-testid=country-map]'),
          stats: !!document.querySelector('[data-testid=stats]'),
        };
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await page.evaluate(() => window.__atFirstChart), { map: false, stats: false });
  assert.equal(await page.locator('#boot').count(), 0, 'the static content is gone once the app runs');
  assert.equal(await page.locator('h1').count(), 1);
  const marks = await page.evaluate(() => ['first-view'].map((n) => performance.getEntriesByName(n).length));
  assert.deepEqual(marks, [1]);
  // Everything is there once ready.
  assert.ok(await page.locator('[data-testid=country-map]').count() === 1);
  assert.ok(await page.locator('[data-testid=stats]').count() === 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the first view loads one wasm module; the second (importers, exports, charts) comes on first use, once', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.documentElement?.dataset.firstView === 'true') {
        obs.disconnect();
        window.__atFirstView = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      }
    }).observe(document, { attributes: true, subtree: true, childList: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  const first = await page.evaluate(() => window.__atFirstView);
  assert.equal(first.filter((p) => p.endsWith('.wasm')).length, 1, `one wasm at the first view: ${first}`);
  assert.ok(!first.some((p) => p.includes('sco-worker')), 'the worker is not fetched for the first view');
  // The statistics are drawn by the second module, fetched then.
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] .hit');
  assert.ok(await page.locator('[data-chart=per-year] img[src^="blob:"]').count() === 1);
  await afterRender(page, () => page.click('[data-country=KZ]'));
  await page.waitForFunction(() => performance.getEntriesByName('job-stats-done').length >= 2);
  assert.equal(fetched.filter((p) => p.endsWith('sco-worker_bg.wasm')).length, 1, 'compiled once, used by every job');
  assert.equal(fetched.filter((p) => p.endsWith('/sco-worker.js')).length, 1, 'the worker script fetched once: each worker starts from a blob URL');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in a sandboxed frame that refuses module scripts, the frame explains itself instead of staying blank', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
  // The browser's own report that the module script was refused: the state to wait for.
  const refused = new Promise((ok) => page.on('console', (m) => { if (m.type() === 'error' && /CORS|blocked|refused/i.test(m.text())) ok(m.text()); }));
  await page.goto(`${server.url}host-sandboxed.html`);
  await refused;
  const frame = page.frameLocator('#f');
  await frame.locator('#boot h1').waitFor();
  assert.match(await frame.locator('#boot h1').textContent(), /SCO counter-terrorism cooperation/);
  // boot-check.js names the cause and the fix (docs/embedding.md).
  assert.match(await frame.locator('.boot-status').first().textContent(), /sandboxed without “allow-same-origin”.*add allow-same-origin/);
  assert.equal(await page.frame({ url: /index\.html/ })?.getAttribute('html', 'data-boot-problem') ?? await frame.locator('html').getAttribute('data-boot-problem'), 'sandboxed');
  assert.equal(await frame.locator('.boot-status a').first().getAttribute('target'), '_blank');
  await page.close();
});

test('with scripts turned off, the page says what it needs', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url);
  assert.match(await page.textContent('#boot'), /needs JavaScript and WebAssembly/);
  await ctx.close();
});
