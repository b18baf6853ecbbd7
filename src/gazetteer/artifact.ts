import { makeEntry, type CompiledLexicon } from './compile.js';
import type { EntityType } from './schema.js';
import { HashTrie, hashString, rootFilterBits } from './hash.js';
import { assembleMatcher, madeOnce, newEntryColumns, putEntry, type HitColumns, type Matcher } from './matcher.js';
import { unitsString } from '../arrays.js';

/**
 * The precomputed matcher (`dist/lexicon.bin`, written by `npm run build` next to `dist/lexicon.json`):
 * the trie as built (its hash table, root filter and child signatures), the hits of every node by
 * column, the key pool, the entries and the small tables, so that a fresh process reads one file
 * into typed arrays instead of parsing the JSON artifact and building the trie, and makes no pass
 * over the trie's table.
 *
 * Layout (native byte order, i.e. little-endian on the platforms Node runs on): `AALM`, format
 * version (u32), header length (u32), the header (JSON, UTF-8, padded to 8 bytes), then four
 * sections:
 * - int32 (`ints` values): the table (`cap` × 3), the root filter (`rootFilterBits(rootKids)` bits), the entries (7 per
 *   entry: string indices of id, type, ar, en, kind, country, iso2; -1 when absent), the hits' start
 *   per node (`nodes` + 1), their refs, flags and alias string indices (`hits` each), the key pool's
 *   start per node (`nodes` + 1), the string indices of the given names' keys and values, the
 *   stopwords and the common words, and the hashes of the given names, of the stopwords then common
 *   words, and of the trigger keys;
 * - bytes: the child signature of every node (16 bits each), then the kind of every hit;
 * - the strings joined by U+0000: first those of code units < 256 (Latin-1, `narrow` of them), then,
 *   at an even offset, the others (UTF-16LE); a string's index counts through both;
 * - the key pool (`poolUnits` UTF-16 units): node v's key is units `[keyStart[v], keyStart[v + 1])`.
 * @internal
 */
const MAGIC = 0x4d4c4141; // 'AALM'
const FORMAT = 5;
const ENTRY_INTS = 7;

interface Header {
  readonly nodes: number;
  readonly size: number;
  readonly cap: number;
  readonly rootKids: number;
  readonly aliasCount: number;
  readonly entries: number;
  readonly hits: number;
  readonly poolUnits: number;
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
  const pushAll = (a: ArrayLike<number>): void => { for (let i = 0; i < a.length; i++) ints.push(a[i]!); };
  const pushStr = (s: string | undefined): void => { stringInts.push(ints.length); ints.push(str(s)); };
  pushAll(snap.table);
  pushAll(snap.rootBits);
  for (let i = 0; i < m.entryCount; i++) {
    const e = m.entry(i)!;
    for (const s of [e.id, e.type, e.name.ar, e.name.en, e.kind, e.country, e.iso2]) pushStr(s);
  }
  const c = m.columns;
  const hits = c.kind.length;
  pushAll(c.start);
  pushAll(c.ref);
  pushAll(c.flags);
  for (const a of c.alias) pushStr(a);
  pushAll(m.keyStart);
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
    nodes: snap.nodes, size: snap.size, cap: snap.table.length / 3,
    rootKids: snap.rootKids,
    aliasCount: m.aliasCount, entries: m.entryCount, hits, poolUnits: m.keyUnits.length,
    given: givenKeys.length, stopwords: lex.stopwords.length, commonWords: commonWords.length,
    triggerCount: lex.triggers.length,
    ints: ints.length, strings: strings.length, narrow: narrow.length, narrowBytes: narrowText.length, wideBytes: wideText.length,
    triggers: lex.triggers, institutions: lex.institutions,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const headEnd = (12 + head.length + 7) & ~7;
  const bytesAt = headEnd + ints.length * 4;
  const narrowAt = bytesAt + 2 * snap.nodes + hits;
  const wideAt = (narrowAt + narrowText.length + 1) & ~1; // UTF-16 at an even offset
  const poolAt = wideAt + wideText.length;
  const out = new Uint8Array(poolAt + m.keyUnits.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, head.length, true);
  out.set(head, 12);
  for (let i = 0; i < ints.length; i++) view.setInt32(headEnd + i * 4, ints[i]!, true);
  out.set(new Uint8Array(snap.sigs.buffer, snap.sigs.byteOffset, 2 * snap.nodes), bytesAt);
  out.set(c.kind, bytesAt + 2 * snap.nodes);
  out.set(narrowText, narrowAt);
  out.set(wideText, wideAt);
  out.set(new Uint8Array(m.keyUnits.buffer, m.keyUnits.byteOffset, m.keyUnits.byteLength), poolAt);
  return out;
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
  const bytesAt = headEnd + h.ints * 4;
  const narrowAt = bytesAt + 2 * h.nodes + h.hits;
  const wideAt = (narrowAt + h.narrowBytes + 1) & ~1;
  const poolAt = wideAt + h.wideBytes;
  if (!(h.nodes >= 1) || poolAt + h.poolUnits * 2 !== buf.byteLength) return undefined;
  // typed sections in place when aligned, else copied
  const section = <T>(from: number, bytes: number, align: number, make: (b: ArrayBuffer, at: number) => T): T =>
    (buf.byteOffset + from) % align === 0 ? make(buf.buffer as ArrayBuffer, buf.byteOffset + from) : make(buf.slice(from, from + bytes).buffer as ArrayBuffer, 0);
  const I = section(headEnd, h.ints * 4, 4, (b, at) => new Int32Array(b, at, h.ints));
  const sigs = section(bytesAt, 2 * h.nodes, 2, (b, at) => new Uint16Array(b, at, h.nodes));
  const hitKinds = buf.subarray(bytesAt + 2 * h.nodes, narrowAt);
  const keyUnits = section(poolAt, h.poolUnits * 2, 2, (b, at) => new Uint16Array(b, at, h.poolUnits));
  const split = (from: number, bytes: number, count: number, encoding: 'latin1' | 'utf16le'): string[] =>
    count ? Buffer.from(buf.buffer, buf.byteOffset + from, bytes).toString(encoding).split('\u0000') : [];
  const narrow = split(narrowAt, h.narrowBytes, h.narrow, 'latin1');
  const wide = split(wideAt, h.wideBytes, h.strings - h.narrow, 'utf16le');
  if (narrow.length !== h.narrow || wide.length !== h.strings - h.narrow) return undefined;
  const S = narrow.concat(wide);
  let o = 0;
  const ints = (n: number): Int32Array => I.subarray(o, (o += n));
  const table = ints(h.cap * 3);
  const rootWords = rootFilterBits(h.rootKids) >>> 5;
  const rootBits = new Uint32Array(I.buffer, I.byteOffset + o * 4, rootWords);
  o += rootWords;
  const trie = HashTrie.fromParts({ table, nodes: h.nodes, size: h.size, sigs, rootBits, rootKids: h.rootKids });
  if (!trie) return undefined;

