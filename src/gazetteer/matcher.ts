import {
  AMBIGUOUS, LEAD_SHIFT, aliasColumns, entryFieldColumns, entryOfColumns, type CompiledEntry, type CompiledLexicon, type EntryFieldColumns, type InstitutionSpec,
  type TriggerSpec,
} from './compile.js';
import type { EntityType } from './schema.js';
import { grown, unitsString } from '../arrays.js';
import { HASH_B, HashSet32, HashTrie, hashString } from './hash.js';

/** What a trie node's hit points at. @internal */
export const enum HitKind { Entity = 0, Block = 1, Head = 2 }

/** @internal */
export interface Hit {
  readonly kind: HitKind;
  /** Entry index (Entity), institution index (Head), -1 (Block). */
  readonly ref: number;
  readonly flags: number;
  readonly alias: string;
}

/**
 * The compiled match structure: a trie over normalized token keys, stored as a hash table from
 * (node, token hash) to child node. Built once, frozen, then only read; safe to share.
 * @internal
 */
export interface Matcher {
  readonly trie: HashTrie;
  /**
   * Hits of a node (null for inner nodes without a name ending there). Stored by column; the Hit
   * objects of a node are made on its first read (a million-name lexicon makes few of them).
   */
  hitsAt(node: number): readonly Hit[] | null;
  /** The same hits by column (node v's are rows `[start[v], start[v + 1])`): for loops that read a field or two, without the objects. */
  readonly columns: HitColumns;
  /**
   * The full key of each node with hits, in one pool of UTF-16 units: node v's key is
   * `keyUnits[keyStart[v] .. keyStart[v + 1])` (empty for inner nodes). A hashed match is verified
   * on these (see `keyIs`), next to each other in memory: no string per key (a million-name lexicon
   * would make the collector walk millions of them).
   */
  readonly keyUnits: Uint16Array;
  readonly keyStart: Int32Array;
  /** Number of lexicon entries (hit refs of kind Entity index them). */
  readonly entryCount: number;
  /** Entry `i`, undefined past the end (made on its first read when the entries came by column: the artifact, `compileLexicon`). */
  entry(i: number): CompiledEntry | undefined;
  /** The fields the entity passes read of every entry, by column (made on first read). */
  readonly entryColumns: EntryColumns;
  readonly triggers: ReadonlyMap<string, TriggerSpec>;
  readonly institutions: readonly InstitutionSpec[];
  readonly givenNames: ReadonlyMap<string, string>;
  /** Hashes of the given-name keys (a pre-filter before the string lookup). */
  readonly givenHashes: HashSet32;
  readonly stopwords: ReadonlySet<string>;
  /** Stopwords and ordinary words: never name tokens of a pattern find. */
  readonly common: ReadonlySet<string>;
  /** Hashes of the trigger keys and of the common words (pre-filters before string lookups). */
  readonly triggerHashes: HashSet32;
  readonly commonHashes: HashSet32;
  readonly aliasCount: number;
}

/** Fields of the lexicon's entries by column: index i is entry i's. @internal */
export interface EntryColumns {
  readonly type: readonly EntityType[];
  readonly id: readonly string[];
  /** The entry's kind; undefined when it has none (or an empty one). */
  readonly kind: readonly (string | undefined)[];
  /** The entry's own country, as the entry gives it (undefined when it has none). */
  readonly country: readonly (string | undefined)[];
  /** The country the entry is in, or is (`country ?? iso2`); undefined when none (or empty). */
  readonly place: readonly (string | undefined)[];
  /** ISO alpha-2 → index of the country entry (a LOC entry with that `iso2`; the last one). */
  readonly countryByIso: ReadonlyMap<string, number>;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

/** Empty columns for `n` entries, to be filled with `putEntry`. @internal */
export function newEntryColumns(n: number): Writable<EntryColumns> {
  return { type: new Array(n), id: new Array(n), kind: new Array(n), country: new Array(n), place: new Array(n), countryByIso: new Map() };
}

/** Puts entry i's fields (as the entry holds them) in `c`. @internal */
export function putEntry(
  c: Writable<EntryColumns>, i: number, id: string, type: EntityType, kind: string | undefined, country: string | undefined, iso2: string | undefined,
): void {
  c.id[i] = id;
  c.type[i] = type;
  c.kind[i] = kind || undefined;
  c.country[i] = country;
  c.place[i] = (country ?? iso2) || undefined;
  if (iso2 && type === 'LOC') (c.countryByIso as Map<string, number>).set(iso2, i);
}

/** The entries of a compiled lexicon as `MatcherParts` has them: by their columns when it has them, else by its objects. */
function entriesOf(lex: CompiledLexicon): MatcherParts['entries'] {
  const f = entryFieldColumns(lex);
  if (!f) {
    const entries = lex.entries;
    const columns = (): EntryColumns => {
      const c = newEntryColumns(entries.length);
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        putEntry(c, i, e.id, e.type, e.kind, e.country, e.iso2);
      }
      return c;
    };
    return { count: entries.length, columns, entry: (i) => entries[i]! };
  }
  return entriesOfColumns(f);
}

