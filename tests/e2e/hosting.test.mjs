// How dist/ is served: precompressed copies beside each file, and the static
// server of scripts/serve.sh sending them to a browser that accepts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DIST, launch, statsInView } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('every text and wasm file of dist/ has .br and .gz copies that decompress to it', () => {
  const files = fs.readdirSync(DIST).filter((f) => /\.(html|js|css|wasm|svg)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')));
  for (const f of files) {
    const raw = fs.readFileSync(path.join(DIST, f));
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, `${f}.br`))).equals(raw), `${f}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${f}.gz`))).equals(raw), `${f}.gz`);
  }
});

test('the static server sends them compressed, as accepted, and the app runs from it', async () => {
  const port = 18000 + (process.pid % 1000);
  const child = spawn('node', [path.join(ROOT, 'scripts/static-server.mjs'), DIST], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((ok) => child.stdout.once('data', ok));
    const url = `http://127.0.0.1:${port}/`;
    const wasm = fs.readdirSync(DIST).find((f) => /^sco-timeline-.*\.wasm$/.test(f));
    for (const [accept, enc] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
      const r = await fetch(url + wasm, { headers: { 'accept-encoding': accept } });
      assert.equal(r.headers.get('content-encoding'), enc, accept);
      assert.equal(r.headers.get('content-type'), 'application/wasm');
    }
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(`${url}?c=KZ`);
    await page.waitForSelector('html[data-ready="true"]');
    await statsInView(page);
    await page.waitForSelector('[data-chart=per-year] .hit');
    await browser.close();
  } finally {
    child.kill();
  }
});
