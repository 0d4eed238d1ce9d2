// Hostile content, the Content-Security-Policy, and the panic panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, afterRender, shownCount, waitLoaded, DIST } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const HOSTILE_TEXT = fs.readFileSync(path.join(here, 'fixtures/hostile.json'), 'utf8');
const HOSTILE = JSON.parse(HOSTILE_TEXT);
const FAULTS = path.resolve(here, '../../target/dist-faults');

// Our own format, one `javascript:` link among good ones: the link is dropped, not the event.
const BAD_LINK = JSON.stringify({ title: 'Links', events: [
  { id: 'a', kind: 'attack', title: 'Kept event', date: '2004-09-01',
    links: ['javascript:window.__pwned=1', { url: 'https://example.org/report', text: 'Report' }] },
  { id: 'b', kind: 'attack', title: 'Other', date: '2005' },
] });

let server, faults, browser;
before(async () => {
  server = await serve(DIST, { '/fixtures/hostile.json': HOSTILE_TEXT, '/fixtures/bad-link.json': BAD_LINK });
  assert.ok(fs.existsSync(path.join(FAULTS, 'index.html')), 'the fault-injection build is missing: scripts/test.sh builds it into target/dist-faults');
  faults = await serve(FAULTS);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await faults?.close(); });

/** Opens a page that records CSP violations and any dialog (alert) as failures. */
async function guarded(url, viewport) {
  const page = await browser.newPage({ viewport: viewport ?? { width: 1280, height: 720 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('dialog', (d) => { page.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

test(`hostile entries (${HOSTILE.events.length} fixtures) render as text and only http(s) links become links`, async () => {
  const page = await guarded(`${server.url}?data=/fixtures/hostile.json`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), HOSTILE.events.length);
  await afterRender(page, () => page.click('[data-action=view-list]'));
  for (const e of HOSTILE.events) {
    await afterRender(page, () => page.click(`[data-testid=list] tr[data-event-id="${e.id}"] .row-open`));
    const d = await page.$('[data-testid=details]');
    assert.equal(await d.$eval('h2', (h) => h.textContent), e.title, e.id);
    const trim = (s) => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
    assert.equal(await d.$eval('.details-summary', (p) => p.textContent), trim(e.summary), e.id);
    assert.equal(await d.$$eval('img, script, svg, style, iframe, b, i, u', (x) => x.length), 0, `${e.id}: markup from data`);
    const links = await d.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    const url = e.source.url?.trim();
    assert.deepEqual(links, url && /^https?:\/\//i.test(url) ? [url] : [], e.id);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await page.textContent('h1'), HOSTILE.title);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1280, `long strings widen the page to ${width}px`);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await page.close();
});

test('a strict CSP is in force and the app works under it', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'index.html carries a CSP');
  const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(script, "script-src 'self' 'wasm-unsafe-eval'");
  assert.doesNotMatch(script, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  const page = await guarded(`${server.url}?e=beslan-2004`);
  await afterRender(page, () => page.click('[data-country=RU]'));
  await page.keyboard.press('Escape');
  await page.focus('[data-testid=chart]');
  await afterRender(page, () => page.keyboard.press('+'));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a panic shows an error panel with a reload action, not a blank page', async () => {
  const page = await browser.newPage();
  await page.goto(`${faults.url}?fault=panic`);
  const panel = await page.waitForSelector('.panic-panel[role=alert]');
  assert.match(await panel.textContent(), /Something went wrong.*fault injected/s);
  await Promise.all([page.waitForEvent('load'), page.click('.panic-panel [data-action=reload]')]);
  await page.close();
  // The same build without the fault works.
  const ok = await open(browser, faults.url);
  assert.equal(await shownCount(ok), 65);
  await ok.close();
});

test('a javascript: link in our format drops the link, keeps the event and says so', async () => {
  const page = await guarded(`${server.url}?data=/fixtures/bad-link.json&e=a`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 2);
  const d = await page.waitForSelector('[data-testid=details]');
  assert.equal(await d.$eval('h2', (h) => h.textContent), 'Kept event');
  assert.deepEqual(await d.$$eval('a', (as) => as.map((a) => a.getAttribute('href'))), ['https://example.org/report']);
  // Read without opening the panel (the open details would cover it).
  const items = await page.$$eval('[data-testid=problems] li', (li) => li.map((l) => l.textContent));
  assert.equal(items.length, 1);
  assert.match(items[0], /^entry 0 \(a\), field `links\[0\]`: .*the link is left out; the event is kept/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
  await page.close();
});
