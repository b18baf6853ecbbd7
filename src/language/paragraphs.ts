import { AalamError, assertText } from '../errors.js';
import { isInvisible, isSpace } from '../tokenize/chars.js';
import { ARABIC_SCRIPT_LANGUAGES, guessRange, resolveOptions, type DetectOptions, type LanguageEvidence, type ResolvedOptions } from './detect.js';
import { addTally, newTally, tallyLine, topScript, type LetterCounts, type Script } from './letters.js';

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

interface Draft {
  start: number;
  end: number;
  /** Paragraphs in one block (no blank line between them) share it. */
  block: number;
  letters: number;
  script: Script;
  language: string | undefined;
  by: LanguageEvidence;
  confidence?: number;
}

const isBlank = (c: number): boolean => isSpace(c) || isInvisible(c);

/** Reused by `draft`: analyzeLanguage is synchronous, one call at a time per thread. */
const tally = newTally();

/**
 * The paragraphs of a text, trimmed, with their letter counts and a block number that changes at
 * every blank line, in one pass: `line` mode ends a paragraph at every line break, `blank` mode
 * joins the non-blank lines of a block.
 */
function split(text: string, mode: 'line' | 'blank'): Array<{ start: number; end: number; block: number; counts: LetterCounts }> {
  const out: Array<{ start: number; end: number; block: number; counts: LetterCounts }> = [];
  let block = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    tally.fill(0);
    const e = tallyLine(text, i, n, tally, true);
    let s = i;
    let t = e;
    while (s < t && isBlank(text.charCodeAt(s))) s++;
    while (t > s && isBlank(text.charCodeAt(t - 1))) t--;
    if (s < t) {
      // Blanks are no letters: the counts of the whole line are those of its trimmed part.
      const last = out[out.length - 1];
      if (mode === 'blank' && last && last.block === block) {
        last.end = t;
        addTally(tally, last.counts);
      } else out.push({ start: s, end: t, block, counts: addTally(tally) });
    } else block++;
    // \r\n is one break; any other break character is one on its own.
    i = e + (text.charCodeAt(e) === 0x0d && text.charCodeAt(e + 1) === 0x0a ? 2 : 1);
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

function documentLanguage(text: string, drafts: Draft[], o: ResolvedOptions): { language: string; confidence?: number } {
  const weight = new Map<string, number>();
  let total = 0;
  for (const d of drafts) {
    if (d.language === undefined || d.by === 'context') continue;
    weight.set(d.language, (weight.get(d.language) ?? 0) + d.letters);
    total += d.letters;
  }
  let best: string | undefined;
  let bestW = -1;
  for (const [lang, w] of weight) if (w > bestW) { best = lang; bestW = w; }
  if (best !== undefined) return { language: best, confidence: total ? bestW / total : 1 };
  // Every paragraph is short: the whole text together may still say something.
  const whole = guessRange(text, 0, text.length, o);
  return whole ? { language: whole.language } : { language: o.fallback };
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

  const drafts: Draft[] = split(text, mode).map(({ start, end, block, counts: c }) => {
    const g = guessRange(text, start, end, o, c);
    const d: Draft = { start, end, block, letters: c.arabic + c.latin + c.other, script: topScript(c), language: g?.language, by: g?.by ?? 'fallback' };
    if (g?.confidence !== undefined) d.confidence = g.confidence;
    return d;
  });
  const doc = documentLanguage(text, drafts, o);

  // Nearest paragraph decided on its own in the same block, before and after: one pass each way.
  const decided = (d: Draft | undefined): boolean => d !== undefined && d.language !== undefined;
  const before: Array<Draft | undefined> = [];
  for (let i = 0, last: Draft | undefined; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (last && last.block !== d.block) last = undefined;
    before.push(last);
    if (decided(d)) last = d;
  }
  const after: Array<Draft | undefined> = new Array(drafts.length);
  for (let i = drafts.length - 1, next: Draft | undefined; i >= 0; i--) {
    const d = drafts[i]!;
    if (next && next.block !== d.block) next = undefined;
    after[i] = next;
    if (decided(d)) next = d;
  }
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.language !== undefined) continue;
    const lang = [before[i]?.language, after[i]?.language, doc.language].find((l) => compatible(d.script, l));
    if (lang !== undefined) {
      d.language = lang;
      d.by = 'context';
    }
  }

  const paragraphs: Paragraph[] = drafts.map((d) => {
    const p: { -readonly [K in keyof Paragraph]: Paragraph[K] } = { start: d.start, end: d.end, language: d.language ?? o.fallback, script: d.script, by: d.language === undefined ? 'fallback' : d.by };
    if (d.confidence !== undefined) p.confidence = d.confidence;
    return Object.freeze(p);
  });
  return Object.freeze({ ...doc, paragraphs: Object.freeze(paragraphs) });
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
