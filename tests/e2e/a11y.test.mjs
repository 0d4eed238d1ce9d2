// Accessibility as auditors check it: axe-core (pinned in package.json) on every
// view, with the app's strict CSP kept — axe is evaluated by the test driver
// (DevTools protocol), not added to the page as a script the CSP would refuse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, open, afterRender, waitLoaded } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FIX = path.resolve('crates/timeline-core/tests/fixtures/import');

let server, browser;
before(async () => {
  server = await serve(undefined, { '/fixtures/table.csv': fs.readFileSync(path.join(FIX, 'table.csv'), 'utf8') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** axe's violations on the page as "rule: target (summary)" lines; none is the goal. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 220)}`));
  });
  return found;
}

const THEMES = ['light', 'dark', 'contrast'];
/** Every view a user meets: [name, query, viewport, what to do after load]. */
const VIEWS = [
  ['home', '', null],
  ['list', 'v=list', null],
  ['an open event', 'e=beslan-2004', null],
  ['lanes by country', 'g=country', null],
  ['dark', 'theme=dark', null],
  ['contrast', 'theme=contrast', null],
  ['dark, an open event, lanes by country', 'theme=dark&g=country&e=beslan-2004', null],
  ['phone', '', { width: 390, height: 844 }],
  ['phone, dark, an open event', 'theme=dark&e=beslan-2004', { width: 390, height: 844 }],
  ['embed dialog', '', null, async (p) => { await p.click('[data-action=embed]'); await p.waitForSelector('[role=dialog]'); }],
  ['import mapping step', 'data=/fixtures/table.csv', null, async (p) => {
    await waitLoaded(p); await p.click('[data-testid=column-mapping] summary');
  }],
  ['presenting', '', null, async (p) => { await p.click('[data-action=present]'); await p.waitForSelector('[data-testid=presenter-progress]'); }],
  ...THEMES.flatMap((t) => [
    [`embed, ${t}`, `embed=1&theme=${t}&e=beslan-2004`, { width: 960, height: 540 }],
    [`presenter embed, ${t}`, `embed=1&present=1&theme=${t}`, { width: 1280, height: 720 }],
    [`presenter embed on a phone, ${t}`, `embed=1&present=1&theme=${t}`, { width: 390, height: 700 }],
    [`embed with full details, ${t}`, `embed=1&theme=${t}&e=beslan-2004`, { width: 960, height: 540 },
      async (p) => { await p.click('[data-action=caption-full]'); await p.waitForSelector('[data-testid=details]'); }],
  ]),
];

for (const [name, query, viewport, then] of VIEWS) {
  test(`axe: ${name} has no violations`, async () => {
    const page = await open(browser, `${server.url}?${query}`, viewport ?? undefined);
    if (then) await then(page);
    // The map and the statistics draw after the chart: wait for them where they show.
    await page.waitForFunction(() => !document.querySelector('.stats') || document.querySelector('.stats canvas, .stats svg'));
    const v = await axeViolations(page);
    assert.deepEqual(v, [], `${name}:\n${v.join('\n')}`);
    await page.close();
  });
}
