// Builds data/map/countries.json: the outlines of the countries a dataset
// names, from Natural Earth (public domain) as redistributed by the npm
// package world-atlas (TopoJSON), trimmed and projected at build time so the
// app needs no tiles and no network. Run by hand after the dataset's countries
// change (the output is committed):
//
//   node scripts/build-map.mjs [data/events.json ...]
//
// Projection: equirectangular around 45°N, x = longitude × cos 45°, y = −latitude
// (degrees). Coordinates are rounded to 0.1°, points closer than 0.3° dropped, rings under 1.5 square
// degrees (tiny islands) are dropped, and Russia's far east is kept east of
// the antimeridian (longitude + 360) so the country stays in one piece.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS = 'world-atlas/countries-50m.json';
const atlasVersion = require('world-atlas/package.json').version;
const topo = require(ATLAS);
const world = feature(topo, topo.objects.countries);

const inputs = process.argv.slice(2);
const files = inputs.length ? inputs : [path.join(ROOT, 'data/events.json')];
const wanted = new Map();
for (const f of files) {
  const data = JSON.parse(fs.readFileSync(f, 'utf8'));
  for (const c of data.countries ?? []) wanted.set(c.code, c.name);
  for (const e of data.events ?? []) for (const c of e.countries ?? []) if (!wanted.has(c)) wanted.set(c, c);
}

const K = Math.cos((45 * Math.PI) / 180);
const round = (v) => Math.round(v * 10) / 10;
const area = (ring) => Math.abs(ring.reduce((s, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0) / 2);

const out = [];
const missing = [];
for (const [code, name] of wanted) {
  const numeric = countries.alpha2ToNumeric(code);
  const f = numeric && world.features.find((g) => g.id === numeric);
  if (!f) { missing.push(code); continue; }
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polys) {
    // The outer ring only: at this scale the countries named have no holes worth drawing.
    let ring = poly[0].map(([lon, lat]) => [code === 'RU' && lon < -100 ? lon + 360 : lon, lat]);
    if (area(ring) < 1.5) continue;
    const pts = [];
    for (const [lon, lat] of ring) {
      const p = [round(lon * K), round(-lat)];
      const last = pts[pts.length - 1];
      if (!last || Math.hypot(last[0] - p[0], last[1] - p[1]) >= 0.3) pts.push(p);
    }
    if (pts.length >= 4) for (const [x, y] of pts) { box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y); }
    if (pts.length >= 4) rings.push(pts.map(([x, y], i) => `${i ? 'L' : 'M'}${Number(x.toFixed(1))} ${Number(y.toFixed(1))}`).join('') + 'Z');
  }
  // SVG path data, ready to draw: the app parses nothing at start-up.
  out.push({ code, name: f.properties.name, bbox: box.map((v) => Number(v.toFixed(1))), d: rings.join('') });
}
out.sort((a, b) => a.code.localeCompare(b.code));
const doc = {
  attribution: `Boundaries: Natural Earth (public domain, naturalearthdata.com), 1:50m, via world-atlas ${atlasVersion} (ISC licence, Mike Bostock).`,
  projection: 'equirectangular around 45°N: x = longitude × cos 45°, y = −latitude (degrees); d is SVG path data (M x y L x y … Z per ring)',
  countries: out,
};
const dest = path.join(ROOT, 'data/map/countries.json');
fs.writeFileSync(dest, JSON.stringify(doc) + '\n');
console.log(`${dest}: ${out.length} countries, ${fs.statSync(dest).size} bytes${missing.length ? `; no shape for ${missing.join(', ')}` : ''}`);
