// The example deck: reveal.js drives one embedded timeline through the host
// API (docs/embedding.md). The timeline may be on another origin: `?app=` gives
// its address (default: the app this deck ships with, two folders up).
// reveal.js is loaded before this script (index.html) as a classic script: `window.Reveal`.
const Reveal = window.Reveal;

const params = new URLSearchParams(location.search);
const app = new URL(params.get('app') ?? '../../', location.href);
const appOrigin = app.origin;
// Lazy frames: reveal.js loads `data-src` when the slide comes near (or shows).
for (const f of document.querySelectorAll('iframe[data-app-query]')) {
  const url = new URL(`index.html?${f.dataset.appQuery}`, app);
  // This deck may drive the timeline: its origin is allowed in the frame's link.
  url.searchParams.set('origins', location.origin);
  f.dataset.src = url.href;
}

const timeline = document.getElementById('timeline');
const send = (msg) => timeline.contentWindow?.postMessage({ type: 'sco-timeline', ...msg }, appOrigin);
const commands = (el) => (el?.dataset.timeline ? JSON.parse(el.dataset.timeline) : []);

// The view a slide talks about: its own data-timeline, then each fragment shown so far.
// Sent whole on every change, so going back (a fragment hidden) restores the view too.
function sync() {
  const slide = Reveal.getCurrentSlide();
  if (!slide?.contains(timeline)) return;
  const msgs = [{ action: 'present', on: false }, ...commands(slide)];
  for (const f of slide.querySelectorAll('.fragment.visible[data-timeline]')) msgs.push(...commands(f));
  msgs.forEach(send);
  document.body.dataset.synced = String(Number(document.body.dataset.synced ?? 0) + 1);
}

// The story slide: the slide and each fragment shown so far name a scene (data-scene);
// the last one shown is the scene the frame plays.
const storyFrame = document.getElementById('story-frame');
function syncStory() {
  const slide = Reveal.getCurrentSlide();
  if (!slide?.contains(storyFrame)) return;
  const shown = [slide, ...slide.querySelectorAll('.fragment.visible[data-scene]')];
  const scene = Number(shown[shown.length - 1].dataset.scene);
  storyFrame.contentWindow?.postMessage({ type: 'sco-timeline', action: 'goToScene', scene }, appOrigin);
  document.body.dataset.storySynced = String(Number(document.body.dataset.storySynced ?? 0) + 1);
}

// What the timeline says back: ready, selected, state, size; the story's frame: scene.
window.heard = [];
window.addEventListener('message', (e) => {
  if (e.origin !== appOrigin || e.data?.type !== 'sco-timeline') return;
  if (e.source === storyFrame?.contentWindow) {
    window.heardStory = [...(window.heardStory ?? []), e.data];
    if (e.data.event === 'ready') syncStory();
    if (e.data.event === 'scene') {
      // The story arrives after `ready` (it is fetched): its first scene is where the deck is.
      if (!window.heardStory.some((m, i) => m.event === 'scene' && i < window.heardStory.length - 1)) syncStory();
      document.getElementById('scene-heard').textContent = `scene ${e.data.index} of ${e.data.count}: “${e.data.title}”`;
      document.body.dataset.scene = String(e.data.index);
    }
    return;
  }
  window.heard.push(e.data);
  const out = document.getElementById('heard');
  const d = e.data;
  if (d.event === 'ready') sync();
  if (d.event === 'selected') out.textContent = `“${d.title}” (${d.date}), ${d.position} of ${d.of}`;
  else if (d.event === 'state' && !d.selected) out.textContent = `${d.shown} of ${d.total} events, ${d.window.from} to ${d.window.to}${d.paused ? ' (paused)' : ''}`;
});

Reveal.initialize({ hash: true, viewDistance: 2, transition: 'none', width: 1280, height: 720, margin: 0.04 });
for (const ev of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'ready']) {
  Reveal.on(ev, sync);
  Reveal.on(ev, syncStory);
}
