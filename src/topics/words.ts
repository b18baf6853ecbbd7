/**
 * The topic model's word table: every distinct word it has seen, analyzed once (clitic readings,
 * light stems, term-vocabulary ids, keyphrase reading) and found again by the hash and normalized
 * units the scanner computed for the token, without building a string. A word is its normalized
 * form and token kind (the analyses are functions of those alone), so forms that normalize alike
 * (with and without diacritics) are one entry. Each hit is verified on the units, so hash
 * collisions cost a probe, never a wrong word.
 * @internal
 */
import { offsetAfterUnits, type RawTokens } from '../tokenize/index.js';
import { grown, unitsString } from '../arrays.js';
import { TokenBuffer } from '../tokenize/scan.js';
import { compileTable, optionsMask } from '../normalize/engine.js';
import { wordReadings, type TokenReading } from './stem.js';

/**
 * A scan of a text as the word table reads it: token spans and kinds, with the normalized units
 * and hash of each token, as `TokenBuffer.scan` writes them with the default normalization table
 * (the one the annotator scans with).
 * @internal
 */
export interface ScannedTokens extends RawTokens {
  /** Hash of each normalized token (`hashString` of its units). */
  readonly hash: Int32Array;
  /** Token t's normalized units are `units[normStart[t] .. normStart[t + 1])`. */
  readonly units: Uint16Array;
  readonly normStart: Int32Array;
}

/** Texts up to this long are scanned into the table's own buffer (kept); longer ones into a buffer of their own. */
const OWN_SCAN_MAX = 1 << 16;

/**
 * Tokens of one text: raw spans and the word of each token in the model's word table, whose
 * fields (`fields`, `WORD` per word) say what the model knows of it. Only the word id is kept per
 * token: copying the fields to every token wrote 21 bytes a token, which on a long text is tens of
 * megabytes written once and read back from memory (a word's fields, by contrast, stay in the
 * cache for the words that recur). Valid until the table's next `tokens` call. @internal
 */
export interface DocTokens {
  readonly text: string;
  readonly raw: RawTokens;
  /** Word id of token t in the model's word table, -1 for numbers, punctuation and symbols. */
  readonly wid: Int32Array;
  /** Number of word tokens. */
  readonly words: number;
  /**
   * The words' fields, `WORD` per word id: at `W_KP` and `W_KP_STRIPPED` the keyphrase stem id of
   * the word (-1: not a candidate) and its stripped letters; its readings are `readingStem[
   * fields[W_R_START] .. fields[W_R_END_STARTS] >> 1)` of the word table, and `fields[W_R_END_STARTS]
   * & 1` is 1 when some reading begins a term.
   */
  readonly fields: Int32Array;
}

/** What the model derives from a word's readings when it first sees the word. @internal */
export interface WordAnalyzer {
  /** Id of a stem in the term vocabulary, -1 when no term uses it. */
  termStem(stem: string): number;
  /** True when some term begins with the stem of this id. */
  startsTerm(id: number): boolean;
  /** The keyphrase reading: stem id and stripped letters, or `[-1, 0]` when the word is not a candidate. */
  keyphrase(readings: readonly TokenReading[]): readonly [number, number];
}

/**
 * A slot of the word table's index: the word's id + 1 (0: empty slot), the hash of its normalized
 * form, the form's length × 4 + kind, and where its units are in the pool.
 */
const SLOT = 4;
// Fields of a word (at id × WORD): what the tasks need.
/** @internal */
export const W_KP = 0;
/** @internal */
export const W_KP_STRIPPED = 1;
/** @internal */
export const W_R_START = 2;
/** Readings end × 2 + 1 when some reading begins a term. @internal */
export const W_R_END_STARTS = 3;
/** Fields per word. @internal */
export const WORD = 4;

/**
 * Open-addressing table from words (normalized form and kind) to what the model knows of them. The
 * index holds what a lookup compares (16 bytes a slot: id, hash, form length and kind, where its
 * units are in a flat pool), so that a lookup reads the slot and the pool, not a third place; the
 * fields the tasks read (keyphrase reading, readings range, whether it begins a term) are stored by
 * id, in the order words were first seen (16 bytes a word). The tasks run right after the entity
 * pass, which leaves little of this table in the cache: frequent words (seen first) share cache
 * lines, and a slot with everything (the tasks' fields too) would make the index larger still.
 * Per reading: term-stem id and stripped letters. Bounded: when it holds more than `limit` words it
 * starts over (analyses are pure functions of the word, so this changes nothing but time).
 * @internal
 */
