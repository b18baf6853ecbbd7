#!/usr/bin/env node
// Builds the evaluation gold from the authored corpus.
//
//   node scripts/build-corpus.js            # every corpus/src/*.txt
//   node scripts/build-corpus.js dev test   # only the named files
//
// Input: corpus/src/<name>.txt, documents separated by a line `### <doc-id>`,
// entity mentions marked inline as [[surface|TYPE|English name]] or
// [[surface|TYPE|English name|opt]] (optional: neither rewarded nor punished).
// Output: corpus/<name>.gold.jsonl (one document per line) and
// corpus/<name>.gold.json (the same documents as one JSON array, the format
// /work/shared/eval/score.py reads). Offsets are UTF-16 code units into the
// plain text, half-open. Malformed markup aborts the build with a non-zero exit.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'corpus', 'src');
const OUT = join(ROOT, 'corpus');
const TYPES = new Set(['PER', 'LOC', 'ORG']);
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Same token definition as score.py: whitespace and this punctuation split tokens.
const PUNCT = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~«»،؛؟…“”‘’–—٪٫٬');
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

class MarkupError extends Error {}

function fail(file, line, msg) {
  throw new MarkupError(`${file}:${line}: ${msg}`);
}

function isSep(ch) {
  return /\s/.test(ch) || PUNCT.has(ch);
}

/** Parses one document body (array of {line, no}) into {text, mentions, warnings}. */
function parseDoc(file, docId, lines) {
  let text = '';
  const mentions = [];
  const warnings = [];
  lines.forEach(({ line, no }, li) => {
    if (li > 0) text += '\n';
    let i = 0;
    while (i < line.length) {
      const open = line.indexOf('[[', i);
      const strayClose = line.indexOf(']]', i);
      if (strayClose !== -1 && (open === -1 || strayClose < open)) fail(file, no, `"]]" without "[[" at column ${strayClose + 1}`);
      const plain = open === -1 ? line.slice(i) : line.slice(i, open);
      if (plain.includes('|')) fail(file, no, `"|" outside a mention near "${plain.slice(Math.max(0, plain.indexOf('|') - 15), plain.indexOf('|') + 15)}"`);
      if (open === -1) {
        text += plain;
        break;
      }
      text += plain;
      const close = line.indexOf(']]', open + 2);
      if (close === -1) fail(file, no, `"[[" at column ${open + 1} is never closed on this line`);
      const inner = line.slice(open + 2, close);
      if (inner.includes('[[')) fail(file, no, `nested "[[" inside mention at column ${open + 1}`);
      if (/[\[\]]/.test(inner)) fail(file, no, `stray bracket inside mention "${inner}"`);
      const parts = inner.split('|');
      if (parts.length < 3 || parts.length > 4) fail(file, no, `mention "${inner}" must have 3 or 4 |-separated fields`);
      const [surface, type, en, flag] = parts;
      if (!surface) fail(file, no, `empty surface in "${inner}"`);
      if (surface !== surface.trim()) fail(file, no, `surface "${surface}" has leading/trailing whitespace`);
      if (/\n/.test(surface)) fail(file, no, `surface spans lines`);
      if (!TYPES.has(type)) fail(file, no, `bad type "${type}" in "${inner}" (PER, LOC or ORG)`);
      if (!en || en !== en.trim() || !/[A-Za-z]/.test(en)) fail(file, no, `bad English name "${en}" in "${inner}"`);
      if (flag !== undefined && flag !== 'opt') fail(file, no, `4th field must be "opt", got "${flag}" in "${inner}"`);
      const start = text.length;
      text += surface;
      const end = text.length;
      // The surface must not begin or end in the middle of a scorer token when that
      // would be impossible to recover (e.g. a suffix glued after "]]" is suspicious).
      const after = line[close + 2];
      if (after !== undefined && ARABIC_LETTER.test(after)) {
        warnings.push(`${file}:${no}: letter "${after}" right after mention "${surface}" (suffix inside the token?)`);
      }
      mentions.push({ start, end, text: surface, type, en, optional: flag === 'opt', spans: [[start, end]] });
      i = close + 2;
    }
  });
  // tokenStart: start of the whitespace/punctuation token that holds the mention
  // (includes a proclitic written outside the brackets), as in seeds.gold.json.
  for (const m of mentions) {
    let t = m.start;
    while (t > 0 && !isSep(text[t - 1])) t--;
    m.tokenStart = t;
    if (text.slice(m.start, m.end) !== m.text) throw new Error(`internal: offset mismatch in ${docId}`);
  }
  // Overlap check.
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].start < sorted[k - 1].end) fail(file, 0, `overlapping mentions in ${docId}`);
  }
  return { text, mentions, warnings };
}

