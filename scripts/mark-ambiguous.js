#!/usr/bin/env node
// Writes lexicons/ambiguous-extra.jsonl: aliases of the curated and generated lexicons that are
// ordinary words, so that they fire only with evidence. An alias is listed when it is a stopword,
// or when it (or a clitic reading of a word) occurs at least MIN times as non-entity text (tag O),
// and at least as often as it starts an entity, in a CoNLL reference corpus (default: the ANERcorp training split beside the project, used for
// development only; only the alias list is kept, no text of the corpus).
// usage: node scripts/mark-ambiguous.js [CONLL] [--min N]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { aliasKey } from '../dist/gazetteer/compile.js';
import { formFrequencies, isOrdinaryWord } from '../dist/gazetteer/check.js';
import { lexiconFiles } from './compile-lexicons.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const min = args.includes('--min') ? Number(args[args.indexOf('--min') + 1]) : 3;
const conll = args.find((a) => !a.startsWith('--') && a !== String(min)) ?? join(root, '..', 'shared', 'data', 'anercorp', 'train.txt');
if (!existsSync(conll)) { console.error(`no reference corpus at ${conll}`); process.exit(2); }

const freq = formFrequencies(conll);
const stop = new Set(createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json').ar.map(aliasKey));
// forms shared by two or more entries (places, people, organizations; a demonym may share a form with its country)
const shared = new Map();
const primaryOf = new Map();
const countryPrimary = new Map();
for (const file of lexiconFiles()) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    if (!e.id || e.type === 'NORP') continue;
    const primary = aliasKey(e.name.ar);
    for (const alias of new Set([e.name.ar, e.name.en, ...(e.aliases ?? [])])) {
      const key = aliasKey(alias);
      if (!shared.has(key)) shared.set(key, new Set());
      shared.get(key).add(e.id);
      if (key === primary) (primaryOf.get(key) ?? primaryOf.set(key, new Set()).get(key)).add(e.id);
      if (key === primary && (e.kind === 'country' || e.kind === 'territory')) countryPrimary.set(key, e.id);
    }
  }
}
/** A shared form is ambiguous for an entry unless that entry is the only one whose canonical name it is (الكويت: the country, not the city). */
const sharedAmbiguous = (key, id) => {
  const owners = shared.get(key);
  if (!owners || owners.size < 2) return false;
  const primaries = primaryOf.get(key);
  // الكويت, تونس, الجزائر: the country keeps its name; the same-named capital needs evidence
  if (countryPrimary.has(key)) return countryPrimary.get(key) !== id;
  return !(primaries && primaries.size === 1 && primaries.has(id));
};
const rows = [];
for (const file of lexiconFiles()) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    if (!e.id || e.type === 'NORP') continue;
    const amb = new Set((e.ambiguous ?? []).map(aliasKey));
    for (const alias of new Set([e.name.ar, e.name.en, ...(e.aliases ?? [])])) {
      const key = aliasKey(alias);
      if (!key || amb.has(key)) continue;
      if (key.includes(' ') || key.startsWith('^') || /[a-z]/.test(key)) {
        if (sharedAmbiguous(key, e.id)) rows.push({ id: e.id, alias, why: `shared by ${[...shared.get(key)].join(', ')}` });
        continue;
      }
      if (stop.has(key)) rows.push({ id: e.id, alias, why: 'stopword' });
      else if (isOrdinaryWord(key, freq, min)) rows.push({ id: e.id, alias, why: `ordinary x${freq.ordinary.get(key)}, name x${freq.named.get(key) ?? 0}` });
      else if (sharedAmbiguous(key, e.id)) rows.push({ id: e.id, alias, why: `shared by ${[...shared.get(key)].join(', ')}` });
    }
  }
}
const header = { $generated: `by scripts/mark-ambiguous.js (min ${min}) from O-tag frequencies of a reference corpus; aliases listed here need evidence` };
writeFileSync(join(root, 'lexicons', 'ambiguous-extra.jsonl'), [header, ...rows].map((r) => JSON.stringify(r)).join('\n') + '\n');
console.error(`mark-ambiguous: ${rows.length} aliases marked`);
