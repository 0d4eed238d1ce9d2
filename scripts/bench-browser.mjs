// Browser benchmark: the built dist/ in headless Chromium on 127.0.0.1, with the
// built-in dataset and generated ones (crates/timeline-core/src/synth.rs).
//   node scripts/bench-browser.mjs [runs=5] [sizes=10000,100000]
// Prints medians of: first view shown (navigation → first render with data),
// filter by one country, one zoom step and one step of a brush drag in the
// overview (input → next frame after the redraw),
// memory (JS heap + wasm memory), and the gzip size of a first visit.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serve, launch, DIST } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const sizes = (process.argv[3] ?? '10000,100000').split(',').map(Number);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const extra = {};
for (const n of sizes) {
  extra[`/bench/synth-${n}.json`] = execFileSync('cargo', ['run', '-q', '--release', '-p', 'timeline-core', '--bin', 'synth', '--', String(n), '42'], { maxBuffer: 1 << 30 }).toString();
}
const server = await serve(DIST, extra);
const browser = await launch();

/** Time from an input to the frame after the redraw it causes (data-render-seq bump). */
async function timeInput(page, action) {
  return page.evaluate(async (action) => {
    const root = document.documentElement;
    const seq = Number(root.dataset.renderSeq);
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (Number(root.dataset.renderSeq) > seq) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
      });
      obs.observe(root, { attributes: true, attributeFilter: ['data-render-seq'] });
    });
    if (action.click) document.querySelector(action.click).click();
    if (action.brush) {
      // One step of a brush drag in the overview: the move only is timed (the press came before).
      const strip = document.querySelector('.overview-strip');
      const r = strip.getBoundingClientRect();
      strip.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + action.brush, clientY: r.top + 10, bubbles: true, pointerId: 1, button: 0 }));
    }
    if (action.key) document.querySelector('[data-testid=chart]').dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true }));
    return (await done) - t0;
  }, action);
}

const rows = [];
for (const [label, query] of [['built-in', ''], ...sizes.map((n) => [`${n.toLocaleString('en')} synthetic`, `?data=/bench/synth-${n}.json`])]) {
  const first = [], parsed = [], filter = [], zoom = [], brush = [], mem = [], nodes = [];
  for (let r = 0; r < runs; r++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(server.url + query);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.documentElement.dataset.load !== 'loading', null, { timeout: 120000 });
    first.push(await page.evaluate(() => performance.getEntriesByName('first-view')[0]?.startTime ?? NaN));
    parsed.push(await page.evaluate(() => performance.getEntriesByName('data-parsed')[0]?.startTime ?? NaN));
    filter.push(await timeInput(page, { click: '[data-country=KZ]' }));
    zoom.push(await timeInput(page, { key: '+' }));
    // Brush: press on its middle, then time one 12 px move.
    const mid = await page.evaluate(() => {
      const b = document.querySelector('[data-testid=brush]');
      const x = (Number(b.dataset.brushX0) + Number(b.dataset.brushX1)) / 2;
      const strip = document.querySelector('.overview-strip');
      const r = strip.getBoundingClientRect();
      strip.dispatchEvent(new PointerEvent('pointerdown', { clientX: r.left + x, clientY: r.top + 10, bubbles: true, pointerId: 1, button: 0 }));
      return x;
    });
    brush.push(await timeInput(page, { brush: mid + 12 }));
    nodes.push(await page.evaluate(() => document.querySelectorAll('.chart .mark, .chart .cluster').length));
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const wasm = Number(await page.getAttribute('html', 'data-wasm-memory'));
    mem.push((heap + wasm) / 2 ** 20);
    await ctx.close();
  }
  rows.push({ label, first: median(first), parsed: median(parsed), filter: median(filter), zoom: median(zoom), brush: median(brush), mem: median(mem), nodes: median(nodes) });
}
await browser.close();
await server.close();

// Bytes of a first visit: every file in dist/ that the page loads (the built-in data is inside the wasm).
const files = fs.readdirSync(DIST).filter((f) => /\.(html|js|wasm|css|svg)$/.test(f));
const gz = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
const raw = files.reduce((sum, f) => sum + fs.statSync(path.join(DIST, f)).size, 0);

console.log(`Medians of ${runs} cold runs, headless Chromium, 1280×720, 127.0.0.1\n`);
console.log('| dataset | first view shown | (data parsed at) | filter by one country | one zoom step | one brush drag step | marks drawn after zoom | memory (JS heap + wasm) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.first.toFixed(0)} ms | ${r.parsed.toFixed(0)} ms | ${r.filter.toFixed(1)} ms | ${r.zoom.toFixed(1)} ms | ${r.brush.toFixed(1)} ms | ${r.nodes} | ${r.mem.toFixed(0)} MB |`);
console.log(`\nFirst visit: ${files.length} files, ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzip (${files.join(', ')})`);