/** Entries given by their columns: an entry's object is made on its first read, and kept. */
function entriesOfColumns(f: EntryFieldColumns): MatcherParts['entries'] {
  const columns = (): EntryColumns => {
    const c = newEntryColumns(f.count);
    for (let i = 0; i < f.count; i++) putEntry(c, i, f.id[i]!, f.type[i]!, f.kind[i], f.country[i], f.iso2[i]);
    return c;
  };
  return { count: f.count, columns, entry: madeOnce((i) => entryOfColumns(f, i)) };
}

/** `make`, each entry made on its first read and kept. @internal */
export function madeOnce(make: (i: number) => CompiledEntry): (i: number) => CompiledEntry {
  const made: (CompiledEntry | undefined)[] = [];
  return (i) => (made[i] ??= make(i));
}

/** Builds the matcher for a compiled lexicon. @internal */
export function buildMatcher(lex: CompiledLexicon): Matcher {
  // alias rows by column when the lexicon was compiled in this process, else its tuples
  const cols = aliasColumns(lex);
  const tuples = cols ? undefined : lex.aliases;
  const aliasCount = cols ? cols.count : tuples!.length;
  const nonEntities = lex.nonEntities;
  const heads = lex.institutions;
  const total = aliasCount + nonEntities.length + heads.length;
  const keyOf = (i: number): string =>
    i < aliasCount ? (cols ? cols.key[i]! : tuples![i]![0]) : i < aliasCount + nonEntities.length ? nonEntities[i - aliasCount]! : heads[i - aliasCount - nonEntities.length]![0];
  // One buffer for the trie's table and every column, allocated before any is filled: a large
  // allocation can start a collection of the whole heap (a million-name build is made next to the
  // caller's entries and the compiled ones), and the columns' sizes are bounded before the trie is
  // built: a table of `slots` holds at most `slots / 2` children before it grows (so at most that
  // many nodes and one), each row is at most one hit, and the keys' units at most all of theirs.
  // What the bounds leave unused is never touched (no memory).
  let maxUnits = 0;
  for (let i = 0; i < total; i++) maxUnits += keyOf(i).length;
  // a small table is kept sparse (short probes), a large one at most half full
  const slots = HashTrie.slotsFor(total <= 1 << 16 ? total * 2 : total);
  const maxNodes = slots / 2 + 1;
  const I32 = 3 * slots + 2 * (maxNodes + 1) + 2 * total;
  const buf = new ArrayBuffer(4 * I32 + 2 * (maxUnits + maxNodes) + total);
  const ints = (at: number, n: number): Int32Array => new Int32Array(buf, 4 * at, n);
  const trie = new HashTrie(0, { table: ints(0, 3 * slots), sigs: new Uint16Array(buf, 4 * I32 + 2 * maxUnits, maxNodes) });
  let hitStart = ints(3 * slots, maxNodes + 1);
  let keyStart = ints(3 * slots + maxNodes + 1, maxNodes + 1);
  const hitRef = ints(3 * slots + 2 * (maxNodes + 1), total);
  const hitFlags = ints(3 * slots + 2 * (maxNodes + 1) + total, total);
  const keyUnits = new Uint16Array(buf, 4 * I32, maxUnits);
  const hitKind = new Uint8Array(buf, 4 * I32 + 2 * (maxUnits + maxNodes), total);
  // (each row's node: needed only here, so not in the buffer the matcher keeps)
  const nodeOf = new Int32Array(total);
  // The trie, in batches of keys: their token hashes, then their paths (see `insertBatch`).
  const B = 256;
  const first = new Int32Array(B + 1);
  let hashes = new Int32Array(B * 4);
  for (let i0 = 0; i0 < total; i0 += B) {
    const n = Math.min(B, total - i0);
    let nh = 0;
    for (let q = 0; q < n; q++) {
      const key = keyOf(i0 + q);
      let h = 0;
      for (let j = 0; j <= key.length; j++) {
        const c = j < key.length ? key.charCodeAt(j) : 0x20;
        if (c !== 0x20) { h = (Math.imul(h, HASH_B) + c) | 0; continue; }
        if (nh === hashes.length) hashes = grown(hashes, nh * 2);
        hashes[nh++] = h;
        h = 0;
      }
      first[q + 1] = nh;
    }
    trie.insertBatch(hashes, first, n, nodeOf, i0);
  }
  const nodes = trie.nodes;
  if (nodes > maxNodes) {
    // (the table grew: more children than keys, on keys of many tokens)
    hitStart = new Int32Array(nodes + 1);
    keyStart = new Int32Array(nodes + 1);
  }
  // Each node's first key, by row (keyStart[v + 1] = row + 1 for now): a second key at the same
  // node (the same 32-bit hashes) loses its row, its node set to -1. And each node's number of hits.
  let count = 0;
  for (let i = 0; i < total; i++) {
    const node = nodeOf[i]!;
    const row = keyStart[node + 1]!;
    if (row === 0) keyStart[node + 1] = i + 1;
    else if (keyOf(row - 1) !== keyOf(i)) { nodeOf[i] = -1; continue; }
    hitStart[node + 1]!++;
    count++;
  }
  // the key pool: each node's first key, one after the other
  for (let v = 0, o = 0; v < nodes; v++) {
    const row = keyStart[v + 1]!;
    hitStart[v + 1]! += hitStart[v]!;
    if (row > 0) {
      const k = keyOf(row - 1);
      for (let x = 0; x < k.length; x++) keyUnits[o++] = k.charCodeAt(x);
    }
    keyStart[v + 1] = o;
  }
  const hitAlias: string[] = new Array(count);
  // hits by column: per node, in row order (aliases, non-entities, institution heads); hitStart[v]
  // counts node v's hits as they are placed, and is moved back one node after
  for (let i = 0; i < total; i++) {
    const node = nodeOf[i]!;
    if (node < 0) continue;
    const at = hitStart[node]!++;
    if (i < aliasCount) {
      hitKind[at] = HitKind.Entity;
      if (cols) { hitRef[at] = cols.entry[i]!; hitFlags[at] = cols.flags[i]!; hitAlias[at] = cols.alias[i]!; }
      else { const row = tuples![i]!; hitRef[at] = row[1]; hitFlags[at] = row[2]; hitAlias[at] = row[3]; }
    } else if (i < aliasCount + nonEntities.length) {
      hitKind[at] = HitKind.Block; hitRef[at] = -1; hitAlias[at] = nonEntities[i - aliasCount]!;
    } else {
      const h = i - aliasCount - nonEntities.length;
      hitKind[at] = HitKind.Head; hitRef[at] = h; hitAlias[at] = heads[h]![1].text;
    }
  }
  for (let v = nodes; v > 0; v--) hitStart[v] = hitStart[v - 1]!;
  hitStart[0] = 0;
  const hits: HitColumns = {
    start: hitStart.subarray(0, nodes + 1), kind: hitKind.subarray(0, count), ref: hitRef.subarray(0, count), flags: hitFlags.subarray(0, count), alias: hitAlias,
  };
  return assembleMatcher({
    trie, hits, aliasCount,
    keyPool: { units: keyUnits.subarray(0, keyStart[nodes]!), start: keyStart.subarray(0, nodes + 1) },
    entries: entriesOf(lex),
    triggers: lex.triggers,
    institutions: lex.institutions,
    givenKeys: Object.keys(lex.givenNames),
    givenValues: Object.values(lex.givenNames),
    stopwords: lex.stopwords,
    commonWords: lex.commonWords ?? [],
  });
}

