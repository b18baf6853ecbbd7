/**
 * The topic model's word table: every distinct word form it has seen, analyzed once (normalized
 * key, clitic readings, light stems, term-vocabulary ids, keyphrase reading) and found again by a
 * hash of the token's text, without building a string. Each hit is verified on the text, so hash
 * collisions cost a probe, never a wrong word. Forms that normalize alike (with and without
 * diacritics) are separate entries with equal analyses.
 * @internal
 */
import { scanTokens, tokenNorm, type RawTokens } from '../tokenize/index.js';
import { compileTable, optionsMask, DELETE, KEEP } from '../normalize/engine.js';
import { procliticReadings } from '../tokenize/clitics.js';
import { lightStem, type TokenReading } from './stem.js';

const B = 0x9e3779b1 | 0;

/**
 * A flat copy of a (possibly sliced) string: long results of `slice` and `split` point into the
 * string they came from, keeping it alive and comparing slowly.
 * @internal
 */
export function flatCopy(s: string): string {
  return s.length >= 13 ? s.split('').join('') : s;
}

/** Every proclitic reading of a word (bare word first), exactly as `textTokens` computes them. */
export function wordReadings(norm: string, kind: number): TokenReading[] {
  if (kind === 0) {
    return procliticReadings(norm).map((p) => ({ key: p.key, stem: lightStem(p.key), stripped: p.stripped, article: p.article }));
  }
  return [{ key: norm, stem: norm, stripped: 0, article: false }];
}

/** Tokens of one text: raw spans and, for word tokens (Arabic and Latin), their word id. @internal */
export interface DocTokens {
  readonly text: string;
  readonly raw: RawTokens;
  /** Word id of token t in the model's word table, -1 for numbers, punctuation and symbols. */
  readonly wid: Int32Array;
  /** Number of word tokens. */
  readonly words: number;
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
 * Open-addressing table from normalized word forms (with their token kind) to word ids, and what
 * the model knows of each word, in flat typed arrays (one slot per word, one per reading).
 * Bounded: when it holds more than `limit` words it starts over (analyses are pure functions of
 * the word, so this changes nothing but time).
 * @internal
 */
export class WordTable {
  /** Per word: 1 when some reading's stem begins a term. */
  starts = new Uint8Array(1024);
  /** Per word: keyphrase stem id (-1: not a candidate) and the letters its proclitics take. */
  kp = new Int32Array(1024);
  kpStripped = new Int32Array(1024);
  /** Per word: its readings are `readingStem[readingStart[w] .. readingStart[w + 1])`. */
  readingStart = new Int32Array(1025);
  /** Per reading (bare word first): term-vocabulary stem id (-1: none) and stripped letters. */
  readingStem = new Int32Array(4096);
  readingStripped = new Int32Array(4096);
  private size = 0;
  /** Per word: the token text it was first seen as (words are keyed by their exact text). */
  private forms: string[] = [];
  private kinds: number[] = [];
  private hashes: number[] = [];
  /** Open addressing: pairs of (word id + 1, hash of its text); 0 marks an empty pair. */
  private slots: Int32Array;
  private mask: number;
  private readonly action: Int32Array;
  private readonly expansions: readonly string[];

  constructor(
    private readonly analyzer: WordAnalyzer,
    private readonly limit = 200_000,
    private readonly onReset: () => void = () => {},
  ) {
    const table = compileTable(optionsMask(undefined));
    this.action = table.action;
    this.expansions = table.expansions;
    this.mask = 4095;
    this.slots = new Int32Array(2 * 4096);
  }

  /** Number of words held. */
  get words(): number {
    return this.size;
  }

  /** Original offset after the first `letters` normalized letters of the span [s, e). */
  offsetAfter(text: string, s: number, e: number, letters: number): number {
    if (letters <= 0) return s;
    const action = this.action;
    let count = 0;
    let i = s;
    while (i < e && count < letters) {
      const a = action[text.charCodeAt(i)]!;
      count += a === KEEP || a >= 0 ? 1 : a === DELETE ? 0 : this.expansions[-3 - a]!.length;
      i++;
    }
    // marks (deleted characters) after the last clitic letter belong to it
    while (i < e && action[text.charCodeAt(i)] === DELETE) i++;
    return i;
  }