  // The entries by column; an entry's object is made when something reads it (most never are: a
  // fresh process would otherwise make thousands of objects, and copy them in its first scavenges)
  const n = h.entries;
  const at = o;
  o += n * ENTRY_INTS;
  const str = (x: number): string | undefined => (x >= 0 ? S[x] : undefined);
  const cols = newEntryColumns(n);
  for (let i = 0, x = at; i < n; i++, x += ENTRY_INTS) putEntry(cols, i, S[I[x]!]!, S[I[x + 1]!]! as EntityType, str(I[x + 4]!), str(I[x + 5]!), str(I[x + 6]!));
  const entry = madeOnce((i) => {
    const x = at + i * ENTRY_INTS;
    return makeEntry(S[I[x]!]!, S[I[x + 1]!]! as EntityType, S[I[x + 2]!]!, S[I[x + 3]!]!, str(I[x + 4]!), str(I[x + 5]!), str(I[x + 6]!));
  });
  const start = ints(h.nodes + 1);
  const ref = ints(h.hits);
  const flags = ints(h.hits);
  const alias: string[] = new Array(h.hits);
  for (let i = 0; i < h.hits; i++) alias[i] = S[I[o++]!]!;
  const hits: HitColumns = { start, kind: hitKinds, ref, flags, alias };
  const keyStart = ints(h.nodes + 1);
  if (start[0] !== 0 || start[h.nodes] !== h.hits || keyStart[0] !== 0 || keyStart[h.nodes] !== h.poolUnits) return undefined;
  for (let v = 0; v < h.nodes; v++) if (keyStart[v + 1]! < keyStart[v]! || start[v + 1]! < start[v]!) return undefined;
  const strs = (n: number): string[] => {
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = S[I[o++]!]!;
    return out;
  };
  const givenKeys = strs(h.given);
  const givenValues = strs(h.given);
  const stopwords = strs(h.stopwords);
  const commonWords = strs(h.commonWords);
  const givenHashes = ints(h.given);
  const commonHashes = ints(h.stopwords + h.commonWords);
  const triggerHashes = ints(h.triggerCount);
  if (o !== h.ints || h.triggerCount !== h.triggers.length) return undefined;
  // a few stored keys must be found where they are stored (same token hash and probe sequence)
  const step = Math.max(1, Math.floor(h.nodes / 64));
  for (let v = 0; v < h.nodes; v += step) {
    for (let u = v; u < Math.min(h.nodes, v + step); u++) {
      const a = keyStart[u]!;
      const b = keyStart[u + 1]!;
      if (a === b) continue;
      if (trie.findKey(unitsString(keyUnits, a, b)) !== u) return undefined;
      break;
    }
  }
  return assembleMatcher({
    trie, hits, keyPool: { units: keyUnits, start: keyStart }, aliasCount: h.aliasCount,
    entries: { count: n, columns: () => cols, entry },
    triggers: h.triggers, institutions: h.institutions,
    givenKeys, givenValues, stopwords, commonWords, givenHashes, commonHashes, triggerHashes,
  });
}
