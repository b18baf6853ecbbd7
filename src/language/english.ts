import { createRequire } from '../builtins.js';
import type nlpType from 'compromise';
import { checkArgs, latinNames, latinTokens, lexiconType, scanNames, type LatinOptions, type LatinSpan, type Lookup } from './latin.js';

/** Options of `englishEntities`. */
export interface EnglishOptions extends LatinOptions {
  /**
   * Run compromise (people, places, organizations; 1–3 ms for a 170-character paragraph). `false`
   * keeps only the lexicon scan (`latinNames`), about a hundred times faster, and finds no names
   * the lexicon does not know.
   * `[compromise=true]`
   */
  readonly compromise?: boolean;
}

type Nlp = typeof nlpType;

/** The parts of compromise's `.json({ offset: true })` terms we read. */
interface NlpTerm {
  readonly text: string;
  readonly post: string;
  readonly tags: readonly string[];
  readonly id: string;
  readonly index: readonly [number, number];
  readonly offset: { readonly start: number; readonly length: number };
}
interface NlpMatch { readonly terms: readonly NlpTerm[] }

let nlpLoaded: Nlp | undefined;

/**
 * compromise, loaded on the first English paragraph rather than at import: its ESM entry is
 * hundreds of modules (~400 ms), its single-file CommonJS build ~220 ms. compromise keeps its
 * lexicon in one process-wide world; we only read it (no plugins, no `addWords`).
 */
function nlp(): Nlp {
  return (nlpLoaded ??= createRequire(import.meta.url)('compromise') as Nlp);
}

interface Aligned {
  readonly s: number;
  readonly e: number;
  readonly tags: ReadonlySet<string>;
  /** First term of a compromise sentence. */
  readonly first: boolean;
}

/**
 * compromise's offsets are sums of `pre + text + post` lengths (`.length`, so UTF-16 already) from
 * the start of the string it parsed. They are checked against the text and, where a term is not
 * found at its offset, searched for from the previous term on; a term that cannot be placed is
 * dropped (its spans are not reported).
 */
function align(slice: string, base: number, doc: ReturnType<Nlp>): Map<string, Aligned> {
  const out = new Map<string, Aligned>();
  let cursor = 0;
  for (const sentence of doc.json({ offset: true }) as Array<{ terms: NlpTerm[] }>) {
    for (const t of sentence.terms) {
      if (!t.text) continue;
      let s = t.offset.start;
      if (slice.slice(s, s + t.text.length) !== t.text) {
        s = slice.indexOf(t.text, cursor);
        if (s < 0) continue;
      }
      cursor = s + t.text.length;
      out.set(t.id, { s: base + s, e: base + cursor, tags: new Set(t.tags), first: t.index[1] === 0 });
    }
  }
  return out;
}

