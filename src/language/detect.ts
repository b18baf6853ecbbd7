import { francAll } from 'franc';
import { AalamError, assertText } from '../errors.js';
import { countLetters, scriptLetters, topScript, type LetterCounts, type Script } from './letters.js';

/**
 * The languages franc may answer with unless `only` says otherwise (ISO 639-3, franc's codes).
 *
 * - Arabic script: `arb` (Standard Arabic), `pes` (Persian; franc's Dari model `prs` is left out so
 *   that Persian is one answer, not a coin toss between two near-identical models), `urd`, `pbu` (Pashto).
 * - Latin script: the languages Arabic newsrooms quote and translate: `eng`, `fra`, `spa`, `deu`,
 *   `ita`, `por`, `nld`, `tur`, `ind`. Without the list franc answers Scots (`sco`) or Afrikaans for
 *   short English and Catalan for short French.
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
  /** Letters only one of the candidate languages writes (ے for Urdu; ی ک with no ي ك for Persian; ة ى ال with no Persian letters for Arabic). */
  | 'letters'
  /** franc's trigram models, restricted to `only` and to the text's script. */
  | 'franc'
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
   * normalized franc score (0 is a tie). `letters`: n / (n + 1) for n decisive letters. Absent
   * for `fallback`.
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
   * Letters of the text's main script needed before franc is asked (franc's own `minLength`,
   * which counts every code unit including spaces and digits, is set to the same number and so
   * never binds first). Shorter text is decided by letters alone or not at all. Scripts other than
   * Arabic and Latin need a quarter of it (one CJK character says more than one Latin letter).
   * `[minLength=20]`
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

/** Sample handed to franc; franc itself never reads past 2048 code units. */
const FRANC_SAMPLE = 2048;

/** @internal */
export function resolveOptions(options: DetectOptions | undefined): ResolvedOptions {
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

const byLetters = (language: string, n: number, script: Script): LanguageGuess => ({ language, confidence: n / (n + 1), script, by: 'letters' });

/** Persian-keyboard orthography: ی ک clearly outnumber ي ك ى. */
const persoOrthography = (c: LetterCounts): boolean => c.farsiYehKaf >= 2 && c.farsiYehKaf >= 4 * c.arabicYehKaf;

/** The letter rules for Arabic-script text, most specific first. `undefined`: not decided by letters. */
function arabicScriptByLetters(c: LetterCounts, o: ResolvedOptions): LanguageGuess | undefined {
  const a = c.arabic;
  // ے ں ٹ ڈ ڑ ھ ہ: no Arabic or Persian text writes them; 1% keeps a stray one from deciding.
  if (c.urdu >= 2 && c.urdu * 100 >= a && o.onlySet.has('urd')) return byLetters('urd', c.urdu, 'Arabic');
  if (c.pashto >= 2 && c.pashto * 100 >= a && o.onlySet.has('pbu')) return byLetters('pbu', c.pashto, 'Arabic');
  if (c.urdu > 0 || c.pashto > 0) return undefined;
  if (persoOrthography(c) && o.onlySet.has('pes')) return byLetters('pes', c.farsiYehKaf + c.persian, 'Arabic');
  // Arabic spelling and nothing Persian: ي ك ة, and at least one of ة ى ال (legacy Persian typed
  // with ي ك has none of those three, and goes to franc).
  if (
    c.arabicYehKaf + c.tehMarbuta >= 2 && c.tehMarbuta + c.alefMaksura + c.article >= 1 &&
    c.farsiYehKaf === 0 && c.persian === 0 && o.onlySet.has('arb')
  ) {
    return byLetters('arb', c.tehMarbuta + c.alefMaksura + c.article, 'Arabic');
  }
  return undefined;
}

function fromFranc(sample: string, only: readonly string[], minLength: number, script: Script): LanguageGuess | undefined {
  if (only.length === 0) return undefined;
  const all = francAll(sample, { only: only as string[], minLength });
  const [top, second] = all;
  if (!top || top[0] === 'und') return undefined;
  return { language: top[0], confidence: second ? Math.max(0, Math.min(1, 1 - second[1])) : 1, script, by: 'franc' };
}

/**
 * The language of `text[start, end)` by letters, then franc. `undefined` when neither decides.
 * @internal
 */
export function guessRange(text: string, start: number, end: number, o: ResolvedOptions, counts?: LetterCounts): LanguageGuess | undefined {
  const c = counts ?? countLetters(text, start, end);
  const script = topScript(c);
  if (script === 'none') return undefined;
  const n = scriptLetters(c, script);
  const sample = () => text.slice(start, Math.min(end, start + FRANC_SAMPLE));
  if (script === 'Arabic') {
    const byLetter = arabicScriptByLetters(c, o);
    if (byLetter) return byLetter;
    if (n < o.minLength) return undefined;
    // Persian orthography rules Arabic out even when arb is allowed (only reached when pes is not).
    const candidates = persoOrthography(c) ? o.arabicOnly.filter((l) => l !== 'arb') : o.arabicOnly;
    return fromFranc(sample(), candidates, o.minLength, script);
  }
  if (n < (script === 'other' ? Math.ceil(o.minLength / 4) : o.minLength)) return undefined;
  // Arabic-script languages are left out: the text is mostly another script.
  const guess = fromFranc(sample(), o.only.filter((l) => !ARABIC_SCRIPT_LANGUAGES.has(l)), 1, script);
  return guess;
}

/**
 * Detects the language of a text: letters first (cheap and decisive for Arabic, Persian, Urdu and
 * Pashto spelling), then franc restricted to `only` and to the text's main script. Never throws on
 * a string; "no answer" is `language: 'und'` (or `fallback`).
 *
 * Short text is not guessed: below `minLength` letters only the letter rules can decide, so a
 * short Arabic line with a Latin acronym is not turned into French, and `'und'` tells the caller to
 * use the document's language (`paragraphs` does that).
 *
 * @param text - Any string.
 * @param options - `[only=DEFAULT_LANGUAGES]`, `[minLength=20]`, `[fallback='und']`.
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string, `E_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * detectLanguage('قال الرئيس الكازاخستاني إن الوضع هادئ').language         // 'arb' (by: 'letters')
 * detectLanguage('وزیر امور خارجه ایران وارد مسکو شد').language             // 'pes'
 * detectLanguage('وزیر خزانہ نے کہا کہ حکومت مذاکرات جاری رکھے گی').language // 'urd'
 * detectLanguage('Reuters could not verify the figures.').language          // 'eng' (by: 'franc')
 * detectLanguage('(CSTO)').language                                         // 'und'
 * ```
 */
export function detectLanguage(text: string, options?: DetectOptions): LanguageGuess {
  assertText(text, 'detectLanguage');
  const o = resolveOptions(options);
  const c = countLetters(text, 0, text.length);
  return guessRange(text, 0, text.length, o, c) ?? { language: o.fallback, script: topScript(c), by: 'fallback' };
}
