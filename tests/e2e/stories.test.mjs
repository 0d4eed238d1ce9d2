// Stories end to end (docs/stories.md): a three-scene story made through the
// interface only (add scene, title and caption, a note on an event, a title
// card, reorder, undo and redo), saved, opened again from the file and from
// links (inline and an address), played by keys, in a frame driven by a host
// and in the reveal.js deck; axe-core on the authoring and playing views in
// every theme; the player in frames of slide sizes without text over text.
// Waits for what the app exposes (data-scene-index, data-ready), never for time.
// No test depends on another: the ones that need the saved three-scene story
// ask threeScenes(), which makes it through the interface once per run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, DIST, axeViolations } from './harness.mjs';
import { textBoxes, overlaps } from './frame-check.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'target/e2e-shots/stories');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/stories/sco-decade.json'), 'utf8');

const fixtures = {};
let server, other, browser;
before(async () => {
  server = await serve(DIST, fixtures);
  other = await serve(DIST, fixtures);
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); await other?.close(); });

const sceneIndex = (p) => p.getAttribute('html', 'data-scene-index');
const waitScene = (p, i) => p.waitForSelector(`html[data-scene-index="${i}"]`, { state: 'attached' });
const rows = (p) => p.$$eval('[data-testid=scene-list] .scene-pick', (b) => b.map((x) => x.textContent.trim()));