  /** Scans `text` and finds (or adds) the word of every word token. */
  tokens(text: string): DocTokens {
    if (this.size > this.limit) this.reset();
    const raw = scanTokens(text);
    const n = raw.count;
    const wid = new Int32Array(n);
    const { start, end, kind } = raw;
    let words = 0;
    for (let t = 0; t < n; t++) {
      const k = kind[t]!;
      if (k > 1) {
        wid[t] = -1;
        continue;
      }
      words++;
      const s = start[t]!;
      const e = end[t]!;
      let h = k;
      for (let i = s; i < e; i++) h = (Math.imul(h, B) + text.charCodeAt(i)) | 0;
      wid[t] = this.find(text, s, e, k, h);
    }
    return { text, raw, wid, words };
  }

  private slotOf(h: number): number {
    const x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (x ^ (x >>> 13)) & this.mask;
  }

  /** The word of the token [s, e) of kind k whose hash is h, added when new. */
  private find(text: string, s: number, e: number, k: number, h: number): number {
    const slots = this.slots;
    const len = e - s;
    for (let i = this.slotOf(h); ; i = (i + 1) & this.mask) {
      const id = slots[2 * i]! - 1;
      if (id < 0) break;
      if (slots[2 * i + 1] === h) {
        const form = this.forms[id]!;
        if (form.length === len && this.kinds[id] === k && text.startsWith(form, s)) return id;
      }
    }
    // a new form: its own copy (not a slice that would keep the whole text alive)
    const id = this.size;
    this.add(id, wordReadings(flatCopy(tokenNorm(text, s, e, this.action, this.expansions)), k));
    this.forms.push(flatCopy(text.slice(s, e)));
    this.kinds.push(k);
    this.hashes.push(h);
    if ((id + 1) * 2 > this.mask + 1) this.grow();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const h = this.hashes[id]!;
    let i = this.slotOf(h);
    while (this.slots[2 * i]! > 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = id + 1;
    this.slots[2 * i + 1] = h;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(2 * cap);
    this.mask = cap - 1;
    for (let id = 0; id < this.size; id++) this.place(id);
  }

  private add(id: number, readings: readonly TokenReading[]): void {
    const a = this.analyzer;
    if (id + 1 >= this.starts.length) {
      const cap = this.starts.length * 2;
      this.starts = grown(this.starts, new Uint8Array(cap));
      this.kp = grown(this.kp, new Int32Array(cap));
      this.kpStripped = grown(this.kpStripped, new Int32Array(cap));
      this.readingStart = grown(this.readingStart, new Int32Array(cap + 1));
    }
    let r = this.readingStart[id]!;
    if (r + readings.length > this.readingStem.length) {
      const cap = Math.max(this.readingStem.length * 2, r + readings.length);
      this.readingStem = grown(this.readingStem, new Int32Array(cap));
      this.readingStripped = grown(this.readingStripped, new Int32Array(cap));
    }
    let starts = 0;
    for (const x of readings) {
      const sid = a.termStem(x.stem);
      if (sid >= 0 && a.startsTerm(sid)) starts = 1;
      this.readingStem[r] = sid;
      this.readingStripped[r] = x.stripped;
      r++;
    }
    this.readingStart[id + 1] = r;
    this.starts[id] = starts;
    const [kp, kpStripped] = a.keyphrase(readings);
    this.kp[id] = kp;
    this.kpStripped[id] = kpStripped;
    this.size = id + 1;
  }

  private reset(): void {
    this.size = 0;
    this.forms = [];
    this.kinds = [];
    this.hashes = [];
    this.slots.fill(0);
    this.onReset();
  }
}

function grown<A extends Uint8Array | Int32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}