/** A term ends a name: punctuation after it (other than a hyphen), or a possessive. */
const BREAK_AFTER = /[^\s\-‐]/;
const POSSESSIVE_END = /['’]s?$/;
const UPPER = /^[\p{Lu}\p{Lt}]/u;
const THE = /^the$/i;
/** Tags of a sentence-initial word the scan must not take for a one-word name ("Nice weather…" is not the city). */
const CLOSED_CLASS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Verb', 'Adverb', 'Adjective', 'Modal', 'QuestionWord', 'Copula', 'Auxiliary', 'Expression'];

interface Cand {
  start: number;
  end: number;
  type: LatinSpan['type'];
  entryIndex?: number;
  by: LatinSpan['by'];
}

const KIND_TYPE = [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']] as const;

function tagType(tags: ReadonlySet<string>): LatinSpan['type'] | undefined {
  if (tags.has('Person')) return 'PER';
  if (tags.has('Place')) return 'LOC';
  if (tags.has('Organization')) return 'ORG';
  if (tags.has('Demonym')) return 'NORP';
  return undefined;
}

/** compromise's matches of one kind, split at punctuation and possessives, stripped of a leading "the" and titles, linked when the lexicon knows them. */
function compromiseCands(text: string, doc: ReturnType<Nlp>, terms: Map<string, Aligned>, lookup: Lookup, options: LatinOptions | undefined): Cand[] {
  const out: Cand[] = [];
  for (const [kind, type] of KIND_TYPE) {
    for (const m of doc[kind]().json({ offset: true }) as NlpMatch[]) {
      let run: Array<{ t: NlpTerm; a: Aligned }> = [];
      const flush = () => {
        const c = fromRun(text, run, type, lookup, options);
        if (c) out.push(c);
        run = [];
      };
      for (const t of m.terms) {
        const a = terms.get(t.id);
        if (!a) { flush(); continue; }
        run.push({ t, a });
        if (BREAK_AFTER.test(t.post) || a.tags.has('Possessive')) flush();
      }
      flush();
    }
  }
  return out;
}

function fromRun(text: string, run: Array<{ t: NlpTerm; a: Aligned }>, type: LatinSpan['type'], lookup: Lookup, options: LatinOptions | undefined): Cand | undefined {
  if (!run.length) return undefined;
  let end = run[run.length - 1]!.a.e;
  const lastText = run[run.length - 1]!.t.text;
  if (POSSESSIVE_END.test(lastText) && lastText.length > 2) end -= lastText.match(POSSESSIVE_END)![0].length;
  // "The Hague" is a name, "the United Nations" is "United Nations", "President Joe Biden" is
  // "Joe Biden": try the span, then without each leading article or title.
  const strip = (r: { t: NlpTerm; a: Aligned }): boolean => THE.test(r.t.text) || r.a.tags.has('Honorific') || r.a.tags.has('Determiner');
  let k = 0;
  while (k < run.length && strip(run[k]!)) k++;
  for (let i = 0; i <= Math.min(k, run.length - 1); i++) {
    const s = run[i]!.a.s;
    if (s >= end) break;
    const idx = lookup(text.slice(s, end));
    if (idx !== undefined) return { start: s, end, type: lexiconType(options?.typeOf, idx) ?? type, entryIndex: idx, by: 'compromise' };
  }
  // Unknown to the lexicon: the name without article and titles, if a capitalized word is left.
  const rest = run.slice(k);
  if (!rest.some((r) => UPPER.test(r.t.text)) || rest[0]!.a.s >= end) return undefined;
  return { start: rest[0]!.a.s, end, type, by: 'compromise' };
}

/** Longest first, then leftmost; on the same span a linked candidate, then compromise's, wins (spaCy `filter_spans`). */
function leftmostLongest(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) =>
    (b.end - b.start) - (a.end - a.start) || a.start - b.start ||
    Number(b.entryIndex !== undefined) - Number(a.entryIndex !== undefined) ||
    Number(b.by === 'compromise') - Number(a.by === 'compromise'));
  const kept: Cand[] = []; // sorted by start, never overlapping
  for (const c of sorted) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = kept[lo - 1];
    const next = kept[lo];
    if ((prev && prev.end > c.start) || (next && next.start < c.end)) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}

/**
 * People, places and organizations in an English passage: compromise's `.people()`,
 * `.places()` and `.organizations()`, plus every capitalized sequence or acronym the lexicon knows
 * that compromise missed ("Reuters", "Xi Jinping", "the CSTO" → `CSTO`). Each find is linked
 * through `lookup` (tried on the span, then without a leading "the" or title). Overlaps are
 * resolved longest first, then leftmost. compromise reads one line at a time (and lines longer
 * than 4000 code units a few sentences at a time): its cost grows faster than its input.
 *
 * compromise is loaded on the first call (~220 ms once), not at import.
 *
 * @param text - The whole input; offsets are into it.
 * @param start - First code unit of the English passage (e.g. a paragraph's `start`).
 * @param end - End of the passage (exclusive).
 * @param lookup - Surface form → lexicon entry index, or `undefined`.
 * @param options - `[typeOf]`: the entry's type, so that linked finds carry the lexicon's type;
 *   `[compromise=true]`: `false` for the lexicon scan alone.
 * @returns Spans sorted by `start`, never overlapping; `text.slice(s.start, s.end) === s.text`.
 * @throws {AalamError} `E_INPUT_TYPE` for a non-string text or lookup, `E_OPTION` for a bad range.
 *
 * @example
 * ```ts
 * const text = 'Justin Trudeau said the CSTO should leave, Reuters reported.';
 * const ids = new Map([['justin trudeau', 0], ['csto', 1], ['reuters', 2]]);
 * englishEntities(text, 0, text.length, (s) => ids.get(s.toLowerCase()))
 * // [{ start: 0, end: 14, text: 'Justin Trudeau', type: 'PER', entryIndex: 0, by: 'compromise' },
 * //  { start: 24, end: 28, text: 'CSTO', type: 'ORG', entryIndex: 1, by: 'compromise' },
 * //  { start: 43, end: 50, text: 'Reuters', type: 'ORG', entryIndex: 2, by: 'lexicon' }]
 * ```
 */
