import { createRequire } from '../builtins.js';

type FrancAll = (value: string, options?: { only?: string[]; minLength?: number }) => Array<[string, number]>;
let francAllFn: FrancAll | undefined;
/**
 * franc, loaded on first use: its trigram tables take ~30 ms to load, which import must not pay.
 * Node ≥ 20.19 can require() an ES module synchronously.
 */
function francAll(value: string, options?: { only?: string[]; minLength?: number }): Array<[string, number]> {
  francAllFn ??= (createRequire(import.meta.url)('franc') as { francAll: FrancAll }).francAll;
  return francAllFn(value, options);
}
import { AalamError, assertText } from '../errors.js';
import { functionWordHits } from './function-words.js';
import { countLetters, scriptLetters, topScript, type LetterCounts, type Script } from './letters.js';

/**
 * The languages franc may answer with unless `only` says otherwise (ISO 639-3, franc's codes).
 *
 * - Arabic script: `arb` (Standard Arabic), `pes` (Persian; franc's Dari model `prs` is left out so
 *   that Persian is one answer, not a coin toss between two near-identical models), `urd`, `pbu` (Pashto).
 * - Latin script: the languages Arabic newsrooms quote and translate: `eng`, `fra`, `spa`, `deu`,
 *   `ita`, `por`, `nld`, `tur`, `ind`. Without the list franc has Scots (`sco`) a close second on
 *   English paragraphs, Catalan on French ones, and answers Dari for most Persian ones.
 * - Others, so that a paragraph in them is reported rather than forced into Arabic or English:
 *   `rus`, `ukr`, `heb`, `ell`, `hin`, `cmn`, `jpn`, `kor`.
 */
export const DEFAULT_LANGUAGES: readonly string[] = Object.freeze([
  'arb', 'pes', 'urd', 'pbu',
  'eng', 'fra', 'spa', 'deu', 'ita', 'por', 'nld', 'tur', 'ind',
  'rus', 'ukr', 'heb', 'ell', 'hin', 'cmn', 'jpn', 'kor',
]);

/** Languages written in the Arabic script, among franc's codes (plus Sorani `ckb`). */
export const ARABIC_SCRIPT_LANGUAGES: ReadonlySet<string> = new Set(['arb', 'pes', 'prs', 'urd', 'pbu', 'skr', 'uig', 'ckb']);

/** How a language was decided. */
export type LanguageEvidence =
  /** Letters only some candidates write: ے ں ٹ… (Urdu), ټ ښ… (Pashto), ي ك ى ة with none of ی ک پ چ ژ گ (Arabic). */
  | 'letters'
  /** franc's trigram models, restricted to `only` and to the text's script. */
  | 'franc'
  /** Latin text too short for franc: three or more function words of one language (the, of, is…), twice any other's. */
  | 'words'
  /** Too little text: a paragraph took the language of its neighbours or of the document. */
  | 'context'
  /** Nothing to go on: `fallback` (`und` unless set). */
  | 'fallback';

/** The language of one text. */
export interface LanguageGuess {
  /** ISO 639-3 code as franc spells it (`arb`, `pes`, `urd`, `eng`, …), or `und`. */
  readonly language: string;
  /**
   * 0–1, only comparable between guesses with the same `by`. `franc`: 1 minus the runner-up's
   * normalized franc score (0 is a tie; franc's scores bunch together on long text, so it is small
   * even when the answer is clear). `letters`: n / (n + 1) for n decisive letters. `words`: 1 minus
   * the runner-up's share of function words. Absent for `context` and `fallback`.
   */
  readonly confidence?: number;
  /** Script with the most letters. */
  readonly script: Script;
  readonly by: LanguageEvidence;
}

/** Options of `detectLanguage` (and of `paragraphs`). */
export interface DetectOptions {
  /**
   * Languages that may be answered, franc's ISO 639-3 codes; also limits the letter rules
   * (without `urd`, Urdu letters decide nothing). `[only=DEFAULT_LANGUAGES]`
   */
  readonly only?: readonly string[];
  /**
   * Letters of the text's main script needed before franc is asked: this many for Arabic-script
   * text, twice as many for Latin (and at least this many of them in lower-case words, so that a
   * line of names is not read as a language), a quarter for other scripts. Shorter text is decided
   * by the letter rules alone or not at all (`und`). franc's own `minLength`, which counts every
   * code unit including spaces and digits, is set to 1: this gate replaces it. `[minLength=20]`
   */
  readonly minLength?: number;
  /** Answer when nothing decides. `[fallback='und']` */
  readonly fallback?: string;
}