/** A page that prefers reduced motion: scenes change at once. */
async function openStill(url, viewport) {
  const page = await browser.newPage({ viewport: viewport ?? { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

/** Makes the three-scene story through the interface only, on `page`: add scene,
 *  title and caption, a note and a highlight, a title card, reorder, undo, redo. */
async function authorThreeScenes(page) {
  await page.click('[data-action=story]');
  await page.waitForSelector('[data-testid=story-panel]');
  await page.fill('[data-field=story-title]', 'Three scenes');
  await page.press('[data-field=story-title]', 'Tab');
  // Scene 1: the whole span, by kind.
  await page.click('[data-action=add-scene]');
  await page.fill('[data-field=scene-title]', 'Everything');
  await page.press('[data-field=scene-title]', 'Tab');
  await page.fill('[data-field=scene-caption]', 'All the events. Source: https://isdp.eu/');
  await page.press('[data-field=scene-caption]', 'Tab');
  // Scene 2: lanes by country, and a note on Beslan.
  await page.click('[data-action=group-country]');
  await page.click('[data-action=add-scene]');
  await page.fill('[data-field=scene-title]', 'By country');
  await page.press('[data-field=scene-title]', 'Tab');
  await page.selectOption('[data-field=note-event]', 'beslan-2004');
  await page.fill('[data-field=note-text]', 'Beslan school siege');
  await page.click('[data-action=add-note]');
  await page.waitForSelector('[data-note-row="Beslan school siege"]');
  await page.click('[data-action=toggle-highlight]');
  await page.waitForSelector('[data-action=toggle-highlight][aria-pressed=true]');
  // Scene 3: a title card, then moved up to be second.
  await page.click('[data-action=add-card]');
  await page.fill('[data-field=scene-title]', 'Interlude');
  await page.press('[data-field=scene-title]', 'Tab');
  assert.deepEqual(await rows(page), ['1. Everything', '2. By country', '3. Interlude (title card)']);
  await page.click('[data-scene-row="3"] [data-action=scene-up]');
  await page.waitForFunction(() => document.querySelector('[data-scene-row="2"]').textContent.includes('Interlude'));
  await page.click('[data-action=story-undo]');
  await page.waitForFunction(() => document.querySelector('[data-scene-row="3"]').textContent.includes('Interlude'));
  await page.click('[data-action=story-redo]');
  await page.waitForFunction(() => document.querySelector('[data-scene-row="2"]').textContent.includes('Interlude'));
  assert.deepEqual(await rows(page), ['1. Everything', '2. Interlude (title card)', '3. By country']);
}

/** Saves the story shown on `page` as a file; its text. */
async function saveStory(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=story-save]')]);
  assert.equal(download.suggestedFilename(), 'three-scenes.json');
  return fs.readFileSync(await download.path(), 'utf8');
}

let threeMade = null;
/** The three-scene story as saved, made through the interface in a page of its own,
 *  and served as /fixtures/three.json. Each test that needs it asks for it, so no
 *  test depends on another having run; it is made once per run of this file. */
function threeScenes() {
  threeMade ??= (async () => {
    const page = await openStill(server.url);
    await authorThreeScenes(page);
    const text = await saveStory(page);
    await page.close();
    fixtures['/fixtures/three.json'] = text;
    return text;
  })();
  return threeMade;
}

test('a three-scene story made through the interface, saved, and played by keys', async () => {
  const page = await openStill(server.url);
  await authorThreeScenes(page);
  await page.screenshot({ path: path.join(SHOTS, 'authoring.png') });

  // Saved as a file.
  const json = JSON.parse(await saveStory(page));
  assert.equal(json.format, 'sco-timeline-story');
  assert.equal(json.scenes.length, 3);
  assert.equal(json.scenes[1].view, null);

  // Exported: one SVG per scene (the title card too), and a printable handout (drawn in the worker).
  const files = [];
  page.on('download', (d) => files.push(d));
  await page.click('[data-action=story-svg]');
  await page.waitForFunction(() => document.querySelectorAll('[data-export$=".svg"]').length === 0);
  while (files.length < 3) await page.waitForEvent('download');
  assert.deepEqual(files.map((d) => d.suggestedFilename()), ['three-scenes-scene-01.svg', 'three-scenes-scene-02.svg', 'three-scenes-scene-03.svg']);
  assert.match(fs.readFileSync(await files[1].path(), 'utf8'), /<svg[\s\S]*Interlude/);
  const [handout] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=story-handout]')]);
  assert.equal(handout.suggestedFilename(), 'three-scenes-handout.html');
  assert.match(fs.readFileSync(await handout.path(), 'utf8'), /By country/);

  // Played from the first scene by keys.
  await page.click('[data-scene-row="1"] .scene-pick');
  await page.click('[data-action=story-play]');
  await waitScene(page, 1);
  assert.equal(await page.getAttribute('html', 'data-scene-count'), '3');
  assert.match(await page.textContent('[data-testid=announce]'), /Scene 1 of 3: Everything\. All the events/);
  assert.equal(await page.getAttribute('[data-testid=scene-caption] a', 'href'), 'https://isdp.eu/');
  await page.keyboard.press('ArrowRight');
  await waitScene(page, 2);
  await page.waitForSelector('[data-testid=story-card]');
  assert.equal(await page.$('[data-testid=chart]'), null, 'a title card has no chart');
  await page.keyboard.press(' ');
  await waitScene(page, 3);
  await page.waitForSelector('.story-note[data-note="Beslan school siege"]');
  await page.waitForSelector('.mark.highlighted[data-event-id=beslan-2004]');
  assert.match(await page.textContent('[data-testid=announce]'), /Scene 3 of 3: By country/);
  await page.screenshot({ path: path.join(SHOTS, 'playing.png') });
  await page.keyboard.press('ArrowRight');
  assert.equal(await sceneIndex(page), '3', 'the last scene stays');
  await page.keyboard.press('ArrowLeft');
  await waitScene(page, 2);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-scene-index'));
  await page.waitForSelector('[data-testid=story-panel]');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a saved story opens again from its file, from an inline link and from an address; a bad scene is named and skipped', async () => {
  const saved = await threeScenes();
  const page = await openStill(server.url);
  const file = path.join(SHOTS, 'three-scenes.json');
  fs.writeFileSync(file, saved);
  // Through "Open a dataset…": a story file is told apart and opens as a story.
  await page.setInputFiles('[data-action=open-file]', file);
  await page.waitForSelector('[data-testid=story-panel]');
  assert.deepEqual(await rows(page), ['1. Everything', '2. Interlude (title card)', '3. By country']);
  await page.close();

  const inline = await openStill(`${server.url}?story=${encodeURIComponent(JSON.stringify(JSON.parse(saved)))}`);
  await waitScene(inline, 1);
  assert.equal(await inline.getAttribute('html', 'data-scene-count'), '3');
  await inline.close();

  const linked = await openStill(`${server.url}?story=${encodeURIComponent('/fixtures/three.json')}`);
  await waitScene(linked, 1);
  await linked.keyboard.press('End');
  await waitScene(linked, 3);
  await linked.close();

  const bad = JSON.parse(saved);
  bad.scenes.splice(1, 0, { title: 'Broken', view: 42 });
  fixtures['/fixtures/bad.json'] = JSON.stringify(bad);
  const p = await openStill(`${server.url}?story=/fixtures/bad.json`);
  await waitScene(p, 1);
  assert.equal(await p.getAttribute('html', 'data-scene-count'), '3', 'the rest plays');
  assert.match(await p.textContent('[data-testid=story-problems] summary'), /problem/);
  assert.match(await p.$eval('[data-testid=story-problems]', (d) => d.textContent), /Scene 2 \(“Broken”\)/);
  await p.close();
});

test('in a frame: a read-only player the host drives, told of each scene', async () => {
  await threeScenes();
  fixtures['/story-host.html'] = `<!doctype html><meta charset="utf-8"><script>window.heard = []; addEventListener('message', (e) => { if (e.data?.event === 'scene') heard.push(e.data); });</script>
<iframe src="${server.url}index.html?embed=1&controls=zoom&story=/fixtures/three.json&origins=${encodeURIComponent(new URL(other.url).origin)}" width="900" height="500"></iframe>`;
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  await page.goto(`${other.url}story-host.html`);
  const f = page.frames()[1];
  await f.waitForSelector('html[data-scene-index="1"]', { state: 'attached' });
  assert.equal(await f.$('[data-action=story-leave]'), null, 'no way out of a read-only player');
  assert.equal(await f.$('[data-testid=story-panel]'), null, 'no editing in a frame');
  const origin = new URL(server.url).origin;
  await page.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'sco-timeline', action: 'goToScene', scene: 3 }, o), origin);
  await f.waitForSelector('html[data-scene-index="3"]', { state: 'attached' });
  await page.waitForFunction(() => heard.some((m) => m.index === 3 && m.count === 3 && m.title === 'By country'));
  await page.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'sco-timeline', action: 'stepScene', by: -1 }, o), origin);
  await f.waitForSelector('html[data-scene-index="2"]', { state: 'attached' });
  // Keys in the frame, once it has focus.
  await f.click('[data-testid=story-card]');
  await f.press('body', 'ArrowRight');
  await f.waitForSelector('html[data-scene-index="3"]', { state: 'attached' });
  await page.close();
});

