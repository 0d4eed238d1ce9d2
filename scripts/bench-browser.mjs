// Browser benchmark, side by side: the built dist/ against the peers
// (vis-timeline and timelines-chart, pinned in package.json) on the same
// generated events (crates/timeline-core/src/synth.rs), in one run, headless
// Chromium, cold loads from 127.0.0.1.
//
//   node scripts/bench-browser.mjs [runs=3] [sizes=100,10000,100000]
//   node scripts/bench-browser.mjs 1 1000000     (the narrow table; see NARROW_FROM)
//
// Metrics (medians of `runs` cold loads; every library measured the same way):
// - first view: navigation → the chart painted (the first frame after the
//   chart is in the DOM with the data; a peer's page fetches the same JSON,
//   converts it to the peer's format and draws it);
// - filter: one click on "Kazakhstan" (the peers are given the same filtered
//   set by the documented rule, as their own API takes it) → the frame after;
// - zoom: the window set to one year (ours: a click on that year's bar; peers:
//   their window API) → the frame after;
// - one wheel step over the chart → the frame after; one step of a brush drag
//   in our overview (no peer has one);
// - memory (JS heap + wasm) and the first-visit bytes (gzip) of each.
// Ratios are ours ÷ the best peer (below 1: we are faster). Tests never time anything.
//
// A crash does not end the run (scripts/bench-guard.mjs): each cold run of each
// tool runs on its own; when the browser closes, the page crashes or a step does
// not answer, that tool's cell in the rows it did not reach says why ("failed:
// browser closed", "did not draw within 60 s", or "(1 of 3 runs failed: ...)"
// beside the median of the others), the next run gets a fresh browser, and the
// whole table is printed. BENCH_CRASH=<tool>@<events>:<step>[:page] simulates
// one (see bench-guard.mjs); unset, nothing is simulated.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, DIST, statsInView } from '../tests/e2e/harness.mjs';
import { createGuard } from './bench-guard.mjs';
import { firstViewFiles } from './bytes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const sizes = (process.argv[3] ?? '100,10000,100000').split(',').map(Number);
const PEER_TIMEOUT = 60_000;
const OURS_TIMEOUT = 120_000;
const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

const lib = (p) => fs.readFileSync(path.join(ROOT, 'node_modules', p));
const PEERS = {
  'timelines-chart': { files: { '/peers/timelines-chart.min.js': lib('timelines-chart/dist/timelines-chart.min.js') } },
  'vis-timeline': {
    files: {
      '/peers/vis-timeline-graph2d.min.js': lib('vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'),
      '/peers/vis-timeline-graph2d.min.css': lib('vis-timeline/styles/vis-timeline-graph2d.min.css'),
    },
  },
};

// What every peer page shares: load the JSON, the same filter rule as ours, and "painted".
const COMMON = `
const afterPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const dayMs = 864e5;
function range(e) {
  const p = e.date.split('-').map(Number);
  const start = new Date(Date.UTC(p[0], (p[1] ?? 1) - 1, p[2] ?? 1));
  const q = (e.end ?? e.date).split('-').map(Number);
  const end = q.length === 3 ? new Date(Date.UTC(q[0], q[1] - 1, q[2] + 1)) : q.length === 2 ? new Date(Date.UTC(q[0], q[1], 1)) : new Date(Date.UTC(q[0] + 1, 0, 1));
  return [start, end];
}
async function load() {
  const data = await (await fetch(new URLSearchParams(location.search).get('data'))).json();
  const members = new Set(data.countries.filter((c) => c.status === 'member').map((c) => c.code));
  const matches = (e, code) => e.countries.includes(code) || (e.scope === 'organisation' && members.has(code));
  return { data, matches };
}`;