/** @internal */
export interface ResolvedOptions {
  readonly only: readonly string[];
  readonly onlySet: ReadonlySet<string>;
  readonly arabicOnly: readonly string[];
  readonly minLength: number;
  readonly fallback: string;
}

/**
 * Letters franc needs, as a multiple of `minLength`, by script. Measured on the samples in
 * corpus/language (docs/language.md): among arb/pes/urd franc is right 98% of the time from 20
 * letters; among the Latin languages only from 40 (English, Dutch, French and German share many
 * trigrams); a script with one language (Greek, Hangul) needs no length at all.
 */
const SCRIPT_FACTOR: Readonly<Record<'Latin' | 'other', number>> = { Latin: 2, other: 0.25 };

/** franc's margin (1 − runner-up score) needed to call Urdu a text without Urdu's own letters. */
const URDU_MARGIN = 0.2;

/** franc margin under which function words break a tie between Latin languages. */
const CLOSE_CALL = 0.1;

/** Sample handed to franc; franc itself never reads past 2048 code units. */
const FRANC_SAMPLE = 2048;

let defaultOptions: ResolvedOptions | undefined;

/** @internal */
export function resolveOptions(options: DetectOptions | undefined): ResolvedOptions {
  // The defaults are resolved once: every annotate() call asks for them.
  if (options?.only === undefined && options?.minLength === undefined && options?.fallback === undefined) {
    return (defaultOptions ??= Object.freeze(resolve(undefined)));
  }
  return resolve(options);
}

function resolve(options: DetectOptions | undefined): ResolvedOptions {
  const only = options?.only ?? DEFAULT_LANGUAGES;
  if (!Array.isArray(only) || only.some((l) => typeof l !== 'string')) {
    throw new AalamError('E_OPTION', 'only must be an array of ISO 639-3 codes', only);
  }
  const minLength = options?.minLength ?? 20;
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new AalamError('E_OPTION', 'minLength must be a positive integer', minLength);
  }
  const fallback = options?.fallback ?? 'und';
  if (typeof fallback !== 'string') throw new AalamError('E_OPTION', 'fallback must be a string', fallback);
  return {
    only,
    onlySet: new Set(only),
    arabicOnly: only.filter((l) => ARABIC_SCRIPT_LANGUAGES.has(l)),
    minLength,
    fallback,
  };
}

const byLetters = (language: string, n: number): LanguageGuess => ({ language, confidence: n / (n + 1), script: 'Arabic', by: 'letters' });

/**
 * Arabic-script text: letters first, franc only where the letters leave a choice.
 *
 * - Arabic evidence is `ي ك ى ة`; Persian-family evidence is `ی ک پ چ ژ گ` (and the Urdu and
 *   Pashto letters). Arabic evidence four times the other (and at least 4 letters): Arabic, whatever
 *   stray letters it has (ھذه typed on another keyboard).
 * - Otherwise `ے ں ٹ ڈ ڑ ھ ہ` (≥ 2, ≥ 1% of the letters): Urdu; `ټ ځ څ ډ ړ ږ ښ ڼ ۍ ې`: Pashto. No
 *   Arabic or Persian text writes them.
 * - Only Arabic evidence: Arabic, at any length. Teh marbuta at 2 % of the letters or more (3 at
 *   least) with ی ک typed for ي ك: Arabic too.
 * - From here on `minLength` letters are needed. Only Persian-family evidence, no Urdu or Pashto
 *   letter: franc between pes and urd, Urdu only with a margin of `URDU_MARGIN`. Otherwise franc
 *   among the allowed Arabic-script languages, without arb when there is no Arabic evidence or
 *   when ی ک are typed and ي ك are not (Urdu, again, only with the margin or an Urdu letter).
 * - Too short for franc: Persian when it has `پ چ ژ گ` and `ی ک` and no Arabic evidence; else, or
 *   with no evidence at all, not decided (the context decides).
 */