/** Hits by column: node v's hits are rows `[start[v], start[v + 1])`. @internal */
export interface HitColumns {
  readonly start: Int32Array;
  readonly kind: Uint8Array;
  readonly ref: Int32Array;
  readonly flags: Int32Array;
  readonly alias: readonly string[];
}

/** What a matcher is made of: the trie and its per-node arrays, and the lexicon's small tables. @internal */
export interface MatcherParts {
  readonly trie: HashTrie;
  /** The hits by column. */
  readonly hits: HitColumns;
  readonly aliasCount: number;
  /**
   * The entries: their number, their columns (made on the first read: a matcher built for a million
   * names makes them when it first annotates, not while it is built), and entry i (in range) as an object.
   */
  readonly entries: { readonly count: number; columns(): EntryColumns; entry(i: number): CompiledEntry };
  readonly triggers: CompiledLexicon['triggers'];
  readonly institutions: CompiledLexicon['institutions'];
  /** Given-name keys and their values, in `Object.keys(lexicon.givenNames)` order. */
  readonly givenKeys: readonly string[];
  readonly givenValues: readonly string[];
  readonly stopwords: readonly string[];
  readonly commonWords: readonly string[];
  /** `hashString` of the given-name keys, of the stopwords then common words, of the trigger keys (computed when absent). */
  readonly givenHashes?: Iterable<number>;
  readonly commonHashes?: Iterable<number>;
  readonly triggerHashes?: Iterable<number>;
  /** The keys' units, one after the other: node v's key is `units[start[v] .. start[v + 1])`. */
  readonly keyPool: { readonly units: Uint16Array; readonly start: Int32Array };
}

