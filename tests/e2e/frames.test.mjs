// The app as a presenter and an embedder meet it: in frames of slide sizes
// (small 16:9 to full HD, 4:3, square), presenting and as a plain embed with
// controls, in every theme. Each frame: no visible text box intersects another
// (text rectangles from ranges, clipped by scrolling ancestors and clip paths),
// the current event's mark is inside the visible chart, the chart has at least
// half the frame's height, and the embedded page does not scroll. Screenshots
// are kept in target/e2e-shots/frames/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST } from './harness.mjs';
import { textBoxes, overlaps, frameFacts } from './frame-check.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'target/e2e-shots/frames');
const SIZES = [[480, 270], [640, 360], [900, 480], [1024, 768], [600, 600], [1280, 720], [1920, 1080], [800, 450]];
const THEMES = ['light', 'dark', 'contrast'];
// The current event differs by size, so that early, middle and late events and every kind are tried.
const EVENTS = ['shanghai-convention-2001', 'beslan-2004', 'peace-mission-2010', 'combine-2003', 'andijian-riots-2005', 'kashgar-attack-2011', 'observer-mongolia-2004', 'agreement-weapons-circulation-2008'];
const MODES = {
  present: (e, theme) => `embed=1&present=1&e=${e}&controls=zoom,present&theme=${theme}`,
  plain: (e, theme) => `embed=1&controls=zoom,countries,kinds,search&e=${e}&theme=${theme}`,
  'present by country': (e, theme) => `embed=1&present=1&g=country&e=${e}&controls=zoom,present&theme=${theme}`,
};

let server, host, browser;
// A host page on another origin that records the app's `size` messages.
const hostPages = {};
before(async () => {
  server = await serve(DIST);
  host = await serve(DIST, hostPages);
  hostPages['/size-host.html'] = `<!doctype html><meta charset="utf-8"><script>window.sizes = []; addEventListener('message', (e) => { if (e.data?.event === 'size') sizes.push(e.data.height); });</script>
<iframe src="${server.url}index.html?embed=1&controls=zoom&g=country&origins=${encodeURIComponent(new URL(host.url).origin)}" width="900" height="300"></iframe>`;
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); await host?.close(); });

/** A host page with the app in a frame of w×h; resolves with the app's frame once it is ready. */
async function framed(page, query, w, h, attrs = '') {
  await page.setViewportSize({ width: w + 20, height: h + 20 });
  await page.setContent(`<style>body{margin:10px}</style><iframe ${attrs} src="${server.url}index.html?${query}" width="${w}" height="${h}" style="border:0;display:block"></iframe>`);
  const f = page.frames()[1];
  await f.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  return f;
}

/** Until the app has rendered nothing new for two frames: a step's render may be
 * followed by another once what it changed is measured (the caption's height). */
async function settled(f) {
  await f.evaluate(() => new Promise((resolve) => {
    let last = document.documentElement.dataset.renderSeq;
    let still = 0;
    const tick = () => requestAnimationFrame(() => {
      const now = document.documentElement.dataset.renderSeq;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 2) resolve(); else tick();
    });
    tick();
  }));
}

async function check(f, label, h) {
  const boxes = await f.evaluate(textBoxes);
  const facts = await f.evaluate(frameFacts);
  const hits = overlaps(boxes);
  assert.deepEqual(hits, [], `${label}: text over text`);
  assert.equal(facts.scrolls, false, `${label}: the embedded page scrolls (${facts.scrollHeight} px)`);
  assert.ok(facts.selected, `${label}: the current event is drawn`);
  assert.equal(facts.markInside, true, `${label}: the current event's mark is outside the visible chart`);
  assert.ok(facts.chartHeight >= h / 2 - 1, `${label}: the chart has ${facts.chartHeight} of ${h} px`);
  return boxes;
}