const PAGES = {
  'timelines-chart': `<!doctype html><meta charset=utf-8><body style="margin:0"><div id=chart></div>
<script src="/peers/timelines-chart.min.js"></script><script>${COMMON}
function groups(events) {
  const by = new Map();
  for (const e of events) {
    const g = by.get(e.kind) ?? by.set(e.kind, new Map()).get(e.kind);
    const label = e.countries[0] ?? 'SCO';
    (g.get(label) ?? g.set(label, []).get(label)).push({ timeRange: range(e), val: e.kind });
  }
  return [...by].map(([group, labels]) => ({ group, data: [...labels].map(([label, data]) => ({ label, data })) }));
}
(async () => {
  const { data, matches } = await load();
  const chart = TimelinesChart()(document.getElementById('chart')).width(1260).zQualitative(true).data(groups(data.events));
  await afterPaint();
  performance.mark('painted');
  window.bench = {
    filter: async () => { chart.data(groups(data.events.filter((e) => matches(e, 'KZ')))); await afterPaint(); },
    zoom: async () => { chart.zoomX([new Date(Date.UTC(2005, 0, 1)), new Date(Date.UTC(2006, 0, 1))]); await afterPaint(); },
  };
})();
</script>`,
  'vis-timeline': `<!doctype html><meta charset=utf-8><link rel=stylesheet href="/peers/vis-timeline-graph2d.min.css"><body style="margin:0"><div id=chart></div>
<script src="/peers/vis-timeline-graph2d.min.js"></script><script>${COMMON}
function items(events) {
  return events.map((e) => { const [start, end] = range(e); return { id: e.id, content: e.title, start, end: e.end ? end : undefined, group: e.kind }; });
}
(async () => {
  const { data, matches } = await load();
  const groups = new vis.DataSet(['incident', 'exercise', 'statement', 'document', 'milestone'].map((k) => ({ id: k, content: k })));
  // vis-timeline's own way to filter: a DataView over the items, refreshed.
  const byId = new Map(data.events.map((e) => [e.id, e]));
  let country = null;
  const view = new vis.DataView(new vis.DataSet(items(data.events)), { filter: (it) => !country || matches(byId.get(it.id), country) });
  const timeline = new vis.Timeline(document.getElementById('chart'), view, groups, { height: '660px' });
  await afterPaint();
  performance.mark('painted');
  window.bench = {
    filter: async () => { country = 'KZ'; view.refresh(); await afterPaint(); },
    zoom: async () => { timeline.setWindow(new Date(Date.UTC(2005, 0, 1)), new Date(Date.UTC(2006, 0, 1)), { animation: false }); await afterPaint(); },
  };
})();
</script>`,
};

const extra = {};
for (const [name, p] of Object.entries(PEERS)) Object.assign(extra, p.files, { [`/peers/${name}.html`]: PAGES[name] });
// From 1,000,000 events the rows are the narrow table of issue #23 (id, kind,
// title, date, countries: a rich JSON of a million events is 250 MB): ours
// reads it as CSV, the peers the same events as JSON (with the same countries).
const NARROW_FROM = 1_000_000;
const synth = (...args) => execFileSync('cargo', ['run', '-q', '--release', '-p', 'timeline-core', '--bin', 'synth', '--', ...args.map(String)], { maxBuffer: 1 << 30 }).toString();
const oursFile = (n) => (n >= NARROW_FROM ? `/bench/synth-${n}.csv` : `/bench/synth-${n}.json`);
for (const n of sizes) {
  if (n < NARROW_FROM) {
    extra[`/bench/synth-${n}.json`] = synth(n, 42);
    continue;
  }
  const csv = synth(n, 42, 'narrow');
  extra[`/bench/synth-${n}.csv`] = csv;
  const { countries, categories } = JSON.parse(synth(10, 42));
  const events = [];
  for (const line of csv.split('\n').slice(1)) {
    if (!line) continue;
    if (line.includes('"')) throw new Error(`a quoted cell in the narrow table: ${line}`);
    const [id, kind, title, date, c] = line.split(',');
    events.push({ id, kind, title, date, countries: c ? c.split(';') : [] });
  }
  extra[`/bench/synth-${n}.json`] = JSON.stringify({ countries, categories, events });
}
const server = await serve(DIST, extra);
const guard = createGuard();
const VIEWPORT = { width: 1280, height: 720 };