function parseFile(path) {
  const file = basename(path);
  const raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = raw.split('\n');
  const docs = [];
  const seen = new Set();
  let cur = null;
  lines.forEach((line, idx) => {
    const no = idx + 1;
    if (line.startsWith('###')) {
      const m = /^### (\S+)\s*$/.exec(line);
      if (!m) fail(file, no, `bad document header "${line}" (expected "### <doc-id>")`);
      if (!ID_RE.test(m[1])) fail(file, no, `bad document id "${m[1]}"`);
      if (seen.has(m[1])) fail(file, no, `duplicate document id "${m[1]}"`);
      seen.add(m[1]);
      cur = { id: m[1], no, lines: [] };
      docs.push(cur);
      return;
    }
    if (!cur) {
      if (line.trim()) fail(file, no, 'text before the first "### <doc-id>" header');
      return;
    }
    cur.lines.push({ line: line.replace(/\s+$/, ''), no });
  });
  const out = [];
  const warnings = [];
  for (const d of docs) {
    while (d.lines.length && !d.lines[0].line.trim()) d.lines.shift();
    while (d.lines.length && !d.lines[d.lines.length - 1].line.trim()) d.lines.pop();
    if (!d.lines.length) fail(file, d.no, `document "${d.id}" is empty`);
    const r = parseDoc(file, d.id, d.lines);
    if (!r.mentions.length) fail(file, d.no, `document "${d.id}" has no mentions`);
    warnings.push(...r.warnings);
    out.push({ id: d.id, text: r.text, mentions: r.mentions });
  }
  if (!out.length) fail(file, 1, 'no documents');
  return { docs: out, warnings };
}

function verify(name, docs) {
  let n = 0;
  for (const d of docs) {
    for (const m of d.mentions) {
      if (!(0 <= m.start && m.start < m.end && m.end <= d.text.length)) throw new Error(`${name}/${d.id}: bad range ${m.start}-${m.end}`);
      if (d.text.slice(m.start, m.end) !== m.text) throw new Error(`${name}/${d.id}: text "${m.text}" != slice`);
      for (const [s, e] of m.spans) if (d.text.slice(s, e) !== m.text) throw new Error(`${name}/${d.id}: span mismatch`);
      n++;
    }
  }
  return n;
}

function main() {
  if (!existsSync(SRC)) {
    console.error(`no ${SRC}`);
    process.exit(1);
  }
  const wanted = process.argv.slice(2);
  const files = readdirSync(SRC).filter((f) => f.endsWith('.txt') && (!wanted.length || wanted.includes(f.replace(/\.txt$/, '')))).sort();
  if (!files.length) {
    console.error('no corpus/src/*.txt to build');
    process.exit(1);
  }
  let failed = false;
  for (const f of files) {
    const name = f.replace(/\.txt$/, '');
    let parsed;
    try {
      parsed = parseFile(join(SRC, f));
    } catch (e) {
      if (!(e instanceof MarkupError)) throw e;
      console.error(`ERROR ${e.message}`);
      failed = true;
      continue;
    }
    for (const w of parsed.warnings) console.warn(`warning ${w}`);
    const { docs } = parsed;
    const n = verify(name, docs);
    const ordered = docs.map((d) => ({
      id: d.id,
      text: d.text,
      mentions: d.mentions.map((m) => ({ start: m.start, end: m.end, tokenStart: m.tokenStart, text: m.text, type: m.type, en: m.en, optional: m.optional, spans: m.spans })),
    }));
    writeFileSync(join(OUT, `${name}.gold.jsonl`), ordered.map((d) => JSON.stringify(d)).join('\n') + '\n');
    writeFileSync(join(OUT, `${name}.gold.json`), JSON.stringify(ordered, null, 1) + '\n');
    const by = { PER: 0, LOC: 0, ORG: 0 };
    let opt = 0;
    for (const d of docs) for (const m of d.mentions) m.optional ? opt++ : by[m.type]++;
    console.log(`${name}: ${docs.length} documents, ${n} mentions (PER ${by.PER}, LOC ${by.LOC}, ORG ${by.ORG}, optional ${opt}) -> corpus/${name}.gold.jsonl, corpus/${name}.gold.json`);
  }
  if (failed) process.exit(1);
}

main();