function arabicScript(c: LetterCounts, o: ResolvedOptions, sample: () => string): LanguageGuess | undefined {
  const a = c.arabic;
  const arabic = c.arabicYehKaf + c.tehMarbuta;
  const perso = c.farsiYehKaf + c.persian + c.urdu + c.pashto;
  // Arabic spelling outweighing four to one the others' letters: Arabic with a few stray ones (ھذه
  // typed on another keyboard, گ in an Iraqi word, a Persian name). Urdu and Pashto never write ي ك.
  const arabicSpelling = arabic >= 4 && arabic >= 4 * perso;
  if (!arabicSpelling) {
    if (c.urdu >= 2 && c.urdu * 100 >= a && o.onlySet.has('urd')) return byLetters('urd', c.urdu);
    if (c.pashto >= 2 && c.pashto * 100 >= a && o.onlySet.has('pbu')) return byLetters('pbu', c.pashto);
  }
  if (arabic === 0 && perso === 0) return undefined;
  if ((perso === 0 || arabicSpelling) && o.onlySet.has('arb')) return byLetters('arb', arabic);
  // ی ک typed for ي ك (a Persian keyboard), with the teh marbuta of Arabic spelling (2 % of the
  // letters or more; Persian and Urdu spell without it): Arabic
  if (c.tehMarbuta >= 3 && c.tehMarbuta * 50 >= a && c.urdu === 0 && c.pashto === 0 && o.onlySet.has('arb')) return byLetters('arb', c.tehMarbuta);
  if (a < o.minLength) {
    // too short for franc, but پ چ ژ گ with ی ک and not one letter of Arabic spelling is never
    // Arabic (سفر پوتین به تهران): Persian, whose short lines without Urdu's own letters these are
    if (arabic === 0 && c.persian > 0 && c.farsiYehKaf > 0 && c.urdu === 0 && c.pashto === 0 && o.onlySet.has('pes')) return byLetters('pes', perso);
    return undefined;
  }
  if (arabic === 0 && c.urdu === 0 && c.pashto === 0) return persianOrUrdu(fromFranc(sample(), o.arabicOnly.filter((l) => l === 'pes' || l === 'urd'), 'Arabic'), o);
  // (ی ک typed and ي ك not: arb only if some teh marbuta says Arabic spelling, as a Gulf chat line on a
  // Persian keyboard does; franc then decides, and reads real Persian as Persian by a wide margin)
  const noArb = arabic === 0 || (c.farsiYehKaf > 0 && c.arabicYehKaf === 0 && c.tehMarbuta === 0);
  const g = fromFranc(sample(), noArb ? o.arabicOnly.filter((l) => l !== 'arb') : o.arabicOnly, 'Arabic');
  return c.urdu === 0 ? persianOrUrdu(g, o) : g;
}

/** Urdu without one of Urdu's own letters (کے ہے میں نے) only when franc is sure; else Persian. */
function persianOrUrdu(g: LanguageGuess | undefined, o: ResolvedOptions): LanguageGuess | undefined {
  return g && g.language === 'urd' && (g.confidence ?? 0) < URDU_MARGIN && o.onlySet.has('pes') ? { ...g, language: 'pes' } : g;
}

/** Function words decide short Latin text on their own: 3 or more, twice the runner-up's. */
function byFunctionWords(sample: string, o: ResolvedOptions): LanguageGuess | undefined {
  let best = '';
  let first = 0;
  let second = 0;
  for (const lang of o.only) {
    const h = functionWordHits(sample, lang);
    if (h > first) { second = first; first = h; best = lang; }
    else if (h > second) second = h;
  }
  return first >= 3 && first >= 2 * second ? { language: best, confidence: 1 - second / first, script: 'Latin', by: 'words' } : undefined;
}

function fromFranc(sample: string, only: readonly string[], script: Script): LanguageGuess | undefined {
  if (only.length === 0) return undefined;
  // franc's own minLength (code units, spaces and digits included) is replaced by our letter gate.
  const all = francAll(sample, { only: only as string[], minLength: 1 });
  const [top, second] = all;
  if (!top || top[0] === 'und') return undefined;
  const confidence = second ? Math.max(0, Math.min(1, 1 - second[1])) : 1;
  if (script === 'Latin' && confidence < CLOSE_CALL) {
    // A close call between Latin languages: the one with clearly more function words wins.
    let best = top[0];
    let bestHits = functionWordHits(sample, best);
    for (const [lang] of all.slice(1, 3)) {
      const h = functionWordHits(sample, lang);
      if (h >= 2 && h > bestHits) { best = lang; bestHits = h; }
    }
    if (best !== top[0]) return { language: best, confidence, script, by: 'franc' };
  }
  return { language: top[0], confidence, script, by: 'franc' };
}

/** A web address or an e-mail address, to its next space. */
const WEB_ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|[\w.+-]+@[\w-]+\.[\w.-]+/gi;

/**
 * The web and e-mail addresses of a text, as `[start, end)` pairs in text order (none without
 * `://`, `www.` or `@`: the common case costs three scans for those marks). @internal
 */
