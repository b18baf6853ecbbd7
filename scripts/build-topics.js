#!/usr/bin/env node
/**
 * Builds the topic model's artifacts from lexicons/topics/ and the project's own texts:
 *
 *   lexicons/topics/model.json  taxonomy.json + terms.jsonl compiled (stemmed keys, entity signals)
 *   lexicons/topics/df.json     background document frequencies of light stems and entity ids,
 *                               computed once from corpus/src/*.txt (markup stripped),
 *                               corpus/sample/*.txt and corpus/topics/dev.jsonl
 *
 * Run after `tsc` (it uses dist/ so that keys are computed by the library's own code):
 *   npx tsc -p tsconfig.json && node scripts/build-topics.js
 * The held-out corpus/topics/test.jsonl is never read.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createAnnotator } from '../dist/index.js';
import { compileTopics, parseTermsJsonl } from '../dist/topics/index.js';
import { textTokens, chooseReading } from '../dist/topics/stem.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'lexicons/topics');
const GENERATED = 'scripts/build-topics.js';

// 1. the model
const taxonomy = JSON.parse(readFileSync(join(dir, 'taxonomy.json'), 'utf8'));
const terms = parseTermsJsonl(readFileSync(join(dir, 'terms.jsonl'), 'utf8'), 'lexicons/topics/terms.jsonl');
const model = compileTopics(taxonomy.topics, terms, 'lexicons/topics/terms.jsonl');
writeFileSync(
  join(dir, 'model.json'),
  JSON.stringify({ $generated: `${GENERATED} from lexicons/topics/taxonomy.json and terms.jsonl; do not edit`, ...model }) + '\n',
);

// 2. background documents
const docs = [];
for (const f of readdirSync(join(root, 'corpus/src')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(root, 'corpus/src', f), 'utf8');
  for (const part of text.split(/^### .*$/m)) {
    const plain = part.replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1').trim();
    if (plain) docs.push(plain);
  }
}
for (const f of readdirSync(join(root, 'corpus/sample')).filter((f) => f.endsWith('.txt')).sort()) {
  docs.push(readFileSync(join(root, 'corpus/sample', f), 'utf8'));
}
const devPath = join(root, 'corpus/topics/dev.jsonl');
if (existsSync(devPath)) {
  for (const line of readFileSync(devPath, 'utf8').split('\n')) {
    if (line.trim()) docs.push(JSON.parse(line).text);
  }
}

// 3. document frequencies of the stems chosen for keyphrases (two passes: the second chooses
//    readings with the first pass's frequencies, as the library does at run time)
const cache = new Map();
const tokenized = docs.map((d) => textTokens(d, cache));
const count = (dfLookup) => {
  const df = new Map();
  for (const tt of tokenized) {
    const seen = new Set();
    for (let t = 0; t < tt.raw.count; t++) {
      if (tt.word[t] !== 1) continue;
      seen.add(chooseReading(tt.readings(t), dfLookup, knownStem).stem);
    }
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return df;
};
// (the topic terms' stems, which the library also takes as known words when it chooses readings)
const termStems = new Set(model.terms.flatMap((t) => t[0].split(' ')));
const knownStem = (s) => termStems.has(s);
const pass1 = count(() => 0);
const df = count((s) => pass1.get(s) ?? 0);

// 4. document frequencies of entity ids
const annotator = createAnnotator();
const edf = new Map();
for (const d of docs) {
  const ids = new Set(annotator.annotate(d).entities.map((e) => e.id).filter(Boolean));
  for (const id of ids) edf.set(id, (edf.get(id) ?? 0) + 1);
}

const group = (m) => {
  const out = {};
  for (const [k, v] of [...m].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))) (out[v] ??= []).push(k);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join(' ')]));
};
writeFileSync(
  join(dir, 'df.json'),
  JSON.stringify({
    $generated: `${GENERATED}: document frequencies of light stems and entity ids over ${docs.length} documents (corpus/src, corpus/sample, corpus/topics/dev.jsonl); do not edit`,
    N: docs.length,
    df: group(df),
    entities: group(edf),
  }) + '\n',
);
console.log(`model.json: ${model.taxonomy.length} topics, ${model.terms.length} terms, ${model.signals.length} entity signals`);
console.log(`df.json: ${docs.length} documents, ${df.size} stems, ${edf.size} entity ids`);
