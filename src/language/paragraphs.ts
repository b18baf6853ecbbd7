import { AalamError, assertText } from '../errors.js';
import { isInvisible, isSpace } from '../tokenize/chars.js';
import { ARABIC_SCRIPT_LANGUAGES, guessRange, resolveOptions, type DetectOptions, type LanguageEvidence, type ResolvedOptions } from './detect.js';
import { codeUnits, emptyCounts, isLatinUnit, newTally, SHARED_UNITS, takeTally, tallyLine, topScript, type LetterCounts, type Script } from './letters.js';

/**
 * One paragraph and its language.
 *
 * `start`/`end` are UTF-16 code units of the ORIGINAL input, half-open, trimmed of white space and
 * invisible format marks at both ends: `input.slice(start, end)` is the paragraph's text.
 */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** ISO 639-3 (`arb`, `pes`, `urd`, `eng`, …) or `und`. */
  readonly language: string;
  /** Script with the most letters (`none`: digits and punctuation only). */
  readonly script: Script;
  /** `context`: too short to decide, took a neighbour's or the document's language. */
  readonly by: LanguageEvidence;
  readonly confidence?: number;
}

/** Options of `paragraphs` and `analyzeLanguage`. */
export interface ParagraphOptions extends DetectOptions {
  /**
   * `line`: every line break ends a paragraph (news copy puts one paragraph per line, and a quote
   * on its own line gets its own language). `blank`: only blank lines do; the lines between are one
   * paragraph (hard-wrapped text). `[split='line']`
   */
  readonly split?: 'line' | 'blank';
}

/** The language of a document and of each of its paragraphs. */
export interface LanguageProfile {
  /**
   * The language with the most letters among the paragraphs that could be decided on their own;
   * when none could, the whole text's guess; `und` when even that fails.
   */
  readonly language: string;
  /** Share of the decided letters in `language` (0–1); absent when no paragraph was decided. */
  readonly confidence?: number;
  /** In order, never overlapping; together they cover every non-blank character. */
  readonly paragraphs: readonly Paragraph[];
}

/** A paragraph being decided: its span and block, its letter counts, then its language. */
class Draft implements LetterCounts {
  arabic = 0;
  latin = 0;
  latinLower = 0;
  other = 0;
  urdu = 0;
  pashto = 0;
  persian = 0;
  farsiYehKaf = 0;
  arabicYehKaf = 0;
  tehMarbuta = 0;
  script: Script = 'none';
  language: string | undefined = undefined;
  by: LanguageEvidence = 'fallback';
  confidence: number | undefined = undefined;
  constructor(
    readonly start: number,
    public end: number,
    /** Paragraphs in one block (no blank line between them) share it. */
    readonly block: number,
  ) {}
}

const isBlank = (c: number): boolean => isSpace(c) || isInvisible(c);

/** Reused by `split`: analyzeLanguage is synchronous, one call at a time per thread. */
const tally = newTally();

/**
 * Where the window of a long text that starts at `base` ends: a text is read in windows of at most
 * `SHARED_UNITS` code units (copying a 100 MB text whole cost a 200 MB buffer, and its pages),
 * cut after a line break in the window's second half, else between two units that are not both
 * in a Latin word (a Latin word is counted whole, by its first letter), else after the word.
 */
function windowEnd(text: string, base: number): number {
  const n = text.length;
  const cut = base + SHARED_UNITS;
  if (cut >= n) return n;
  const br = text.lastIndexOf('\n', cut - 1);
  if (br >= base + (SHARED_UNITS >>> 1)) return br + 1;
  let e = cut;
  while (e > base + 1 && isLatinUnit(text.charCodeAt(e - 1)) && isLatinUnit(text.charCodeAt(e))) e--;
  if (e > base + 1) return e;
  e = cut;
  while (e < n && isLatinUnit(text.charCodeAt(e - 1)) && isLatinUnit(text.charCodeAt(e))) e++;
  return e;
}

/**
 * The paragraphs of a text, trimmed, with their letter counts and a block number that changes at
 * every blank line, in one pass: `line` mode ends a paragraph at every line break, `blank` mode
 * joins the non-blank lines of a block. A long text is read window by window (`windowEnd`); a
 * line may go on in the next window, its counts adding up.
 */
