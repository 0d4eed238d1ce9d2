// Embedding: the example deck, deep links in iframes, the host API (and its
// origin checks), presenter keys, resizing (also from hidden), the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST, DATA, statsInView } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MEMBERS = new Set(DATA.countries.filter((c) => c.status === 'member').map((c) => c.code));
const matches = (e, set) => e.countries.some((c) => set.has(c)) || (e.scope === 'organisation' && [...set].some((c) => MEMBERS.has(c)));

// A host page on another origin (another port) that embeds the app and posts to it.
const foreignHost = (appUrl) => `<!doctype html><meta charset="utf-8"><iframe id="f" src="${appUrl}" width="900" height="500"></iframe>`;
const hiddenHost = `<!doctype html><meta charset="utf-8"><iframe id="f" src="/index.html?embed=1" style="display:none" width="700" height="400"></iframe>`;

let server, other, browser;
before(async () => {
  server = await serve(DIST, { '/fixtures/hidden.html': hiddenHost });
  // Host pages on another origin (another port), embedding the app from `server`.
  const pages = {};
  other = await serve(DIST, pages);
  const otherOrigin = new URL(other.url).origin;
  pages['/host-plain.html'] = foreignHost(`${server.url}index.html?embed=1`);
  pages['/host-allowed.html'] = foreignHost(`${server.url}index.html?embed=1&origins=${encodeURIComponent(otherOrigin)}`);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

const ready = (frame) => frame.waitForSelector('html[data-ready="true"]', { state: 'attached' });
const shown = async (frame) => Number(await frame.getAttribute('html', 'data-shown-count'));

/** The frame whose URL matches `re`, once it has navigated there. */
async function frameOf(page, re) {
  const wait = page.waitForEvent('framenavigated', { predicate: (f) => re.test(f.url()) });
  const found = page.frames().find((f) => re.test(f.url()));
  if (found) { wait.catch(() => {}); return found; }
  return wait;
}

test('the reveal.js deck, from another origin, lazy-loads its timelines and drives one through slides and fragments', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => assert.fail(String(e)));
  // The deck is served by `other`, the app by `server`: two origins.
  await page.goto(`${other.url}examples/presentation/index.html?app=${encodeURIComponent(server.url)}`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  const loaded = () => page.evaluate(() => [...document.querySelectorAll('iframe')].filter((f) => f.getAttribute('src')).length);
  assert.equal(await loaded(), 0, 'no timeline loads on the title slide');
  // Slide 2: the fixed view loads as it shows; the driven timeline, two slides on, is preloaded.
  await page.keyboard.press('ArrowRight');
  const russia = await frameOf(page, /c=RU/);
  await ready(russia);
  assert.equal(await shown(russia), DATA.events.filter((e) => e.kind === 'incident' && e.countries.includes('RU')).length);
  const walk = await frameOf(page, /theme=light/);
  await ready(walk);
  assert.equal(await walk.getAttribute('html', 'data-embed'), '1');
  // Slide 3: the slide's own view, then one fragment after another.
  await page.keyboard.press('ArrowRight');
  await walk.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n && document.documentElement.dataset.paused === 'false', DATA.events.length);
  await page.keyboard.press('ArrowRight');
  await walk.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n, DATA.events.filter((e) => e.kind === 'exercise').length);
  await page.keyboard.press('ArrowRight');
  await walk.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n, DATA.events.filter((e) => matches(e, new Set(['KZ']))).length);
  await walk.waitForSelector('[data-action=group-country][aria-pressed=true]');
  await page.keyboard.press('ArrowRight');
  // setWindow round trip: the state message carries the window the slide asked for.
  await page.waitForFunction(() => window.heard.some((m) => m.event === 'state' && m.window.from === '2004-01-01' && m.window.to === '2006-01-01' && m.shown === 65));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.heard.some((m) => m.event === 'selected' && m.id === 'beslan-2004'));
  assert.match(await page.textContent('#heard'), /“Beslan” \(September 2004\)/);
  assert.match(await walk.textContent('[data-testid=caption] .caption-title'), /Beslan/);
  // The last fragment: documents, presenting. The deck's keys stay with the deck…
  await page.keyboard.press('ArrowRight');
  const docs = DATA.events.filter((e) => e.kind === 'document').length;
  await walk.waitForFunction((n) => new RegExp(`^\\d+ / ${n}$`).test(document.querySelector('[data-testid=presenter-progress]')?.textContent ?? ''), docs);
  const indices = await page.evaluate(() => JSON.stringify(window.Reveal.getIndices()));
  // …until the timeline has focus: then → steps the timeline, and the deck does not move.
  const before = await walk.textContent('[data-testid=presenter-progress]');
  await walk.click('.chart', { position: { x: 5, y: 5 } });
  await walk.press('.chart', 'ArrowRight');
  await walk.waitForFunction((b) => document.querySelector('[data-testid=presenter-progress]').textContent !== b, before);
  assert.equal(await page.evaluate(() => JSON.stringify(window.Reveal.getIndices())), indices);
  // Leaving the slide pauses the timeline (reveal.js's slide:stop); coming back resumes it.
  await page.evaluate(() => window.Reveal.next());
  await walk.waitForSelector('html[data-paused="true"]', { state: 'attached' });
  const progress = await walk.textContent('[data-testid=presenter-progress]');
  await walk.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
  assert.equal(await walk.textContent('[data-testid=presenter-progress]'), progress, 'a hidden timeline takes no keys');
  await page.evaluate(() => window.Reveal.prev());
  await walk.waitForSelector('html[data-paused="false"]', { state: 'attached' });
  await page.close();
});