for (const [mode, query] of Object.entries(MODES)) {
  test(`frames, ${mode}: every size and theme reads without overlaps, the current event in view, no page scroll`, async () => {
    const page = await browser.newPage();
    let n = 0;
    for (const [w, h] of SIZES) {
      for (const theme of THEMES) {
        const e = EVENTS[n++ % EVENTS.length];
        const f = await framed(page, query(e, theme), w, h);
        const label = `${mode} ${w}×${h} ${theme} at ${e}`;
        await check(f, label, h);
        if (mode !== 'plain') {
          // A step later the same holds (the layout is made for the new event too).
          const seq = Number(await f.getAttribute('html', 'data-render-seq'));
          await f.click('.chart', { position: { x: 5, y: 5 } });
          await f.press('.chart', 'ArrowRight');
          await f.waitForFunction((s) => Number(document.documentElement.dataset.renderSeq) > s && document.querySelector('.mark.selected'), seq);
          await settled(f);
          await check(f, `${label}, one step on`, h);
        }
        // The caption names the current event, its full details one button away (not cut off).
        const button = await f.evaluate(() => {
          const b = document.querySelector('[data-testid=caption] [data-action=caption-full]')?.getBoundingClientRect();
          const c = document.querySelector('[data-testid=caption]')?.getBoundingClientRect();
          return b && c && b.width > 0 && b.left >= c.left - 1 && b.right <= c.right + 1 && b.top >= c.top - 1 && b.bottom <= c.bottom + 1 && b.bottom <= innerHeight;
        });
        assert.ok(button, `${label}: the Full details button is cut off`);
        await page.screenshot({ path: path.join(SHOTS, `${mode.replace(/ /g, '-')}-${theme}-${w}x${h}.png`) });
      }
    }
    await page.close();
  });
}

test('type grows with the frame: a 1280×720 slide reads larger than a 640×360 one', async () => {
  const page = await browser.newPage();
  const size = async (w, h) => {
    const f = await framed(page, MODES.present('beslan-2004', 'light'), w, h);
    return f.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.mark.selected + .mark-label') ?? document.querySelector('.caption-title')).fontSize));
  };
  const small = await size(640, 360);
  const big = await size(1280, 720);
  const huge = await size(1920, 1080);
  assert.ok(small >= 12, `${small}`);
  assert.ok(big > small && huge > big, `${small} < ${big} < ${huge}`);
  await page.close();
});

test('a span that starts before the window is clipped to the plot: its symbol is at the plot edge and clickable, the lane label whole', async () => {
  const page = await browser.newPage();
  const f = await framed(page, 'embed=1&controls=zoom&w=2003-08-09~2003-09-30', 900, 480);
  const r = await f.evaluate(() => {
    const mark = document.querySelector('[data-event-id=combine-2003]');
    const sym = mark.querySelector('.symbol').getBoundingClientRect();
    const label = [...document.querySelectorAll('.lane-label')].find((t) => t.textContent.startsWith('Exercises')).getBoundingClientRect();
    const hit = document.elementFromPoint(sym.left + sym.width / 2, sym.top + sym.height / 2);
    return { symLeft: sym.left, labelRight: label.right, hit: hit?.closest('[data-event-id]')?.dataset.eventId };
  });
  assert.ok(r.symLeft > r.labelRight, JSON.stringify(r));
  assert.equal(r.hit, 'combine-2003');
  assert.deepEqual(overlaps(await f.evaluate(textBoxes)), []);
  await f.click('[data-event-id=combine-2003] .symbol');
  await f.waitForSelector('[data-testid=caption]');
  assert.match(await f.textContent('.caption-title'), /Combine-2003/);
  await page.close();
});

test('Full details opens everything in the frame, Esc returns to the caption', async () => {
  const page = await browser.newPage();
  const f = await framed(page, MODES.present('beslan-2004', 'light'), 640, 360);
  await f.click('[data-action=caption-full]');
  await f.waitForSelector('[data-testid=details] [data-field=source]');
  assert.match(await f.textContent('[data-testid=details]'), /300 dead, half of them children/);
  await f.press('[data-testid=details]', 'Escape');
  await f.waitForSelector('[data-testid=details]', { state: 'detached' });
  assert.equal(await f.evaluate(() => document.activeElement?.dataset.action), 'caption-full');
  // Still presenting, at the same event.
  assert.match(await f.textContent('[data-testid=presenter-progress]'), /^\d+ \/ 65$/);
  await page.close();
});

test('the app posts the height its content needs, for a host to size the frame', async () => {
  const page = await browser.newPage();
  await page.goto(`${host.url}size-host.html`);
  await page.waitForFunction(() => window.sizes.length > 0);
  const need = await page.evaluate(() => window.sizes.at(-1));
  // By country there are more lanes than 300 px show: the content needs more.
  assert.ok(need > 300, `${need}`);
  // Sized to it, the frame shows every lane without scrolling inside.
  await page.evaluate((h) => { document.querySelector('iframe').height = String(h); }, need);
  const f = page.frames()[1];
  await f.waitForFunction((h) => innerHeight === h, need);
  await f.waitForFunction(() => { const c = document.querySelector('.chart'); return c.scrollHeight <= c.clientHeight + 1; });
  await page.close();
});