/**
 * The matcher of its parts (shared by `buildMatcher` and the precomputed artifact's loader, so that
 * both make the same structure). @internal
 */
export function assembleMatcher(p: MatcherParts): Matcher {
  const givenNames = new Map<string, string>();
  for (let i = 0; i < p.givenKeys.length; i++) givenNames.set(p.givenKeys[i]!, p.givenValues[i]!);
  const common = [...p.stopwords, ...p.commonWords];
  return matcherOf(p.trie, p.hits, p.keyPool, p.entries, p.aliasCount, {
    triggers: new Map(p.triggers.map(([k, t]) => [k, t])),
    institutions: p.institutions.map(([, s]) => s),
    givenNames,
    givenHashes: new HashSet32(p.givenHashes ?? p.givenKeys.map(hashString)),
    stopwords: new Set(p.stopwords),
    common: new Set(common),
    triggerHashes: new HashSet32(p.triggerHashes ?? p.triggers.map(([k]) => hashString(k))),
    commonHashes: new HashSet32(p.commonHashes ?? common.map(hashString)),
  });
}

/** The lexicon's tables besides its names (only read: matchers of one lexicon share them). */
type WordTables = Pick<Matcher, 'triggers' | 'institutions' | 'givenNames' | 'givenHashes' | 'stopwords' | 'common' | 'triggerHashes' | 'commonHashes'>;

/** The matcher of a trie, its hits and keys, its entries and the lexicon's other tables. */
function matcherOf(
  trie: HashTrie, c: HitColumns, keyPool: MatcherParts['keyPool'], entries: MatcherParts['entries'], aliasCount: number, tables: WordTables,
): Matcher {
  const entryCount = entries.count;
  let columns: EntryColumns | undefined;
  const makeColumns = entries.columns;
  const entryAt = entries.entry;
  const entry = (i: number): CompiledEntry | undefined => (i >= 0 && i < entryCount ? entryAt(i) : undefined);
  // made on first read, then kept (per matcher: the same node always gives the same array)
  // (a map, not an array by node: a million-name trie has millions of nodes, and few are read)
  const made = new Map<number, readonly Hit[] | null>();
  const hitsAt = (node: number): readonly Hit[] | null => {
    let l = made.get(node);
    if (l === undefined) {
      const a = c.start[node]!;
      const b = c.start[node + 1]!;
      if (a === b) l = null;
      else {
        const out: Hit[] = new Array(b - a);
        for (let i = a; i < b; i++) out[i - a] = { kind: c.kind[i]! as HitKind, ref: c.ref[i]!, flags: c.flags[i]!, alias: c.alias[i]! };
        l = out;
      }
      made.set(node, l);
    }
    return l;
  };
  return Object.freeze({
    trie,
    hitsAt,
    columns: c,
    keyUnits: keyPool.units,
    keyStart: keyPool.start,
    entryCount,
    entry,
    get entryColumns(): EntryColumns {
      return (columns ??= makeColumns());
    },
    triggers: tables.triggers,
    institutions: tables.institutions,
    givenNames: tables.givenNames,
    givenHashes: tables.givenHashes,
    stopwords: tables.stopwords,
    common: tables.common,
    triggerHashes: tables.triggerHashes,
    commonHashes: tables.commonHashes,
    aliasCount,
  });
}