export function englishEntities(text: string, start: number, end: number, lookup: Lookup, options?: EnglishOptions): readonly LatinSpan[] {
  checkArgs(text, start, end, lookup, 'englishEntities');
  if (start === end) return Object.freeze([]);
  if (options?.compromise === false) return latinNames(text, start, end, lookup, options);
  const out: LatinSpan[] = [];
  for (const [s, e] of chunks(text, start, end)) {
    for (const c of chunkEntities(text, s, e, lookup, options)) {
      const base = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type };
      out.push(Object.freeze(c.entryIndex !== undefined ? { ...base, entryIndex: c.entryIndex, by: c.by } : { ...base, by: c.by }));
    }
  }
  return Object.freeze(out);
}

/** Longest text handed to compromise at once: its cost grows faster than the text. */
const MAX_CHUNK = 4000;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * `[start, end)` cut at line breaks, and a line longer than `MAX_CHUNK` at the last sentence end
 * (else the last space) before the limit. Names do not cross either.
 */
function* chunks(text: string, start: number, end: number): Generator<readonly [number, number]> {
  let s = start;
  while (s < end) {
    let e = s;
    while (e < end && !LINE_BREAK.test(text[e]!)) e++;
    if (e - s > MAX_CHUNK) {
      const window = text.slice(s, s + MAX_CHUNK);
      const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      const space = window.lastIndexOf(' ');
      e = s + (sentence > MAX_CHUNK / 2 ? sentence + 2 : space > 0 ? space + 1 : MAX_CHUNK);
      // Never cut a surrogate pair in two.
      if (e < end && /[\ud800-\udbff]/.test(text[e - 1]!)) e++;
    }
    if (e > s) yield [s, e] as const;
    s = e < end && LINE_BREAK.test(text[e]!) ? e + 1 : e;
  }
}

function chunkEntities(text: string, start: number, end: number, lookup: Lookup, options: EnglishOptions | undefined): Cand[] {
  const slice = text.slice(start, end);
  if (!/\p{L}/u.test(slice)) return [];
  const doc = nlp()(slice);
  const terms = align(slice, start, doc);
  const termAt = new Map<number, Aligned>();
  for (const a of terms.values()) termAt.set(a.s, a);

  const cands = compromiseCands(text, doc, terms, lookup, options);
  const accept = (h: { start: number; tokens: number }): boolean => {
    if (h.tokens > 1) return true;
    const a = termAt.get(h.start);
    return !a || !a.first || a.tags.has('ProperNoun') || a.tags.has('Acronym') || !CLOSED_CLASS.some((t) => a.tags.has(t));
  };
  for (const h of scanNames(text, latinTokens(text, start, end), lookup, accept)) {
    const a = termAt.get(h.start);
    cands.push({ start: h.start, end: h.end, type: lexiconType(options?.typeOf, h.entryIndex) ?? (a && tagType(a.tags)) ?? 'ORG', entryIndex: h.entryIndex, by: 'lexicon' });
  }
  return leftmostLongest(cands);
}