// Ours: "painted" is the first frame after the app says it is ready with the data.
const OURS_INIT = () => {
  // Checked every frame from the start (the root element may not exist yet when this runs).
  const check = () => {
    const root = document.documentElement;
    if (root && root.dataset.firstView === 'true' && root.dataset.load !== 'loading') {
      requestAnimationFrame(() => setTimeout(() => performance.mark('painted')));
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
};

/** Ours: time from an input to the frame after the redraw it causes (data-render-seq bump). */
async function timeOurs(page, action) {
  return page.evaluate(async (action) => {
    const root = document.documentElement;
    const seq = Number(root.dataset.renderSeq);
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (Number(root.dataset.renderSeq) > seq) { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))); }
      });
      obs.observe(root, { attributes: true, attributeFilter: ['data-render-seq'] });
    });
    if (action.click) document.querySelector(action.click).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    if (action.key) document.querySelector('[data-testid=chart]').dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true }));
    if (action.wheel) {
      const c = document.querySelector('[data-testid=chart]');
      const r = c.getBoundingClientRect();
      c.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, cancelable: true }));
    }
    if (action.brush) {
      const strip = document.querySelector('.overview-strip');
      const r = strip.getBoundingClientRect();
      strip.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + action.brush, clientY: r.top + 10, bubbles: true, pointerId: 1, button: 0 }));
    }
    return (await done) - t0;
  }, action);
}

async function memory(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = Number((await page.getAttribute('html', 'data-wasm-memory')) ?? 0);
  return (heap + wasm) / 2 ** 20;
}

const drawn = (page) => page.waitForFunction(() => performance.getEntriesByName('painted').length > 0, null, { timeout: 0 });

/** One cold run of ours; `n` only names the run (null: the built-in data). */
const runOurs = (query, n) => guard.measure('ours', n, VIEWPORT, async ({ ctx, page, step, r }) => {
  await step('first', async () => {
    await page.addInitScript(OURS_INIT);
    await page.goto(server.url + query, { timeout: 0 });
    await drawn(page);
  }, OURS_TIMEOUT, `did not draw within ${OURS_TIMEOUT / 1000} s`);
  r.first = await step('first', () => page.evaluate(() => performance.getEntriesByName('painted')[0].startTime));
  r.parsed = await step('first', () => page.evaluate(() => performance.getEntriesByName('data-parsed')[0]?.startTime ?? NaN));
  await statsInView(page);
  await step('filter', () => page.waitForSelector('[data-chart=per-year] [data-bar-year="2005"]', { timeout: 0 }));
  r.filter = await step('filter', () => timeOurs(page, { click: '[data-country=KZ]' }));
  r.zoom = await step('zoom', () => timeOurs(page, { click: '[data-chart=per-year] [data-bar-year="2005"]' }));
  r.wheel = await step('wheel', () => timeOurs(page, { wheel: true }));
  r.brush = await step('brush', async () => {
    const mid = await page.evaluate(() => {
      const b = document.querySelector('[data-testid=brush]');
      const x = (Number(b.dataset.brushX0) + Number(b.dataset.brushX1)) / 2;
      const strip = document.querySelector('.overview-strip');
      const rect = strip.getBoundingClientRect();
      strip.dispatchEvent(new PointerEvent('pointerdown', { clientX: rect.left + x, clientY: rect.top + 10, bubbles: true, pointerId: 1, button: 0 }));
      return x;
    });
    return timeOurs(page, { brush: mid + 12 });
  });
  r.nodes = await step('nodes', () => page.evaluate(() => document.querySelectorAll('.chart .mark, .chart .cluster').length));
  r.mem = await step('mem', () => memory(ctx, page));
});

const runPeer = (name, n) => guard.measure(name, n, VIEWPORT, async ({ ctx, page, step, r }) => {
  await step('first', async () => {
    await page.goto(`${server.url}peers/${name}.html?data=/bench/synth-${n}.json`, { timeout: 0 });
    await page.waitForFunction(() => window.bench, null, { timeout: 0 });
  }, PEER_TIMEOUT, `did not draw within ${PEER_TIMEOUT / 1000} s`);
  r.first = await step('first', () => page.evaluate(() => performance.getEntriesByName('painted')[0].startTime));
  for (const m of ['filter', 'zoom']) {
    r[m] = await step(m, () => page.evaluate(async (m) => { const t0 = performance.now(); await window.bench[m](); return performance.now() - t0; }, m));
  }
  r.mem = await step('mem', () => memory(ctx, page));
});

// Steps in the order they are measured: a run that failed at one step has no value for it or any later one.
const STEPS = ['first', 'parsed', 'filter', 'zoom', 'wheel', 'brush', 'nodes', 'mem'];
const AT = { parsed: 'first' };

/** One cell: the median of the runs that measured `m`; the runs that failed
 *  before it are named with their reason. */
