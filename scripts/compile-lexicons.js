#!/usr/bin/env node
// Compiles lexicons/*.jsonl and lexicons/generated/*.jsonl into dist/lexicon.json (the artifact the
// library loads) and dist/lexicon.bin (the matcher precomputed from it, for a fast cold start). Run
// by `npm run build` after tsc. Fails with file:line on a schema error.
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { compileLexicon } from '../dist/gazetteer/compile.js';
import { buildMatcher } from '../dist/gazetteer/matcher.js';
import { writeMatcherArtifact } from '../dist/gazetteer/artifact.js';
import { parseLexiconJsonl, parseJsonlRows, lexiconEntryFiles } from '../dist/gazetteer/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lexDir = join(root, 'lexicons');

const readRows = (file) => {
  const { rows, problems } = parseJsonlRows(readFileSync(file, 'utf8'), file);
  if (problems.length) throw new Error(problems.join('; '));
  return rows.map((r) => r.value);
};

export const lexiconFiles = () => lexiconEntryFiles(lexDir);

export function loadSources({ lenient = false } = {}) {
  const entries = [];
  for (const file of lexiconFiles()) {
    const rel = file.slice(root.length + 1);
    const text = readFileSync(file, 'utf8');
    if (!lenient) { entries.push(...parseLexiconJsonl(text, rel)); continue; }
    // --lenient (development only): skip bad lines with a warning
    text.split('\n').forEach((line, i) => {
      try { entries.push(...parseLexiconJsonl(line, `${rel}:${i + 1}`)); } catch (e) { console.error(`skipped ${e.message}`); }
    });
  }
  const opt = (name) => (existsSync(join(lexDir, name)) ? readRows(join(lexDir, name)) : []);
  const require = createRequire(import.meta.url);
  const stopwords = require('stopwords-iso/stopwords-iso.json').ar;
  return {
    entries,
    givenNames: opt('given-names.jsonl'),
    nonEntities: opt('non-entities.jsonl').map((r) => r.text),
    triggers: opt('triggers.jsonl'),
    institutions: opt('institutions.jsonl'),
    ambiguousExtra: opt('ambiguous-extra.jsonl'),
    stopwords,
    commonWords: existsSync(join(lexDir, 'common-words.txt'))
      ? readFileSync(join(lexDir, 'common-words.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
      : [],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  let compiled;
  try {
    compiled = compileLexicon(loadSources({ lenient: process.argv.includes('--lenient') }));
  } catch (err) {
    console.error(`compile-lexicons: ${err.message}`);
    process.exit(1);
  }
  const header = { $generated: 'by scripts/compile-lexicons.js from lexicons/; do not edit' };
  writeFileSync(join(root, 'dist', 'lexicon.json'), JSON.stringify({ ...header, ...compiled }));
  // the matcher precomputed from the same lexicon, read by createAnnotator() in one go (cold start);
  // built from the JSON just written, exactly as a process without the artifact would build it
  const written = JSON.parse(readFileSync(join(root, 'dist', 'lexicon.json'), 'utf8'));
  const artifact = writeMatcherArtifact(written, buildMatcher(written));
  const bin = join(root, 'dist', 'lexicon.bin');
  if (artifact) writeFileSync(bin, artifact);
  else {
    rmSync(bin, { force: true });
    console.error('compile-lexicons: no dist/lexicon.bin (a string holds U+0000); the annotator will build its matcher from dist/lexicon.json');
  }
  // the topic model's stopword keys, computed once here instead of in every fresh process
  const { computeStopwordSet } = await import('../dist/topics/stopwords.js');
  writeFileSync(join(root, 'dist', 'stopwords.json'), JSON.stringify([...computeStopwordSet()]));
  console.error(`compile-lexicons: ${compiled.entries.length} entries, ${compiled.aliases.length} aliases in ${Date.now() - t0} ms`);
}
