// Our own download opens on the same view: "Download what is shown → CSV" (and
// JSON), then that file through "Open a dataset…", shows the same lanes (names,
// order, symbols and colours), the same kinds in the legend, the same chip
// groups ("Member states", "Observers and partners") with the same states and
// counts (a member's count includes the SCO-wide events) as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open, shownCount } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What the view shows of lanes, kinds and chips, as text and classes. */
const snapshot = (page) => page.evaluate(() => {
  const text = (el, sel) => el.querySelector(sel)?.textContent.trim() ?? '';
  const lanes = [...document.querySelectorAll('.chart g.lane')]
    .map((g) => ({ label: text(g, '.lane-label'), class: g.getAttribute('class') }));
  const kinds = [...document.querySelectorAll('[data-kind]')].map((b) => ({
    kind: b.dataset.kind, name: text(b, '.chip-name'), count: text(b, '.count'),
    symbol: b.querySelector('.legend-symbol')?.innerHTML ?? '',
  }));
  const facet = document.querySelector('[data-country]')?.closest('fieldset');
  const groups = [];
  if (facet) {
    let title = text(facet, '.facet-title');
    for (const el of facet.querySelectorAll('.facet-subtitle, .chips')) {
      if (el.matches('.facet-subtitle')) { title = el.textContent.trim(); continue; }
      groups.push({
        title,
        chips: [...el.querySelectorAll('[data-country]')].map((c) => ({
          code: c.dataset.country, name: text(c, '.chip-name'), count: text(c, '.count'),
          named: c.querySelector('.count')?.dataset.named,
        })),
      });
    }
  }
  return { lanes, kinds, groups };
});

for (const kind of ['csv', 'json']) {
  test(`the whole built-in dataset downloaded as ${kind.toUpperCase()} opens on the same lanes, kinds and chips`, async () => {
    const page = await open(browser, server.url);
    const n = await shownCount(page);
    const was = await snapshot(page);
    // The case the newcomer found: Russia counts its 21 events and the 22 SCO-wide ones.
    const ru = was.groups[0].chips.find((c) => c.code === 'RU');
    assert.equal(was.groups[0].title, 'Member states');
    assert.equal(was.groups[1].title, 'Observers and partners');
    assert.deepEqual([ru.count, ru.named], ['43', '21']);
    assert.deepEqual(was.lanes.map((l) => l.label), ['Attacks', 'Exercises', 'Statements', 'Documents', 'Milestones']);

    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action=export-${kind}]`)]);
    const text = fs.readFileSync(await dl.path(), 'utf8');
    const back = await open(browser, server.url);
    await back.setInputFiles('[data-action=open-file]', {
      name: `shown.${kind}`, mimeType: kind === 'csv' ? 'text/csv' : 'application/json', buffer: Buffer.from(text),
    });
    await back.waitForFunction((k) => document.documentElement.dataset.source === `shown.${k}`, kind);
    await back.waitForSelector('html[data-ready="true"]');
    assert.equal(await shownCount(back), n);
    assert.deepEqual(await snapshot(back), was);
    await back.close();
    await page.close();
  });
}
