import test from 'ava';
import fc from 'fast-check';
import { normalize, tokenize, scan, createAnnotator } from '../dist/index.js';
import { TokenBuffer } from '../dist/tokenize/scan.js';
import { compileTable, optionsMask } from '../dist/normalize/engine.js';
import { HashSet32, HashTrie, hashString } from '../dist/gazetteer/hash.js';

const annotator = createAnnotator();

// Units that stress the text core: Arabic words and clitics from news, diacritics, tatweel,
// presentation forms, bidi controls, lone surrogates, emoji, Latin, digits, punctuation.
const UNITS = [
  'كازاخستان', 'بكازاخستان', 'للحزب', 'الليبرالي', 'وانغ', 'يي', 'رئيسي', 'الرئيسي', 'تشرين', 'الأول',
  'جاستن', 'ترودو', 'لـ', '«', '»', 'أ.ف.ب', '(', ')', 'رويترز', 'سبوتنيك', 'ريف', 'دمشق', 'و', 'ب',
  '\u064e', '\u0651', '\u0640', '\ufefb', '\ufdf2', '\ufdfa', '\u200f', '\u202b', '\u200c', '\ud800', '\udc00',
  '😀', 'CSTO', 'Reuters', '٣٫٥', '3.5', '.', '؟', '،', ' ', ' ', '\n', '\u00a0', 'x', '\u0000',
];
const unit = fc.oneof(fc.constantFrom(...UNITS), fc.string({ unit: 'binary', maxLength: 3 }), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
const text = fc.array(unit, { maxLength: 60 }).map((a) => a.join(''));

test('normalize never throws, is idempotent, and maps inside the input', (t) => {
  fc.assert(fc.property(text, (s) => {
    const n = normalize(s);
    if (normalize(n.text).text !== n.text) return false;
    let prev = 0;
    for (let i = 0; i <= n.text.length; i++) {
      const o = n.toOriginal(i);
      if (o < prev || o > s.length) return false;
      prev = o;
    }
    return true;
  }), { numRuns: 400 });
  t.pass();
});

test('tokens are in range, sorted, slice to their text and rebuild the input', (t) => {
  fc.assert(fc.property(text, (s) => {
    const { tokens, sentences } = tokenize(s, { clitics: true });
    let pos = 0;
    let rebuilt = '';
    for (const tok of tokens) {
      if (tok.start < pos || tok.end <= tok.start || tok.end > s.length) return false;
      if (s.slice(tok.start, tok.end) !== tok.text) return false;
      // between tokens: only white space and invisible format characters, in any order (the old
      // check trimmed before removing the format characters, so "\u202b \u200f" failed it)
      if (!/^[\s\u200b-\u200f\u061c\ufeff\u00ad\u202a-\u202e\u2060-\u2064\u2066-\u2069\u0085]*$/u.test(s.slice(pos, tok.start))) return false;
      for (const a of tok.analyses ?? []) for (const seg of a.segments) if (s.slice(seg.start, seg.end) !== seg.text) return false;
      rebuilt += s.slice(pos, tok.start) + tok.text;
      pos = tok.end;
    }
    if (rebuilt + s.slice(pos) !== s) return false;
    return sentences.every((x) => x.tokenStart < x.tokenEnd);
  }), { numRuns: 400 });
  t.pass();
});

test('the scanner\'s reused buffers give every input its own tokens and hashes', (t) => {
  const { action, expansions } = compileTable(optionsMask(undefined));
  const buf = new TokenBuffer(); // reused across inputs, as the annotator does
  fc.assert(fc.property(text, (s) => {
    const { tokens } = tokenize(s);
    if (buf.scan(s, action, expansions) !== tokens.length) return false;
    return tokens.every((tok, k) => buf.start[k] === tok.start && buf.end[k] === tok.end &&
      buf.hash[k] === hashString(tok.norm) && buf.nlen[k] === tok.norm.length &&
      String.fromCharCode(...buf.units.subarray(buf.normStart[k], buf.normStart[k + 1])) === tok.norm);
  }), { numRuns: 400 });
  t.pass();
});

test('scan gives tokenize\'s tokens and normalized forms in columns, whatever the normalization options', (t) => {
  const opts = fc.record({ diacritics: fc.boolean(), alef: fc.boolean(), tatweel: fc.boolean(), presentationForms: fc.boolean(), invisibles: fc.boolean(), latinLowercase: fc.boolean() }, { requiredKeys: [] });
  fc.assert(fc.property(text, opts, (s, o) => {
    const { tokens } = tokenize(s, { normalize: o });
    const c = scan(s, { normalize: o });
    return c.count === tokens.length && tokens.every((tok, i) =>
      c.start[i] === tok.start && c.end[i] === tok.end && c.norm(i) === tok.norm && c.hash[i] === hashString(tok.norm) &&
      ['arabic', 'latin', 'number', 'punct', 'symbol'][c.kind[i]] === tok.kind);
  }), { numRuns: 400 });
  t.is(scan('').count, 0);
  t.is(scan('x').norm(5), '');
});

test('annotate never throws; entities slice to their text, sorted, never overlapping', (t) => {
  fc.assert(fc.property(text, (s) => {
    const { entities } = annotator.annotate(s);
    let end = 0;
    for (const e of entities) {
      if (s.slice(e.start, e.end) !== e.text || e.start < end || e.end <= e.start) return false;
      end = e.end;
      for (const p of e.prefix) if (s.slice(p.start, p.end) !== p.text) return false;
    }
    return JSON.parse(JSON.stringify(entities)).length === entities.length;
  }), { numRuns: 400 });
  t.pass();
});

test('100 KB inputs of one kind (a single word, diacritics, tatweel, clitic tokens) do not throw', (t) => {
  const inputs = ['ب'.repeat(100_000), '\u064e'.repeat(100_000), '\u0640'.repeat(100_000), 'وب '.repeat(33_000), '\ud800'.repeat(100_000), '«'.repeat(100_000)];
  for (const s of inputs) {
    const n = normalize(s);
    t.true(n.text.length <= s.length);
    const { tokens } = tokenize(s);
    t.true(tokens.every((x) => x.end <= s.length));
    t.true(Array.isArray(annotator.annotate(s).entities));
  }
});

test('results do not depend on earlier calls (work buffers are reused)', (t) => {
  const fresh = createAnnotator();
  fc.assert(fc.property(text, text, (a, b) => {
    const first = JSON.stringify(fresh.annotate(a, { topics: false, keyphrases: false }));
    annotator.annotate(b + b + b, { topics: false, keyphrases: false });
    return JSON.stringify(annotator.annotate(a, { topics: false, keyphrases: false })) === first;
  }), { numRuns: 200 });
  t.pass();
});

test('mention index: recency after grouping equals a walk over every mention (the last at or before t, else minus the first after)', async (t) => {
  const { Mentions } = await import('../dist/resolve/annotate.js');
  const naive = (list, t) => list.reduce((best, p) => Math.max(best, p <= t ? p : -p), -Infinity);
  const index = new Mentions(); // reused across cases, as the annotator does
  fc.assert(fc.property(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 50 })), { maxLength: 40 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 50 })), { maxLength: 5 }),
    (first, later) => {
      index.reset(8);
      const byRef = new Map();
      const add = ([ref, pos]) => { index.add(ref, pos); byRef.set(ref, [...(byRef.get(ref) ?? []), pos]); };
      [...first].sort((a, b) => a[1] - b[1]).forEach(add); // pass 1 adds left to right
      index.freeze();
      later.forEach(add); // pass 2 adds what a trigger accepted
      for (let ref = 0; ref < 8; ref++) {
        if (index.has(ref) !== byRef.has(ref)) return false;
        for (let pos = -1; pos <= 51; pos++) if (index.recency(ref, pos) !== naive(byRef.get(ref) ?? [], pos)) return false;
      }
      return true;
    },
  ), { numRuns: 300 });
  t.pass();
});