/**
 * The matcher of `base`'s lexicon with the entries of `extra` (a lexicon compiled from entries
 * alone) after its own: what `buildMatcher` makes of base's alias rows, then extra's (their entry
 * indices after base's entries), then base's non-entities and institution heads; made from base's
 * trie and columns (a copy of them), without building base again. Extra entries on top of the
 * shipped lexicon cost a few milliseconds instead of a build of all its names. (One case differs,
 * and needs two base keys whose token hashes all collide: a base non-entity or head row that lost
 * its node to another base row of that kind is not there to match an extra row's key.) @internal
 */
export function extendMatcher(base: Matcher, extra: CompiledLexicon): Matcher {
  const snap = base.trie.snapshot();
  const trie = HashTrie.fromParts({ table: snap.table.slice(), nodes: snap.nodes, size: snap.size, sigs: snap.sigs.slice(), rootBits: snap.rootBits.slice(), rootKids: snap.rootKids })!;
  const n0 = snap.nodes;
  const c = base.columns;
  const E = base.entryCount;
  const cols = aliasColumns(extra);
  const tuples = cols ? undefined : extra.aliases;
  const rows = cols ? cols.count : tuples!.length;
  const keyOf = (i: number): string => (cols ? cols.key[i]! : tuples![i]![0]);
  // base's hits of node v: its alias rows' (Entity) first, then its non-entities' and heads'
  const entityEnd = (v: number): number => {
    let i = c.start[v]!;
    while (i < c.start[v + 1]! && c.kind[i] === HitKind.Entity) i++;
    return i;
  };
  // each extra row's node (-1: it loses to the node's first key, as in buildMatcher)
  const rowNode = new Int32Array(rows);
  /** The extra row that gave node v its key (a node with no base alias row there). */
  const firstRow = new Map<number, number>();
  /** Nodes whose base non-entity and head rows lose their place to an extra row of another key. */
  const dropOld = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const key = keyOf(i);
    const node = trie.insertKey(key);
    rowNode[i] = node;
    // the node's first key, by row: a base alias row's, else the first extra row's
    const f = firstRow.get(node);
    if (f !== undefined || (node < n0 && entityEnd(node) > c.start[node]!)) {
      if (!(f !== undefined ? keyOf(f) === key : keyIs(base, node, key))) rowNode[i] = -1;
      continue;
    }
    firstRow.set(node, i);
    if (node < n0 && c.start[node + 1]! > c.start[node]! && !keyIs(base, node, key)) dropOld.add(node);
  }
  // the hits and keys by node, in the new row order
  const nodes = trie.nodes;
  const extraCount = new Int32Array(nodes + 1);
  for (let i = 0; i < rows; i++) if (rowNode[i]! >= 0) extraCount[rowNode[i]! + 1]!++;
  const extraStart = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) extraStart[v + 1] = extraStart[v]! + extraCount[v + 1]!;
  const extraRows = new Int32Array(extraStart[nodes]!);
  const fill = extraStart.slice(0, nodes);
  for (let i = 0; i < rows; i++) if (rowNode[i]! >= 0) extraRows[fill[rowNode[i]!]!++] = i;
  const count = c.kind.length + extraRows.length;
  const start = new Int32Array(nodes + 1);
  const kind = new Uint8Array(count);
  const ref = new Int32Array(count);
  const flags = new Int32Array(count);
  const alias: string[] = new Array(count);
  const keyStart = new Int32Array(nodes + 1);
  // (at most base's keys and the extra rows' first keys)
  let poolSize = base.keyUnits.length;
  for (const i of firstRow.values()) poolSize += keyOf(i).length;
  const keyUnits = new Uint16Array(poolSize);
  let at = 0;
  let o = 0;
  const copyBase = (a: number, b: number): void => {
    for (let x = a; x < b; x++, at++) { kind[at] = c.kind[x]!; ref[at] = c.ref[x]!; flags[at] = c.flags[x]!; alias[at] = c.alias[x]!; }
  };
  for (let v = 0; v < nodes; v++) {
    start[v] = at;
    const old = v < n0;
    const mid = old ? entityEnd(v) : 0;
    if (old) copyBase(c.start[v]!, mid);
    for (let e = extraStart[v]!; e < extraStart[v + 1]!; e++, at++) {
      const i = extraRows[e]!;
      kind[at] = HitKind.Entity;
      ref[at] = (cols ? cols.entry[i]! : tuples![i]![1]) + E;
      flags[at] = cols ? cols.flags[i]! : tuples![i]![2];
      alias[at] = cols ? cols.alias[i]! : tuples![i]![3];
    }
    if (old && !dropOld.has(v)) copyBase(mid, c.start[v + 1]!);
  }
  start[nodes] = at;
  // the keys: base's, unless an extra row gave the node its key (a new node, an inner one, or one
  // whose base rows lost); base's pool is kept whole when no node of base gets another key
  const gives = (v: number): boolean => firstRow.has(v) && (v >= n0 || dropOld.has(v) || base.keyStart[v + 1] === base.keyStart[v]);
  let from = 0;
  if (![...firstRow.keys()].some((v) => v < n0 && gives(v))) {
    keyUnits.set(base.keyUnits);
    keyStart.set(base.keyStart);
    o = base.keyUnits.length;
    from = n0;
  }
  for (let v = from; v < nodes; v++) {
    keyStart[v] = o;
    if (gives(v)) {
      const k = keyOf(firstRow.get(v)!);
      for (let x = 0; x < k.length; x++) keyUnits[o++] = k.charCodeAt(x);
    } else if (v < n0) {
      for (let x = base.keyStart[v]!; x < base.keyStart[v + 1]!; x++) keyUnits[o++] = base.keyUnits[x]!;
    }
  }
  keyStart[nodes] = o;
  const hits: HitColumns = { start, kind: kind.subarray(0, at), ref: ref.subarray(0, at), flags: flags.subarray(0, at), alias: at < count ? alias.slice(0, at) : alias };
  const more = entriesOf(extra);
  const entries: MatcherParts['entries'] = {
    count: E + more.count,
    columns: () => joinColumns(base.entryColumns, more.columns()),
    entry: (i) => (i < E ? base.entry(i)! : more.entry(i - E)),
  };
  return matcherOf(trie, hits, { units: keyUnits.subarray(0, o), start: keyStart }, entries, base.aliasCount + rows, base);
}