test('the reveal.js deck plays the example story: each fragment goes to a scene', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  await page.goto(`${other.url}examples/presentation/index.html?app=${encodeURIComponent(server.url)}`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  const index = await page.evaluate(() => [...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === 'story'));
  await page.evaluate((i) => window.Reveal.slide(i), index);
  await page.waitForFunction(() => document.body.dataset.scene === '1');
  const f = page.frames().find((x) => x.url().includes('story='));
  await f.waitForSelector('html[data-scene-index="1"]', { state: 'attached' });
  for (const n of [2, 3]) {
    await page.evaluate(() => window.Reveal.next());
    await page.waitForFunction((s) => document.body.dataset.scene === String(s), n);
    await f.waitForSelector(`html[data-scene-index="${n}"]`, { state: 'attached' });
  }
  await page.evaluate(() => window.Reveal.prev());
  await page.waitForFunction(() => document.body.dataset.scene === '2');
  await page.screenshot({ path: path.join(SHOTS, 'deck.png') });
  await page.close();
});

test('the example story plays through by keys in the full page (scenes with an open event too)', async () => {
  fixtures['/fixtures/decade.json'] = EXAMPLE;
  const page = await openStill(`${server.url}?story=/fixtures/decade.json`);
  await waitScene(page, 1);
  const n = Number(await page.getAttribute('html', 'data-scene-count'));
  assert.equal(n, JSON.parse(EXAMPLE).scenes.length);
  for (let i = 2; i <= n; i++) {
    await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
    await waitScene(page, i);
  }
  for (let i = n - 1; i >= 1; i--) {
    await page.keyboard.press('ArrowLeft');
    await waitScene(page, i);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a story that names its dataset loads it and plays on it; when it cannot, it plays on the data shown and says so', async () => {
  // A small dataset: six events of the built-in one, and one of its own.
  const all = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/events.json'), 'utf8'));
  const own = { ...all.events.find((e) => e.id === 'beslan-2004'), id: 'only-in-the-small-set', title: 'Only in the small set' };
  fixtures['/fixtures/small.json'] = JSON.stringify({ ...all, title: 'A small set', events: [...all.events.slice(0, 6), own] });
  const story = (data) => JSON.stringify({
    format: 'sco-timeline-story', version: 1, title: 'On its own data', data,
    scenes: [
      { title: 'Its own event', caption: 'One the built-in data does not have.', view: 'w=2004-01-01~2005-01-01&g=kind', highlight: ['only-in-the-small-set'],
        annotations: [{ event: 'only-in-the-small-set', text: 'Here it is' }] },
      { title: 'The end', caption: 'A title card.', view: null },
    ],
  });
  fixtures['/fixtures/own-data.json'] = story('/fixtures/small.json');
  fixtures['/fixtures/lost-data.json'] = story('/fixtures/nowhere.json');

  const page = await openStill(`${server.url}?story=/fixtures/own-data.json`);
  await waitScene(page, 1);
  assert.equal(await page.getAttribute('html', 'data-source'), '/fixtures/small.json');
  await page.waitForSelector('.mark.highlighted[data-event-id=only-in-the-small-set]');
  await page.waitForSelector('.story-note[data-note="Here it is"]');
  assert.equal(await page.$('[data-testid=story-problems]'), null, 'nothing is missing from its own data');
  assert.equal(await page.getAttribute('html', 'data-scene-count'), '2');
  await page.keyboard.press('ArrowRight');
  await waitScene(page, 2);
  assert.deepEqual(page.errors, []);
  await page.close();

  // Its data is not there: the story plays on the built-in data, the failure said, the missing event named.
  const lost = await openStill(`${server.url}?story=/fixtures/lost-data.json`);
  await waitScene(lost, 1);
  assert.equal(await lost.getAttribute('html', 'data-source'), 'built-in');
  assert.match(await lost.textContent('[data-testid=story-notice]'), /could not be loaded[\s\S]*nowhere\.json/);
  assert.match(await lost.$eval('[data-testid=story-problems]', (d) => d.textContent), /only-in-the-small-set/);
  await lost.close();

  // In a frame, from a host's playStory: the same.
  fixtures['/data-host.html'] = `<!doctype html><meta charset="utf-8"><iframe src="${server.url}index.html?embed=1&origins=${encodeURIComponent(new URL(other.url).origin)}" width="900" height="500"></iframe>`;
  const host = await browser.newPage({ reducedMotion: 'reduce' });
  await host.goto(`${other.url}data-host.html`);
  const f = host.frames()[1];
  await f.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await host.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'sco-timeline', action: 'playStory', story: '/fixtures/own-data.json' }, o), new URL(server.url).origin);
  await f.waitForSelector('html[data-scene-index="1"][data-source="/fixtures/small.json"]', { state: 'attached' });
  await f.waitForSelector('.mark.highlighted[data-event-id=only-in-the-small-set]');
  await host.close();
});

