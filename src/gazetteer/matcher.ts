import { AMBIGUOUS, LEAD_SHIFT, aliasColumns, type CompiledEntry, type CompiledLexicon, type InstitutionSpec, type TriggerSpec } from './compile.js';
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
  /** The full key of each node with hits ('' for inner nodes), to verify a hashed match on its strings. */
  readonly keys: readonly string[];
  /**
   * The keys' UTF-16 units in one pool: node v's key is `keyUnits[keyStart[v] .. keyStart[v + 1])`
   * (empty for inner nodes). The matching walk verifies its hashed matches on these, next to each
   * other in memory, instead of following a pointer to each key string.
   */
  readonly keyUnits: Uint16Array;
  readonly keyStart: Int32Array;
  readonly entries: readonly CompiledEntry[];
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
  /** ISO alpha-2 → index of the country entry. */
  readonly countryByIso: ReadonlyMap<string, number>;
  readonly aliasCount: number;
}

/** Node of `key` in the trie (created as needed): one token hash per space-separated part, hashed in place. */
function insertKey(trie: HashTrie, key: string): number {
  let node = 0;
  let h = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 0x20;
    if (c === 0x20) {
      node = trie.child(node, h);
      h = 0;
    } else h = (Math.imul(h, HASH_B) + c) | 0;
  }
  return node;
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
  // a small table is kept sparse (short probes); a large one at most half full
  const trie = new HashTrie(total <= 1 << 16 ? total * 2 : total);
  // the trie first, remembering each key's node; then the per-node arrays, at their final size
  const nodeOf = new Int32Array(total);
  for (let i = 0; i < aliasCount; i++) nodeOf[i] = insertKey(trie, cols ? cols.key[i]! : tuples![i]![0]);
  for (let i = 0; i < nonEntities.length; i++) nodeOf[aliasCount + i] = insertKey(trie, nonEntities[i]!);
  for (let i = 0; i < heads.length; i++) nodeOf[aliasCount + nonEntities.length + i] = insertKey(trie, heads[i]![0]);
  const nodes = trie.nodes;
  // hits by column: per node, in row order (aliases, non-entities, institution heads)
  const keys: string[] = new Array(nodes).fill('');
  const keyOf = (i: number): string =>
    i < aliasCount ? (cols ? cols.key[i]! : tuples![i]![0]) : i < aliasCount + nonEntities.length ? nonEntities[i - aliasCount]! : heads[i - aliasCount - nonEntities.length]![0];
  const hitStart = new Int32Array(nodes + 1);
  const kept = new Uint8Array(total);
  for (let i = 0; i < total; i++) {
    const node = nodeOf[i]!;
    const key = keyOf(i);
    if (keys[node] !== '' && keys[node] !== key) continue; // a 32-bit collision of two keys: keep the first
    keys[node] = key;
    hitStart[node + 1]!++;
    kept[i] = 1;
  }
  for (let v = 0; v < nodes; v++) hitStart[v + 1]! += hitStart[v]!;
  const count = hitStart[nodes]!;
  const hitKind = new Uint8Array(count);
  const hitRef = new Int32Array(count);
  const hitFlags = new Int32Array(count);
  const hitAlias: string[] = new Array(count);
  const cursor = hitStart.slice(0, nodes);
  for (let i = 0; i < total; i++) {
    if (!kept[i]) continue;
    const at = cursor[nodeOf[i]!]!++;
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
  const hits: HitColumns = { start: hitStart, kind: hitKind, ref: hitRef, flags: hitFlags, alias: hitAlias };
  return assembleMatcher({
    trie, hits, keys, aliasCount,
    entries: lex.entries,
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
  readonly keys: string[];
  readonly aliasCount: number;
  readonly entries: readonly CompiledEntry[];
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
  /** The key pool, when it comes ready (the precomputed artifact's); else it is built from `keys`. */
  readonly keyPool?: { readonly units: Uint16Array; readonly start: Int32Array };
}

/**
 * The matcher of its parts (shared by `buildMatcher` and the precomputed artifact's loader, so that
 * both make the same structure). @internal
 */
export function assembleMatcher(p: MatcherParts): Matcher {
  const countryByIso = new Map<string, number>();
  const entries = p.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.iso2 && e.type === 'LOC') countryByIso.set(e.iso2, i);
  }
  const givenNames = new Map<string, string>();
  for (let i = 0; i < p.givenKeys.length; i++) givenNames.set(p.givenKeys[i]!, p.givenValues[i]!);
  const common = [...p.stopwords, ...p.commonWords];
  const c = p.hits;
  // made on first read, then kept (per matcher: the same node always gives the same array)
  const made: Array<readonly Hit[] | null | undefined> = new Array(p.keys.length);
  const hitsAt = (node: number): readonly Hit[] | null => {
    let l = made[node];
    if (l === undefined) {
      const a = c.start[node]!;
      const b = c.start[node + 1]!;
      if (a === b) l = null;
      else {
        const out: Hit[] = new Array(b - a);
        for (let i = a; i < b; i++) out[i - a] = { kind: c.kind[i]! as HitKind, ref: c.ref[i]!, flags: c.flags[i]!, alias: c.alias[i]! };
        l = out;
      }
      made[node] = l;
    }
    return l;
  };
  const { units: keyUnits, start: keyStart } = p.keyPool ?? keyPool(p.keys);
  return Object.freeze({
    trie: p.trie,
    hitsAt,
    columns: c,
    keys: p.keys,
    keyUnits,
    keyStart,
    entries,
    triggers: new Map(p.triggers.map(([k, t]) => [k, t])),
    institutions: p.institutions.map(([, s]) => s),
    givenNames,
    givenHashes: new HashSet32(p.givenHashes ?? p.givenKeys.map(hashString)),
    stopwords: new Set(p.stopwords),
    common: new Set(common),
    triggerHashes: new HashSet32(p.triggerHashes ?? p.triggers.map(([k]) => hashString(k))),
    commonHashes: new HashSet32(p.commonHashes ?? common.map(hashString)),
    countryByIso,
    aliasCount: p.aliasCount,
  });
}

/** The keys' units, one after the other, and where each key's begin. */
function keyPool(keys: readonly string[]): { units: Uint16Array; start: Int32Array } {
  const start = new Int32Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) start[i + 1] = start[i]! + keys[i]!.length;
  const units = new Uint16Array(start[keys.length]!);
  for (let i = 0, o = 0; i < keys.length; i++) {
    const k = keys[i]!;
    for (let x = 0; x < k.length; x++) units[o++] = k.charCodeAt(x);
  }
  return { units, start };
}

export const isAmbiguous = (h: Hit): boolean => (h.flags & AMBIGUOUS) !== 0;

/** The hits of a full alias key (`aliasKey(surface)`), verified on the string; null when absent. @internal */
export function lookupKey(m: Matcher, key: string): readonly Hit[] | null {
  let node = 0;
  for (const part of key.split(' ')) {
    node = m.trie.find(node, hashString(part));
    if (node < 0) return null;
  }
  return m.keys[node] === key ? m.hitsAt(node) : null;
}

/** Leading tokens of a matched alias that are a title (evidence), not part of the name. @internal */
export const leadOf = (flags: number): number => (flags >> LEAD_SHIFT) & 15;
