import { AMBIGUOUS, type CompiledEntry, type CompiledLexicon, type InstitutionSpec, type TriggerSpec } from './compile.js';

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

/** @internal */
export interface TrieNode {
  hits: Hit[] | null;
  next: Map<string, TrieNode> | null;
}

/**
 * The compiled match structure: a trie over normalized token keys, built once, then only read.
 * @internal
 */
export interface Matcher {
  readonly root: Map<string, TrieNode>;
  readonly entries: readonly CompiledEntry[];
  readonly triggers: ReadonlyMap<string, TriggerSpec>;
  readonly institutions: readonly InstitutionSpec[];
  readonly givenNames: ReadonlyMap<string, string>;
  readonly stopwords: ReadonlySet<string>;
  /** Stopwords and ordinary words: never name tokens of a pattern find. */
  readonly common: ReadonlySet<string>;
  /** ISO alpha-2 → index of the country entry. */
  readonly countryByIso: ReadonlyMap<string, number>;
  readonly aliasCount: number;
}

function insert(root: Map<string, TrieNode>, key: string, hit: Hit): void {
  const parts = key.split(' ');
  let map = root;
  let node: TrieNode | undefined;
  for (let i = 0; i < parts.length; i++) {
    node = map.get(parts[i]!);
    if (!node) {
      node = { hits: null, next: null };
      map.set(parts[i]!, node);
    }
    if (i < parts.length - 1) map = node.next ??= new Map();
  }
  (node!.hits ??= []).push(hit);
}

/** Builds the matcher for a compiled lexicon. @internal */
export function buildMatcher(lex: CompiledLexicon): Matcher {
  const root = new Map<string, TrieNode>();
  for (const [key, entry, flags, alias] of lex.aliases) insert(root, key, { kind: HitKind.Entity, ref: entry, flags, alias });
  for (const key of lex.nonEntities) insert(root, key, { kind: HitKind.Block, ref: -1, flags: 0, alias: key });
  lex.institutions.forEach(([key, spec], i) => insert(root, key, { kind: HitKind.Head, ref: i, flags: 0, alias: spec.text }));
  const countryByIso = new Map<string, number>();
  lex.entries.forEach((e, i) => { if (e.iso2 && e.type === 'LOC') countryByIso.set(e.iso2, i); });
  return Object.freeze({
    root,
    entries: lex.entries,
    triggers: new Map(lex.triggers.map(([k, t]) => [k, t])),
    institutions: lex.institutions.map(([, s]) => s),
    givenNames: new Map(Object.entries(lex.givenNames)),
    stopwords: new Set(lex.stopwords),
    common: new Set([...lex.stopwords, ...(lex.commonWords ?? [])]),
    countryByIso,
    aliasCount: lex.aliases.length,
  });
}

export const isAmbiguous = (h: Hit): boolean => (h.flags & AMBIGUOUS) !== 0;
