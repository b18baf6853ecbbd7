#!/usr/bin/env node
/**
 * Cost of topic extraction beside entity tagging: the seed articles (/work/shared/seeds, or
 * corpus/sample when absent) repeated to about 5 MB of UTF-8, processed article by article;
 * best of three rounds per phase.
 *
 *   npx tsc -p tsconfig.json && node scripts/build-topics.js && node bench/topics.js [MB]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotator } from '../dist/index.js';
import { createTopicModel } from '../dist/topics/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedDir = existsSync('/work/shared/seeds') ? '/work/shared/seeds' : `${root}corpus/sample`;
const articles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(`${seedDir}/${f}`, 'utf8').split(/\n\s*\n\s*\n+/))
  .filter((t) => t.trim());
const targetMB = Number(process.argv[2] ?? 5);
const docs = [];
let bytes = 0;
while (bytes < targetMB * 1e6) {
  for (const a of articles) {
    docs.push(a);
    bytes += Buffer.byteLength(a);
  }
}
const MB = bytes / 1e6;

const t0 = performance.now();
const annotator = createAnnotator();
const model = createTopicModel();
const tLoad = performance.now() - t0;

// warm up both paths
for (const d of articles) model.keyphrases(d, model.topics(d, annotator.annotate(d).entities) && annotator.annotate(d).entities);

// best of three rounds per phase (the machine may be shared)
const best = (fn) => {
  let min = Infinity;
  let out;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    out = fn();
    min = Math.min(min, performance.now() - t);
  }
  return [min, out];
};
const [tEnt, ents] = best(() => docs.map((d) => annotator.annotate(d).entities));
const [tTop, nTopics] = best(() => {
  let n = 0;
  for (let i = 0; i < docs.length; i++) n += model.topics(docs[i], ents[i]).length;
  return n;
});
const [tKp, nKp] = best(() => {
  let n = 0;
  for (let i = 0; i < docs.length; i++) n += model.keyphrases(docs[i], ents[i]).length;
  return n;
});
const [tBoth] = best(() => {
  for (let i = 0; i < docs.length; i++) model.analyze(docs[i], ents[i]);
});

const rate = (ms) => (MB / (ms / 1000)).toFixed(2);
console.log(`input: ${docs.length} articles, ${MB.toFixed(2)} MB UTF-8 (${articles.length} seed articles repeated)`);
console.log(`load (annotator + topic model): ${tLoad.toFixed(0)} ms`);
console.log(`entities (annotate):      ${(tEnt / 1000).toFixed(2)} s  ${rate(tEnt)} MB/s`);
console.log(`topics:                   ${(tTop / 1000).toFixed(2)} s  ${rate(tTop)} MB/s  (${nTopics} topics)`);
console.log(`keyphrases:               ${(tKp / 1000).toFixed(2)} s  ${rate(tKp)} MB/s  (${nKp} keyphrases)`);
console.log(`topics + keyphrases:      ${((tTop + tKp) / 1000).toFixed(2)} s  ${rate(tTop + tKp)} MB/s  (two calls)`);
console.log(`analyze (both, one pass): ${(tBoth / 1000).toFixed(2)} s  ${rate(tBoth)} MB/s`);
console.log(`cost of topics + keyphrases relative to entity tagging: ${((tTop + tKp) / tEnt).toFixed(2)}× (analyze: ${(tBoth / tEnt).toFixed(2)}×)`);
