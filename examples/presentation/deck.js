// The example deck: slide navigation, and the host side of the timeline's
// postMessage API (docs/embedding.md). Both embeds are on this page's origin.
const slides = [...document.querySelectorAll('.slide')];
let current = 0;
function show(i) {
  current = (i + slides.length) % slides.length;
  slides.forEach((s, k) => { s.hidden = k !== current; });
  document.getElementById('slide-no').textContent = `${current + 1} / ${slides.length}`;
  document.body.dataset.slide = String(current + 1);
}
document.getElementById('prev-slide').addEventListener('click', () => show(current - 1));
document.getElementById('next-slide').addEventListener('click', () => show(current + 1));
document.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowRight' || e.key === 'PageDown') show(current + 1);
  if (e.key === 'ArrowLeft' || e.key === 'PageUp') show(current - 1);
});

const driven = document.getElementById('frame-driven');
const send = (msg) => driven.contentWindow.postMessage({ type: 'sco-timeline', ...msg }, location.origin);
const actions = {
  exercises: { action: 'setFilters', kinds: ['exercise'], countries: 'all' },
  kazakhstan: { action: 'setFilters', countries: ['KZ'] },
  all: { action: 'setFilters', countries: 'all', kinds: 'all' },
  beslan: { action: 'goTo', id: 'beslan-2004' },
  prev: { action: 'step', by: -1 },
  next: { action: 'step', by: 1 },
};
for (const b of document.querySelectorAll('[data-host]')) b.addEventListener('click', () => send(actions[b.dataset.host]));

// What the timelines say back: ready, selected, state.
window.heard = [];
window.addEventListener('message', (e) => {
  if (e.origin !== location.origin || e.data?.type !== 'sco-timeline') return;
  window.heard.push(e.data);
  const out = document.getElementById('heard');
  if (e.data.event === 'selected') out.textContent = `selected “${e.data.title}” (${e.data.date}), ${e.data.position} of ${e.data.of}`;
  else if (e.data.event === 'ready') out.textContent = `ready, ${e.data.shown} events`;
});
show(0);