test('a deep link inside an iframe restores its state', async () => {
  const page = await browser.newPage();
  await page.setContent(`<iframe src="${server.url}index.html?embed=1&c=KZ&k=exercise&g=country&e=peace-mission-2010&controls=zoom,view" width="1000" height="600"></iframe>`);
  const f = page.frame({ url: /embed=1/ });
  await ready(f);
  assert.equal(await shown(f), DATA.events.filter((e) => e.kind === 'exercise' && matches(e, new Set(['KZ']))).length);
  assert.match(await f.textContent('[data-testid=caption] .caption-title'), /Peace Mission-2010/);
  assert.equal(await f.getAttribute('[data-action=group-country]', 'aria-pressed'), 'true');
  await page.close();
});

test('messages from origins the embedder did not allow, and malformed ones, are ignored', async () => {
  const send = (p, msg) => p.evaluate((m) => document.getElementById('f').contentWindow.postMessage(m, '*'), msg);
  const page = await browser.newPage();
  await page.goto(`${other.url}host-plain.html`);
  const f = page.frame({ url: /embed=1/ });
  await ready(f);
  for (const msg of [{ type: 'sco-timeline', action: 'setFilters', countries: ['KZ'] }, 'setFilters', { type: 'x' }, null]) await send(page, msg);
  // Messages are delivered in order: once one from the app's own origin has acted,
  // the foreign ones before it were seen — and changed nothing.
  await f.evaluate(() => window.postMessage({ type: 'sco-timeline', action: 'goTo', id: 'beslan-2004' }, location.origin));
  await f.waitForSelector('[data-testid=caption]');
  assert.equal(await shown(f), DATA.events.length);
  await page.close();
  // The same host, allowed with ?origins=: its command applies; malformed ones still do nothing.
  const allowed = await browser.newPage();
  await allowed.goto(`${other.url}host-allowed.html`);
  const g = allowed.frame({ url: /embed=1/ });
  await ready(g);
  await send(allowed, { type: 'sco-timeline', action: 'setFilters', kinds: ['riot'] });
  await send(allowed, { type: 'sco-timeline', action: 'setFilters', countries: ['KZ'] });
  await g.waitForFunction((n) => Number(document.documentElement.dataset.shownCount) === n, DATA.events.filter((e) => matches(e, new Set(['KZ']))).length);
  await allowed.close();
});