export class WordTable {
  /** Per reading (bare word first): term-vocabulary stem id (-1: none) and stripped letters. */
  readingStem = new Int32Array(4096);
  readingStripped = new Int32Array(4096);
  private readings = 0;
  private size = 0;
  /** The characters of every form, one after the other. */
  private pool = new Uint16Array(16384);
  private poolSize = 0;
  /** The index: SLOT fields per slot. */
  private slots: Int32Array;
  /** The words: WORD fields per word id, in the order they were first seen. */
  private wordFields = new Int32Array(WORD * 4096);
  private mask: number;
  private readonly action: Int32Array;
  private readonly expansions: readonly string[];
  /** Scan buffer for texts whose tokens are not given. */
  private scanBuffer: TokenBuffer | undefined;
  /** Token columns of the document read in windows (see `beginWindows`), its tokens and word tokens. */
  private doc = emptyRaw();
  private docCount = 0;
  private docWords = 0;
  /** Word ids of the tokens of the last `tokens` call. */
  private wid = new Int32Array(0);

  constructor(
    private readonly analyzer: WordAnalyzer,
    private readonly limit = 200_000,
    private readonly onReset: () => void = () => {},
  ) {
    const table = compileTable(optionsMask(undefined));
    this.action = table.action;
    this.expansions = table.expansions;
    this.mask = 4095;
    this.slots = new Int32Array(SLOT * 4096);
  }

  /** Number of words held. */
  get words(): number {
    return this.size;
  }

  /** Original offset after the first `letters` normalized letters of the span [s, e). */
  offsetAfter(text: string, s: number, e: number, letters: number): number {
    return offsetAfterUnits(text, s, e, letters, this.action, this.expansions);
  }

  /**
   * Scans `text` (unless its scan is given: it must be of `text`, with the default normalization)
   * and finds (or adds) the word of every word token.
   */
  tokens(text: string, scanned?: ScannedTokens): DocTokens {
    if (this.size > this.limit) this.reset();
    let raw = scanned;
    if (!raw) {
      const b = text.length <= OWN_SCAN_MAX ? (this.scanBuffer ??= new TokenBuffer()) : new TokenBuffer();
      b.scan(text, this.action, this.expansions);
      raw = b;
    }
    const n = raw.count;
    this.room(n, 0);
    const words = this.findWords(raw, n, 0);
    return this.docTokens(text, raw, n, words);
  }

  /**
   * Starts a document read in windows (of about `expectedTokens` tokens): pass each window's scan
   * to `addWindow`, in text order, then take the document's tokens from `windowTokens`. (The
   * annotator reads a long text so: the tasks get the tokens it scanned instead of scanning the
   * whole text again.)
   */
  beginWindows(expectedTokens = 0): void {
    if (this.size > this.limit) this.reset();
    this.docCount = 0;
    this.docWords = 0;
    // (room for the tokens expected at once: growing by doubling copied the columns several times)
    if (this.doc.start.length < expectedTokens) this.growDoc(expectedTokens, 0);
    this.room(expectedTokens, 0);
  }

  /** Appends the tokens of one window (a scan of the range after the previous window's). */
  addWindow(scanned: ScannedTokens): void {
    const n = scanned.count;
    const at = this.docCount;
    if (this.doc.start.length < at + n) this.growDoc(Math.max(at + n, 2 * this.doc.start.length, 256), at);
    const { start, end, kind, breakBefore } = this.doc;
    start.set(scanned.start.subarray(0, n), at);
    end.set(scanned.end.subarray(0, n), at);
    kind.set(scanned.kind.subarray(0, n), at);
    breakBefore.set(scanned.breakBefore.subarray(0, n), at);
    this.room(at + n, at);
    this.docWords += this.findWords(scanned, n, at);
    this.docCount = at + n;
  }

  /** The tokens of the document read in windows (valid until the next `tokens` or `beginWindows`). */
  windowTokens(text: string): DocTokens {
    return this.docTokens(text, this.doc, this.docCount, this.docWords);
  }

  /** Token starts of the document read in windows so far. */
  windowStarts(): Int32Array {
    return this.doc.start.subarray(0, this.docCount);
  }

  /** Room in the word ids for `n` tokens, the first `keep` kept. */
  private room(n: number, keep: number): void {
    if (this.wid.length >= n) return;
    this.wid = grown(this.wid, Math.max(n, 2 * this.wid.length, 256), keep);
  }

  /** The window-read document's token columns with room for `cap` tokens, the first `keep` kept. */
  private growDoc(cap: number, keep: number): void {
    const d = this.doc;
    this.doc = { start: grown(d.start, cap, keep), end: grown(d.end, cap, keep), kind: grown(d.kind, cap, keep), breakBefore: grown(d.breakBefore, cap, keep) };
  }

