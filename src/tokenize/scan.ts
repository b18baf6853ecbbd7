/**
 * The text core: one pass over the UTF-16 code units that finds the token spans (the same spans as
 * `tokenize`) and, in the same loop, the polynomial hash of each token's normalized form and its
 * normalized length. Everything goes
 * into typed arrays that are reused from call to call, with the normalized units of every token:
 * no object or string per token.
 *
 * Character classes come from a 64K table filled lazily (a code unit is classified the first time
 * it is seen, with the predicates of chars.ts), so nothing is built at import.
 * @internal
 */
import { HASH_B } from '../gazetteer/hash.js';
import { grown } from '../arrays.js';
import { DELETE, KEEP } from '../normalize/engine.js';
import {
  INVISIBLE_RANGES, isArabicLetter, isArabicMark, isCloser, isDigit, isInvisible, isLatinLetter, isPunct, isSpace, isTerminal,
} from './chars.js';

/** Token kinds, as stored in `kind`. */
export const enum TokenKindCode { Arabic = 0, Latin = 1, Number = 2, Punct = 3, Symbol = 4 }

// Classes, in the order the scanner tests them (gaps first). 0 = not classified yet.
const enum C {
  Unknown = 0, Space, Newline, Invisible, ZeroWidth, Arabic, Mark, Latin, Digit, High, Punct, Terminal, Closer, Combining, Other,
}
const CLS = new Uint8Array(65536);

function classify(c: number): number {
  let k: C;
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) k = C.Newline;
  else if (c === 0x200c || c === 0x200d) k = C.ZeroWidth;
  else if (isSpace(c)) k = C.Space;
  else if (isInvisible(c)) k = C.Invisible;
  else if (isArabicLetter(c)) k = C.Arabic;
  else if (isArabicMark(c)) k = C.Mark;
  else if (isLatinLetter(c)) k = C.Latin;
  else if (isDigit(c)) k = C.Digit;
  else if (c >= 0xd800 && c <= 0xdbff) k = C.High;
  else if (isPunct(c)) k = isTerminal(c) ? C.Terminal : isCloser(c) ? C.Closer : C.Punct;
  else if (c >= 0x300 && c <= 0x36f) k = C.Combining;
  else k = C.Other;
  CLS[c] = k;
  return k;
}

const cls = (c: number): number => CLS[c] || classify(c);

/** Marks a unit that ends an Arabic word in a word table. */
const STOP = -0x40000000;
/**
 * Per action table: for every unit that continues an Arabic word (letters, marks, ZWNJ/ZWJ and the
 * other in-word invisible controls) its normalized unit (≥ 0), DELETE or an expansion index, as in
 * the action table; STOP for every other unit: one lookup per unit in the scanner's hottest loop.
 * `kept`: the normalization keeps some in-word invisible control (its rule is off), so trailing ones
 * must be un-hashed.
 */
const wordTables = new WeakMap<Int32Array, { readonly table: Int32Array; readonly kept: boolean }>();
function wordTable(action: Int32Array): { readonly table: Int32Array; readonly kept: boolean } {
  let w = wordTables.get(action);
  if (!w) {
    const table = new Int32Array(65536).fill(STOP);
    const set = (c: number): void => { table[c] = action[c] === KEEP ? c : action[c]!; };
    // Arabic letters and marks live in U+0610–U+08FF and the presentation forms U+FB50–U+FEFC
    for (const [a, b] of [[0x0610, 0x08ff], [0xfb50, 0xfefc]] as const) {
      for (let c = a; c <= b; c++) if (isArabicLetter(c) || isArabicMark(c)) set(c);
    }
    // ZWNJ, ZWJ and the other invisible controls but the zero-width space (a word break): a soft
    // hyphen or a bidi mark inside a word is part of it (الانت\u00ADخابات is one word); trailing ones are not
    let kept = false;
    for (const [a, b] of INVISIBLE_RANGES) {
      for (let c = a; c <= b; c++) {
        if (!inWordInvisible(c)) continue;
        set(c);
        if (action[c] !== DELETE) kept = true;
      }
    }
    wordTables.set(action, (w = { table, kept }));
  }
  return w;
}

/** An invisible control that continues an Arabic word when a letter follows it (ZWNJ, ZWJ, soft hyphen, bidi marks…; not ZWSP). */
const inWordInvisible = (c: number): boolean => c !== 0x200b && isInvisible(c);

/**
 * Code unit i of `text`, or -1 past its end (`charCodeAt` past the end gives NaN, and optimized
 * code that reads past the end is thrown away the first time it does).
 */
const unitAt = (text: string, i: number): number => (i < text.length ? text.charCodeAt(i) : -1);

