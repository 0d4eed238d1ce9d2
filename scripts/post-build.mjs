// Trunk post_build hook: make dist/ work under a strict Content-Security-Policy.
// Trunk's loader is an inline <script type="module">; move it into a file
// (boot-<hash>.js) and add the CSP as a <meta> tag. Runs in Trunk's staging dir.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');

// Trunk writes a loader for the lean first module (src/main.rs) and preloads
// it; the full one (src/bin/sco-full.rs, src/upgrade.rs) is built as a
// "worker" with the web target (Trunk allows one main module), so nothing
// loads it. One loader replaces Trunk's: it starts the module
// assets/boot-check.js picked (window.__scoStart), and gives the lean one
// window.scoUpgrade, which fetches and starts the full one on first use.
// boot-check.js preloads the one picked.
const re = /<script type="module">([\s\S]*?)<\/script>\s*/g;
const modules = {};
for (const m of html.matchAll(re)) {
  const js = m[1].match(/from '\.\/([^']+\.js)'/)?.[1];
  const wasm = m[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!js || !wasm) throw new Error('post-build: a loader without its module: ' + m[1]);
  modules[js.startsWith('sco-full') ? 'full' : 'lean'] = ['./' + js, './' + wasm];
}
{
  const files = fs.readdirSync(dir);
  const js = files.find((f) => /^sco-full(-[0-9a-f]+)?\.js$/.test(f));
  const wasm = files.find((f) => /^sco-full(-[0-9a-f]+)?_bg\.wasm$/.test(f));
  if (js && wasm) modules.full = ['./' + js, './' + wasm];
}
if (!modules.lean || !modules.full) throw new Error('post-build: index.html should load the lean and the full module, found ' + JSON.stringify(modules));
const names = Object.values(modules).flat().map((n) => n.slice(2).replace(/[.]/g, '\\.'));
html = html.replace(new RegExp(`\\s*<link rel="(?:modulepreload|preload)"[^>]*href="\\./(?:${names.join('|')})"[^>]*>`, 'g'), '');
const code = `// Starts the module boot-check.js picked (src/upgrade.rs): the lean first
// module, or the full one; the lean one fetches the full one on first use,
// and ahead of it on a sign of intent (window.scoPrefetch: a pointer over or
// the focus on a control only the full module answers, a file dragged in).
const M = ${JSON.stringify(modules)};
const run = async (m, wasm) => {
  await m.default({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
};
// A failed import is remembered by its address: a retry asks for another one.
let tries = 0;
let ahead = null;
const fetchFull = () => (ahead ??= Promise.all([
  import(tries ? M.full[0] + '?retry=' + tries : M.full[0]),
  fetch(M.full[1]).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(M.full[1] + ': ' + r.status)))).then((b) => WebAssembly.compile(b)),
]).catch((e) => { ahead = null; tries++; throw e; }));
window.scoPrefetch = () => fetchFull().then(() => true, () => false);
let full = null;
window.scoUpgrade = () => (full ??= fetchFull().then(([m, wasm]) => run(m, wasm)).catch((e) => { full = null; throw e; }));
await (window.__scoStart === 'full' ? window.scoUpgrade() : import(M.lean[0]).then((m) => run(m, M.lean[1])));
`;
const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
fs.writeFileSync(path.join(dir, name), code);
const sri = 'sha384-' + crypto.createHash('sha384').update(code).digest('base64');
let first = true;
html = html.replace(re, (all) => {
  if (!first) return '';
  first = false;
  return `<script type="module" src="./${name}" integrity="${sri}"></script>\n`;
});
// boot-check.js preloads the module it picks: the names written in.
const check = path.join(dir, 'boot-check.js');
if (fs.existsSync(check)) {
  const src = fs.readFileSync(check, 'utf8');
  if (!src.includes('/*sco-modules*/null')) throw new Error('post-build: boot-check.js has no /*sco-modules*/ place');
  fs.writeFileSync(check, src.replace('/*sco-modules*/null', JSON.stringify(modules)));
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // Style attributes (a kind's declared colour); inline *scripts* are not allowed.
  "style-src 'self' 'unsafe-inline'",
  // blob: the statistics' pictures and the PNG export's SVG, drawn by the worker.
  "img-src 'self' data: blob:",
  // The second module's worker: started from a blob URL of its script
  // (src/worker.rs), or from the script itself for a ?data= link's early read
  // (assets/boot-check.js).
  "worker-src 'self' blob:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (!html.includes('Content-Security-Policy')) {
  html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n  <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
}
// The stylesheet without its comments and runs of white space (the first
// visit's bytes: 9.7 → 7.3 KB gzip), its integrity attribute updated.
// styles/main.css has no string in which either matters.
html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="[^"]*"\/?>/g, (tag, css) => {
  const at = path.join(dir, css);
  const min = fs.readFileSync(at, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .trim() + '\n';
  fs.writeFileSync(at, min);
  const sri = 'sha384-' + crypto.createHash('sha384').update(min).digest('base64');
  return `<link rel="stylesheet" href="./${css}" integrity="${sri}"/>`;
});
fs.writeFileSync(file, html);
console.log(`post-build: loader moved to ${name}; CSP added; styles minified`);