test('the hash set answers as a Set of int32 would, through growth and clears (reused per document)', (t) => {
  // few distinct values, values that all share one bit of the pre-filter (so that the table itself
  // answers), any int32, and 0
  const sameBit = fc.integer({ min: 0, max: 15 }).map((b) => (5 ^ b) | (b << 16));
  const value = fc.oneof(fc.integer({ min: -40, max: 40 }), sameBit, sameBit, fc.integer({ min: -0x80000000, max: 0x7fffffff }), fc.constant(0));
  const op = fc.oneof(
    { arbitrary: fc.tuple(fc.constant('add'), value), weight: 6 },
    { arbitrary: fc.tuple(fc.constant('has'), value), weight: 6 },
    { arbitrary: fc.tuple(fc.constant('clear'), fc.constant(0)), weight: 2 },
  );
  fc.assert(fc.property(fc.array(value, { maxLength: 50 }), fc.array(op, { maxLength: 400 }), (initial, ops) => {
    const set = new HashSet32(initial);
    const ref = new Set(initial);
    for (const [kind, v] of ops) {
      if (kind === 'add') { set.add(v); ref.add(v); } else if (kind === 'clear') { set.clear(); ref.clear(); }
      else if (set.has(v) !== ref.has(v)) return false;
    }
    if (set.size !== ref.size || [...set.values()].join() !== [...ref].join()) return false;
    // every member is found, and a union holds the members of both
    for (const v of ref) if (!set.has(v)) return false;
    const u = HashSet32.union(set, new HashSet32([7, -7]));
    return [...ref, 7, -7].every((v) => u.has(v)) && u.size === new Set([...ref, 7, -7]).size;
  }), { numRuns: 1000 });
  // a set grown to 100k members, then cleared and reused
  const big = new HashSet32();
  for (let i = 0; i < 100000; i++) big.add(Math.imul(i, 0x9e3779b1));
  t.is(big.size, 100000);
  t.true(big.has(Math.imul(99999, 0x9e3779b1)));
  big.clear();
  t.false(big.has(Math.imul(5, 0x9e3779b1)));
  big.add(12345);
  t.deepEqual([...big.values()], [12345]);
});

