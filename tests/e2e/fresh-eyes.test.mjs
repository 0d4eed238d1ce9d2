// From a fresh-eyes review of the first minute under the visitor's own
// settings: the static first view (before the app runs) follows a dark OS and
// passes axe; a frame whose ?data= link fails says so; a short frame's caption
// keeps its date readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, heldBack, axeViolations } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page whose app module is held back: what it shows is the static first view. */
const staticView = (options) => heldBack(browser, server.url, options);

const luminance = (rgb) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('with a dark OS the static first view is dark already (no light flash before the app)', async () => {
  const { page, done } = await staticView({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
  assert.equal(await page.getAttribute('html', 'data-ready'), null, 'the app has not run');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const chart = await page.evaluate(() => getComputedStyle(document.querySelector('#boot .chart-svg, #boot svg')).color);
  assert.ok(luminance(bg) < 0.05, `the page is dark: ${bg}`);
  assert.ok(luminance(chart) > 0.3, `its chart's text is light: ${chart}`);
  await done();
});

test('the static first view has no axe violations (a dark OS, forced colours)', async () => {
  for (const media of [{ colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
      const { page, done } = await staticView({ viewport, ...media });
      const v = await axeViolations(page);
      assert.deepEqual(v, [], `${JSON.stringify(media)} ${viewport.width}px:\n${v.join('\n')}`);
      await done();
    }
  }
});

test('a frame whose ?data= link cannot be loaded says so, and what it shows instead', async () => {
  const page = await open(browser, `${server.url}?embed=1&data=missing.csv`, { width: 480, height: 300 });
  await page.waitForFunction(() => document.documentElement.dataset.load === 'failed');
  const note = page.locator('[data-testid=load-status]');
  assert.match(await note.textContent(), /Could not load the dataset at missing\.csv: .*404.*Still showing the built-in dataset/);
  const box = await note.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 300 && box.width > 0, `seen in the frame: ${JSON.stringify(box)}`);
  assert.ok(await page.locator('.chart [data-event-id]').count() > 0, 'the built-in dataset is drawn');
  // The browser's own line for the 404 is expected; nothing else.
  assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await page.close();
});

test('in a short frame the caption\'s date is never cut to a letter', async () => {
  const page = await open(browser, `${server.url}?embed=1&e=observer-mongolia-2004`, { width: 480, height: 300 });
  const m = await page.$eval('[data-testid=caption] [data-field=meta]', (el) => {
    const c = document.createElement('canvas').getContext('2d');
    c.font = getComputedStyle(el).font;
    const date = el.textContent.split(' · ')[0];
    return { date, need: c.measureText(date).width, has: el.clientWidth };
  });
  assert.ok(m.has >= m.need, `"${m.date}" needs ${m.need.toFixed(0)} px, has ${m.has} px`);
  await page.close();
});
