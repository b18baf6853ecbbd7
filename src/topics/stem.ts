/**
 * Light stemming and per-token readings shared by the topic classifier, the keyphrase extractor
 * and `scripts/build-topics.js` (which must compute background frequencies with exactly the same
 * keys). Everything here is a pure function; nothing is built at import.
 * @internal
 */
import { offsetAfterUnits, scanTokens, tokenNorm, type RawTokens } from '../tokenize/index.js';
import { compileTable, optionsMask } from '../normalize/engine.js';
import { procliticReadings } from '../tokenize/clitics.js';
import { normalizeKey } from '../normalize/index.js';
import { assertText } from '../errors.js';

/** Letters a stem keeps at least, after the article and a suffix are removed. */
const MIN_STEM = 3;

/**
 * Suffixes removed by {@link lightStem}, longest first, with what replaces them: the nisba
 * endings keep their ي (الدولية → دولي, not دول "countries").
 */
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['يات', 'ي'],
  ['يون', 'ي'],
  ['يين', 'ي'],
  ['يه', 'ي'],
  ['ات', ''],
  ['ون', ''],
  ['ين', ''],
  ['ه', ''],
];

/**
 * Light stem of a normalized word whose proclitics are already removed: drops the article ال and
 * one plural or feminine suffix (ات ون ين ة, nisba ية/يون/يين/يات → ي), keeping at least three letters.
 *
 * @example
 * ```ts
 * lightStem('الاحتجاجات') // 'احتجاج'
 * lightStem('احتجاجات')   // 'احتجاج'
 * lightStem('الدوليه')    // 'دولي'
 * lightStem('الصين')      // 'صين'
 * ```
 */
export function lightStem(key: string): string {
  assertText(key, 'lightStem');
  let s = key;
  if (s.length - 2 >= MIN_STEM && s.startsWith('ال')) s = s.slice(2);
  for (const [suf, repl] of SUFFIXES) {
    if (s.length - suf.length + repl.length >= MIN_STEM && s.endsWith(suf)) {
      return s.slice(0, s.length - suf.length) + repl;
    }
  }
  return s;
}

/** Stem of a word or phrase written as news writes it (no proclitic stripping beyond the article). */
export function stemPhrase(phrase: string): string[] {
  return normalizeKey(phrase)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => lightStem(w));
}

/** A reading of one token: the clitic-free key, its stem and how many normalized letters were stripped. */
export interface TokenReading {
  readonly key: string;
  readonly stem: string;
  readonly stripped: number;
  /** The word carried the article (ال, or لل for ل + ال). */
  readonly article: boolean;
}

/** Tokens of one text with normalized forms and lazily computed readings. @internal */
export interface TextTokens {
  readonly text: string;
  readonly raw: RawTokens;
  readonly norm: readonly string[];
  /** 1 for Arabic/Latin word tokens, 2 for numbers, 0 otherwise. */
  readonly word: Uint8Array;
  /** Every proclitic reading of token `t` (bare word first); cached per distinct form. */
  readings(t: number): readonly TokenReading[];
  /** Original offset after the first `letters` normalized letters of token `t`. */
  offsetAfter(t: number, letters: number): number;
}

/**
 * Scans `text` into tokens with normalized forms. Readings are computed on demand and cached per
 * distinct normalized form, so repeated words cost one lookup.
 * @internal
 */
export function textTokens(text: string, cache: Map<string, readonly TokenReading[]> = new Map()): TextTokens {
  const raw = scanTokens(text);
  const n = raw.count;
  const { action, expansions } = compileTable(optionsMask(undefined));
  const norm: string[] = new Array(n);
  const word = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const k = raw.kind[t]!;
    norm[t] = tokenNorm(text, raw.start[t]!, raw.end[t]!, action, expansions);
    word[t] = k <= 1 ? 1 : k === 2 ? 2 : 0;
  }
  const readings = (t: number): readonly TokenReading[] => {
    const key = norm[t]!;
    let r = cache.get(key);
    if (r) return r;
    r = wordReadings(key, raw.kind[t] === 0 ? 0 : 1);
    cache.set(key, r);
    return r;
  };
  const offsetAfter = (t: number, letters: number): number =>
    offsetAfterUnits(text, raw.start[t]!, raw.end[t]!, letters, action, expansions);
  return { text, raw, norm, word, readings, offsetAfter };
}

/** Document frequency lookup used to choose between readings. */
export type DfLookup = (stem: string) => number;

/**
 * Chooses the reading of a token used for keyphrases: a clitic followed by the article is taken at
 * once (والاحتجاجات → الاحتجاجات, للحزب → الحزب); otherwise a stripped reading wins when its
 * stem is clearly more frequent in the background corpus than the bare word (بكازاخستان →
 * كازاخستان, but وزير stays وزير), or when the bare word is unknown (not in the background, not a
 * topic-term stem: `known`) and the stripped one is known (ومسابقة → مسابقة, وتهريب → تهريب).
 * @internal
 */
export function chooseReading(readings: readonly TokenReading[], df: DfLookup, known?: (stem: string) => boolean): TokenReading {
  const bare = readings[0]!;
  if (readings.length === 1) return bare;
  let best = bare;
  let bestScore = df(bare.stem);
  const bareUnknown = bestScore === 0 && !(known?.(bare.stem) ?? false);
  for (let i = 1; i < readings.length; i++) {
    const r = readings[i]!;
    if (r.article && r.key.length - 2 >= MIN_STEM) return r;
    const s = df(r.stem);
    if (s > 2 * bestScore + 1 || (best === bare && bareUnknown && r.stem.length >= MIN_STEM && (s > 0 || (known?.(r.stem) ?? false)))) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

/** Every proclitic reading of a normalized word of token kind `kind` (bare word first), with its light stem. @internal */
export function wordReadings(norm: string, kind: number): TokenReading[] {
  if (kind !== 0) return [{ key: norm, stem: norm, stripped: 0, article: false }];
  const readings = procliticReadings(norm);
  const out: TokenReading[] = new Array(readings.length);
  for (let i = 0; i < readings.length; i++) {
    const p = readings[i]!;
    out[i] = { key: p.key, stem: lightStem(p.key), stripped: p.stripped, article: p.article };
  }
  return out;
}