// The example deck's reveal.js, the version pinned in package.json (node_modules).
const reveal = path.join('node_modules', 'reveal.js', 'dist');
const deck = path.join(dir, 'examples', 'presentation', 'reveal');
if (fs.existsSync(reveal)) {
  fs.mkdirSync(path.join(deck, 'theme'), { recursive: true });
  for (const f of ['reveal.js', 'reveal.css', 'reset.css']) fs.copyFileSync(path.join(reveal, f), path.join(deck, f));
  fs.copyFileSync(path.join(reveal, 'theme', 'white.css'), path.join(deck, 'theme', 'white.css'));
  console.log('post-build: reveal.js copied into examples/presentation/reveal/');
} else {
  console.warn('post-build: node_modules/reveal.js is missing (npm ci): the example deck has no reveal.js');
}

// The app's first view (the built-in dataset), rendered natively by the app's own
// components and written into index.html before the page is compressed below
// (src/bin/prerender_app.rs, Yew's server rendering; nothing is hydrated).
import { execFileSync } from 'node:child_process';
execFileSync('cargo', ['run', '--quiet', '-p', 'sco-timeline', '--features', 'ssr', '--bin', 'prerender-app', '--', dir], { stdio: 'inherit' });

// The first visit's scripts minified (terser, pinned in package.json): the
// app's wasm-bindgen glue (an ES module; its integrity attribute updated) and
// boot-check.js (a classic script). The worker's scripts stay as written:
// src/worker.rs finds a line of sco-worker-boot.js by its text.
const terser = await import('terser').catch(() => null);
if (terser) {
  const minify = async (name, module) => {
    const at = path.join(dir, name);
    // __wbg_init kept by name: scripts/build-single.mjs calls it.
    const out = await terser.minify(fs.readFileSync(at, 'utf8'), { module, mangle: { reserved: ['__wbg_init'] }, format: { comments: false } });
    fs.writeFileSync(at, out.code + '\n');
  };
  // The glue of both modules (imported by the loader, without integrity attributes).
  for (const [js] of Object.values(modules)) await minify(js.slice(2), true);
  if (fs.existsSync(path.join(dir, 'boot-check.js'))) await minify('boot-check.js', false);
  console.log(`post-build: ${Object.values(modules).map(([js]) => js.slice(2)).join(', ')} and boot-check.js minified`);
} else {
  console.warn('post-build: node_modules/terser is missing (npm ci): scripts left as written');
}

// Precompressed copies beside each text and wasm file (name.br, name.gz), for
// servers that send them as they are (scripts/serve.sh; README "Hosting").
// The .gz by Zopfli (@gfx/zopfli, pinned): a gzip stream any browser reads,
// packed harder than zlib's level 9 (the lean module: 279 → 262 KB), once, at
// build time. Without it (no npm ci yet), zlib's level 9.
import zlib from 'node:zlib';
let zopfli = null;
try {
  zopfli = (await import('@gfx/zopfli')).default;
} catch {
  console.warn('post-build: @gfx/zopfli is missing (npm ci): .gz by zlib');
}
const gzipped = (raw) => (zopfli
  ? new Promise((ok, no) => zopfli.gzip(raw, { numiterations: 15 }, (e, out) => (e ? no(e) : ok(Buffer.from(out)))))
  : Promise.resolve(zlib.gzipSync(raw, { level: 9 })));
const COMPRESS = /\.(html|js|mjs|css|wasm|svg|json|txt|map)$/;
let packed = 0;
const walk = async (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) { await walk(f); continue; }
    if (!COMPRESS.test(e.name)) continue;
    const raw = fs.readFileSync(f);
    fs.writeFileSync(f + '.br', zlib.brotliCompressSync(raw, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
    fs.writeFileSync(f + '.gz', await gzipped(raw));
    packed++;
  }
};
await walk(dir);
console.log(`post-build: ${packed} files precompressed (.br, .gz${zopfli ? ' by Zopfli' : ''})`);
