// A small static server for dist/ (scripts/serve.sh): 127.0.0.1, PORT (8080),
// the precompressed copies post-build writes (name.br, name.gz) sent with
// Content-Encoding when the browser accepts them, and index.html for paths
// without an extension (deep links). No dependencies.
//   node scripts/static-server.mjs [dir]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8' };

const server = http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); res.end(); return; }
  let file = path.join(dir, rel);
  if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    if (path.extname(rel)) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    file = path.join(dir, 'index.html');
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', vary: 'Accept-Encoding',
    'cache-control': 'no-cache' };
  let body = file;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (new RegExp(`\\b${enc}\\b`).test(accept) && fs.existsSync(file + ext)) { body = file + ext; headers['content-encoding'] = enc; break; }
  }
  headers['content-length'] = fs.statSync(body).size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') { res.end(); return; }
  fs.createReadStream(body).pipe(res);
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${dir} on http://127.0.0.1:${port}/ (precompressed .br/.gz where accepted)`));
