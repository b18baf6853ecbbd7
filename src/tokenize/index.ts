import { assertText } from '../errors.js';
import { normalizeKey, type NormalizeOptions } from '../normalize/index.js';
import { compileTable, optionsMask, KEEP, DELETE } from '../normalize/engine.js';
import { TokenBuffer, toStream, type TokenStream } from './scan.js';

export type { TokenStream } from './scan.js';
import { procliticReadings, PRONOUNS, type CliticRole } from './clitics.js';

export type { CliticRole } from './clitics.js';

/** What a token is. */
export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'symbol';

/**
 * A token: a half-open span `[start, end)` of UTF-16 code units in the ORIGINAL input.
 * Tokens never overlap and are sorted; the text between two tokens is whitespace or invisible
 * controls, so `tokens` and the gaps between them give the input back.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** `input.slice(start, end)`. */
  readonly text: string;
  /** The token normalized with the same options (the key the gazetteer matches). */
  readonly norm: string;
  readonly kind: TokenKind;
  /** Index of the sentence the token is in. */
  readonly sentence: number;
  /** Candidate clitic analyses (Arabic words only, with `{ clitics: true }`). */
  readonly analyses?: readonly CliticAnalysis[];
}

/** One segment of a clitic analysis, with offsets into the original input. */
export interface Segment {
  readonly role: CliticRole;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Normalized letters of the segment (`ال` for the article of لل). */
  readonly norm: string;
}

/** One candidate reading of a word: proclitics, stem, enclitic pronoun. */
export interface CliticAnalysis {
  readonly segments: readonly Segment[];
}

/** A sentence: half-open span in the original input and its token range `[tokenStart, tokenEnd)`. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface TokenizeOptions {
  /** Normalization rules used for `token.norm` (defaults as in `normalize`). */
  readonly normalize?: NormalizeOptions;
  /** Add clitic analyses to Arabic tokens. `[clitics=false]` */
  readonly clitics?: boolean;
}

