// Builds data/iso/countries.tsv: ISO 3166-1 alpha-2 codes, alpha-3 codes and
// English names (with the alternative names the package lists), from the npm
// package i18n-iso-countries (pinned in package.json). The core reads it to
// understand a country written as a code or as an English name in an imported
// file (`timeline_core::iso`). Run by hand when the package changes (the
// output is committed):
//
//   node scripts/build-iso-table.mjs
//
// One line per country: alpha-2 <TAB> alpha-3 <TAB> name shown <TAB> other names…
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const en = require('i18n-iso-countries/langs/en.json');
countries.registerLocale(en);
const version = require('i18n-iso-countries/package.json').version;
// A few names in common use in event datasets (ACLED, GTD) that the package does not list.
const extra = {
  RU: ['Russian Federation'], KR: ['South Korea'], KP: ['North Korea'], IR: ['Iran'],
  SY: ['Syria'], CD: ['Democratic Republic of Congo', 'DR Congo'], CG: ['Republic of Congo'],
  CZ: ['Czech Republic'], MK: ['Macedonia'], TR: ['Turkey'], PS: ['Palestine', 'West Bank and Gaza Strip'],
  MM: ['Burma'], CI: ["Cote d'Ivoire", 'Ivory Coast'], SZ: ['Swaziland'], GB: ['Great Britain', 'UK'],
  US: ['USA', 'United States of America'], VN: ['Vietnam'], LA: ['Laos'], BO: ['Bolivia'],
  VE: ['Venezuela'], TZ: ['Tanzania'], MD: ['Moldova'], BN: ['Brunei'],
};
// The name shown for a code, where the package's first name is a long official form.
const display = {
  RU: 'Russia', US: 'United States', GB: 'United Kingdom', KR: 'South Korea', KP: 'North Korea',
  IR: 'Iran', SY: 'Syria', TR: 'Turkey', VN: 'Vietnam', LA: 'Laos', BO: 'Bolivia', VE: 'Venezuela',
  CN: 'China', TW: 'Taiwan', TZ: 'Tanzania', MD: 'Moldova', BN: 'Brunei', CZ: 'Czechia', PS: 'Palestine',
};
const lines = [`# from i18n-iso-countries ${version} (node scripts/build-iso-table.mjs)`];
for (const [a2, names] of Object.entries(en.countries)) {
  const list = (Array.isArray(names) ? names : [names]).concat(extra[a2] || []);
  const uniq = [...new Set([display[a2], ...list].filter(Boolean))];
  lines.push([a2, countries.alpha2ToAlpha3(a2) || '', ...uniq].join('\t'));
}
fs.writeFileSync(path.join(ROOT, 'data/iso/countries.tsv'), lines.join('\n') + '\n');
console.log(`data/iso/countries.tsv: ${lines.length - 1} countries`);