test('presenter keys step through the shown events in time order and wrap', async () => {
  const page = await browser.newPage();
  const n = DATA.events.filter((e) => e.kind === 'incident' && e.countries.includes('UZ')).length;
  await page.setContent(`<iframe src="${server.url}index.html?embed=1&c=UZ&k=incident&present=1&controls=zoom,present" width="1000" height="600"></iframe>`);
  const f = page.frame({ url: /present=1/ });
  await ready(f);
  const progress = () => f.textContent('[data-testid=presenter-progress]');
  await f.waitForFunction((n) => document.querySelector('[data-testid=presenter-progress]')?.textContent === `1 / ${n}`, n);
  await f.click('.chart', { position: { x: 5, y: 5 } });
  const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp'];
  let pos = 1;
  for (const k of keys) {
    await f.press('body', k);
    pos = ((pos - 1 + (k === 'ArrowLeft' || k === 'PageUp' ? -1 : 1) + n) % n) + 1;
    await f.waitForFunction((want) => document.querySelector('[data-testid=presenter-progress]')?.textContent === want, `${pos} / ${n}`);
  }
  // The current event's details are open and it is highlighted.
  const id = await f.getAttribute('.chart .mark.selected', 'data-event-id');
  assert.ok(await f.isVisible('[data-testid=caption]'));
  assert.match(await f.textContent('[data-testid=caption] .caption-title'), new RegExp(DATA.events.find((e) => e.id === id).title.replace(/[()]/g, '.')));
  assert.equal(await progress(), `${pos} / ${n}`);
  await page.close();
});

test('an embed follows iframe resizes, also when it starts hidden', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(`${server.url}fixtures/hidden.html`);
  const f = page.frame({ url: /embed=1/ });
  await ready(f);
  await page.evaluate(() => { document.getElementById('f').style.display = 'block'; });
  const svgWidth = () => f.evaluate(() => Number(document.querySelector('.chart-svg')?.getAttribute('width')));
  const boxWidth = () => f.evaluate(() => document.querySelector('.chart').clientWidth);
  // The drawing is as wide as the chart's box (to the pixel: widths in rem are fractional).
  await f.waitForFunction(() => Math.abs(Number(document.querySelector('.chart-svg')?.getAttribute('width')) - document.querySelector('.chart').clientWidth) < 1);
  const w1 = await svgWidth();
  assert.ok(w1 > 500 && w1 <= 700, `${w1}`);
  // It fills the frame's height too: the chart takes the height left and the drawing is at least
  // that tall (taller content scrolls inside the chart); the page itself never overflows the frame.
  const fill = await f.evaluate(() => ({ svg: Number(document.querySelector('.chart-svg').getAttribute('height')), box: document.querySelector('.chart').clientHeight, doc: document.documentElement.scrollHeight }));
  assert.ok(fill.svg >= fill.box - 2 && fill.box > 200 && fill.doc <= 402, JSON.stringify(fill));
  await page.evaluate(() => { document.getElementById('f').width = '420'; });
  await f.waitForFunction(() => Math.abs(Number(document.querySelector('.chart-svg')?.getAttribute('width')) - document.querySelector('.chart').clientWidth) < 1 && document.querySelector('.chart').clientWidth < 430);
  assert.ok((await svgWidth()) < w1);
  assert.ok(Math.abs((await svgWidth()) - (await boxWidth())) < 1);
  await page.close();
});

test('the single-file build works from a file:// URL', async () => {
  const out = path.join(ROOT, 'target/single-test/sco-timeline.html');
  execFileSync('node', [path.join(ROOT, 'scripts/build-single.mjs'), DIST, out]);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${out}?c=TJ`);
  await ready(page);
  assert.equal(await shown(page), DATA.events.filter((e) => matches(e, new Set(['TJ']))).length);
  assert.ok(!fs.readFileSync(out, 'utf8').match(/<script[^>]+src=|<link[^>]+stylesheet/), 'nothing loaded from outside the file');
  // The second module runs from the file too (a worker from a blob URL): the charts, an export.
  await statsInView(page);
  await page.waitForSelector('[data-chart=per-year] .hit');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-csv]')]);
  assert.equal(dl.suggestedFilename(), 'timeline-events.csv');
  assert.deepEqual(errors, []);
  await page.close();
});