function cell(all, m, unit = '') {
  const ok = all.filter((x) => Number.isFinite(x[m])).map((x) => x[m]);
  const failed = all.filter((x) => x.error && STEPS.indexOf(x.failedAt) <= STEPS.indexOf(AT[m] ?? m) && !(m in x));
  const reasons = [...new Set(failed.map((x) => x.error))].join('; ');
  if (!ok.length && failed.length) return `failed: ${reasons}`;
  const v = median(ok);
  const digits = m === 'nodes' || v >= 100 ? 0 : 1;
  const text = Number.isFinite(v) ? `${v.toFixed(digits)}${unit}` : '–';
  return failed.length ? `${text} (${failed.length} of ${all.length} runs failed: ${reasons})` : text;
}
const value = (all, m) => median(all.filter((x) => Number.isFinite(x[m])).map((x) => x[m]));
const ratio = (ours, peers) => {
  const best = Math.min(...peers.filter((v) => Number.isFinite(v)));
  return Number.isFinite(best) && Number.isFinite(ours) ? (ours / best).toFixed(2) : '–';
};
const collect = async (fn) => {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await fn());
  return all;
};

console.log(`Medians of ${runs} cold runs, headless Chromium, 1280×720, 127.0.0.1; times in ms.\n`);
console.log('| events | metric | ours | timelines-chart | vis-timeline | ours ÷ best peer |');
console.log('|---|---|---|---|---|---|');
const oursRows = [];
for (const n of sizes) {
  const ours = await collect(() => runOurs(`?data=${oursFile(n)}`, n));
  const peers = {};
  for (const name of Object.keys(PEERS)) peers[name] = await collect(() => runPeer(name, n));
  oursRows.push([`${n.toLocaleString('en')} synthetic`, ours]);
  for (const [m, label] of [['first', 'first view'], ['filter', 'filter (one country)'], ['zoom', 'zoom (window to one year)'], ['mem', 'memory, MB']]) {
    const names = Object.keys(PEERS);
    const best = ratio(value(ours, m), names.map((k) => value(peers[k], m)));
    console.log(`| ${n.toLocaleString('en')} | ${label} | ${cell(ours, m)} | ${names.map((k) => cell(peers[k], m)).join(' | ')} | ${best} |`);
  }
}
const builtin = await collect(() => runOurs('', null));
await guard.close();
await server.close();

console.log('\nOurs only (no peer has these):\n');
console.log('| dataset | first view painted | (data parsed at) | one wheel step | one brush drag step | marks drawn after zoom | memory (JS heap + wasm) |');
console.log('|---|---|---|---|---|---|---|');
for (const [label, all] of [['built-in (65)', builtin], ...oursRows]) {
  const c = (m, unit) => cell(all, m, unit);
  console.log(`| ${label} | ${c('first', ' ms')} | ${c('parsed', ' ms')} | ${c('wheel', ' ms')} | ${c('brush', ' ms')} | ${c('nodes')} | ${c('mem', ' MB')} |`);
}

// First-visit bytes: what each page loads before it can draw (the data aside).
// Ours by a ?data= link, as measured here: the full module (src/upgrade.rs) and the worker's, which reads the file.
const gzOf = (files) => files.reduce((s, f) => s + gzipSize(fs.readFileSync(path.join(DIST, f))), 0);
const linked = [...firstViewFiles(DIST, 'full'), ...fs.readdirSync(DIST).filter((f) => /^sco-worker.*\.(js|wasm)$/.test(f))];
const builtinView = [...firstViewFiles(DIST)];
console.log('\nFirst visit, gzip by zlib\'s level 9 for every library alike (the data file aside; ours as served, Zopfli: scripts/bytes.mjs):\n');
console.log(`| library | files | KB gzip |\n|---|---|---|`);
console.log(`| ours, by a ?data= link (as measured here: the full module and the worker's) | ${linked.length} | ${(gzOf(linked) / 1024).toFixed(0)} |`);
console.log(`| ours, the built-in first view (the lean module, the data inside) | ${builtinView.length} | ${(gzOf(builtinView) / 1024).toFixed(0)} |`);
for (const [name, p] of Object.entries(PEERS)) {
  const gz = Object.values(p.files).reduce((s, b) => s + gzipSize(b), 0) + gzipSize(Buffer.from(PAGES[name]));
  console.log(`| ${name} | ${Object.keys(p.files).length + 1} | ${(gz / 1024).toFixed(0)} |`);
}
