// Synthetic lexicons: Arabic-looking names built from syllables with a fixed seed, 1–4 tokens,
// some tokens of multi-token names borrowed from real corpus words (not the most frequent ones) so
// that trie walks start on real text without turning ordinary words into names.
import { rng } from './rng.js';

const CONS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');
const LONG = ['', '', 'ا', 'و', 'ي'];
const TYPES = ['PER', 'LOC', 'ORG'];
const PREFIX = { PER: 'per', LOC: 'loc', ORG: 'org' };

function token(r, vocab, pReal, real) {
  if (vocab.length > 300 && r() < pReal) return vocab[200 + r.int(Math.min(vocab.length, 3000) - 200)];
  for (;;) {
    const syl = 2 + r.int(3);
    let w = r() < 0.1 ? 'ال' : '';
    for (let i = 0; i < syl; i++) w += r.pick(CONS) + r.pick(LONG);
    if (r() < 0.1) w += 'ة';
    // generated tokens are never real corpus words (من, في…) and have 3 letters or more: otherwise
    // a large lexicon turns every common word into a name and the bench measures output volume
    if (w.length >= 3 && !real.has(w)) return w;
  }
}

/** A spelling variant a real lexicon would list: initial hamza on alef, final ي/ى, ة/ه. */
function variant(name, r) {
  const c = r.int(3);
  if (c === 0) return name.startsWith('ا') ? 'أ' + name.slice(1) : 'أ' + name;
  if (c === 1) return name.endsWith('ي') ? name.slice(0, -1) + 'ى' : name + 'ي';
  return name.endsWith('ة') ? name.slice(0, -1) + 'ه' : name + 'ة';
}

/**
 * `count` lexicon entries (schema of lexicons/README.md): unique Arabic names of 1–4 tokens
 * (25 % 1, 40 % 2, 25 % 3, 10 % 4), a Latin `en`, and for 30 % one spelling variant as an alias.
 * `vocab`: corpus words, most frequent first; ranks 200–3000 are borrowed (see `token`).
 */
export function syntheticEntries(count, { seed = 7, vocab = [] } = {}) {
  const r = rng(seed + count);
  const seen = new Set();
  const out = new Array(count);
  const real = new Set(vocab);
  let n = 0;
  while (n < count) {
    const x = r();
    const k = x < 0.25 ? 1 : x < 0.65 ? 2 : x < 0.9 ? 3 : 4;
    const parts = [];
    // one-token names are never real words; the first token of a longer name is a real word 15 %
    // of the time, later tokens 10 %
    for (let i = 0; i < k; i++) parts.push(token(r, vocab, k === 1 ? 0 : i === 0 ? 0.15 : 0.1, real));
    const ar = parts.join(' ');
    if (seen.has(ar)) continue;
    seen.add(ar);
    const type = TYPES[r.int(3)];
    const e = { id: `${PREFIX[type]}/syn-${n}`, type, name: { ar, en: `Syn ${n}` } };
    if (r() < 0.3) e.aliases = [variant(ar, r)];
    out[n++] = e;
  }
  return out;
}
