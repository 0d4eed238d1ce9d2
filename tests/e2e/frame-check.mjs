// Geometry checks of a page as a viewer sees it (used by the frame matrix):
// the visible text boxes (from ranges, clipped by every scrolling or clipping
// ancestor and by the viewport), overlaps among them, whether the page scrolls,
// and where the current event's mark is against the visible chart.

/** Runs in the page: the visible text boxes, one per text line. */
export function textBoxes() {
  const clipOf = (el) => {
    let c = { l: 0, t: 0, r: innerWidth, b: innerHeight };
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || a instanceof SVGSVGElement) {
        const b = a.getBoundingClientRect();
        c = { l: Math.max(c.l, b.left), t: Math.max(c.t, b.top), r: Math.min(c.r, b.right), b: Math.min(c.b, b.bottom) };
      }
    }
    // SVG clip paths (the chart's plot area) clip too.
    const clipped = el.closest && el.closest('[clip-path]');
    const id = clipped?.getAttribute('clip-path')?.match(/url\(#([^)]+)\)/)?.[1];
    const shape = id && document.getElementById(id)?.firstElementChild;
    if (shape) {
      const b = shape.getBoundingClientRect();
      c = { l: Math.max(c.l, b.left), t: Math.max(c.t, b.top), r: Math.min(c.r, b.right), b: Math.min(c.b, b.bottom) };
    }
    return c;
  };
  const visible = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('script, style, noscript, option') || !visible(el)) continue;
    n += 1;
    let rects;
    if (el instanceof SVGElement) rects = [el.getBoundingClientRect()];
    else { const r = document.createRange(); r.selectNodeContents(node); rects = [...r.getClientRects()]; }
    const c = clipOf(el);
    for (const r of rects) {
      const b = { l: Math.max(r.left, c.l), t: Math.max(r.top, c.t), r: Math.min(r.right, c.r), b: Math.min(r.bottom, c.b) };
      if (b.r - b.l < 2 || b.b - b.t < 2) continue;
      out.push({ node: n, text: node.textContent.trim().slice(0, 40), ...b });
    }
  }
  return out;
}

/** Pairs of boxes from different text nodes that intersect by more than `tol` px both ways. */
export function overlaps(boxes, tol = 1) {
  const hits = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > tol && h > tol) hits.push(`“${a.text}” × “${b.text}”`);
    }
  }
  return hits;
}

/** Runs in the page: whether the document scrolls, and the current mark against the visible chart. */
export function frameFacts() {
  const se = document.scrollingElement;
  const sel = document.querySelector('.chart .mark.selected');
  const chart = document.querySelector('.chart');
  let markInside = null;
  if (sel && chart) {
    const m = sel.querySelector('.symbol, rect') ?? sel;
    const r = m.getBoundingClientRect();
    const c = chart.getBoundingClientRect();
    const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    markInside = x >= c.left && x <= c.right && y >= c.top && y <= Math.min(c.bottom, innerHeight);
  }
  const c = chart?.getBoundingClientRect();
  return {
    scrolls: se.scrollHeight > innerHeight + 1 || se.scrollWidth > innerWidth + 1,
    scrollHeight: se.scrollHeight,
    chartHeight: c ? Math.min(c.bottom, innerHeight) - Math.max(c.top, 0) : 0,
    markInside,
    selected: sel?.dataset.eventId ?? null,
  };
}