function split(text: string, mode: 'line' | 'blank'): Draft[] {
  const out: Draft[] = [];
  let block = 0;
  let i = 0;
  const n = text.length;
  let base = 0;
  let lim = windowEnd(text, 0);
  let units = codeUnits(text, 0, lim);
  let last: Draft | undefined;
  tally.fill(0);
  while (i < n) {
    if (i >= lim) {
      base = i;
      lim = windowEnd(text, base);
      units = codeUnits(text, base, lim);
    }
    // A blank line between paragraphs is the commonest line of all: nothing to count.
    let e = text.charCodeAt(i) === 0x0a ? i : base + tallyLine(units, i - base, lim - base, tally, true);
    while (e === lim && lim < n) {
      base = lim;
      lim = windowEnd(text, base);
      units = codeUnits(text, base, lim);
      e = base + tallyLine(units, 0, lim - base, tally, true);
    }
    let s = i;
    let t = e;
    while (s < t && isBlank(text.charCodeAt(s))) s++;
    while (t > s && isBlank(text.charCodeAt(t - 1))) t--;
    if (s < t) {
      // Blanks are no letters: the counts of the whole line are those of its trimmed part.
      if (mode === 'blank' && last && last.block === block) last.end = t;
      else out.push((last = new Draft(s, t, block)));
      takeTally(tally, last);
    } else block++;
    // \r\n is one break; any other break character is one on its own.
    i = e + (e + 1 < n && text.charCodeAt(e) === 0x0d && text.charCodeAt(e + 1) === 0x0a ? 2 : 1);
  }
  return out;
}

/** Can a short paragraph in `script` take `language` from its context? */
function compatible(script: Script, language: string | undefined): language is string {
  if (!language || language === 'und') return false;
  // An Arabic-script line never becomes English or French; a Latin line (an acronym, a byline, a
  // name) or one without letters takes whatever surrounds it.
  return script !== 'Arabic' || ARABIC_SCRIPT_LANGUAGES.has(language);
}

/** Letters of the paragraphs' main scripts: what a paragraph weighs in the document's language. */
const lettersOf = (d: LetterCounts): number => d.arabic + d.latin + d.other;

/** The language with the most letters among the paragraphs decided on their own (none is by `context` yet). */
function documentLanguage(text: string, drafts: readonly Draft[], o: ResolvedOptions): { language: string; confidence?: number } {
  // Few languages: parallel arrays in first-seen order (ties go to the first seen).
  const langs: string[] = [];
  const weights: number[] = [];
  let total = 0;
  for (const d of drafts) {
    if (d.language === undefined) continue;
    const w = lettersOf(d);
    const k = langs.indexOf(d.language);
    if (k < 0) { langs.push(d.language); weights.push(w); } else weights[k] += w;
    total += w;
  }
  let best = -1;
  let bestW = -1;
  for (let k = 0; k < langs.length; k++) if (weights[k]! > bestW) { best = k; bestW = weights[k]!; }
  if (best >= 0) return { language: langs[best]!, confidence: total ? bestW / total : 1 };
  // Every paragraph is short: the whole text together may still say something. Its letters are
  // those of its paragraphs (blanks and breaks are none, and no word spans a line break).
  const whole = emptyCounts();
  for (const d of drafts) {
    whole.arabic += d.arabic; whole.latin += d.latin; whole.latinLower += d.latinLower; whole.other += d.other;
    whole.urdu += d.urdu; whole.pashto += d.pashto; whole.persian += d.persian;
    whole.farsiYehKaf += d.farsiYehKaf; whole.arabicYehKaf += d.arabicYehKaf; whole.tehMarbuta += d.tehMarbuta;
  }
  const g = guessRange(text, 0, text.length, o, whole);
  return g ? { language: g.language } : { language: o.fallback };
}

