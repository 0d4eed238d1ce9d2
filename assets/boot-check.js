// Runs before the app, as a classic script: it runs even where the app's module
// scripts are refused. When the app cannot start here, the static content of
// index.html (#boot) says why and what to do, instead of a blank frame; the
// reason is also on <html data-boot-problem="…"> for tests. The app removes
// #boot when it starts, and with it everything said here.
(function () {
  'use strict';
  var root = document.documentElement;
  // Before the first paint (this script blocks the parser in <head>): the theme
  // the app will take — the link's ?theme=, else the one picked on an earlier
  // visit (not in a frame, which follows its host) — and whether the static
  // view is the one the app will show first. A frame, a presentation, a linked
  // dataset or a story opens on another view: there the page stays empty
  // until the app draws (styles: data-boot-other) rather than jump from one to
  // the other.
  try {
    var q = new URLSearchParams(location.search);
    var on = function (k) { var v = q.get(k); return v === '1' || v === 'true'; };
    var themes = ['system', 'light', 'dark', 'contrast'];
    var theme = q.get('theme');
    if (themes.indexOf(theme) < 0 && !on('embed')) {
      try { theme = localStorage.getItem('sco-timeline-theme'); } catch (e) { theme = null; }
    }
    if (themes.indexOf(theme) >= 0) root.setAttribute('data-theme', theme);
    // A frame's layout from the first frame (styles: html[data-embed]).
    if (on('embed')) root.setAttribute('data-embed', '1');
    // High contrast has its own type size: its first view is not the one drawn at build time either.
    if (on('embed') || on('present') || (q.get('data') || '').trim() || q.get('story') || theme === 'contrast') {
      root.setAttribute('data-boot-other', '');
    }
    // Which module starts (src/upgrade.rs): the lean first module for the
    // built-in first view, the full one at once for a link that opens on
    // another view (a frame, a presentation, a linked dataset, a story; and
    // ?fault=, the test builds' panic). Both fetched from here, before the
    // body is parsed; scripts/post-build.mjs writes their names in, and the
    // loader (boot-*.js) starts the one named on window.__scoStart.
    var modules = /*sco-modules*/null;
    var which = on('embed') || on('present') || (q.get('data') || '').trim() || q.get('story') || q.get('fault') ? 'full' : 'lean';
    window.__scoStart = which;
    if (modules && modules[which]) {
      var preload = function (rel, href, as) {
        var l = document.createElement('link');
        l.rel = rel;
        l.href = href;
        l.crossOrigin = 'anonymous';
        if (as) { l.as = as; l.type = 'application/wasm'; }
        document.head.appendChild(l);
      };
      preload('modulepreload', modules[which][0]);
      preload('preload', modules[which][1], 'fetch');
    }
    // The static view's theme switch says the theme taken.
    if (theme) {
      document.addEventListener('DOMContentLoaded', function () {
        var pick = document.querySelector('#boot select[data-action=theme]');
        if (pick) pick.value = theme;
      });
    }
  } catch (e) { /* the static view, as it is */ }
  var said = false;
  // The first cause found is the one said; the body may still be to come
  // while this script runs in <head>, then it is said once it is there.
  var first = null;
  function say(kind, why) {
    if (!first) first = [kind, why];
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { say(kind, why); });
      return;
    }
    kind = first[0];
    why = first[1];
    var status = document.getElementById('boot-status');
    if (said || !status || !document.getElementById('boot')) return;
    said = true;
    root.setAttribute('data-boot-problem', kind);
    status.textContent = why + ' ';
    var a = document.createElement('a');
    a.href = location.href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Open the timeline in its own tab.';
    status.appendChild(a);
  }
  // A start that takes long says so (the line at the bottom, styles: .boot-bar);
  // a normal one shows the view alone, with nothing to flash.
  setTimeout(function () {
    if (document.getElementById('boot')) root.setAttribute('data-boot-slow', '');
  }, 2500);
  setTimeout(function () {
    if (document.getElementById('boot')) root.setAttribute('data-boot-stuck', '');
  }, 10000);
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    say('no-wasm', 'This browser cannot run WebAssembly, which the timeline needs (it may be turned off by a policy). Open it in a current browser.');
    return;
  }
  // A ?data= link's file is fetched and read now, in a worker of the second
  // module started from its own script (sco-worker-boot.js: the file and the
  // module fetched there, beside each other, off this busy thread) while the
  // app starts. src/hooks/use_data_source.rs takes the answer over (the
  // answer, and the file's bytes) and hears the progress and the events sent
  // ahead, kept here until it does. A failed request is said as the app says
  // it ({ fetch: "http" | "network" | "timeout", why }); any other failure
  // and the app fetches and reads the file itself.
  function readEarly(url) {
    var job = { url: url, onprogress: null, last: null, onpart: null, parts: [] };
    job.answer = new Promise(function (resolve, reject) {
      var worker = new Worker('./sco-worker-boot.js');
      var answer = null;
      var timer = setTimeout(function () { end(); reject({ fetch: 'timeout', why: '' }); }, 20000);
      var end = function () { clearTimeout(timer); worker.terminate(); };
      worker.onmessage = function (e) {
        var m = e.data;
        switch (m[0]) {
          case 'progress':
            if (job.onprogress) job.onprogress(m[1], m[2]); else job.last = [m[1], m[2]];
            return;
          case 'part':
            if (job.onpart) job.onpart(m[1]); else job.parts.push(m[1]);
            return;
          case 'fetched':
            clearTimeout(timer);
            performance.mark('job-load-start');
            return;
          case 'fetch-error':
            end();
            reject({ fetch: m[1], why: m[2] });
            return;
          case 'done':
            answer = m;
            return;
          case 'bytes':
            end();
            performance.mark('job-load-done');
            if (answer) resolve([answer, m[1]]); else reject(new Error('no answer'));
            return;
          default:
            end();
            reject(new Error(String(m[1])));
        }
      };
      worker.onerror = function (e) { end(); reject(new Error((e && e.message) || 'the worker could not start')); };
      worker.postMessage(['./sco-worker_bg.wasm', ['load-url', new URL(url, location.href).href, url]]);
    });
    job.answer.catch(function () {});
    return job;
  }
  // A dataset the link names (?data=) is fetched now, beside the app's own
  // files, not after the app has started: src/hooks/use_data_source.rs takes
  // this request over (its timeout, its messages) when the address matches.
  try {
    var params = new URLSearchParams(location.search);
    var data = params.get('data');
    var single = typeof window.__scoWorker === 'object' || location.protocol === 'file:';
    if (data && data.trim() && !params.get('map') && !single && typeof Worker === 'function') {
      window.__scoEarlyJob = readEarly(data);
    } else if (data && data.trim() && typeof AbortController === 'function') {
      var ctrl = new AbortController();
      var early = { url: data, ctrl: ctrl, response: fetch(data, { signal: ctrl.signal }) };
      // Its body read now too: a response nobody reads stops downloading
      // once the browser's buffer is full (a large file would wait for the app).
      early.body = early.response.then(function (r) { return r.ok ? r.arrayBuffer() : null; });
      early.response.catch(function () {});
      early.body.catch(function () {});
      window.__scoEarlyData = early;
      // The second module reads the file: fetched and compiled now too, beside
      // the app's own files (src/worker.rs takes these over; on any failure it
      // fetches them itself).
      var get = function (u, how) {
        return fetch(u).then(function (r) { if (!r.ok) throw new Error(u + ': ' + r.status); return r[how](); });
      };
      var w = {
        module: get('./sco-worker_bg.wasm', 'arrayBuffer').then(function (b) { return WebAssembly.compile(b); }),
        boot: get('./sco-worker-boot.js', 'text'),
        glue: get('./sco-worker.js', 'text')
      };
      for (var k in w) w[k].catch(function () {});
      window.__scoEarlyWorker = w;
    }
  } catch (e) { /* the app fetches it itself */ }
  var opaque = false;
  try { opaque = String(self.origin) === 'null'; } catch (e) { opaque = true; }
  if (opaque && location.protocol === 'file:') {
    say('file', 'Opened from a file: browsers refuse the timeline’s module scripts from file://. Serve the folder (scripts/serve.sh), or use the single-file build (dist-single/sco-timeline.html).');
  } else if (opaque) {
    say('sandboxed', 'This frame is sandboxed without “allow-same-origin”, so the browser refuses the timeline’s module scripts. The page’s author can add allow-same-origin to the frame’s sandbox attribute (see docs/embedding.md).');
  }
  // A script or the WebAssembly that fails to load (resource errors reach window only when captured).
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) {
      say('load', 'The timeline’s scripts could not be loaded here (' + (t.src || t.href || 'a file') + '). The server may be missing them, or a policy of this page refuses them.');
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    say('start', 'The timeline could not start here: ' + (r && r.message ? r.message : String(r)) + '.');
  });
})();
