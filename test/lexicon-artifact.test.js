// The precomputed matcher (dist/lexicon.bin) is the matcher built from dist/lexicon.json; a lexicon
// compiled in process reads the same through its alias columns as through its `aliases` tuples.
import test from 'ava';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { compileLexicon, createAnnotator } from '../dist/index.js';
import { mergeEntries } from '../dist/gazetteer/compile.js';
import { buildMatcher, extendMatcher, keyAt, keyIs, lookupKey } from '../dist/gazetteer/matcher.js';
import { loadShippedMatcher } from '../dist/gazetteer/load.js';
import { hashString } from '../dist/gazetteer/hash.js';
import { readMatcherArtifact, writeMatcherArtifact } from '../dist/gazetteer/artifact.js';

const lexJson = () => JSON.parse(readFileSync(new URL('../dist/lexicon.json', import.meta.url), 'utf8'));

/** Everything a matcher holds, as plain data. */
function plain(m) {
  const s = m.trie.snapshot();
  return {
    table: Array.from(s.table), nodes: s.nodes, size: s.size,
    kids: Array.from({ length: s.nodes }, (_, i) => m.trie.hasChildren(i)), sigs: Array.from(s.sigs),
    // the root filter passes every first token (and rejects the same others)
    starts: Array.from({ length: s.table.length / 3 }, (_, i) => (s.table[i * 3] === 1 ? m.trie.mayStart(s.table[i * 3 + 1]) : null)),
    misses: Array.from({ length: 2000 }, (_, i) => m.trie.mayStart(Math.imul(i + 1, 0x61c88647))),
    hits: Array.from({ length: s.nodes }, (_, i) => m.hitsAt(i)), keys: Array.from({ length: s.nodes }, (_, i) => keyAt(m, i)),
    // each entry whole, its columns, and nothing past the end
    entries: Array.from({ length: m.entryCount + 1 }, (_, i) => m.entry(i)), entryColumns: m.entryColumns,
    triggers: [...m.triggers], institutions: m.institutions, givenNames: [...m.givenNames],
    stopwords: [...m.stopwords], common: [...m.common], aliasCount: m.aliasCount,
    hashes: ['givenHashes', 'triggerHashes', 'commonHashes'].map((k) => [...m[k].values()].sort((a, b) => a - b)),
    fields: Object.keys(m),
  };
}

test('the shipped artifact loads to the matcher built from the JSON lexicon', (t) => {
  const loaded = loadShippedMatcher();
  t.truthy(loaded);
  t.deepEqual(plain(loaded), plain(buildMatcher(lexJson())));
});

test('a damaged artifact is refused, not trusted', (t) => {
  const lex = lexJson();
  const bytes = writeMatcherArtifact(lex, buildMatcher(lex));
  t.truthy(readMatcherArtifact(bytes));
  t.is(readMatcherArtifact(bytes.subarray(0, bytes.length - 2)), undefined);
  t.is(readMatcherArtifact(new Uint8Array(8)), undefined);
  const flipped = bytes.slice();
  flipped[4] ^= 0xff; // format version
  t.is(readMatcherArtifact(flipped), undefined);
});

test('compiled lexicons: entries and alias tuples on demand, same matcher from columns and from tuples', (t) => {
  const entries = [
    { id: 'per/a', type: 'PER', name: { ar: 'الأمير سعيد الهاشمي', en: 'Saïd Hashimi' }, aliases: ['سعيد الهاشمى', 'AFP Said'] },
    { id: 'loc/b', type: 'LOC', name: { ar: 'مدينة النور', en: 'Nour City' }, ambiguous: ['النور'] },
    { id: 'norp/c', type: 'NORP', name: { ar: 'نوري', en: 'Nouri' } },
    { id: 'per/a', type: 'PER', name: { ar: 'سعيد', en: 'Said' } },
  ];
  const triggers = [{ text: 'الأمير', types: ['PER'], title: true }, { text: 'مدينة', types: ['LOC'] }];
  const lex = compileLexicon({ entries, triggers });
  const fromColumns = plain(buildMatcher(lex));
  const tuples = lex.aliases; // made on first read
  t.true(Array.isArray(tuples));
  t.is(lex.aliases, tuples);
  t.true(tuples.every((r) => r.length === 4 && typeof r[0] === 'string' && lex.entries[r[1]] !== undefined));
  const ents = lex.entries; // made on first read too, then kept
  t.is(lex.entries, ents);
  t.deepEqual(ents, [
    { id: 'per/a', type: 'PER', name: { ar: 'الأمير سعيد الهاشمي', en: 'Said Hashimi' } },
    { id: 'loc/b', type: 'LOC', name: { ar: 'مدينة النور', en: 'Nour City' } },
    { id: 'norp/c', type: 'NORP', name: { ar: 'نوري', en: 'Nouri' } },
  ]);
  const roundTrip = JSON.parse(JSON.stringify(lex));
  t.deepEqual(Object.keys(roundTrip), Object.keys(lex));
  t.deepEqual(roundTrip.aliases, tuples);
  t.deepEqual(plain(buildMatcher(roundTrip)), fromColumns);
  const a = createAnnotator({ lexicon: lex });
  t.is(a.stats.aliases, tuples.length);
  t.is(a.stats.entries, 3);
});