/** Letters of a single-letter abbreviation part. */
function isAbbrevLetter(text: string, i: number): boolean {
  const c = unitAt(text, i);
  if (!(isArabicLetter(c) || isLatinLetter(c))) return false;
  let j = i + 1;
  while (j < text.length && isArabicMark(text.charCodeAt(j))) j++;
  const d = unitAt(text, j);
  return !(isArabicLetter(d) || isLatinLetter(d));
}

/** Abbreviations like أ.ف.ب or U.S: single letters joined by dots. Returns the end or -1. */
function abbrevEnd(text: string, i: number): number {
  let j = i;
  let letters = 0;
  for (;;) {
    if (!isAbbrevLetter(text, j)) break;
    j++;
    while (j < text.length && isArabicMark(text.charCodeAt(j))) j++;
    letters++;
    if (unitAt(text, j) === 0x2e && isAbbrevLetter(text, j + 1)) {
      j++;
      continue;
    }
    break;
  }
  return letters >= 2 ? j : -1;
}

/**
 * Tokens to make room for in `units` UTF-16 units of text: news text has a token every ~6 units, so
 * one allocation, rarely a second. @internal
 */
export const tokenRoomFor = (units: number): number => (units >> 2) + 16;

/**
 * Token spans with their normalized hashes, in typed arrays reused across calls (they grow to the
 * largest document seen; `count` tokens are valid after `scan`).
 * @internal
 */
export class TokenBuffer {
  count = 0;
  private cap = 0;
  start = new Int32Array(0);
  end = new Int32Array(0);
  kind = new Uint8Array(0);
  /** 1 when a line break or sentence-final punctuation ends the sentence before this token. */
  breakBefore = new Uint8Array(0);
  /** Hash of the normalized token (`hashString(normalized)`). */
  hash = new Int32Array(0);
  /** Length of the normalized token in UTF-16 units. */
  nlen = new Int32Array(0);
  /** The normalized units of all tokens, back to back: token k is `units[normStart[k], normStart[k + 1])`. */
  units = new Uint16Array(0);
  /** Where each token's normalized units start (`count + 1` entries are valid). */
  normStart = new Int32Array(1);
  /** End of the range being scanned. */
  private to = 0;
  /**
   * The code units of the range being scanned, copied in one native call: the main loops read them
   * from a typed array, faster than `charCodeAt` (the other reads of the text are rare). The size of
   * the largest range scanned: the annotator scans a long text in windows of ~256K units; one scan of
   * a whole long text needs two more bytes per unit while it runs, as many as its normalized units.
   */
  private srcBytes = Buffer.alloc(0);
  private src = new Uint16Array(0);
  /**
   * Where the last scan left the sentence state at its range's end, for the scan of the range that
   * follows (see `scan`'s `state`): a break pending (1), the last token ending a sentence (2).
   */
  endState = 0;