test('the trie built in batches holds every key as one-by-one insertion would, through growth of its table', (t) => {
  // keys of 0–4 tokens over a few hashes (shared prefixes, repeated keys), in batches of any size,
  // into a table sized for fewer children than it gets (it grows between and inside batches)
  const key = fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer()), { maxLength: 4 });
  fc.assert(fc.property(fc.array(key, { maxLength: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), (keys, batch, expected) => {
    const trie = new HashTrie(expected);
    const first = new Int32Array(keys.length + 1);
    const flat = keys.flat();
    keys.forEach((k, i) => { first[i + 1] = first[i] + k.length; });
    const out = new Int32Array(keys.length);
    for (let i0 = 0; i0 < keys.length; i0 += batch) {
      const n = Math.min(batch, keys.length - i0);
      trie.insertBatch(Int32Array.from(flat.slice(first[i0], first[i0 + n])), first.slice(i0, i0 + n + 1).map((x) => x - first[i0]), n, out, i0);
    }
    // one node per distinct prefix; a key's node is the one its tokens lead to from the root
    const prefixes = new Set(keys.flatMap((k) => k.map((_, j) => k.slice(0, j + 1).join())));
    if (trie.nodes !== 1 + prefixes.size) return false;
    const nodeOfKey = new Map();
    return keys.every((k, i) => {
      let node = 0;
      for (const h of k) {
        if (!trie.mayHaveChild(node, h)) return false;
        node = trie.find(node, h);
        if (node < 0) return false;
      }
      const seen = nodeOfKey.get(k.join()) ?? node;
      nodeOfKey.set(k.join(), node);
      return out[i] === node && seen === node;
    }) && new Set(nodeOfKey.values()).size === nodeOfKey.size;
  }), { numRuns: 500 });
  t.pass();
});