test('a compiled lexicon is matched as it is when the matcher is built: entries changed after reading them, or replaced, count', (t) => {
  const src = { entries: [{ id: 'loc/baghdad', type: 'LOC', name: { ar: 'بغداد', en: 'Baghdad' } }] };
  const text = 'وصل الوفد إلى بغداد أمس';
  t.is(createAnnotator({ lexicon: compileLexicon(src) }).annotate(text).entities[0].name.en, 'Baghdad');
  const read = compileLexicon(src);
  read.entries[0].name.en = 'Baghdad (changed)';
  t.is(createAnnotator({ lexicon: read }).annotate(text).entities[0].name.en, 'Baghdad (changed)');
  const replaced = compileLexicon(src);
  replaced.entries = [{ id: 'loc/other', type: 'LOC', name: { ar: 'بغداد', en: 'Other' } }];
  t.is(replaced.entries[0].id, 'loc/other');
  t.is(createAnnotator({ lexicon: replaced }).annotate(text).entities[0].id, 'loc/other');
  const rows = compileLexicon(src);
  rows.aliases = [];
  t.is(createAnnotator({ lexicon: rows }).annotate(text).entities.filter((e) => e.id === 'loc/baghdad').length, 0);
});

test('a frozen compiled lexicon still gives its entries and alias tuples, and serializes as an unfrozen one', (t) => {
  const entries = [
    { id: 'loc/baghdad', type: 'LOC', name: { ar: 'بغداد', en: 'Baghdad' }, country: 'IQ', kind: 'city', aliases: ['بغداد العاصمة'] },
    { id: 'per/ali', type: 'PER', name: { ar: 'علي الأحمد', en: 'Ali Ahmad' } },
  ];
  const frozen = Object.freeze(compileLexicon({ entries }));
  const plainLex = compileLexicon({ entries });
  t.is(frozen.entries, frozen.entries);
  t.is(frozen.aliases, frozen.aliases);
  t.is(JSON.stringify(frozen), JSON.stringify(plainLex));
  t.deepEqual(frozen.entries[0], { id: 'loc/baghdad', type: 'LOC', name: { ar: 'بغداد', en: 'Baghdad' }, kind: 'city', country: 'IQ' });
  t.is(createAnnotator({ lexicon: frozen }).annotate('وصل إلى بغداد أمس').entities[0]?.id, 'loc/baghdad');
});

test('extra entries extend the shipped matcher into the one a build of both lexicons makes', (t) => {
  const shipped = lexJson();
  const multi = shipped.aliases.map((r) => r[0]).filter((k) => k.includes(' ') && /^[\u0621-\u064a ]+$/.test(k));
  const extras = [
    // a new name, a name that is a shipped key (same node, after its hits), a shipped key made longer (a new child)
    { id: 'per/samir-khatib', type: 'PER', name: { ar: 'سمير الخطيب', en: 'Samir Khatib' }, aliases: ['الخطيب'] },
    { id: 'org/extra-a', type: 'ORG', name: { ar: shipped.entries[40].name.ar, en: 'Extra A' }, aliases: [multi[3] + ' الجديدة'] },
    // the first word of a multi-word key (an inner node gets a key), a non-entity, an institution head
    { id: 'loc/extra-b', type: 'LOC', name: { ar: multi[5].split(' ')[0], en: 'Extra B' }, iso2: 'KZ', kind: 'country' },
    { id: 'org/extra-c', type: 'ORG', name: { ar: shipped.nonEntities[7], en: 'Extra C' } },
    { id: 'org/extra-d', type: 'ORG', name: { ar: shipped.institutions[2][0], en: 'Extra D' }, country: 'IQ' },
  ];
  const extra = compileLexicon({ entries: mergeEntries(extras) });
  const E = shipped.entries.length;
  const full = buildMatcher({ ...shipped, entries: [...shipped.entries, ...extra.entries], aliases: [...shipped.aliases, ...extra.aliases.map(([k, i, f, a]) => [k, i + E, f, a])] });
  const extended = extendMatcher(loadShippedMatcher(), extra);
  const keys = new Set([...shipped.aliases.map((r) => r[0]), ...extra.aliases.map((r) => r[0]), ...shipped.nonEntities, ...shipped.institutions.map(([k]) => k)]);
  for (const k of keys) if (JSON.stringify(lookupKey(extended, k)) !== JSON.stringify(lookupKey(full, k))) t.fail(`key ${k}`);
  t.deepEqual(Array.from({ length: full.entryCount + 1 }, (_, i) => extended.entry(i)), Array.from({ length: full.entryCount + 1 }, (_, i) => full.entry(i)));
  t.deepEqual(extended.entryColumns, full.entryColumns);
  t.is(extended.aliasCount, full.aliasCount);
  // the shipped matcher itself is left as it was
  t.deepEqual(plain(loadShippedMatcher()), plain(buildMatcher(shipped)));
  // and an annotator made with extras annotates as one built from both
  const text = extras.map((e) => `قال ${e.name.ar} في ${e.aliases?.[0] ?? 'بغداد'} إن الوفد وصل.`).join('\n');
  const a = createAnnotator({ entries: extras }).annotate(text);
  t.deepEqual(a, createAnnotator({ lexicon: shipped, entries: extras }).annotate(text));
  t.true(a.entities.some((e) => e.id === 'per/samir-khatib'));
});

