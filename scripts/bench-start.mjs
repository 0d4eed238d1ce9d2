// Start-up on the built-in data, and the second module's first use: cold loads
// of dist/ in headless Chromium (1280×720, 127.0.0.1, the harness's server),
// medians of `runs`. Tests never time anything; this is run by hand.
//
//   node scripts/bench-start.mjs [runs=7] [dist]
//
// - first view in the HTML: navigation → first contentful paint (the page's static
//   first view — summary, counts, the chart as SVG — is written at build time);
// - painted: navigation → the frame after the live chart is in the DOM (data-first-view);
// - interactive: navigation → the frame after html[data-ready] (chips, map, keys wired);
// - statistics ready: the first statistics job asked → its pictures back
//   (performance marks job-stats-start/-done: fetching and compiling the
//   worker's wasm, a worker, drawing three charts);
// - export ready: a click on "Download JSON" → the download starts: the first
//   use of the full module (fetched, compiled, taking over from the lean one:
//   src/upgrade.rs) and the worker's job (job-export-start/-done, the worker's
//   module compiled again for the full one); and the same in another page
//   after the pointer rested 300 ms on the button (the full module fetched
//   ahead on that intent: src/upgrade.rs);
// - import ready, cold: a page opened with ?data= (a 65-event JSON) → the worker's
//   answer (job-load-start/-done: fetch, compile, worker, reading).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, DIST, statsInView } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const data = fs.readFileSync(path.join(path.dirname(DIST), 'data', 'events.json'));
const dist = process.argv[3] ? path.resolve(process.argv[3]) : DIST;
const server = await serve(dist, { '/bench/events.json': data });
const browser = await launch();

const INIT = () => {
  const check = (attr, mark) => {
    const root = document.documentElement;
    if (root && root.getAttribute(attr) === 'true') requestAnimationFrame(() => setTimeout(() => performance.mark(mark)));
    else requestAnimationFrame(() => check(attr, mark));
  };
  requestAnimationFrame(() => check('data-first-view', 'painted'));
  requestAnimationFrame(() => check('data-ready', 'interactive'));
};
const span = (page, op) => page.evaluate((op) => {
  const a = performance.getEntriesByName(`job-${op}-start`)[0];
  const b = performance.getEntriesByName(`job-${op}-done`)[0];
  return a && b ? b.startTime - a.startTime : NaN;
}, op);

async function once() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.addInitScript(INIT);
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('interactive').length > 0);
  const r = await page.evaluate(() => ({
    html: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    painted: performance.getEntriesByName('painted')[0].startTime,
    interactive: performance.getEntriesByName('interactive')[0].startTime,
  }));
  // (A build without the worker has no job marks: NaN.)
  const marked = (p, op) => p.waitForFunction((op) => performance.getEntriesByName(`job-${op}-done`).length > 0, op, { timeout: 10000 }).catch(() => {});
  // The statistics are drawn once scrolled near (hooks/use_near_view.rs).
  await statsInView(page);
  await marked(page, 'stats');
  r.stats = await span(page, 'stats');
  const t0 = await page.evaluate(() => performance.now());
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-json]')]);
  await dl.path();
  r.export = (await page.evaluate(() => performance.now())) - t0;
  r.exportJob = await span(page, 'export');
  // The same first use after a pointer rested on the button for 300 ms, as a
  // visitor's does (the full module is fetched ahead on that intent).
  const second = await ctx.newPage();
  await second.goto(server.url);
  await second.waitForSelector('html[data-ready="true"]');
  await second.hover('[data-action=export-json]');
  await second.waitForTimeout(300);
  const t1 = await second.evaluate(() => performance.now());
  const [dl2] = await Promise.all([second.waitForEvent('download'), second.click('[data-action=export-json]')]);
  await dl2.path();
  r.exportHover = (await second.evaluate(() => performance.now())) - t1;
  await second.close();
  const linked = await ctx.newPage();
  await linked.goto(`${server.url}?data=/bench/events.json`);
  await marked(linked, 'load');
  r.import = await span(linked, 'load');
  await ctx.close();
  return r;
}

const all = [];
for (let i = 0; i < runs; i++) all.push(await once());
await browser.close();
await server.close();
const m = (k) => { const v = median(all.map((r) => r[k])); return Number.isFinite(v) ? v.toFixed(0) : '–'; };
console.log(`Built-in data, medians of ${runs} cold loads (ms after navigation, or after first use):`);
console.log(`| first view in the HTML painted | live chart painted | interactive | statistics ready (first job) | export: click → download (of which the job) | the same after a 300 ms hover | import ready (cold) |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(`| ${m('html')} | ${m('painted')} | ${m('interactive')} | ${m('stats')} | ${m('export')} (${m('exportJob')}) | ${m('exportHover')} | ${m('import')} |`);
