import type { CompiledEntry, CompiledLexicon } from './compile.js';
import { HashTrie, hashString } from './hash.js';
import { assembleMatcher, type HitColumns, type Matcher } from './matcher.js';

/**
 * The precomputed matcher (`dist/lexicon.bin`, written by `npm run build` next to `dist/lexicon.json`):
 * the trie's hash table as built, the hits of every node, the entries and the small tables, so that
 * a fresh process reads one file instead of parsing the JSON artifact and building the trie.
 *
 * Layout (little-endian): `AALM`, format version (u32), header length (u32), the header (JSON, UTF-8,
 * padded to 8 bytes), the int32 section (`ints` values), then the strings joined by U+0000: first
 * those of code units < 256 (Latin-1, `narrow` of them), then the others (UTF-16LE); a string's index
 * counts through both. The int32 section holds, in order: the table
 * (`cap` × 3), the entries (7 per entry: string indices of id, type, ar, en, kind, country, iso2; -1
 * when absent), the hits (5 per hit: node, kind, ref, flags, alias), the keyed nodes (2 per node:
 * node, key), the given names' keys and values, the stopwords, the common words, and the hashes of
 * the given names, of the stopwords then common words, and of the trigger keys.
 * @internal
 */
const MAGIC = 0x4d4c4141; // 'AALM'
const FORMAT = 3;
const ENTRY_INTS = 7;
const HIT_INTS = 5;

interface Header {
  readonly nodes: number;
  readonly size: number;
  readonly cap: number;
  readonly aliasCount: number;
  readonly entries: number;
  readonly hits: number;
  readonly keyed: number;
  readonly given: number;
  readonly stopwords: number;
  readonly commonWords: number;
  readonly ints: number;
  readonly triggerCount: number;
  readonly strings: number;
  readonly narrow: number;
  readonly narrowBytes: number;
  readonly wideBytes: number;
  readonly triggers: CompiledLexicon['triggers'];
  readonly institutions: CompiledLexicon['institutions'];
}

/**
 * The artifact of a matcher built from `lex` (`buildMatcher(lex)`). Undefined when a string holds
 * U+0000 (the separator): the loader then builds from the JSON artifact. @internal
 */
export function writeMatcherArtifact(lex: CompiledLexicon, m: Matcher): Uint8Array | undefined {
  const strings: string[] = [];
  const index = new Map<string, number>();
  let bad = false;
  // strings get provisional indices (order of first use), renumbered narrow-first at the end
  const str = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      if (s.includes('\u0000')) bad = true;
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const stringInts: number[] = []; // positions in `ints` that hold a string index
  const snap = m.trie.snapshot();
  const ints: number[] = [];
  for (const v of snap.table) ints.push(v);
  const pushStr = (s: string | undefined): void => { stringInts.push(ints.length); ints.push(str(s)); };
  for (const e of m.entries) for (const s of [e.id, e.type, e.name.ar, e.name.en, e.kind, e.country, e.iso2]) pushStr(s);
  let hits = 0;
  let keyed = 0;
  for (let node = 0; node < m.keys.length; node++) {
    const list = m.hitsAt(node);
    if (!list) continue;
    for (const h of list) { ints.push(node, h.kind, h.ref, h.flags); pushStr(h.alias); hits++; }
  }
  for (let node = 0; node < m.keys.length; node++) {
    if (m.keys[node] === '') continue;
    ints.push(node);
    pushStr(m.keys[node]);
    keyed++;
  }
  const givenKeys = Object.keys(lex.givenNames);
  const commonWords = lex.commonWords ?? [];
  for (const k of givenKeys) pushStr(k);
  for (const k of givenKeys) pushStr(lex.givenNames[k]);
  for (const w of lex.stopwords) pushStr(w);
  for (const w of commonWords) pushStr(w);
  for (const k of givenKeys) ints.push(hashString(k));
  for (const w of [...lex.stopwords, ...commonWords]) ints.push(hashString(w));
  for (const [k] of lex.triggers) ints.push(hashString(k));
  if (bad) return undefined;
  // narrow strings first
  const isNarrow = (s: string): boolean => { for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false; return true; };
  const narrow = strings.filter(isNarrow);
  const wide = strings.filter((s) => !isNarrow(s));
  const final = new Map<string, number>();
  [...narrow, ...wide].forEach((s, i) => final.set(s, i));
  for (const at of stringInts) if (ints[at]! >= 0) ints[at] = final.get(strings[ints[at]!]!)!;
  const narrowText = Buffer.from(narrow.join('\u0000'), 'latin1');
  const wideText = Buffer.from(wide.join('\u0000'), 'utf16le');
  const header: Header = {
    nodes: snap.nodes, size: snap.size, cap: snap.table.length / 3, aliasCount: m.aliasCount,
    entries: m.entries.length, hits, keyed, given: givenKeys.length, stopwords: lex.stopwords.length, commonWords: commonWords.length,
    triggerCount: lex.triggers.length,
    ints: ints.length, strings: strings.length, narrow: narrow.length, narrowBytes: narrowText.length, wideBytes: wideText.length,
    triggers: lex.triggers, institutions: lex.institutions,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const headEnd = (12 + head.length + 7) & ~7;
  const wideAt = (headEnd + ints.length * 4 + narrowText.length + 1) & ~1; // UTF-16 at an even offset
  const out = new Uint8Array(wideAt + wideText.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, head.length, true);
  out.set(head, 12);
  for (let i = 0; i < ints.length; i++) view.setInt32(headEnd + i * 4, ints[i]!, true);
  out.set(narrowText, headEnd + ints.length * 4);
  out.set(wideText, wideAt);
  return out;
}

/** The key's node, walked on the token hashes the annotator computes; -1 when missing. */
function walk(trie: HashTrie, key: string): number {
  let node = 0;
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && key.charCodeAt(i) !== 0x20) continue;
    node = trie.find(node, hashString(key.slice(from, i)));
    if (node < 0) return -1;
    from = i + 1;
  }
  return node;
}

