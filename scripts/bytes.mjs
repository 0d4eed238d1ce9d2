// The first visit's weight: every file of dist/ (not the example deck) raw,
// gzip and brotli as served — the precompressed copies beside each file
// (post-build: .gz by Zopfli, .br at quality 11), else zlib's level 9 and
// brotli 11 worked out here — and in total what the first view
// loads — the HTML, what it links (styles, icon, scripts) and what the loader
// imports (the lean module's JS glue and wasm). The full module and the
// worker's (loaded on first use) are listed, not counted.
//
//   node scripts/bytes.mjs [dist]      (after scripts/build.sh or trunk build --release)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

/** The files the first view of `dist` loads: index.html, what it links, what the loader imports.
 *  `which`: the module the loader starts — "lean" (the built-in first view) or "full" (a frame,
 *  a presentation, a ?data= link; with a link, the worker's module reads the file: add it). */
export function firstViewFiles(dist, which = 'lean') {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = new Set(['index.html']);
  for (const m of html.matchAll(/(?:src|href)="\.\/([^"?#]+)"/g)) {
    if (fs.existsSync(path.join(dist, m[1]))) first.add(m[1]);
  }
  for (const f of [...first].filter((f) => f.endsWith('.js'))) {
    const js = fs.readFileSync(path.join(dist, f), 'utf8');
    for (const m of js.matchAll(/(?:from |import\(|module_or_path: )'\.\/([^']+)'/g)) first.add(m[1]);
    // The loader's modules (scripts/post-build.mjs): the lean one starts on
    // the first view; the full one is fetched on first use (src/upgrade.rs).
    const M = js.match(/const M = (\{.*\});/)?.[1];
    if (M) for (const n of JSON.parse(M)[which]) first.add(n.slice(2));
  }
  return first;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) report(process.argv[2] ?? 'dist');

function report(dist) {
  const first = firstViewFiles(dist);
  // A preload the page does not use at first (the worker's) would show here too.
  const rows = fs.readdirSync(dist)
    .filter((f) => fs.statSync(path.join(dist, f)).isFile() && !/\.(br|gz)$/.test(f))
    .map((f) => {
      const p = path.join(dist, f);
      const b = fs.readFileSync(p);
      const served = (ext, make) => (fs.existsSync(p + ext) ? fs.statSync(p + ext).size : make(b));
      return { f, raw: b.length, gz: served('.gz', gz), br: served('.br', br), zlib9: gz(b), first: first.has(f) };
    })
    .sort((a, b) => b.gz - a.gz);
  console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}  first view`);
  for (const r of rows) console.log(`${r.f.padEnd(44)}${kb(r.raw)}${kb(r.gz).padStart(9)}${kb(r.br)}  ${r.first ? 'yes' : ''}`);
  const sum = (k) => rows.filter((r) => r.first).reduce((s, r) => s + r[k], 0);
  console.log(`\nfirst view (${rows.filter((r) => r.first).length} files): raw ${(sum('raw') / 1024).toFixed(1)} KB, gzip ${(sum('gz') / 1024).toFixed(1)} KB, brotli ${(sum('br') / 1024).toFixed(1)} KB (as served; gzip by zlib's level 9: ${(sum('zlib9') / 1024).toFixed(1)} KB)`);
  const later = rows.filter((r) => !r.first && /\.(js|wasm)$/.test(r.f));
  if (later.length) console.log(`on first use (${later.map((r) => r.f).join(', ')}): gzip ${(later.reduce((s, r) => s + r.gz, 0) / 1024).toFixed(1)} KB`);
}