/**
 * The language of a document and of each paragraph. Paragraphs long enough are decided on their
 * own (letters, then franc; see `detectLanguage`); a short one takes the language of the nearest
 * decided paragraph in the same block (no blank line between), else the document's, provided the
 * scripts agree: a Latin line inside an Arabic article (`(CSTO)`, `Reuters`) is Arabic, an
 * Arabic-script line is never English.
 *
 * @param text - Any string.
 * @param options - `[split='line']`, and `detectLanguage`'s `only`, `minLength`, `fallback`.
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string, `E_OPTION` for a bad option.
 *
 * @example
 * ```ts
 * const doc = 'قال رئيس الوزراء الكندي جاستن ترودو إن بلاده تتابع الوضع في كازاخستان عن كثب.\n\n' +
 *   '"Canada is deeply concerned by the violence."\n\n(CSTO)';
 * analyzeLanguage(doc)
 * // { language: 'arb', confidence: 0.64, paragraphs: [
 * //   { start: 0, end: 77, language: 'arb', script: 'Arabic', by: 'letters', confidence: 0.86 },
 * //   { start: 79, end: 124, language: 'eng', script: 'Latin', by: 'words', confidence: 0.67 },
 * //   { start: 126, end: 132, language: 'arb', script: 'Latin', by: 'context' } ] }
 * ```
 */
export function analyzeLanguage(text: string, options?: ParagraphOptions): LanguageProfile {
  assertText(text, 'analyzeLanguage');
  const o = resolveOptions(options);
  const mode = options?.split ?? 'line';
  if (mode !== 'line' && mode !== 'blank') throw new AalamError('E_OPTION', "split must be 'line' or 'blank'", mode);

  const drafts = split(text, mode);
  let undecided = false;
  for (const d of drafts) {
    d.script = topScript(d);
    const g = guessRange(text, d.start, d.end, o, d);
    if (g === undefined) undecided = true;
    else {
      d.language = g.language;
      d.by = g.by;
      d.confidence = g.confidence;
    }
  }
  const doc = documentLanguage(text, drafts, o);

  if (undecided) {
    // A paragraph not decided on its own takes the language of the nearest one that was, in the
    // same block, before it, else after it, else the document's, if the scripts agree. The nearest
    // before, in one pass forward; the nearest after, in the pass backward that decides.
    const before: Array<Draft | undefined> = new Array(drafts.length);
    for (let i = 0, last: Draft | undefined; i < drafts.length; i++) {
      const d = drafts[i]!;
      if (last && last.block !== d.block) last = undefined;
      before[i] = last;
      if (d.language !== undefined) last = d;
    }
    for (let i = drafts.length - 1, next: Draft | undefined; i >= 0; i--) {
      const d = drafts[i]!;
      if (next && next.block !== d.block) next = undefined;
      if (d.language !== undefined) { next = d; continue; }
      const b = before[i]?.language;
      const a = next?.language;
      const lang = compatible(d.script, b) ? b : compatible(d.script, a) ? a : compatible(d.script, doc.language) ? doc.language : undefined;
      if (lang !== undefined) {
        d.language = lang;
        d.by = 'context';
      }
    }
  }

  const paragraphs: Paragraph[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const language = d.language ?? o.fallback;
    const by = d.language === undefined ? 'fallback' : d.by;
    paragraphs[i] = Object.freeze(d.confidence === undefined
      ? { start: d.start, end: d.end, language, script: d.script, by }
      : { start: d.start, end: d.end, language, script: d.script, by, confidence: d.confidence });
  }
  Object.freeze(paragraphs);
  return Object.freeze(doc.confidence === undefined ? { language: doc.language, paragraphs } : { language: doc.language, confidence: doc.confidence, paragraphs });
}

/**
 * The paragraphs of a text with their languages: `analyzeLanguage(text, options).paragraphs`.
 *
 * @example
 * ```ts
 * paragraphs('وصلت قوات (CSTO) إلى ألماتي.\n\nReuters')
 * // [{ start: 0, end: 28, language: 'arb', script: 'Arabic', by: 'letters', confidence: 0.67 },
 * //  { start: 30, end: 37, language: 'arb', script: 'Latin', by: 'context' }]
 * ```
 */
export function paragraphs(text: string, options?: ParagraphOptions): readonly Paragraph[] {
  return analyzeLanguage(text, options).paragraphs;
}