test('a story file dropped on the page opens as a story to edit; a dataset dropped after it still opens as data', async () => {
  const saved = await threeScenes();
  const page = await openStill(server.url);
  const drop = (text, name) => page.evaluate(([t, n]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    document.querySelector('.app').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [text, name]);
  await drop(saved, 'three-scenes.json');
  await page.waitForSelector('[data-testid=story-panel]');
  assert.deepEqual(await rows(page), ['1. Everything', '2. Interlude (title card)', '3. By country']);
  assert.equal(await page.inputValue('[data-field=story-title]'), 'Three scenes');
  assert.equal(await page.getAttribute('html', 'data-source'), 'built-in', 'the dataset stays');
  // It plays from the panel.
  await page.click('[data-scene-row="1"] .scene-pick');
  await page.click('[data-action=story-play]');
  await waitScene(page, 1);
  await page.keyboard.press('Escape');
  // A dataset dropped is a dataset, not a story.
  const all = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/events.json'), 'utf8'));
  await drop(JSON.stringify({ ...all, events: all.events.slice(0, 4) }), 'four.json');
  await page.waitForSelector('html[data-source="four.json"][data-shown-count="4"]');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the embed dialog plays the story: its link is a read-only player that works in a frame', async () => {
  await threeScenes();
  const page = await openStill(`${server.url}?story=/fixtures/three.json`);
  await waitScene(page, 1);
  await page.keyboard.press('Escape');
  await page.click('[data-action=embed]');
  await page.waitForSelector('[data-testid=embed-dialog]');
  await page.check('[data-field=with-story]');
  await page.waitForFunction(() => document.querySelector('[data-testid=embed-snippet]').value.includes('story='));
  const snippet = await page.inputValue('[data-testid=embed-snippet]');
  const src = snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const url = new URL(src);
  assert.equal(url.searchParams.get('embed'), '1');
  assert.match(url.searchParams.get('story'), /^\{/, 'the story itself, inline');
  assert.equal(url.searchParams.get('w'), null, 'the first scene sets the view');
  // The dialog's own preview plays it (its frame reloads when the link changes: waited for through the element).
  await page.waitForFunction((u) => document.querySelector('[data-testid=embed-preview]')?.getAttribute('src') === u, src);
  await page.frameLocator('[data-testid=embed-preview]').locator('html[data-scene-index="1"][data-scene-count="3"]').waitFor({ state: 'attached' });
  await page.close();

  // The snippet in another site's page: a player without editing, keys and host messages drive it.
  fixtures['/snippet-host.html'] = `<!doctype html><meta charset="utf-8"><title>Host</title>${snippet.replace(/src="[^"]+"/, `src="${src.replaceAll('&', '&amp;')}&origins=${encodeURIComponent(new URL(other.url).origin)}"`)}`;
  const host = await browser.newPage({ viewport: { width: 1000, height: 700 }, reducedMotion: 'reduce' });
  await host.goto(`${other.url}snippet-host.html`);
  const f = host.frames()[1];
  await f.waitForSelector('html[data-ready="true"][data-scene-index="1"][data-scene-count="3"]', { state: 'attached' });
  assert.equal(await f.$('[data-testid=story-panel]'), null, 'no editing');
  assert.equal(await f.$('[data-action=story-leave]'), null, 'no way out of the player');
  await f.click('[data-testid=story-player]');
  await f.press('body', 'ArrowRight');
  await f.waitForSelector('html[data-scene-index="2"]', { state: 'attached' });
  await f.waitForSelector('[data-testid=story-card]');
  await host.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'sco-timeline', action: 'goToScene', scene: 3 }, o), new URL(server.url).origin);
  await f.waitForSelector('html[data-scene-index="3"]', { state: 'attached' });
  await f.waitForSelector('.story-note[data-note="Beslan school siege"]');
  await host.screenshot({ path: path.join(SHOTS, 'embedded-player.png') });
  await host.close();
});

