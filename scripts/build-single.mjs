// One self-contained HTML file of the built app — code, both wasm modules (the
// worker's as a blob URL), styles, icon and the built-in data inlined — that
// works opened from disk with no network.
//   node scripts/build-single.mjs [dist] [out]   (default: dist → dist-single/sco-timeline.html)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'dist-single/sco-timeline.html';
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const pick = (re, what) => { const m = html.match(re); if (!m) throw new Error(`build-single: no ${what} in ${dist}/index.html`); return m[1]; };

const boot = fs.readFileSync(path.join(dist, pick(/<script type="module" src="\.\/([^"]+)"/, 'loader')), 'utf8');
// The full module (src/bin/sco-full.rs: everything, src/upgrade.rs), as the loader names it.
const [glueName, wasmName] = JSON.parse(boot.match(/const M = (\{.*\});/)[1]).full.map((n) => n.slice(2));
const css = fs.readFileSync(path.join(dist, pick(/<link rel="stylesheet" href="\.\/([^"]+)"/, 'stylesheet')), 'utf8');
const icon = fs.readFileSync(path.join(dist, pick(/<link rel="icon" href="\.\/([^"]+)"/, 'icon')));
let glue = fs.readFileSync(path.join(dist, glueName), 'utf8');
const wasm = fs.readFileSync(path.join(dist, wasmName));

// The second module (src/bin/sco-worker.rs), run in a worker from a blob URL
// (src/worker.rs reads window.__scoWorker): its boot script with the glue in
// place of importScripts, and its wasm, decoded on first use.
const workerBoot = fs.readFileSync(path.join(dist, 'sco-worker-boot.js'), 'utf8');
const workerGlue = fs.readFileSync(path.join(dist, 'sco-worker.js'), 'utf8');
const workerWasm = fs.readFileSync(path.join(dist, 'sco-worker_bg.wasm'));
const importLine = "importScripts('./sco-worker.js');";
if (!workerBoot.includes(importLine)) throw new Error('build-single: sco-worker-boot.js no longer imports ./sco-worker.js');
const workerSrc = workerBoot.replace(importLine, workerGlue);

// The glue is an ES module; inlined, it cannot be imported, so drop its export line and call init directly.
// (Minified by scripts/post-build.mjs, it may stand on a line with other code.)
glue = glue.replace(/export\s*\{[^}]*\};?/, '');
if (!glue.includes('__wbg_init')) throw new Error('build-single: the glue has no __wbg_init');
const script = `window.__scoWorker = { src: ${JSON.stringify(workerSrc).replace(/<\/script/gi, '<\\/script')}, wasm: () => Uint8Array.from(atob(${JSON.stringify(workerWasm.toString('base64'))}), (c) => c.charCodeAt(0)) };
${glue}
const __bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: __bytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted"));
`;
const hash = crypto.createHash('sha256').update(script).digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'worker-src blob:',
  "connect-src 'self' http: https:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const title = pick(/<title>([^<]*)<\/title>/, 'title');
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="${csp}" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${title}</title>
  <link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" />
  <style>${css}</style>
</head>
<body>
  <noscript>This timeline needs JavaScript and WebAssembly.</noscript>
  <script type="module">${script}</script>
</body>
</html>
`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, page);
console.log(`build-single: ${out} (${(page.length / 1024).toFixed(0)} KB)`);
