// Chartability's visual checks in the browser: no text under 12 px, marks at
// 3:1 against the chart in every theme, forced colours, and 400 % zoom (reflow
// at 320 CSS px). The screenshots land in target/a11y/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, press } from './harness.mjs';

const SHOTS = path.resolve('target/a11y');
let server, browser;
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Visible text smaller than 12 px, as "size tag.class "text"". */
const smallText = (page) => page.evaluate(() => {
  const out = new Set();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode;
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    const cs = getComputedStyle(el);
    if (el.closest('.visually-hidden') || cs.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (parseFloat(cs.fontSize) < 12) out.add(`${cs.fontSize} ${el.tagName}.${el.getAttribute('class') ?? ''} "${n.textContent.trim().slice(0, 20)}"`);
  }
  return [...out];
});

for (const [name, query, viewport] of [
  ['desktop', '', { width: 1280, height: 720 }],
  ['phone, dark', 'theme=dark', { width: 390, height: 844 }],
  ['small presenter frame', 'embed=1&present=1', { width: 640, height: 360 }],
  ['embed, contrast', 'embed=1&theme=contrast&e=beslan-2004', { width: 960, height: 540 }],
]) {
  test(`no text under 12 px: ${name}`, async () => {
    const page = await open(browser, `${server.url}?${query}`, viewport);
    assert.deepEqual(await smallText(page), []);
    await page.close();
  });
}

test('marks are at least 3:1 against the chart, text 4.5:1, in every theme', async () => {
  for (const theme of ['light', 'dark', 'contrast']) {
    const page = await open(browser, `${server.url}?theme=${theme}`);
    const found = await page.evaluate(() => {
      const rgb = (s) => (s.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        const [r, g, b] = c.map(f);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const bg = rgb(getComputedStyle(document.querySelector('.chart')).backgroundColor);
      const marks = [...document.querySelectorAll('.chart .mark .symbol')].map((s) => ({ kind: s.getAttribute('class'), r: ratio(rgb(getComputedStyle(s).fill), bg) }));
      const texts = [...document.querySelectorAll('.chart .mark-label, .chart .lane-label, .chart .axis text')].map((t) => ({ text: t.textContent, r: ratio(rgb(getComputedStyle(t).fill), bg) }));
      return { marks, texts };
    });
    assert.ok(found.marks.length > 10);
    for (const m of found.marks) assert.ok(m.r >= 3, `${theme}: ${m.kind} at ${m.r.toFixed(2)}:1`);
    for (const t of found.texts) assert.ok(t.r >= 4.5, `${theme}: "${t.text}" at ${t.r.toFixed(2)}:1`);
    await page.close();
  }
});

test('forced colours keep the marks, the current event and the focus visible (screenshot)', async () => {
  const page = await open(browser, `${server.url}?e=beslan-2004`);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.focus('[data-testid=chart]');
  await press(page, 'ArrowRight');
  const got = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'Highlight';
    document.body.append(probe);
    const highlight = getComputedStyle(probe).color;
    probe.remove();
    const fill = (sel) => getComputedStyle(document.querySelector(sel)).fill;
    return {
      highlight,
      selected: fill('.chart .mark.selected .symbol'),
      focused: fill('.chart .mark:focus .symbol'),
      other: fill('.chart .mark:not(.selected):not(:focus) .symbol'),
    };
  });
  assert.equal(got.selected, got.highlight, 'the open event in the Highlight colour');
  assert.equal(got.focused, got.highlight, 'the focused event in the Highlight colour');
  assert.notEqual(got.other, got.highlight, 'other events not');
  await page.screenshot({ path: path.join(SHOTS, 'forced-colors.png') });
  await page.close();
});

test('at 400 % zoom (320 CSS px) the page reflows: no sideways scrolling, the chart and its details fit (screenshot)', async () => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  const page = await ctx.newPage();
  await page.goto(`${server.url}?e=beslan-2004`);
  await page.waitForSelector('html[data-ready="true"]');
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: innerWidth,
    chart: document.querySelector('[data-testid=chart]').getBoundingClientRect().width,
    details: document.querySelector('[data-testid=details]').getBoundingClientRect().right,
  }));
  assert.ok(m.scroll <= m.inner, `page ${m.scroll} px wide in ${m.inner}`);
  assert.ok(m.chart <= m.inner && m.details <= m.inner, JSON.stringify(m));
  await page.screenshot({ path: path.join(SHOTS, 'zoom-400.png') });
  await page.locator('[data-testid=chart]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'zoom-400-chart.png') });
  await ctx.close();
});