/** The columns of two lists of entries, one after the other. */
function joinColumns(a: EntryColumns, b: EntryColumns): EntryColumns {
  const countryByIso = new Map(a.countryByIso);
  for (const [iso, i] of b.countryByIso) countryByIso.set(iso, i + a.type.length);
  return {
    type: a.type.concat(b.type), id: a.id.concat(b.id), kind: a.kind.concat(b.kind), country: a.country.concat(b.country), place: a.place.concat(b.place), countryByIso,
  };
}

export const isAmbiguous = (h: Hit): boolean => (h.flags & AMBIGUOUS) !== 0;

/** The hits of a full alias key (`aliasKey(surface)`), verified on the string; null when absent. @internal */
export function lookupKey(m: Matcher, key: string): readonly Hit[] | null {
  const node = m.trie.findKey(key);
  return node >= 0 && keyIs(m, node, key) ? m.hitsAt(node) : null;
}

/** Whether node `node` holds the key `key` (a hashed walk found it: this checks the units). @internal */
export function keyIs(m: Matcher, node: number, key: string): boolean {
  const a = m.keyStart[node]!;
  if (m.keyStart[node + 1]! - a !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (m.keyUnits[a + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** The key of node `node` ('' for an inner node). @internal */
export function keyAt(m: Matcher, node: number): string {
  return unitsString(m.keyUnits, m.keyStart[node]!, m.keyStart[node + 1]!);
}

/** Leading tokens of a matched alias that are a title (evidence), not part of the name. @internal */
export const leadOf = (flags: number): number => (flags >> LEAD_SHIFT) & 15;
