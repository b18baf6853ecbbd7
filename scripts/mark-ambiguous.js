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
import { procliticReadings } from '../dist/tokenize/clitics.js';
import { lexiconFiles } from './compile-lexicons.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const min = args.includes('--min') ? Number(args[args.indexOf('--min') + 1]) : 3;
const conll = args.find((a) => !a.startsWith('--') && a !== String(min)) ?? join(root, '..', 'shared', 'data', 'anercorp', 'train.txt');
if (!existsSync(conll)) { console.error(`no reference corpus at ${conll}`); process.exit(2); }

// O-tagged occurrences of each form (and of each clitic reading of a word), and entity-tagged ones
const counts = new Map();
const named = new Map();
for (const line of readFileSync(conll, 'utf8').split('\n')) {
  const [tok, tag] = line.trim().split(/\s+/);
  if (!tok || !tag) continue;
  const target = tag === 'O' ? counts : tag.startsWith('B-') ? named : null;
  if (!target) continue;
  for (const r of procliticReadings(aliasKey(tok))) target.set(r.key, (target.get(r.key) ?? 0) + 1);
}
const stop = new Set(createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json').ar.map(aliasKey));
const rows = [];
for (const file of lexiconFiles()) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    if (!e.id || e.type === 'NORP') continue;
    const amb = new Set((e.ambiguous ?? []).map(aliasKey));
    for (const alias of new Set([e.name.ar, ...(e.aliases ?? [])])) {
      const key = aliasKey(alias);
      if (!key || key.includes(' ') || key.startsWith('^') || amb.has(key) || /[a-z]/.test(key)) continue;
      const n = counts.get(key) ?? 0;
      const named_ = named.get(key) ?? 0;
      // more often an ordinary word than a name
      if (stop.has(key) || (n >= min && n >= named_)) rows.push({ id: e.id, alias, why: stop.has(key) ? 'stopword' : `non-entity x${n}, entity x${named_}` });
    }
  }
}
const header = { $generated: `by scripts/mark-ambiguous.js (min ${min}) from O-tag frequencies of a reference corpus; aliases listed here need evidence` };
writeFileSync(join(root, 'lexicons', 'ambiguous-extra.jsonl'), [header, ...rows].map((r) => JSON.stringify(r)).join('\n') + '\n');
console.error(`mark-ambiguous: ${rows.length} aliases marked`);
