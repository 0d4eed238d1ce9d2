// Lighthouse on the built dist/, with its default (mobile, simulated
// throttling) settings, dist/ served gzip-compressed from 127.0.0.1 — run by
// hand after scripts/build.sh (tests never time anything):
//
//   node scripts/lighthouse.mjs [runs=3] [query]
//
// Prints the median performance score and the metrics behind it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { DIST } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 3);
const query = process.argv[3] ?? '';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

// A static server that compresses, as any production host does.
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = path.join(DIST, decodeURIComponent(url.pathname));
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
  const body = fs.readFileSync(file);
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? zlib.gzipSync(body, { level: 9 }) : body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/${query}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (let i = 0; i < runs; i++) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = r.lhr.audits;
  results.push({
    score: Math.round(r.lhr.categories.performance.score * 100),
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    si: a['speed-index'].numericValue,
    tti: a.interactive?.numericValue ?? NaN,
  });
  await chrome.kill();
}
server.close();
const m = (k) => median(results.map((r) => r[k]));
console.log(`Lighthouse ${runs}× (default mobile settings, simulated throttling), ${url}, dist/ gzip-compressed: medians`);
console.log('| performance | first contentful paint | largest contentful paint | total blocking time | layout shift | speed index | time to interactive |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| ${m('score')} | ${(m('fcp') / 1000).toFixed(2)} s | ${(m('lcp') / 1000).toFixed(2)} s | ${m('tbt').toFixed(0)} ms | ${m('cls').toFixed(3)} | ${(m('si') / 1000).toFixed(2)} s | ${(m('tti') / 1000).toFixed(2)} s |`);