  /** Makes room for at least `n` tokens, keeping the first `keep`. */
  reserve(n: number, keep = 0): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 256);
    this.start = grown(this.start, cap, keep);
    this.end = grown(this.end, cap, keep);
    this.kind = grown(this.kind, cap, keep);
    this.breakBefore = grown(this.breakBefore, cap, keep);
    this.hash = grown(this.hash, cap, keep);
    this.nlen = grown(this.nlen, cap, keep);
    this.normStart = grown(this.normStart, cap + 1, keep + 1);
    this.cap = cap;
  }

  /** Whether the buffers have room for more than `maxTokens` tokens, or for a range of more than 4 × `maxTokens` units. */
  oversized(maxTokens: number): boolean {
    return this.cap > maxTokens || this.units.length > 4 * maxTokens || this.src.length > 4 * maxTokens;
  }

  /** Lets go of all buffers (they grow again on the next scan); `count` becomes 0. */
  release(): void {
    this.count = 0;
    this.cap = 0;
    this.start = new Int32Array(0);
    this.end = new Int32Array(0);
    this.kind = new Uint8Array(0);
    this.breakBefore = new Uint8Array(0);
    this.hash = new Int32Array(0);
    this.nlen = new Int32Array(0);
    this.units = new Uint16Array(0);
    this.normStart = new Int32Array(1);
    this.srcBytes = Buffer.alloc(0);
    this.src = new Uint16Array(0);
  }

  /**
   * Writes the units of an expansion (ﻻ → لا) at `o`, keeping room for `rest` more input units, and
   * returns the hash continued over them; the caller advances `o` by `exp.length`.
   */
  private expand(exp: string, h: number, o: number, rest: number): number {
    const units = this.growUnits(o, exp.length + rest);
    for (let x = 0; x < exp.length; x++) {
      const u = exp.charCodeAt(x);
      h = (Math.imul(h, HASH_B) + u) | 0;
      units[o + x] = u;
    }
    return h;
  }

  /** Makes room for `need` more normalized units after `used`. */
  private growUnits(used: number, need: number): Uint16Array {
    if (used + need > this.units.length) {
      this.units = grown(this.units, Math.max(used + need + ((used + need) >> 3), 1024), used);
    }
    return this.units;
  }

  /** Hashes token k's span [s, e) (the slow path, for tokens not hashed inside the scan loop). */
  private hashSpan(text: string, k: number, s: number, e: number, action: Int32Array, expansions: readonly string[]): void {
    let h = 0;
    let len = 0;
    let o = this.normStart[k]!;
    let units = this.growUnits(o, this.to - s);
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      const a = action[c]!;
      if (a === DELETE) continue;
      if (a >= -1) {
        const u = a === KEEP ? c : a;
        h = (Math.imul(h, HASH_B) + u) | 0;
        units[o++] = u;
        len++;
      } else {
        const exp = expansions[-3 - a]!;
        h = this.expand(exp, h, o, this.to - i); // keeps room for the rest of the range
        units = this.units;
        o += exp.length;
        len += exp.length;
      }
    }
    this.hash[k] = h;
    this.nlen[k] = len;
    this.normStart[k + 1] = o;
  }

  /**
   * Scans `text` (or its range `[from, to)`, which must start and end between tokens: the spans are
   * then offsets into `text`) with the normalization table `action`/`expansions` (from `compileTable`).
   * A range that continues the one scanned before passes that scan's `endState` as `state`, so that
   * its first token's `breakBefore` is what a scan of the whole text gives.
   * Returns the token count (also in `count`).
   */
  scan(text: string, action: Int32Array, expansions: readonly string[], from = 0, to = text.length, state = 0): number {
    const len = to;
    this.to = to;
    this.reserve(tokenRoomFor(to - from));
    let start = this.start, end = this.end, kind = this.kind, brk = this.breakBefore;
    let hash = this.hash, nlen = this.nlen, normStart = this.normStart;
    let cap = this.cap;
    const { table: W, kept: zwKept } = wordTable(action);
    // at most one normalized unit per input unit, except expansions (which grow the array)
    let units = this.growUnits(0, to - from + 16);
    let o = 0;
    let n = 0;
    // (a range that continues an earlier one starts in the state that one ended in: `endState`)
    let pendingBreak = state & 1;
    let lastTerminal = (state & 2) !== 0;
    // the range's code units: unit x is S[x - from]
    if (this.src.length < to - from) {
      const ab = new ArrayBuffer(2 * Math.max(to - from, 2 * this.src.length, 1024));
      this.srcBytes = Buffer.from(ab);
      this.src = new Uint16Array(ab);
    }
    this.srcBytes.write(from === 0 && to === text.length ? text : text.substring(from, to), 0, 'utf16le');
    const S = this.src;
    let i = from;
    while (i < len) {
      const c = S[i - from]!;
      const k = CLS[c] || classify(c);
      if (k <= C.ZeroWidth) {
        if (k === C.Newline) pendingBreak = 1;
        i++;
        continue;
      }
      if (n === cap) {
        this.reserve(n + 1, n);
        start = this.start; end = this.end; kind = this.kind; brk = this.breakBefore;
        hash = this.hash; nlen = this.nlen; normStart = this.normStart;
        cap = this.cap;
      }
      normStart[n] = o;
      if (lastTerminal && k !== C.Closer) pendingBreak = 1;
      const closing = lastTerminal && k === C.Closer;
      lastTerminal = false;
      start[n] = i;
      brk[n] = pendingBreak;
      pendingBreak = 0;
      if (k === C.Arabic || k === C.Mark || k === C.Latin) {
        if ((i + 1 < len ? S[i + 1 - from] : unitAt(text, i + 1)) === 0x2e && k !== C.Mark) {
          const a = abbrevEnd(text, i);
          if (a > 0) {
            const e = k === C.Latin && unitAt(text, a) === 0x2e ? a + 1 : a; // U.S. keeps its last dot
            end[n] = e;
            kind[n] = k === C.Latin ? TokenKindCode.Latin : TokenKindCode.Arabic;
            this.hashSpan(text, n, i, e, action, expansions);
            o = normStart[n + 1]!;
            units = this.units;
            n++;
            i = e;
            continue;
          }
        }
        // a word: hash it and write its normalized units while finding its end
        const arabic = k !== C.Latin;
        let h = 0;
        const o0 = o;
        let j = i;
        let deleted = -1; // the last unit the normalization deleted (a trailing ZWNJ is one)
        if (arabic) {
          while (j < len) {
            const a = W[S[j - from]!]!;
            if (a >= 0) {
              h = (Math.imul(h, HASH_B) + a) | 0;
              units[o++] = a;
            } else if (a === STOP) break;
            else if (a === DELETE) deleted = j;
            else {
              const exp = expansions[-3 - a]!;
              h = this.expand(exp, h, o, len - j);
              units = this.units;
              o += exp.length;
            }
            j++;
          }
        } else {
          while (j < len) {
            const d = text.charCodeAt(j);
            const dk = CLS[d] || classify(d);
            if (dk !== C.Latin && dk !== C.Combining) break;
            const a = action[d]!;
            if (a >= -1) {
              const u = a === KEEP ? d : a;
              h = (Math.imul(h, HASH_B) + u) | 0;
              units[o++] = u;
            } else if (a !== DELETE) {
              const exp = expansions[-3 - a]!;
              h = this.expand(exp, h, o, len - j);
              units = this.units;
              o += exp.length;
            }
            j++;
          }
        }
        kind[n] = arabic ? TokenKindCode.Arabic : TokenKindCode.Latin;
        // ZWNJ/ZWJ and the other invisible controls at the end of a word are not part of it
        let trimmed = false;
        if (arabic && (zwKept || deleted === j - 1)) {
          while (j > i + 1 && inWordInvisible(text.charCodeAt(j - 1))) { j--; trimmed = true; }
        }
        end[n] = j;
        if (trimmed && zwKept) {
          this.hashSpan(text, n, i, j, action, expansions);
          o = normStart[n + 1]!;
          units = this.units;
        } else {
          hash[n] = h;
          nlen[n] = o - o0;
          normStart[n + 1] = o;
        }
        n++;
        i = j;
        continue;
      }
      let j = i + 1;
      let kd: TokenKindCode;
      if (k === C.Digit) {
        for (;;) {
          while (j < len && cls(text.charCodeAt(j)) === C.Digit) j++;
          const d = unitAt(text, j);
          if ((d === 0x2e || d === 0x2c || d === 0x066b || d === 0x066c) && j + 1 < len && cls(text.charCodeAt(j + 1)) === C.Digit) { j++; continue; }
          break;
        }
        kd = TokenKindCode.Number;
      } else if (k === C.High && j < len && (text.charCodeAt(j) & 0xfc00) === 0xdc00) {
        j++;
        kd = TokenKindCode.Symbol;
      } else if (k >= C.Punct && k <= C.Closer) {
        if (c === 0x2e) while (j < len && text.charCodeAt(j) === 0x2e) j++; // ... stays one token
        if (k === C.Terminal || closing) lastTerminal = true;
        kd = TokenKindCode.Punct;
      } else kd = TokenKindCode.Symbol;
      end[n] = j;
      kind[n] = kd;
      const a = action[c]!;
      if (j === i + 1 && a >= KEEP) {
        // one unit kept or mapped to one (most punctuation): its hash is the unit
        const u = a === KEEP ? c : a;
        units[o++] = u;
        hash[n] = u;
        nlen[n] = 1;
        normStart[n + 1] = o;
      } else {
        this.hashSpan(text, n, i, j, action, expansions);
        o = normStart[n + 1]!;
        units = this.units;
      }
      n++;
      i = j;
    }
    normStart[n] = o;
    this.count = n;
    this.endState = pendingBreak | (lastTerminal ? 2 : 0);
    return n;
  }
}