const MEDIA = [['light', {}], ['a dark OS', { colorScheme: 'dark' }], ['forced colours', { forcedColors: 'active' }]];
for (const [name, media] of MEDIA) {
  test(`axe finds nothing on authoring and playing, ${name}`, async () => {
    await threeScenes();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.emulateMedia(media);
    await page.goto(`${server.url}?story=/fixtures/three.json`);
    await page.waitForSelector('html[data-ready="true"][data-scene-index="1"]');
    assert.deepEqual(await axeViolations(page), [], `${name}: playing, scene 1`);
    await page.keyboard.press('ArrowRight');
    await waitScene(page, 2);
    assert.deepEqual(await axeViolations(page), [], `${name}: a title card`);
    await page.keyboard.press('ArrowRight');
    await waitScene(page, 3);
    await page.waitForSelector('.story-note');
    assert.deepEqual(await axeViolations(page), [], `${name}: a scene with a note`);
    await page.keyboard.press('Escape');
    await page.click('[data-action=story]');
    await page.waitForSelector('[data-testid=scene-editor]');
    assert.deepEqual(await axeViolations(page), [], `${name}: authoring`);
    await page.screenshot({ path: path.join(SHOTS, `authoring-${name.replace(/\W+/g, '-')}.png`) });
    await page.close();
  });
}

const SIZES = [[480, 270], [640, 360], [900, 480], [1024, 768], [600, 600], [1280, 720], [1920, 1080], [800, 450]];
test('the player in frames of slide sizes, every theme: no text over text, no page scroll', async () => {
  fixtures['/fixtures/decade.json'] = EXAMPLE;
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  const problems = [];
  for (const [w, h] of SIZES) {
    for (const theme of ['light', 'dark', 'contrast']) {
      await page.setViewportSize({ width: w + 20, height: h + 20 });
      await page.setContent(`<style>body{margin:10px}</style><iframe src="${server.url}index.html?embed=1&controls=zoom&theme=${theme}&story=/fixtures/decade.json" width="${w}" height="${h}" style="border:0;display:block"></iframe>`);
      const f = page.frames()[1];
      await f.waitForSelector('html[data-ready="true"][data-scene-index="1"]', { state: 'attached' });
      // A title card, a scene with notes, lanes by country with notes.
      for (const scene of [1, 2, 3, 8]) {
        await f.evaluate((s) => window.postMessage({ type: 'sco-timeline', action: 'goToScene', scene: s }, location.origin), scene);
        await f.waitForSelector(`html[data-scene-index="${scene}"]:not([data-scene-moving])`, { state: 'attached' });
        const label = `${w}×${h} ${theme}, scene ${scene}`;
        const hits = overlaps(await f.evaluate(textBoxes));
        if (hits.length) await page.screenshot({ path: path.join(SHOTS, `frame-${w}x${h}-${theme}-${scene}.png`) });
        if (hits.length) problems.push(`${label}: text over text: ${hits.join(', ')}`);
        const scrolls = await f.evaluate(() => document.scrollingElement.scrollHeight > innerHeight + 1);
        if (scrolls) problems.push(`${label}: the embedded page scrolls`);
      }
    }
  }
  await page.close();
  // All of the matrix is tried before failing, so each failing frame is listed.
  assert.deepEqual(problems, []);
});