test('property: extra entries made of shipped words extend the shipped matcher as a build of both does', (t) => {
  const shipped = lexJson();
  const E = shipped.entries.length;
  const base = loadShippedMatcher();
  // words of the shipped keys (Arabic only: extra names must be Arabic), and whole keys
  const keys = shipped.aliases.map((r) => r[0]).filter((k) => /^[\u0621-\u064a ]+$/.test(k));
  const words = [...new Set(keys.flatMap((k) => k.split(' ')))];
  const others = [...shipped.nonEntities, ...shipped.institutions.map(([k]) => k)].filter((k) => /^[\u0621-\u064a ]+$/.test(k));
  const name = fc.oneof(
    fc.constantFrom(...keys.slice(0, 4000)),
    fc.constantFrom(...others),
    fc.array(fc.constantFrom(...words.slice(0, 3000)), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  );
  const entry = fc.record({ ar: name, type: fc.constantFrom('PER', 'LOC', 'ORG'), aliases: fc.array(name, { maxLength: 2 }) });
  fc.assert(fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (list) => {
    const extras = list.map((x, i) => ({ id: `${x.type.toLowerCase()}/extra-${i}`, type: x.type, name: { ar: x.ar, en: `Extra ${i}` }, aliases: x.aliases }));
    const extra = compileLexicon({ entries: mergeEntries(extras) });
    const full = buildMatcher({ ...shipped, entries: [...shipped.entries, ...extra.entries], aliases: [...shipped.aliases, ...extra.aliases.map(([k, i, f, a]) => [k, i + E, f, a])] });
    const extended = extendMatcher(base, extra);
    const probe = [...extra.aliases.map((r) => r[0]), ...list.flatMap((x) => [x.ar.split(' ')[0], x.ar + ' ' + x.ar])];
    for (const k of probe) if (JSON.stringify(lookupKey(extended, k)) !== JSON.stringify(lookupKey(full, k))) return false;
    return extended.aliasCount === full.aliasCount && extended.entryCount === full.entryCount;
  }), { numRuns: 25, seed: 13 });
  t.pass();
});

test('the root filter grows with the root: every first token passes, few others do, also for 200k first tokens', async (t) => {
  const { HashTrie } = await import('../dist/gazetteer/hash.js');
  const trie = new HashTrie(16);
  const firsts = Array.from({ length: 200_000 }, (_, i) => Math.imul(i + 7, 0x9e3779b1) ^ (i >>> 3));
  for (const h of firsts) trie.child(trie.child(0, h), h + 1);
  t.true(firsts.every((h) => trie.mayStart(h)));
  t.true(firsts.every((h) => trie.hasChildren(trie.find(0, h)) && !trie.hasChildren(trie.find(trie.find(0, h), h + 1))));
  let pass = 0;
  for (let i = 0; i < 100_000; i++) if (trie.mayStart(Math.imul(i + 1, 0x85ebca6b) + 12345)) pass++;
  t.true(pass < 10_000, `${pass} of 100k other hashes pass the filter`);
  const restored = HashTrie.fromParts(trie.snapshot());
  t.true(firsts.every((h) => restored.mayStart(h) && restored.hasChildren(restored.find(0, h))));
});