/** Tokens in columns: the typed-array view of `tokenize`, with the normalized form of each token. */
export interface TokenStream {
  /** Number of tokens. */
  readonly count: number;
  /** Half-open spans `[start[i], end[i])` in UTF-16 code units of the original input. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 0 arabic, 1 latin, 2 number, 3 punct, 4 symbol (the order of `TokenKind`). */
  readonly kind: Uint8Array;
  /** 1 when a sentence ends before token i (a line break or sentence-final punctuation). */
  readonly breakBefore: Uint8Array;
  /** The normalized text of all tokens back to back; token i is `units[normStart[i], normStart[i + 1])`. */
  readonly units: Uint16Array;
  readonly normStart: Int32Array;
  /** 32-bit polynomial hash of each normalized token (the gazetteer's token key). */
  readonly hash: Int32Array;
  /** The normalized form of token i as a string. */
  norm(i: number): string;
}

/** @internal */
export function toStream(b: TokenBuffer): TokenStream {
  const n = b.count;
  const units = b.units.subarray(0, b.normStart[n]!);
  const normStart = b.normStart.subarray(0, n + 1);
  return {
    count: n,
    start: b.start.subarray(0, n),
    end: b.end.subarray(0, n),
    kind: b.kind.subarray(0, n),
    breakBefore: b.breakBefore.subarray(0, n),
    units,
    normStart,
    hash: b.hash.subarray(0, n),
    norm(i: number): string {
      if (!(i >= 0 && i < n)) return '';
      let s = '';
      for (let k = normStart[i]!; k < normStart[i + 1]!; k++) s += String.fromCharCode(units[k]!);
      return s;
    },
  };
}
