// Bring your own timeline: each importer's file, opened or dropped as a newcomer
// would, shows its events, its categories and countries as chips, and no HTML
// tag as text. The files are the core's fixtures, written from each format's
// public documentation (crates/timeline-core/tests/fixtures/import).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, afterRender, shownCount, waitLoaded } from './harness.mjs';

const DIR = path.resolve('crates/timeline-core/tests/fixtures/import');
const file = (name) => fs.readFileSync(path.join(DIR, name));

/** Text as UTF-16LE bytes with a byte-order mark, as Windows' "Unicode" saves it. */
const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

let server, browser;
before(async () => {
  server = await serve(undefined, {
    '/fixtures/table.csv': file('table.csv').toString(),
    '/fixtures/gtd-windows-1252.csv': file('gtd-windows-1252.csv'),
    '/fixtures/plain-utf16.json': utf16(file('plain.json').toString()),
    '/fixtures/table.arrow': file('table.arrow'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function openFile(page, name, mimeType) {
  await page.setInputFiles('[data-action=open-file]', { name, mimeType, buffer: file(name) });
  await page.waitForFunction((n) => document.documentElement.dataset.source === n, name);
  await page.waitForSelector('html[data-ready="true"]');
}

const chips = (page, attr) => page.$$eval(`[${attr}]`, (els, a) => els.map((e) => e.getAttribute(a)), attr);

/** No text node of the page shows a tag (`<b>`, `<p>`…) or script text. */
async function noTagsAsText(page) {
  const bad = await page.evaluate(() => {
    const out = [];
    const w = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
    while (w.nextNode()) {
      const t = w.currentNode.textContent;
      if (/<\/?[a-z][^>]*>/i.test(t) || /alert\(/.test(t)) out.push(t);
    }
    return out;
  });
  assert.deepEqual(bad, []);
}

const CASES = [
  { name: 'timelinejs.json', mime: 'application/json', format: 'TimelineJs', shown: 4,
    kinds: ['Attacks', 'Treaties', 'event', 'Era'], countries: [] },
  { name: 'timelinejs-sheet.csv', mime: 'text/csv', format: 'TimelineJsSheet', shown: 3,
    kinds: ['Exercises', 'Era'], countries: [] },
  { name: 'vis.json', mime: 'application/json', format: 'VisTimeline', shown: 2, kinds: ['1', '2'], countries: [] },
  { name: 'acled.csv', mime: 'text/csv', format: 'Acled', shown: 3,
    kinds: ['Protests', 'Riots', 'Battles'], countries: ['KZ', 'KG'] },
  { name: 'gtd.csv', mime: 'text/csv', format: 'Gtd', shown: 3,
    kinds: ['Hostage Taking (Barricade Incident)', 'Bombing/Explosion', 'Unknown'], countries: ['RU', 'UZ', 'Soviet Union'] },
  { name: 'plain.json', mime: 'application/json', format: 'Native', shown: 3,
    kinds: ['protest', 'riot'], countries: ['KZ', 'KG', 'UZ', 'Kurdistan Region'] },
  // The ACLED table as pandas' to_feather writes it: an Arrow IPC file, LZ4-compressed.
  { name: 'acled.arrow', mime: 'application/vnd.apache.arrow.file', format: 'Acled', shown: 3,
    kinds: ['Protests', 'Riots', 'Battles'], countries: ['KZ', 'KG'] },
];

for (const c of CASES) {
  test(`${c.name} loads whole: its events, its categories and countries as chips, no HTML as text`, async () => {
    const page = await open(browser, server.url);
    await openFile(page, c.name, c.mime);
    assert.equal(await page.getAttribute('[data-testid=read-as]', 'data-format'), c.format);
    assert.equal(await shownCount(page), c.shown);
    assert.deepEqual(await chips(page, 'data-kind'), c.kinds);
    assert.deepEqual((await chips(page, 'data-country')).sort(), [...c.countries].sort());
    // Open every shown event: its details are text too.
    for (const id of await page.$$eval('.chart [data-event-id]', (els) => els.map((e) => e.dataset.eventId))) {
      // By keyboard: a mark at the very edge of the plot can sit under the lane's label (#10).
      await afterRender(page, async () => { await page.focus(`.chart [data-event-id="${id}"]`); await page.keyboard.press('Enter'); });
      await page.waitForSelector('[data-testid=details]');
      await noTagsAsText(page);
      await page.keyboard.press('Escape');
    }
    await noTagsAsText(page);
    // The first click on a category chip shows that category alone.
    await afterRender(page, () => page.click(`[data-kind="${c.kinds[0]}"]`));
    assert.ok((await shownCount(page)) >= 1 && (await shownCount(page)) <= c.shown);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a TimelineJS3 link keeps its address as a link, a script link is dropped', async () => {
  const page = await open(browser, server.url);
  await openFile(page, 'timelinejs.json', 'application/json');
  await afterRender(page, () => page.click('.chart [data-event-id="siege"]'));
  const links = await page.$$eval('[data-testid=details] [data-field=links] a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links, [['Report', 'https://example.org/report'], ['Media: A photo', 'https://example.org/photo.jpg']]);
  assert.match(await page.textContent('[data-testid=details]'), /500 BCE|1–3 September 2004/);
  await page.close();
});

test('a file dropped on the page is read (the first gesture of a newcomer)', async () => {
  const page = await open(browser, server.url);
  const text = file('acled.csv').toString();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped-acled.csv', { type: 'text/csv' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => document.documentElement.dataset.source === 'dropped-acled.csv');
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await shownCount(page), 3);
  // The bad row is named with its field; the valid rows show.
  await page.click('[data-testid=problems] summary');
  const items = await page.$$eval('[data-testid=problems] li', (li) => li.map((l) => l.textContent));
  // Named as the file does: the spreadsheet's row, ACLED's column (was: entry 4, field `date`).
  assert.ok(items.some((t) => /^row 5 \(BAD4\), column "event_date"/.test(t)), items.join('\n'));
  await page.close();
});

test('any table: the mapping step shows columns and rows, a choice re-reads the file and a link keeps it', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/table.csv`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 2);
  assert.equal(await page.getAttribute('[data-testid=read-as]', 'data-format'), 'Table');
  await page.click('[data-testid=column-mapping] summary');
  assert.equal(await page.$eval('select[data-role=date]', (s) => s.value), 'Event Date');
  assert.equal(await page.locator('.mapping-preview tbody tr').count(), 3);
  assert.deepEqual(await chips(page, 'data-kind'), ['Bombing', 'Meeting']);
  // The user says the category is the Country column.
  await page.selectOption('select[data-role=category]', 'Country');
  await page.selectOption('select[data-role=country]', '');
  await page.click('[data-action=apply-mapping]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-kind]')].some((e) => e.dataset.kind === 'Pakistan'));
  assert.deepEqual(await chips(page, 'data-kind'), ['Pakistan', 'China; Russia']);
  const url = page.url();
  assert.match(url, /[?&]map=/);
  await page.close();
  // The shared link reproduces the choice.
  const again = await open(browser, url);
  await waitLoaded(again);
  assert.deepEqual(await chips(again, 'data-kind'), ['Pakistan', 'China; Russia']);
  await again.close();
});

test('an Arrow file by link: rows named from 1, the mapping step as for a CSV', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/table.arrow`);
  await waitLoaded(page);
  assert.equal(await shownCount(page), 2);
  assert.equal(await page.getAttribute('[data-testid=read-as]', 'data-format'), 'ArrowTable');
  assert.match(await page.textContent('[data-testid=read-as]'), /read as an Arrow table with the columns mapped/);
  await page.click('[data-testid=column-mapping] summary');
  assert.equal(await page.$eval('select[data-role=date]', (s) => s.value), 'Event Date');
  assert.deepEqual(await chips(page, 'data-kind'), ['Bombing', 'Meeting']);
  await page.close();
  // The ACLED file's bad row: the fourth row (no header row in Arrow), ACLED's column.
  const other = await open(browser, server.url);
  await openFile(other, 'acled.arrow', 'application/vnd.apache.arrow.file');
  await other.click('[data-testid=problems] summary');
  const items = await other.$$eval('[data-testid=problems] li', (li) => li.map((l) => l.textContent));
  assert.ok(items.some((t) => /^row 4 \(BAD4\), column "event_date"/.test(t)), items.join('\n'));
  assert.deepEqual(other.errors, []);
  await other.close();
});

test('a table without a date column opens the mapping step and says what to choose', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('[data-action=open-file]', { name: 'nodate.csv', mimeType: 'text/csv', buffer: file('nodate.csv') });
  await page.waitForFunction(() => document.documentElement.dataset.load === 'failed');
  assert.match(await page.textContent('[data-testid=load-status]'), /choose the date column/);
  assert.notEqual(await page.getAttribute('[data-testid=column-mapping]', 'open'), null, 'the mapping step is open');
  assert.equal(await shownCount(page), 65, 'the built-in dataset stays');
  await page.close();
});

test('the shown events download as JSON and CSV that load back to the same events', async () => {
  const page = await open(browser, `${server.url}?c=KZ`);
  const n = await shownCount(page);
  for (const kind of ['json', 'csv']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action=export-${kind}]`)]);
    const text = fs.readFileSync(await dl.path(), 'utf8');
    const back = await open(browser, server.url);
    await back.setInputFiles('[data-action=open-file]', { name: `back.${kind}`, mimeType: kind === 'csv' ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
    await back.waitForFunction((k) => document.documentElement.dataset.source === `back.${k}`, kind);
    await back.waitForSelector('html[data-ready="true"]');
    assert.equal(await shownCount(back), n, kind);
    await back.close();
  }
  await page.close();
});

const problemsOf = (page, which) => page.$$eval(`[data-testid=${which}] li`, (li) => li.map((l) => l.textContent));

test('GTD\'s Windows-1252 download reads "Genève", by file and by link, and says how it was read', async () => {
  for (const how of ['file', 'link']) {
    const page = await open(browser, how === 'link' ? `${server.url}?data=/fixtures/gtd-windows-1252.csv` : server.url);
    if (how === 'file') await openFile(page, 'gtd-windows-1252.csv', 'text/csv');
    await waitLoaded(page);
    assert.equal(await shownCount(page), 2, how);
    // Titles are drawn (and labelled) with the city: "Bombing/Explosion on business in Genève".
    const html = await page.$eval('.app', (a) => a.innerHTML);
    assert.ok(html.includes('in Genève'), `${how}: Genève is shown`);
    assert.ok(!html.includes('\uFFFD') && !html.includes('Gen\u00c3'), `${how}: no replacement character or mojibake`);
    assert.match(await page.textContent('[data-testid=read-as]'), /GTD|Global Terrorism Database.*its text as windows-1252/);
    await page.click('[data-testid=problems] summary');
    const items = await problemsOf(page, 'problems');
    assert.match(items[0], /not UTF-8.*read as Windows-1252.*save the file as UTF-8/, how);
    await page.close();
  }
});

test('a UTF-16 file with a byte-order mark loads by link as by file', async () => {
  const page = await open(browser, `${server.url}?data=/fixtures/plain-utf16.json`);
  await waitLoaded(page);
  assert.equal(await page.getAttribute('html', 'data-load'), 'idle', 'loaded, not failed');
  assert.equal(await page.getAttribute('html', 'data-source'), '/fixtures/plain-utf16.json');
  assert.equal(await shownCount(page), 3);
  await page.setInputFiles('[data-action=open-file]', { name: 'plain-utf16.json', mimeType: 'application/json', buffer: utf16(file('plain.json').toString()) });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'plain-utf16.json');
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await shownCount(page), 3);
  await page.close();
});

test('a refused file says which dataset is still shown, and lists its own reasons', async () => {
  const page = await open(browser, server.url);
  await openFile(page, 'acled.csv', 'text/csv');
  assert.equal(await shownCount(page), 3);
  await page.setInputFiles('[data-action=open-file]', { name: 'undated.json', mimeType: 'application/json',
    buffer: Buffer.from('[{"title":"A"},{"title":"B","date":"soon"}]') });
  await page.waitForFunction(() => document.documentElement.dataset.load === 'failed');
  const status = await page.textContent('[data-testid=load-status]');
  assert.match(status, /^undated\.json was not taken \(read as .*\): none of its entries is an event/);
  assert.match(status, /Still showing the dataset acled\.csv\.$/);
  assert.doesNotMatch(status, /built-in|above|below/);
  assert.equal(await shownCount(page), 3, 'the previous dataset stays');
  // The load status says how it was read and why not: no second line for it.
  assert.equal(await page.locator('[data-testid=read-as]').count(), 0);
  // A list of objects read through the mapping: its keys named as the file writes them,
  // and the reason the status gives is not said again.
  assert.match(await page.textContent('[data-testid=refused-problems] summary'), /^2 problems in undated\.json$/);
  assert.deepEqual(await problemsOf(page, 'refused-problems'), [
    'entry 0, key "date": is missing',
    'entry 1, key "date": "soon" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
  ]);
  // The problems panel still lists the shown dataset's own (ACLED's bad row).
  await page.click('[data-testid=problems] summary');
  assert.ok((await problemsOf(page, 'problems')).some((t) => /BAD4/.test(t)));
  await page.close();
});

test('"When, What, Where, Deaths" is mapped; a table without a title column opens the mapping step', async () => {
  const page = await open(browser, server.url);
  await openFile(page, 'when-what-where.csv', 'text/csv');
  assert.equal(await shownCount(page), 3);
  assert.doesNotMatch(await page.textContent('.app'), /Untitled event/);
  assert.equal(await page.getAttribute('[data-testid=column-mapping]', 'open'), null, 'closed: nothing needed is missing');
  await page.setInputFiles('[data-action=open-file]', { name: 'untitled.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Day,Toll,Region\n2010-03-29,40,Moscow\n2011-01-24,37,Moscow\n') });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'untitled.csv');
  await page.waitForSelector('html[data-ready="true"]');
  const step = '[data-testid=column-mapping]';
  assert.notEqual(await page.getAttribute(step, 'open'), null, 'the mapping step opened itself');
  assert.equal(await page.getAttribute(step, 'data-missing'), 'title');
  assert.match(await page.textContent('[data-testid=mapping-missing]'), /No column was recognised as the title/);
  await page.close();
});

test('a 5,000-column table does not build an option per column per role', async () => {
  const cols = Array.from({ length: 5000 }, (_, i) => (i === 0 ? 'date' : i === 1 ? 'title' : `c${i}`));
  const csv = `${cols.join(',')}\n${cols.map((c, i) => (i === 0 ? '2004' : i === 1 ? 'x' : '1')).join(',')}\n`;
  const page = await open(browser, server.url);
  await page.setInputFiles('[data-action=open-file]', { name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'wide.csv');
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await shownCount(page), 1);
  const counts = await page.evaluate(() => ({
    options: document.querySelectorAll('[data-testid=column-mapping] option').length,
    inputs: document.querySelectorAll('[data-testid=column-mapping] input[data-role]').length,
    th: document.querySelectorAll('.mapping-preview th').length,
  }));
  assert.ok(counts.options <= 5000, `${counts.options} options`);
  assert.equal(counts.inputs, 12);
  assert.equal(counts.th, 60);
  assert.equal(await page.$eval('input[data-role=date]', (i) => i.value), 'date');
  await page.close();
});

test('a dataset that names no country shows no Countries facet and no per-country chart', async () => {
  const page = await open(browser, server.url);
  assert.equal(await page.locator('[data-chart=countries]').count(), 1, 'the built-in dataset has one');
  await openFile(page, 'vis.json', 'application/json');
  assert.equal(await shownCount(page), 2);
  assert.deepEqual(await page.$$eval('.facet-title', (l) => l.map((x) => x.textContent)).then((t) => t.filter((x) => /Countr|Member/.test(x))), []);
  assert.equal(await page.locator('[data-chart=countries]').count(), 0);
  assert.equal(await page.locator('[data-country-row]').count(), 0);
  await page.close();
});

/** What the page says when a file is refused: the load status, and every box that says something about the file. */
async function refuse(page, name, buffer, how = 'input') {
  if (how === 'input') {
    await page.setInputFiles('[data-action=open-file]', { name, mimeType: 'application/octet-stream', buffer });
  } else {
    await page.evaluate(([n, bytes]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], n));
      document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [name, [...buffer]]);
  }
  await page.waitForFunction(() => document.documentElement.dataset.load === 'failed');
  return {
    status: await page.textContent('[data-testid=load-status]'),
    boxes: await page.$$eval('.data-source .notice.error, .data-source .problems', (els) => els.map((e) => e.textContent)),
  };
}

// A 1×1 PNG, as a screenshot tool writes it.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

test('a picture, a workbook or an empty file is refused once, in its own terms, by its bytes not its name', async () => {
  const cases = [
    ['photo.png', PNG, /^photo\.png was not taken: this is a PNG image, not a timeline: open the timeline's data \(JSON, CSV or an Arrow file\) instead\. Still showing the built-in dataset\.$/],
    // Named like a CSV: its bytes say what it is.
    ['events.csv', PNG, /^events\.csv was not taken: this is a PNG image/],
    ['book.xlsx', Buffer.concat([Buffer.from('504b0304140006000800', 'hex'), Buffer.from('[Content_Types].xml xl/workbook.xml')]),
      /this is an Excel workbook \(\.xlsx\), not a timeline: save the sheet as CSV \(File → Save as → CSV UTF-8\) and open that\./],
    ['events.parquet', Buffer.from('PAR1\x15\x04\x15\x10', 'latin1'), /this is a Parquet file, which this timeline does not read: write it as Feather \(Arrow IPC\) or CSV/],
    ['empty.csv', Buffer.alloc(0), /^empty\.csv was not taken: the file is empty\. Still showing the built-in dataset\.$/],
    ['blank.json', Buffer.from('\ufeff  \n\n'), /^blank\.json was not taken: the file is empty\./],
    // Plain words: not said to have been read as a table, then not to be one.
    ['notes.txt', Buffer.from('Meeting notes\nbring the slides\n'), /^notes\.txt was not taken: this is not a timeline, neither JSON nor a table with columns \(CSV\)\. Still showing the built-in dataset\.$/],
  ];
  for (const [how, i] of [['input', 0], ['drop', 1]]) {
    for (const [name, bytes, want] of cases.filter((_, k) => k % 2 === i)) {
      const page = await open(browser, server.url);
      const { status, boxes } = await refuse(page, name, bytes, how);
      assert.match(status, want, `${how} ${name}`);
      // Not read as text at all (plain words are: they say so once).
      if (name !== 'notes.txt') assert.doesNotMatch(status, /not UTF-8|Windows-1252|neither JSON nor/, name);
      // Said once: one box, no list of the same reason, no "read as" line.
      assert.equal(boxes.length, 1, `${name}: ${boxes.join(' | ')}`);
      assert.equal(await page.locator('[data-testid=read-as]').count(), 0);
      assert.equal(await shownCount(page), 65, 'the built-in dataset stays');
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test('a CSV whose quote never closes keeps the rows before it and names where it opens', async () => {
  const page = await open(browser, server.url);
  const csv = 'date,title,kind\n2001-01-01,First,Attack\n2002-01-01,Second,Attack\n2003-01-01,Third,Protest\n2004-01-01,"Fifth,Protest\n2005-01-01,Sixth,Protest\n';
  await page.setInputFiles('[data-action=open-file]', { name: 'quote.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.documentElement.dataset.source === 'quote.csv');
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await shownCount(page), 3, 'the rows before it');
  await page.click('[data-testid=problems] summary');
  assert.deepEqual(await problemsOf(page, 'problems'), [
    'row 5, column "title": a quote (") opens here and is never closed, so the rest of the file (1 more line) was read into this cell: '
      + 'this row and the lines after it are left out, the rows before it are read (close the quote, and write a quote inside a cell as two: "")',
  ]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
