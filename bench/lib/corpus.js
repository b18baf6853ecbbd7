// Builds the bench's news-like input from corpus/: the annotated sources with their [[surface|TYPE|name]]
// markup stripped to the surface text, plus the sample articles; split into sentences, regrouped
// into paragraphs and shuffled with a fixed seed, repeated until the target size.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './rng.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

const MARKUP = /\[\[([^|\]]*)\|[^\]]*\]\]/g;

/** Plain paragraphs (one per non-empty line) of corpus/src/*.txt and corpus/sample/*.txt. */
export function sourceParagraphs(root = ROOT) {
  const paras = [];
  const add = (text) => {
    for (const line of text.split('\n')) {
      const s = line.trim();
      if (s && !s.startsWith('###')) paras.push(s);
    }
  };
  const dir = (d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(root, d, f));
  for (const f of dir('corpus/src')) add(readFileSync(f, 'utf8').replace(MARKUP, '$1'));
  for (const f of dir('corpus/sample')) add(readFileSync(f, 'utf8'));
  return paras;
}

/** Sentences of a paragraph: split after . ! ? ؟ followed by a space (headlines stay whole). */
function sentences(p) {
  return p.split(/(?<=[.!?؟])\s+/u).filter(Boolean);
}

/**
 * ≥ `targetBytes` of UTF-8 text: paragraphs of 1–6 sentences drawn from a shuffled stream of all
 * corpus sentences (reshuffled every epoch), joined by blank lines. Deterministic for a seed.
 */
export function buildNewsText(targetBytes, seed = 20240601) {
  const r = rng(seed);
  const pool = [];
  for (const p of sourceParagraphs()) for (const s of sentences(p)) pool.push(s);
  const paras = [];
  let size = 0;
  let order = [];
  let k = 0;
  while (size < targetBytes) {
    const n = 1 + r.int(6);
    const parts = [];
    for (let i = 0; i < n; i++) {
      if (k >= order.length) { order = r.shuffle(pool.slice()); k = 0; }
      parts.push(order[k++]);
    }
    const para = parts.join(' ');
    paras.push(para);
    size += Buffer.byteLength(para, 'utf8') + 2;
  }
  return { paragraphs: paras, text: paras.join('\n\n'), uniqueSentences: pool.length, uniqueBytes: pool.reduce((a, s) => a + Buffer.byteLength(s) + 1, 0) };
}

/** Cuts paragraphs into articles of about `articleBytes` (cut at paragraph ends, first line a headline-like paragraph). */
export function cutArticles(paragraphs, articleBytes = 5120) {
  const out = [];
  let cur = [];
  let size = 0;
  for (const p of paragraphs) {
    cur.push(p);
    size += Buffer.byteLength(p, 'utf8') + 2;
    if (size >= articleBytes) {
      let a = cur.join('\n\n');
      // trim to the target at a sentence/word boundary so that articles are ~5 KB, not 5–9 KB
      if (Buffer.byteLength(a) > articleBytes * 1.15) a = trimTo(a, articleBytes);
      out.push(a);
      cur = [];
      size = 0;
    }
  }
  return out;
}

function trimTo(s, maxBytes) {
  const buf = Buffer.from(s, 'utf8').subarray(0, maxBytes);
  let t = buf.toString('utf8');
  if (t.endsWith('\uFFFD')) t = t.slice(0, -1);
  const cut = Math.max(t.lastIndexOf('. '), t.lastIndexOf('\n'), t.lastIndexOf(' '));
  return cut > t.length * 0.8 ? t.slice(0, cut + 1).trimEnd() : t;
}

let vocabCache = null;
/** Distinct Arabic words of the corpus, most frequent first (for synthetic names that share real tokens). */
export function vocabulary() {
  if (vocabCache) return vocabCache;
  const counts = new Map();
  for (const p of sourceParagraphs()) {
    for (const w of p.match(/[\u0621-\u064A]{2,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  vocabCache = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return vocabCache;
}