  /** Finds the words of `raw`'s first `n` tokens, writing their ids at `at`…; returns the number of word tokens. */
  private findWords(raw: ScannedTokens, n: number, at: number): number {
    const wid = this.wid;
    const { kind, hash, units, normStart } = raw;
    let words = 0;
    for (let i = 0; i < n; i++) {
      const k = kind[i]!;
      if (k > 1) {
        wid[at + i] = -1;
        continue;
      }
      words++;
      wid[at + i] = this.find(units, normStart[i]!, normStart[i + 1]!, k, hash[i]!);
    }
    return words;
  }

  /**
   * The document's tokens. `raw` is always a plain object of one shape, whether the scan was a
   * `TokenBuffer` or the window columns: the tasks read it in their hottest loops, and a second
   * shape made the first long document deoptimize them (and left them polymorphic).
   */
  private docTokens(text: string, columns: Omit<RawTokens, 'count'>, n: number, words: number): DocTokens {
    const raw: RawTokens = { count: n, start: columns.start, end: columns.end, kind: columns.kind, breakBefore: columns.breakBefore };
    return { text, raw, words, wid: this.wid.subarray(0, n), fields: this.wordFields };
  }

  /** Lets go of the per-token buffers grown for a text of more than `maxTokens` tokens. */
  releaseTokens(maxTokens: number): void {
    if (this.wid.length > maxTokens) this.wid = new Int32Array(0);
    if (this.doc.start.length > maxTokens) this.doc = emptyRaw();
    this.docCount = 0;
  }

  private slotOf(h: number): number {
    const x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (x ^ (x >>> 13)) & this.mask;
  }

  /** The id of the word of kind k whose normalized form is `units[s, e)`, with hash h; added when new. */
  private find(units: Uint16Array, s: number, e: number, k: number, h: number): number {
    const slots = this.slots;
    const w = this.wordFields;
    const pool = this.pool;
    const lenKind = 4 * (e - s) + k;
    let i = this.slotOf(h);
    for (; ; i = (i + 1) & this.mask) {
      const id = slots[SLOT * i]! - 1;
      if (id < 0) break;
      if (slots[SLOT * i + 1] === h && slots[SLOT * i + 2] === lenKind) {
        const d = slots[SLOT * i + 3]! - s;
        let j = s;
        while (j < e && pool[d + j] === units[j]) j++;
        if (j === e) return id;
      }
    }
    // a new word
    const id = this.size;
    if (this.poolSize + (e - s) > this.pool.length) this.pool = grown(this.pool, Math.max(2 * this.pool.length, this.poolSize + e - s));
    if (WORD * (id + 1) > w.length) this.wordFields = grown(w, 2 * w.length);
    const p = this.poolSize;
    const into = this.pool;
    for (let j = s; j < e; j++) into[p + j - s] = units[j]!;
    this.poolSize += e - s;
    slots[SLOT * i] = id + 1;
    slots[SLOT * i + 1] = h;
    slots[SLOT * i + 2] = lenKind;
    slots[SLOT * i + 3] = p;
    this.analyze(WORD * id, wordReadings(unitsString(units, s, e), k));
    this.size++;
    if (this.size * 2 > this.mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(SLOT * cap);
    this.mask = cap - 1;
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o] === 0) continue;
      let i = this.slotOf(old[o + 1]!);
      while (this.slots[SLOT * i] !== 0) i = (i + 1) & this.mask;
      for (let f = 0; f < SLOT; f++) this.slots[SLOT * i + f] = old[o + f]!;
    }
  }

  /** Fills the task fields of the word at `o` (in `wordFields`) from its readings. */
  private analyze(o: number, readings: readonly TokenReading[]): void {
    const a = this.analyzer;
    let r = this.readings;
    if (r + readings.length > this.readingStem.length) {
      const cap = Math.max(this.readingStem.length * 2, r + readings.length);
      this.readingStem = grown(this.readingStem, cap);
      this.readingStripped = grown(this.readingStripped, cap);
    }
    const w = this.wordFields;
    w[o + W_R_START] = r;
    let starts = 0;
    for (const x of readings) {
      const sid = a.termStem(x.stem);
      if (sid >= 0 && a.startsTerm(sid)) starts = 1;
      this.readingStem[r] = sid;
      this.readingStripped[r] = x.stripped;
      r++;
    }
    this.readings = r;
    w[o + W_R_END_STARTS] = 2 * r + starts;
    const [kp, kpStripped] = a.keyphrase(readings);
    w[o + W_KP] = kp;
    w[o + W_KP_STRIPPED] = kpStripped;
  }

  private reset(): void {
    this.size = 0;
    this.readings = 0;
    this.poolSize = 0;
    this.slots.fill(0);
    this.onReset();
  }
}

/** Empty token columns of a document read in windows. */
function emptyRaw(): { start: Int32Array; end: Int32Array; kind: Uint8Array; breakBefore: Uint8Array } {
  return { start: new Int32Array(0), end: new Int32Array(0), kind: new Uint8Array(0), breakBefore: new Uint8Array(0) };
}