export function webAddressSpans(text: string): Array<readonly [number, number]> {
  if (!hasWebAddress(text, 0, text.length)) return [];
  const out: Array<readonly [number, number]> = [];
  for (const m of text.matchAll(WEB_ADDRESS)) out.push([m.index, m.index + m[0].length] as const);
  return out;
}

/** Whether `text[start, end)` may hold a web or e-mail address (`://`, `www.` or `@`). */
function hasWebAddress(text: string, start: number, end: number): boolean {
  // (on the range only: indexOf from `start` would read on to the end of a long text for each paragraph)
  const range = start === 0 && end === text.length ? text : text.slice(start, end);
  return range.includes('://') || range.includes('www.') || range.includes('@');
}

/**
 * The language of `text[start, end)` by letters, then franc. `undefined` when neither decides.
 * @internal
 */
export function guessRange(text: string, start: number, end: number, o: ResolvedOptions, counts?: LetterCounts): LanguageGuess | undefined {
  const c = counts ?? countLetters(text, start, end);
  const script = topScript(c);
  if (script === 'none') return undefined;
  // web addresses are letters of no language (a URL line made an Arabic article French): the range
  // is read again without them (Arabic-script text is decided by its Arabic letters anyway)
  if (script !== 'Arabic' && hasWebAddress(text, start, end)) {
    const range = text.slice(start, end);
    const rest = range.replace(WEB_ADDRESS, ' ');
    // (a mark that starts no address, "@ Le": nothing to take out)
    if (rest !== range) return guessRange(rest, 0, rest.length, o);
  }
  const n = scriptLetters(c, script);
  const sample = () => text.slice(start, Math.min(end, start + FRANC_SAMPLE));
  if (script === 'Arabic') return arabicScript(c, o, sample);
  if (n < Math.ceil(o.minLength * SCRIPT_FACTOR[script])) return script === 'Latin' ? byFunctionWords(sample(), o) : undefined;
  // A line of names ("Canadian Prime Minister Justin Trudeau", a Title Case headline) says nothing
  // about its language; franc reads one as Turkish. Lower-case words must carry the decision.
  if (script === 'Latin' && (c.latinLower < o.minLength || c.latinLower * 3 < c.latin)) return undefined;
  // Arabic-script languages are left out: the text is mostly another script.
  return fromFranc(sample(), o.only.filter((l) => !ARABIC_SCRIPT_LANGUAGES.has(l)), script);
}

/**
 * Detects the language of a text: letters first (cheap and decisive for Arabic, Persian, Urdu and
 * Pashto spelling), then franc restricted to `only` and to the text's main script. Never throws on
 * a string; "no answer" is `language: 'und'` (or `fallback`).
 *
 * Short text is not guessed: below `minLength` letters (40 for Latin) only the letter rules can
 * decide, so a short line is not turned into French or Turkish, and `'und'` tells the caller to use
 * the document's language (`paragraphs` does that). A short Arabic line with a Latin acronym is
 * still Arabic: its Arabic letters decide (`وصلت قوات (CSTO) إلى ألماتي.` → `arb`).
 *
 * @param text - Any string.
 * @param options - `[only=DEFAULT_LANGUAGES]`, `[minLength=20]`, `[fallback='und']`.
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string, `E_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * detectLanguage('قال الرئيس الكازاخستاني إن الوضع هادئ')
 * // { language: 'arb', confidence: 0.75, script: 'Arabic', by: 'letters' }   (ي ك ي: Arabic spelling)
 * detectLanguage('وزیر امور خارجه ایران وارد مسکو شد')
 * // { language: 'pes', confidence: 0.53, script: 'Arabic', by: 'franc' }     (ی ک: never Arabic)
 * detectLanguage('وزیر خزانہ نے کہا کہ حکومت مذاکرات جاری رکھے گی')
 * // { language: 'urd', confidence: 0.86, script: 'Arabic', by: 'letters' }   (ہ ے)
 * detectLanguage('Reuters could not independently verify the figures released on Monday.')
 * // { language: 'eng', confidence: 0.25, script: 'Latin', by: 'franc' }
 * detectLanguage('(CSTO)')
 * // { language: 'und', script: 'Latin', by: 'fallback' }
 * ```
 */
export function detectLanguage(text: string, options?: DetectOptions): LanguageGuess {
  assertText(text, 'detectLanguage');
  const o = resolveOptions(options);
  const c = countLetters(text, 0, text.length);
  return guessRange(text, 0, text.length, o, c) ?? { language: o.fallback, script: topScript(c), by: 'fallback' };
}