test('a node\'s child signature passes each of its children and rejects most other tokens (shipped lexicon)', (t) => {
  const m = loadShippedMatcher();
  const trie = m.trie;
  // every edge of the table: its child passes its parent's signature
  const { table } = trie.snapshot();
  let edges = 0;
  for (let o = 0; o < table.length; o += 3) {
    if (table[o] === 0) continue;
    edges++;
    if (!trie.mayHaveChild(table[o] - 1, table[o + 1])) return t.fail(`the child ${table[o + 2]} of ${table[o] - 1} is rejected`);
  }
  t.true(edges > 20_000);
  // في (in) starts one name (في تي بي, the bank): the words after it in a sentence are rejected
  const fi = trie.find(0, hashString('في'));
  t.true(fi > 0 && trie.hasChildren(fi));
  t.true(trie.mayHaveChild(fi, hashString('تي')));
  const after = ['العاصمه', 'بيان', 'وقت', 'الصين', 'مدينه', 'اطار', 'حين', 'ظل', 'المقابل', 'الوقت'];
  t.true(after.filter((w) => trie.mayHaveChild(fi, hashString(w))).length <= 2);
  // a leaf (قازاخستان, as no name continues it) passes nothing
  const kz = trie.find(0, hashString('قازاخستان'));
  t.true(kz > 0 && !trie.hasChildren(kz));
  t.true(after.every((w) => !trie.mayHaveChild(kz, hashString(w))));
});

test('the key pool holds each key\'s units at its node (shipped lexicon; keys with a lone surrogate, compiled and read back)', (t) => {
  // every alias key leads to its node, which holds its units (and only there: a key one unit
  // longer or shorter, or with a unit changed, is not the node's key)
  const check = (m, keys) => {
    const nodes = m.trie.snapshot().nodes;
    t.is(m.keyStart.length, nodes + 1);
    t.is(m.keyUnits.length, m.keyStart[nodes]);
    let bad = 0;
    for (const key of keys) {
      let node = 0;
      for (const part of key.split(' ')) node = node < 0 ? -1 : m.trie.find(node, hashString(part));
      if (node < 0 || keyAt(m, node) !== key || !keyIs(m, node, key) || keyIs(m, node, key + 'ا') || keyIs(m, node, key.slice(0, -1))
        || keyIs(m, node, key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) ^ 1)) || !lookupKey(m, key)) bad++;
    }
    t.is(bad, 0);
  };
  const shipped = loadShippedMatcher();
  t.true(shipped.keyUnits.length > 100_000);
  const lexShipped = lexJson();
  check(shipped, lexShipped.aliases.map((a) => a[0]));
  check(buildMatcher(lexShipped), lexShipped.aliases.map((a) => a[0]));
  const lex = compileLexicon({ entries: [{ id: 'org/x', type: 'ORG', name: { ar: 'شركة \ud83d النور', en: 'X' }, aliases: ['النور \udc00ب'] }] });
  const m = buildMatcher(lex);
  const keys = lex.aliases.map((a) => a[0]);
  t.true(keys.some((k) => k.includes('\ud83d')));
  check(m, keys);
  // read back from an artifact
  const back = readMatcherArtifact(writeMatcherArtifact(lex, m) ?? new Uint8Array(0));
  t.deepEqual(Array.from(back.keyUnits), Array.from(m.keyUnits));
  t.deepEqual(Array.from(back.keyStart), Array.from(m.keyStart));
  check(back, keys);
});

test('a lexicon whose names have more tokens than its trie table was sized for (the table grows while the matcher is built)', (t) => {
  // one entry, one alias of 40 words: a table sized for 2 children holds 8 before it grows
  const words = Array.from({ length: 40 }, (_, i) => `كلمة${'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[i % 28]}${'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[Math.floor(i / 28)]}`);
  const long = words.join(' ');
  const lex = compileLexicon({ entries: [{ id: 'org/long', type: 'ORG', name: { ar: long, en: 'Long' }, aliases: [words.slice(0, 3).join(' ')] }] });
  const m = buildMatcher(lex);
  t.true(m.trie.snapshot().nodes > 40);
  for (const key of lex.aliases.map((a) => a[0])) t.truthy(lookupKey(m, key), key.slice(0, 20));
  t.is(lookupKey(m, words.slice(0, 2).join(' ')), null);
  const text = `قال ${long} أمس`;
  const [e] = createAnnotator({ lexicon: lex }).annotate(text, { topics: false, keyphrases: false }).entities;
  t.is(e?.id, 'org/long');
  t.is(text.slice(e.start, e.end), long);
});
