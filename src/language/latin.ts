import { AalamError, assertText } from '../errors.js';

/**
 * Capitalized word sequences and acronyms in any text (English, or Latin names inside Arabic), looked
 * up in the lexicon through a caller's `lookup`. Only what the lexicon knows is reported.
 */

/** A mention of an English (or Latin-script) name; see `englishEntities`. */
export interface LatinSpan {
  /** UTF-16 code units of the ORIGINAL input, half-open: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `NORP` only when the lexicon says so (a demonym such as "Canadian"). */
  readonly type: 'PER' | 'LOC' | 'ORG' | 'NORP';
  /** Index of the lexicon entry `lookup` returned; absent for a compromise find the lexicon does not know. */
  readonly entryIndex?: number;
  /** `compromise`: its people/places/organizations; `lexicon`: the capitalized-sequence scan. */
  readonly by: 'compromise' | 'lexicon';
}

/** Lexicon entry index of a surface form (`"Justin Trudeau"`, `"CSTO"`), or `undefined`. */
export type Lookup = (surface: string) => number | undefined;

/** Type of a lexicon entry; lets the scan report the lexicon's type rather than a guess. */
export type TypeOf = (entryIndex: number) => string | undefined;

export interface LatinOptions {
  /**
   * The entry's type (`(i) => matcher.entries[i].type`). Without it, a scan find is typed from
   * compromise's tags in `englishEntities`, and as `ORG` otherwise. `[typeOf=undefined]`
   */
  readonly typeOf?: TypeOf;
}

/** @internal */
export interface Tok {
  readonly s: number;
  /** End without a possessive 's. */
  readonly e: number;
  readonly cap: boolean;
  readonly conn: boolean;
  readonly poss: boolean;
}

/** Lower-case words allowed inside a name: Bank of England, Organization of the Petroleum …, Abu Bakr al-… */
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'de', 'du', 'des', 'del', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'von', 'van', 'der', 'den', 'da', 'di', 'dos', 'das', 'y']);
const MAX_TOKENS = 8;

/** A Latin word (with inner - ' ’ . &), or a run of other letters: `وAFP` is و then AFP. */
const WORD = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{M}\p{N}]*(?:[-‐'’.&][\p{Script=Latin}\p{N}][\p{Script=Latin}\p{M}\p{N}]*)*|(?:(?!\p{Script=Latin})[\p{L}\p{M}])+/gu;
const UPPER = /^[\p{Lu}\p{Lt}]/u;
const DOTTED = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const POSSESSIVE = /\p{L}['’]s$/u;
const GAP = /^[ \t\u00a0\u202f]+$/;

/** Word tokens of `text[start, end)`, with absolute offsets. @internal */
export function latinTokens(text: string, start: number, end: number): Tok[] {
  const slice = text.slice(start, end);
  const out: Tok[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const w = m[0];
    const s = start + m.index;
    let e = s + w.length;
    // U.S. / D.C.: the last dot belongs to the abbreviation.
    if (DOTTED.test(w) && text.charCodeAt(e) === 0x2e && e < end) e++;
    const poss = POSSESSIVE.test(w);
    if (poss) e -= 2;
    const cap = UPPER.test(w) && w.length > 1;
    out.push({ s, e, cap, conn: !cap && CONNECTORS.has(w), poss });
  }
  return out;
}

/** @internal */
export interface ScanHit {
  readonly start: number;
  readonly end: number;
  readonly entryIndex: number;
  /** Number of word tokens in the hit. */
  readonly tokens: number;
}

/**
 * Longest lexicon hit starting at each capitalized token, left to right, never overlapping.
 * `accept` may veto a hit (a sentence-initial common word). @internal
 */
export function scanNames(text: string, toks: readonly Tok[], lookup: Lookup, accept?: (h: ScanHit) => boolean): ScanHit[] {
  const hits: ScanHit[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = toks[i]!;
    if (!first.cap) { i++; continue; }
    const ends = [i];
    let j = i;
    while (j + 1 < toks.length && j - i + 1 < MAX_TOKENS && !toks[j]!.poss && GAP.test(text.slice(toks[j]!.e, toks[j + 1]!.s))) {
      const next = toks[j + 1]!;
      if (next.cap) ends.push(++j);
      else if (next.conn) j++;
      else break;
    }
    let found: ScanHit | undefined;
    for (let k = ends.length - 1; k >= 0 && !found; k--) {
      const last = toks[ends[k]!]!;
      let e = last.e;
      let idx = lookup(text.slice(first.s, e));
      if (idx === undefined && text.charCodeAt(e - 1) === 0x2e) idx = lookup(text.slice(first.s, --e));
      if (idx !== undefined) {
        const h = { start: first.s, end: e, entryIndex: idx, tokens: ends[k]! - i + 1 };
        if (!accept || accept(h)) found = h;
      }
    }
    if (found) {
      hits.push(found);
      while (i < toks.length && toks[i]!.s < found.end) i++;
    } else {
      i++;
    }
  }
  return hits;
}

/** Throws `E_INPUT_TYPE` for a non-string text or a lookup that is not a function, `E_OPTION` for a bad range. @internal */
export function checkArgs(text: unknown, start: unknown, end: unknown, lookup: unknown, fn: string): asserts text is string {
  assertText(text, fn);
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > text.length || (start as number) > (end as number)) {
    throw new AalamError('E_OPTION', `${fn}() needs integers 0 <= start <= end <= text.length, got ${String(start)}, ${String(end)}`, [start, end]);
  }
  if (typeof lookup !== 'function') throw new AalamError('E_INPUT_TYPE', `${fn}() expects lookup to be a function, got ${typeof lookup}`, lookup);
}

/**
 * Lexicon names written in Latin letters inside any text, e.g. the acronym in an Arabic sentence:
 * capitalized word sequences (with of/the/al… inside) and acronyms, the longest that `lookup`
 * knows, left to right. No compromise: cheap, and safe on Arabic paragraphs.
 *
 * @param text - The whole input; offsets are into it.
 * @param start - First code unit of the range to scan.
 * @param end - End of the range (exclusive).
 * @param lookup - Surface form → lexicon entry index.
 * @param options - `[typeOf]` the entry's type (otherwise `ORG`).
 * @throws {AalamError} `E_INPUT_TYPE` for a non-string text or lookup, `E_OPTION` for a bad range.
 *
 * @example
 * ```ts
 * const text = 'وصلت قوات (CSTO) إلى ألماتي.';
 * latinNames(text, 0, text.length, (s) => (s === 'CSTO' ? 7 : undefined))
 * // [{ start: 11, end: 15, text: 'CSTO', type: 'ORG', entryIndex: 7, by: 'lexicon' }]
 * ```
 */
export function latinNames(text: string, start: number, end: number, lookup: Lookup, options?: LatinOptions): readonly LatinSpan[] {
  checkArgs(text, start, end, lookup, 'latinNames');
  return scanNames(text, latinTokens(text, start, end), lookup).map((h) =>
    Object.freeze({ start: h.start, end: h.end, text: text.slice(h.start, h.end), type: lexiconType(options?.typeOf, h.entryIndex) ?? 'ORG', entryIndex: h.entryIndex, by: 'lexicon' as const }),
  );
}

/** The lexicon's type for an entry, when `typeOf` is given and says one of ours. @internal */
export function lexiconType(typeOf: TypeOf | undefined, idx: number): LatinSpan['type'] | undefined {
  const t = typeOf?.(idx);
  return t === 'PER' || t === 'LOC' || t === 'ORG' || t === 'NORP' ? t : undefined;
}