/**
 * The matcher stored in an artifact, or undefined when the bytes are not a well-formed artifact of
 * this format, or when its table does not answer lookups the way this code hashes and probes.
 * @internal
 */
export function readMatcherArtifact(buf: Uint8Array): Matcher | undefined {
  if (buf.byteLength < 12 || new DataView(buf.buffer, buf.byteOffset, 12).getUint32(0, true) !== MAGIC) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(4, true) !== FORMAT) return undefined;
  const headLen = view.getUint32(8, true);
  const headEnd = (12 + headLen + 7) & ~7;
  let h: Header;
  try {
    h = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 12, headLen).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  const narrowAt = headEnd + h.ints * 4;
  const wideAt = (narrowAt + h.narrowBytes + 1) & ~1;
  if (wideAt + h.wideBytes !== buf.byteLength) return undefined;
  // the int32 section, in place when aligned
  const at = buf.byteOffset + headEnd;
  const I = at % 4 === 0 ? new Int32Array(buf.buffer, at, h.ints) : new Int32Array(buf.slice(headEnd, headEnd + h.ints * 4).buffer);
  const split = (from: number, bytes: number, count: number, encoding: 'latin1' | 'utf16le'): string[] =>
    count ? Buffer.from(buf.buffer, buf.byteOffset + from, bytes).toString(encoding).split('\u0000') : [];
  const narrow = split(narrowAt, h.narrowBytes, h.narrow, 'latin1');
  const wide = split(wideAt, h.wideBytes, h.strings - h.narrow, 'utf16le');
  if (narrow.length !== h.narrow || wide.length !== h.strings - h.narrow) return undefined;
  const S = narrow.concat(wide);
  let o = 0;
  const table = I.subarray(o, o + h.cap * 3);
  o += h.cap * 3;
  const trie = HashTrie.restore(table, h.nodes, h.size);
  if (!trie) return undefined;

  const entries: CompiledEntry[] = new Array(h.entries);
  for (let i = 0; i < h.entries; i++, o += ENTRY_INTS) {
    const e: { -readonly [K in keyof CompiledEntry]: CompiledEntry[K] } = { id: S[I[o]!]!, type: S[I[o + 1]!]! as CompiledEntry['type'], name: { ar: S[I[o + 2]!]!, en: S[I[o + 3]!]! } };
    if (I[o + 4]! >= 0) e.kind = S[I[o + 4]!]!;
    if (I[o + 5]! >= 0) e.country = S[I[o + 5]!]!;
    if (I[o + 6]! >= 0) e.iso2 = S[I[o + 6]!]!;
    entries[i] = e;
  }
  // the hits are stored node by node, in node order: read them by column (Hit objects are made on first use)
  const keys: string[] = new Array(h.nodes).fill('');
  const start = new Int32Array(h.nodes + 1);
  const kind = new Uint8Array(h.hits);
  const ref = new Int32Array(h.hits);
  const flags = new Int32Array(h.hits);
  const alias: string[] = new Array(h.hits);
  let prev = 0;
  for (let i = 0; i < h.hits; i++, o += HIT_INTS) {
    const node = I[o]!;
    if (!(node >= prev && node < h.nodes)) return undefined;
    prev = node;
    start[node + 1]!++;
    kind[i] = I[o + 1]!;
    ref[i] = I[o + 2]!;
    flags[i] = I[o + 3]!;
    alias[i] = S[I[o + 4]!]!;
  }
  for (let v = 0; v < h.nodes; v++) start[v + 1]! += start[v]!;
  const hits: HitColumns = { start, kind, ref, flags, alias };
  const keyedAt = o;
  for (let i = 0; i < h.keyed; i++, o += 2) keys[I[o]!] = S[I[o + 1]!]!;
  const strs = (n: number): string[] => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = S[I[o++]!]!;
    return out;
  };
  const givenKeys = strs(h.given);
  const givenValues = strs(h.given);
  const stopwords = strs(h.stopwords);
  const commonWords = strs(h.commonWords);
  const givenHashes = I.subarray(o, (o += h.given));
  const commonHashes = I.subarray(o, (o += h.stopwords + h.commonWords));
  const triggerHashes = I.subarray(o, (o += h.triggerCount));
  if (o !== h.ints || h.triggerCount !== h.triggers.length) return undefined;
  // a few stored keys must be found where they are stored (same token hash and probe sequence)
  const step = Math.max(1, Math.floor(h.keyed / 16));
  for (let i = 0; i < h.keyed; i += step) {
    const node = I[keyedAt + 2 * i]!;
    if (walk(trie, keys[node]!) !== node) return undefined;
  }
  return assembleMatcher({
    trie, hits, keys, aliasCount: h.aliasCount, entries,
    triggers: h.triggers, institutions: h.institutions,
    givenKeys, givenValues, stopwords, commonWords, givenHashes, commonHashes, triggerHashes, keysCutFromOneText: true,
  });
}
