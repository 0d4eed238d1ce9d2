// Runs before the app, as a classic script: it runs even where the app's module
// scripts are refused. When the app cannot start here, the static content of
// index.html (#boot) says why and what to do, instead of a blank frame; the
// reason is also on <html data-boot-problem="…"> for tests. The app removes
// #boot when it starts, and with it everything said here.
(function () {
  'use strict';
  var said = false;
  function say(kind, why) {
    var status = document.getElementById('boot-status');
    if (said || !status || !document.getElementById('boot')) return;
    said = true;
    document.documentElement.setAttribute('data-boot-problem', kind);
    status.textContent = why + ' ';
    var a = document.createElement('a');
    a.href = location.href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Open the timeline in its own tab.';
    status.appendChild(a);
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    say('no-wasm', 'This browser cannot run WebAssembly, which the timeline needs (it may be turned off by a policy). Open it in a current browser.');
    return;
  }
  // The file is read now too, in a worker of the second module, while the app
  // starts (as src/worker.rs runs a job: [compiled module, ["load", bytes,
  // name, null]]; the events it sends ahead are kept until the app takes
  // them): src/hooks/use_data_source.rs takes the answer over when the
  // address matches and no mapping (map=) is asked for. On any failure here
  // the app runs the job itself. The page keeps its own copy of the bytes
  // (the mapping step may read a table again).
  function readEarly(url, body, w) {
    if (typeof Worker !== 'function' || typeof Blob !== 'function') return null;
    var job = { url: url, onprogress: null, last: null, onpart: null, parts: [] };
    var line = "importScripts('./sco-worker.js');";
    job.answer = Promise.all([body, w.module, w.boot, w.glue]).then(function (r) {
      if (!r[0] || r[2].indexOf(line) < 0) throw new Error('not started early');
      var src = URL.createObjectURL(new Blob([r[2].replace(line, function () { return r[3]; })], { type: 'text/javascript' }));
      var bytes = new Uint8Array(r[0].slice(0));
      performance.mark('job-load-start');
      return new Promise(function (resolve, reject) {
        var worker = new Worker(src);
        var end = function () { worker.terminate(); URL.revokeObjectURL(src); performance.mark('job-load-done'); };
        worker.onmessage = function (e) {
          var m = e.data;
          if (m[0] === 'progress') {
            if (job.onprogress) job.onprogress(m[1], m[2]); else job.last = [m[1], m[2]];
            return;
          }
          if (m[0] === 'part') {
            if (job.onpart) job.onpart(m[1]); else job.parts.push(m[1]);
            return;
          }
          end();
          if (m[0] === 'done') resolve(m); else reject(new Error(String(m[1])));
        };
        worker.onerror = function (e) { end(); reject(new Error((e && e.message) || 'the worker could not start')); };
        worker.postMessage([r[1], ['load', bytes, url, null]], [bytes.buffer]);
      });
    });
    job.answer.catch(function () {});
    return job;
  }
  // A dataset the link names (?data=) is fetched now, beside the app's own
  // files, not after the app has started: src/hooks/use_data_source.rs takes
  // this request over (its timeout, its messages) when the address matches.
  try {
    var data = new URLSearchParams(location.search).get('data');
    if (data && data.trim() && typeof AbortController === 'function') {
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
      if (!new URLSearchParams(location.search).get('map')) window.__scoEarlyJob = readEarly(data, early.body, w);
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
