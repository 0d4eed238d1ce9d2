// The worker's start (src/bin/sco-worker.rs is its module): the page posts
// [compiled module, job] once; this instantiates the module and runs the job,
// whose answer the module posts back. The page (src/worker.rs) and the
// single-file build (scripts/build-single.mjs) put the glue in place of the
// importScripts line and start the worker from a blob URL of the whole.
importScripts('./sco-worker.js');

// plotters (wasm32) measures text with a <span> in document.body
// (plotters/src/style/font/web.rs); a worker has no DOM. This stand-in gives
// it what it reads — window, document, an element's offsetWidth/offsetHeight —
// measured with an OffscreenCanvas.
(function () {
  'use strict';
  var ctx = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  function Element() { this.textContent = ''; this.style = ''; }
  Element.prototype.setAttribute = function (k, v) { if (k === 'style') this.style = String(v); };
  Element.prototype.remove = function () {};
  Element.prototype.append = function () {};
  Element.prototype.measure = function () {
    var size = Number((/font-size:\s*([\d.]+)px/.exec(this.style) || [])[1] || 12);
    var family = ((/font-family:\s*([^;]+)/.exec(this.style) || [])[1] || 'sans-serif').trim();
    var style = ((/font-style:\s*([^;]+)/.exec(this.style) || [])[1] || 'normal').trim();
    var text = String(this.textContent);
    var w = text.length * size * 0.55;
    if (ctx) { ctx.font = style + ' ' + size + 'px ' + family; w = ctx.measureText(text).width; }
    return [Math.ceil(w), Math.ceil(size * 1.15)];
  };
  Object.defineProperty(Element.prototype, 'offsetWidth', { get: function () { return this.measure()[0]; } });
  Object.defineProperty(Element.prototype, 'offsetHeight', { get: function () { return this.measure()[1]; } });
  var body = new Element();
  self.document = { body: body, createElement: function () { return new Element(); } };
  self.HTMLElement = function () {};
  Object.defineProperty(self.HTMLElement, Symbol.hasInstance, { value: function (x) { return x instanceof Element; } });
  self.Window = function () {};
  Object.defineProperty(self.Window, Symbol.hasInstance, { value: function (x) { return x === self; } });
})();

// A `["load-url", absolute URL, name]` job (boot-check.js, for a ?data=
// link, before the app runs) fetches the file here, beside the module, off
// the page's busy main thread: ["fetched"] when it has come (or
// ["fetch-error", "http" | "network", why]), then the load's messages, then
// ["bytes", the file] handed back (the page keeps a table for the mapping step).
function fetchFile(url) {
  return fetch(url).then(function (r) {
    if (!r.ok) throw { kind: 'http', why: r.status + ' ' + r.statusText };
    return r.arrayBuffer();
  }, function (err) {
    throw { kind: 'network', why: String((err && err.message) || err) };
  });
}

self.onmessage = function (e) {
  self.onmessage = null;
  var job = e.data[1];
  var file = job[0] === 'load-url' ? fetchFile(job[1]) : null;
  if (file) {
    file.then(function () { self.postMessage(['fetched']); }, function (f) { self.postMessage(['fetch-error', f.kind, f.why]); });
  }
  Promise.all([wasm_bindgen({ module_or_path: e.data[0] }), file])
    .then(function (r) {
      if (!file) return wasm_bindgen.run(job);
      var bytes = new Uint8Array(r[1]);
      wasm_bindgen.run(['load', bytes, job[2], null]);
      self.postMessage(['bytes', bytes], [bytes.buffer]);
    })
    .catch(function (err) {
      if (err && err.kind) return; // said by ["fetch-error", …]
      self.postMessage(['error', String((err && err.message) || err)]);
    });
};