export interface Tokenized {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

const KIND_NAMES: readonly TokenKind[] = ['arabic', 'latin', 'number', 'punct', 'symbol'];

/** Raw token spans, the allocation-light core shared by `tokenize` and the annotator. @internal */
export interface RawTokens {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** 1 when a line break or sentence-final punctuation ends the sentence before this token. */
  readonly breakBefore: Uint8Array;
}

/** Work buffers for short texts (aliases, words): their tokens are copied out at their exact size. */
let shortBuffer: TokenBuffer | undefined;

/** Token spans of `text` (arrays of its own, at their exact size). @internal */
export function scanTokens(text: string): RawTokens {
  const { action, expansions } = compileTable(optionsMask(undefined));
  if (text.length <= 4096) {
    const b = (shortBuffer ??= new TokenBuffer());
    const n = b.scan(text, action, expansions);
    return { count: n, start: b.start.slice(0, n), end: b.end.slice(0, n), kind: b.kind.slice(0, n), breakBefore: b.breakBefore.slice(0, n) };
  }
  const b = new TokenBuffer();
  const n = b.scan(text, action, expansions);
  return { count: n, start: b.start.subarray(0, n), end: b.end.subarray(0, n), kind: b.kind.subarray(0, n), breakBefore: b.breakBefore.subarray(0, n) };
}

/**
 * Normalizes and tokenizes in one pass into typed arrays: the same tokens as `tokenize`, with the
 * normalized form of each (as code units and a hash), and no object or string per token. This is
 * the text core the annotator runs on; `tokenize` builds objects from the same scan.
 *
 * @param text - any string (never throws on strings).
 * @param options - `normalize` sets the rules for the normalized forms (defaults as in `normalize`).
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string.
 *
 * @example
 * ```ts
 * const s = scan('بكازاخستان (أ.ف.ب)');
 * s.count                  // 4
 * [s.start[0], s.end[0]]   // [0, 10]
 * s.norm(2)                // 'ا.ف.ب'
 * ```
 */
export function scan(text: string, options?: { readonly normalize?: NormalizeOptions }): TokenStream {
  assertText(text, 'scan');
  const { action, expansions } = compileTable(optionsMask(options?.normalize));
  const b = new TokenBuffer();
  b.scan(text, action, expansions);
  return toStream(b);
}

/**
 * Original offset after the first `letters` normalized units of the span [s, e) (a clitic-stripped
 * stem starts there); marks the normalization deletes right after those units belong to them. When
 * the boundary falls inside a unit that makes several letters (a ligature), the unit's start. @internal
 */
export function offsetAfterUnits(text: string, s: number, e: number, letters: number, action: Int32Array, expansions: readonly string[]): number {
  if (letters <= 0) return s;
  let count = 0;
  let i = s;
  while (i < e && count < letters) {
    const a = action[text.charCodeAt(i)]!;
    const n = a === KEEP || a >= 0 ? 1 : a === DELETE ? 0 : expansions[-3 - a]!.length;
    // (the boundary falls inside one unit that makes several letters, a ligature such as ﻷ = ل + أ:
    // the offset is that unit's start, so that a span from here keeps the letters after the boundary)
    if (count + n > letters) return i;
    count += n;
    i++;
  }
  while (i < e && action[text.charCodeAt(i)] === DELETE) i++;
  return i;
}

/** Normalizes one token's text with a precompiled table (no offset map). @internal */
export function tokenNorm(text: string, s: number, e: number, action: Int32Array, expansions: readonly string[]): string {
  let out = '';
  let runStart = s;
  for (let i = s; i < e; i++) {
    const a = action[text.charCodeAt(i)]!;
    if (a === KEEP) continue;
    if (i > runStart) out += text.slice(runStart, i);
    if (a >= 0) out += String.fromCharCode(a);
    else if (a !== DELETE) out += expansions[-3 - a];
    runStart = i + 1;
  }
  if (runStart === s) return text.slice(s, e);
  return runStart < e ? out + text.slice(runStart, e) : out;
}

function analyze(text: string, s: number, e: number, options: NormalizeOptions | undefined): CliticAnalysis[] {
  // Normalized letters of the word with the original index of each.
  const letters: string[] = [];
  const origin: number[] = [];
  for (let i = s; i < e; i++) {
    const k = normalizeKey(text[i]!, options);
    for (const ch of k) { letters.push(ch); origin.push(i); }
  }
  const norm = letters.join('');
  const at = (li: number): number => (li >= letters.length ? e : origin[li]!);
  const seg = (role: CliticRole, a: number, b: number, normText: string): Segment => {
    const so = at(a);
    const eo = b >= letters.length ? e : at(b);
    return { role, start: so, end: eo, text: text.slice(so, eo), norm: normText };
  };
  const out: CliticAnalysis[] = [];
  for (const r of procliticReadings(norm)) {
    const segs: Segment[] = [];
    let li = 0;
    for (const role of r.roles) {
      if (role === 'article' && r.key.startsWith('ال') && norm[li] === 'ل' && norm[li + 1] !== 'ا') {
        // the ل of a لل contraction
        segs.push(seg('article', li, li + 1, 'ال'));
        li += 1;
        continue;
      }
      segs.push(seg(role, li, li + 1, norm[li]!));
      li += 1;
    }
    if (r.article && !r.roles.includes('article')) {
      segs.push(seg('article', li, li + 2, 'ال'));
      li += 2;
    }
    const stemFrom = li;
    out.push({ segments: [...segs, seg('stem', stemFrom, letters.length, norm.slice(stemFrom))] });
    // Enclitic pronouns (not after an article: الكتابه is not a possessive)
    if (!r.article) {
      for (const p of PRONOUNS) {
        const pe = letters.length - p.length;
        if (pe - stemFrom < 2 || !norm.endsWith(p)) continue;
        if (p[0] === 'ه' && text[at(pe)] !== 'ه') continue; // ة normalized to ه is not a pronoun
        out.push({ segments: [...segs, seg('stem', stemFrom, pe, norm.slice(stemFrom, pe)), seg('pronoun', pe, letters.length, p)] });
      }
    }
  }
  return out;
}

/**
 * Splits text into lossless tokens with kinds, normalized forms and sentences.
 *
 * Arabic punctuation is its own token; abbreviations such as أ.ف.ب and numbers such as 3.5 and ١٥
 * stay one token. Sentences end at . ! ? ؟ ؛ … and line breaks (closing quotes stay with them).
 *
 * @param text - any string (never throws on strings).
 * @param options - `[clitics=false]` adds candidate clitic analyses; `normalize` sets the rules for `norm`.
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string.
 *
 * @example
 * ```ts
 * const { tokens } = tokenize('بكازاخستان (أ.ف.ب)', { clitics: true });
 * tokens.map((t) => t.text)          // ['بكازاخستان', '(', 'أ.ف.ب', ')']
 * tokens[2]                          // { start: 12, end: 17, norm: 'ا.ف.ب', kind: 'arabic', … }
 * tokens[0].analyses[1].segments     // [{ role: 'preposition', start: 0, end: 1, text: 'ب' },
 *                                    //  { role: 'stem', start: 1, end: 10, text: 'كازاخستان' }]
 * ```
 */
export function tokenize(text: string, options?: TokenizeOptions): Tokenized {
  assertText(text, 'tokenize');
  const raw = scanTokens(text);
  const { action, expansions } = compileTable(optionsMask(options?.normalize));
  const tokens: Token[] = new Array(raw.count);
  const sentences: Sentence[] = [];
  const clitics = options?.clitics === true;
  let sentence = 0;
  let sentStart = 0;
  for (let t = 0; t < raw.count; t++) {
    if (t > 0 && raw.breakBefore[t]) {
      sentences.push({ start: raw.start[sentStart]!, end: raw.end[t - 1]!, tokenStart: sentStart, tokenEnd: t });
      sentence++;
      sentStart = t;
    }
    const s = raw.start[t]!;
    const e = raw.end[t]!;
    const kind = KIND_NAMES[raw.kind[t]!]!;
    const tokText = text.slice(s, e);
    // most tokens need no normalization: share the string
    let changed = false;
    for (let i = s; i < e; i++) if (action[text.charCodeAt(i)] !== KEEP) { changed = true; break; }
    const norm = changed ? tokenNorm(text, s, e, action, expansions) : tokText;
    if (clitics && kind === 'arabic') tokens[t] = { start: s, end: e, text: tokText, norm, kind, sentence, analyses: analyze(text, s, e, options?.normalize) };
    else tokens[t] = { start: s, end: e, text: tokText, norm, kind, sentence };
  }
  if (raw.count > 0) sentences.push({ start: raw.start[sentStart]!, end: raw.end[raw.count - 1]!, tokenStart: sentStart, tokenEnd: raw.count });
  return { tokens, sentences };
}
