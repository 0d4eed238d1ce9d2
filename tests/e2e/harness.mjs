// Shared by the end-to-end tests and the screenshot script: a static server for
// dist/ on 127.0.0.1 and headless Debian Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/events.json'), 'utf8'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves `dir` on 127.0.0.1 at a free port, plus `extra` paths with given text (fixtures).
 *  Unknown paths without an extension get index.html (deep links); others are 404. */
export async function serve(dir = DIST, extra = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname in extra) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(url.pathname)] ?? 'text/plain' });
      res.end(extra[url.pathname]);
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname));
    const missing = !file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory();
    if (missing && path.extname(url.pathname)) { res.writeHead(404); res.end('not found'); return; }
    if (missing) file = path.join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url` with the app's module held back: what paints before the app runs
 * (the static first view). `options` are the context's (viewport, colorScheme, …)
 * and `storedTheme`, a theme remembered from an earlier visit. `release()` lets
 * the app start; `done()` releases it and closes the context.
 */
export async function heldBack(browser, url, options = {}) {
  const { storedTheme, ...context } = options;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...context });
  if (storedTheme) await ctx.addInitScript((t) => localStorage.setItem('sco-timeline-theme', t), storedTheme);
  const page = await ctx.newPage();
  let release;
  const wait = new Promise((ok) => { release = ok; });
  // Either module (the lean first one, or the full one a frame or a linked dataset starts with).
  await page.route(/(sco-timeline-|sco-full)[^/]*_bg\.wasm$/, async (route) => { await wait; await route.continue(); });
  await page.goto(url);
  await page.waitForSelector('#boot .app', { state: 'attached' });
  return { page, release, done: async () => { release(); await ctx.close(); } };
}

/** Opens `url` and waits until the app says it has rendered with data. */
export async function open(browser, url, viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Waits for the next redraw after `action`, by the app's render counter. */
export async function afterRender(page, action) {
  const seq = Number(await page.getAttribute('html', 'data-render-seq'));
  await action();
  await page.waitForFunction((s) => Number(document.documentElement.dataset.renderSeq) > s, seq);
  await urlSynced(page);
}

/** Waits until the address shows the view drawn: a zoom or pan writes it once
 *  the view has rested (`data-url-synced`), not at each step. */
export async function urlSynced(page) {
  await page.waitForFunction(() => document.documentElement.dataset.urlSynced !== 'false');
}

/** Waits until another dataset than the built-in one has loaded (or failed). */
export async function waitLoaded(page) {
  await page.waitForFunction(() => document.documentElement.dataset.load !== 'loading' && document.documentElement.dataset.ready === 'true');
  await urlSynced(page);
}

/** Scrolls the statistics into view: their pictures are drawn (by the worker's
 *  module) once the panel comes near the window (hooks/use_near_view.rs). */
export async function statsInView(page) {
  await page.locator('[data-testid=stats]').scrollIntoViewIfNeeded();
}

export const shownCount = async (page) => Number(await page.getAttribute('html', 'data-shown-count'));

/** Presses `key` and waits until the app has handled it: two animation frames
 *  (a key that changes nothing, like Home on a lane's first event, does not redraw). */
export async function press(page, key) {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as "rule: target (summary)" lines; none is the goal.
 *  axe is evaluated by the test driver (DevTools protocol), so the app's strict CSP stays. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 220)}`));
  });
}
