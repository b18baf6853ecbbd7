import { AMBIGUOUS, LEAD_SHIFT, type CompiledEntry, type CompiledLexicon, type InstitutionSpec, type TriggerSpec } from './compile.js';
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
  /** Hits of each node (null for inner nodes without a name ending there). */
  readonly hits: ReadonlyArray<readonly Hit[] | null>;
  /** The full key of each node with hits ('' for inner nodes), to verify a hashed match on its strings. */
  readonly keys: readonly string[];
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

/** Builds the matcher for a compiled lexicon. @internal */
export function buildMatcher(lex: CompiledLexicon): Matcher {
  const trie = new HashTrie(lex.aliases.length * 2 + lex.nonEntities.length + lex.institutions.length);
  const hits: Array<Hit[] | null> = [null];
  const keys: string[] = [''];
  const insert = (key: string, hit: Hit): void => {
    // walk the key's tokens, hashing in place (no substrings: the shipped lexicon has 23k keys)
    let node = 0;
    let h = 0;
    for (let i = 0; i <= key.length; i++) {
      const c = i < key.length ? key.charCodeAt(i) : 0x20;
      if (c === 0x20) {
        node = trie.child(node, h);
        h = 0;
      } else h = (Math.imul(h, HASH_B) + c) | 0;
    }
    while (hits.length < trie.nodes) { hits.push(null); keys.push(''); }
    if (keys[node] !== '' && keys[node] !== key) return; // a 32-bit collision of two keys: keep the first
    keys[node] = key;
    (hits[node] ??= []).push(hit);
  };
  for (const [key, entry, flags, alias] of lex.aliases) insert(key, { kind: HitKind.Entity, ref: entry, flags, alias });
  for (const key of lex.nonEntities) insert(key, { kind: HitKind.Block, ref: -1, flags: 0, alias: key });
  lex.institutions.forEach(([key, spec], i) => insert(key, { kind: HitKind.Head, ref: i, flags: 0, alias: spec.text }));
  while (hits.length < trie.nodes) { hits.push(null); keys.push(''); }
  const countryByIso = new Map<string, number>();
  lex.entries.forEach((e, i) => { if (e.iso2 && e.type === 'LOC') countryByIso.set(e.iso2, i); });
  return Object.freeze({
    trie,
    hits,
    keys,
    entries: lex.entries,
    triggers: new Map(lex.triggers.map(([k, t]) => [k, t])),
    institutions: lex.institutions.map(([, s]) => s),
    givenNames: new Map(Object.entries(lex.givenNames)),
    givenHashes: new HashSet32(Object.keys(lex.givenNames).map(hashString)),
    stopwords: new Set(lex.stopwords),
    common: new Set([...lex.stopwords, ...(lex.commonWords ?? [])]),
    triggerHashes: new HashSet32(lex.triggers.map(([k]) => hashString(k))),
    commonHashes: new HashSet32([...lex.stopwords, ...(lex.commonWords ?? [])].map(hashString)),
    countryByIso,
    aliasCount: lex.aliases.length,
  });
}

export const isAmbiguous = (h: Hit): boolean => (h.flags & AMBIGUOUS) !== 0;

/** The hits of a full alias key (`aliasKey(surface)`), verified on the string; null when absent. @internal */
export function lookupKey(m: Matcher, key: string): readonly Hit[] | null {
  let node = 0;
  for (const part of key.split(' ')) {
    node = m.trie.find(node, hashString(part));
    if (node < 0) return null;
  }
  return m.keys[node] === key ? m.hits[node] ?? null : null;
}

/** Leading tokens of a matched alias that are a title (evidence), not part of the name. @internal */
export const leadOf = (h: Hit): number => (h.flags >> LEAD_SHIFT) & 15;
