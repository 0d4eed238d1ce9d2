// Where a wasm module's code bytes are, by the names in its name section
// (cargo's release output keeps them; wasm-bindgen and wasm-opt drop them):
// the largest functions, and totals per crate (the first path segment of the
// demangled name).
//   node scripts/wasm-top.mjs target/wasm32-unknown-unknown/release/sco-timeline.wasm [n=25]
import fs from 'node:fs';

const buf = fs.readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 25);
let at = 8;
const u32 = () => { let v = 0, s = 0, b; do { b = buf[at++]; v |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return v >>> 0; };
let imports = 0, sizes = [], names = new Map(), data = 0;
while (at < buf.length) {
  const id = buf[at++];
  const len = u32();
  const end = at + len;
  if (id === 2) { // imports: count functions
    let n = u32();
    while (n--) { let l = u32(); at += l; l = u32(); at += l; const kind = buf[at++]; if (kind === 0) { u32(); imports++; } else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { at += 2; } else if (kind === 4) { at++; u32(); } }
  } else if (id === 10) {
    let n = u32();
    while (n--) { const l = u32(); sizes.push(l); at += l; }
  } else if (id === 11) {
    data = len;
  } else if (id === 0) {
    const nl = u32();
    const name = buf.subarray(at, at + nl).toString();
    at += nl;
    if (name === 'name') {
      while (at < end) {
        const sub = buf[at++]; const sl = u32(); const se = at + sl;
        if (sub === 1) { let n = u32(); while (n--) { const i = u32(); const l = u32(); names.set(i, buf.subarray(at, at + l).toString()); at += l; } }
        at = se;
      }
    }
  }
  at = end;
}
const demangle = (s) => s.replace(/^_ZN/, '').replace(/\d+([A-Za-z_$][^\d]*)/g, '$1::').replace(/17h[0-9a-f]{16}E$/, '');
const fns = sizes.map((size, i) => ({ size, name: names.get(i + imports) ?? `#${i + imports}` }));
// The crate of a (legacy-mangled) name: its first path segment; for an impl
// (`<T as Trait>`), the crate of the type (generic code is counted where it is used).
const segments = (n) => { const out = []; let i = 3; while (i < n.length && /\d/.test(n[i])) { const m = n.slice(i).match(/^(\d+)/); const l = Number(m[1]); i += m[1].length; out.push(n.slice(i, i + l)); i += l; } return out; };
const crate = (n) => {
  if (!n.startsWith('_ZN')) return n.split(/[:<.]/)[0] || '?';
  const [first = '?', second = ''] = segments(n);
  const seg = first.startsWith('_$LT$') || first.startsWith('$LT$') ? first + second : first;
  const m = seg.replace(/\$(LT|GT|RF|BP|u20|u7b|u7d|C)\$|impl|dyn|mut|_\$/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/);
  return m ? m[0] : '?';
};
const code = sizes.reduce((a, b) => a + b, 0);
console.log(`code ${(code / 1024).toFixed(0)} KB in ${sizes.length} functions, data ${(data / 1024).toFixed(0)} KB`);
const by = new Map();
for (const f of fns) by.set(crate(f.name), (by.get(crate(f.name)) ?? 0) + f.size);
console.log('\nby crate (first name segment):');
for (const [c, s] of [...by].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(s / 1024).toFixed(1).padStart(8)} KB  ${c}`);
console.log('\nlargest functions:');
for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${(f.size / 1024).toFixed(1).padStart(8)} KB  ${demangle(f.name).slice(0, 150)}`);
