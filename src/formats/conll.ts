/**
 * CoNLL / IOB2 token files: reading them into documents, turning tags into spans and back,
 * and writing annotations as one `TOKEN TAG` line per token.
 *
 * The reading protocol is the one of `/work/shared/eval/score_conll.py` (and of most Arabic NER
 * papers that re-tag ANERcorp with a character-level system): the tokens of a sentence are joined
 * with single spaces, N consecutive sentences (default 10) form one document, joined by `\n`, and a
 * predicted character span is mapped to the tokens it touches.
 */
import { tokenize } from '../tokenize/index.js';

/** One sentence of a CoNLL file: its tokens and the tag column (last column; `O` when absent). */
export interface ConllSentence {
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

/** A document: N consecutive sentences of a CoNLL file. */
export interface ConllDocument {
  readonly id: string;
  readonly sentences: readonly ConllSentence[];
  /** True when a `-DOCSTART-` line came right before this document (it is written back). */
  readonly docstart: boolean;
  /** 1-based line number of the document's first token. */
  readonly line: number;
}

/** The plain text of a CoNLL document and the UTF-16 offsets of its tokens in it (half-open). */
export interface ConllText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A span of tokens `[start, end)` (document-wide token indices) with a type. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Tag names written for each entity type. NORP (demonyms) is always `O`, as in ANERcorp. */
export type Tagset = 'conll' | 'anercorp';

const TAG_NAMES: Readonly<Record<Tagset, Readonly<Record<string, string>>>> = {
  conll: { PER: 'PER', LOC: 'LOC', ORG: 'ORG' },
  anercorp: { PER: 'PERS', LOC: 'LOC', ORG: 'ORG' },
};

/** Gold and predicted type names folded to aalam's (the mapping of score_conll.py). */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  PER: 'PER', PERS: 'PER', PERSON: 'PER',
  LOC: 'LOC', LOCATION: 'LOC', GPE: 'LOC', PLACE: 'LOC',
  ORG: 'ORG', ORGANIZATION: 'ORG', ORGANISATION: 'ORG',
};

/** Python's `str.split()` whitespace, so that a line splits into the same columns as in the scorer. */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const PY_SPACE_ONLY = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Options of `readConll`. */
export interface ReadConllOptions {
  /** Sentences per document. `[chunk=10]` */
  readonly chunk?: number;
  /** Number of the first document id (`d00000`). `[firstId=0]` */
  readonly firstId?: number;
}

/**
 * Reads CoNLL lines (one `TOKEN … TAG` per line, a blank line between sentences) into documents
 * of `chunk` sentences, streaming. The left-to-right mark U+200E is dropped and a BOM skipped, as
 * in score_conll.py; the token is the first column and the tag the last one. A `-DOCSTART-` line
 * closes the current document. Document ids are `d00000`, `d00001`, … in input order.
 *
 * @example
 * ```ts
 * for await (const doc of readConll(['فرانكفورت B-LOC', '(د O', '', 'ألمانيا B-LOC'])) doc.sentences.length // 2
 * ```
 */
export async function* readConll(lines: AsyncIterable<string> | Iterable<string>, options: ReadConllOptions = {}): AsyncGenerator<ConllDocument> {
  const chunk = Math.max(1, options.chunk ?? 10);
  let n = options.firstId ?? 0;
  let lineNo = 0;
  let sentences: ConllSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  let docLine = 0;
  let docstart = false;
  const makeDoc = (): ConllDocument => {
    const doc = { id: 'd' + String(n++).padStart(5, '0'), sentences, docstart, line: docLine };
    sentences = [];
    docstart = false;
    docLine = 0;
    return doc;
  };
  for await (let line of lines) {
    lineNo++;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.includes('\u200e')) line = line.replaceAll('\u200e', '');
    if (PY_SPACE_ONLY.test(line)) {
      if (toks.length) {
        sentences.push({ tokens: toks, tags });
        toks = [];
        tags = [];
        if (sentences.length === chunk) yield makeDoc();
      }
      continue;
    }
    const cols = line.split(PY_SPACE).filter((c) => c !== '');
    if (cols[0] === '-DOCSTART-') {
      if (toks.length) { sentences.push({ tokens: toks, tags }); toks = []; tags = []; }
      if (sentences.length) yield makeDoc();
      docstart = true;
      continue;
    }
    if (!docLine) docLine = lineNo;
    toks.push(cols[0]!);
    tags.push(cols.length > 1 ? cols[cols.length - 1]! : 'O');
  }
  if (toks.length) sentences.push({ tokens: toks, tags });
  if (sentences.length) yield makeDoc();
}

/**
 * Joins a document's tokens with single spaces and its sentences with `\n`, and returns the token
 * offsets (UTF-16 code units, half-open).
 *
 * @example
 * ```ts
 * conllText({ sentences: [{ tokens: ['في', 'ألمانيا'], tags: ['O', 'B-LOC'] }] })
 * // { text: 'في ألمانيا', starts: [0, 3], ends: [2, 10] }
 * ```
 */
export function conllText(doc: Pick<ConllDocument, 'sentences'>): ConllText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  doc.sentences.forEach((s, si) => {
    if (si) { parts.push('\n'); pos++; }
    s.tokens.forEach((tok, ti) => {
      if (ti) { parts.push(' '); pos++; }
      starts.push(pos);
      parts.push(tok);
      pos += tok.length;
      ends.push(pos);
    });
  });
  return { text: parts.join(''), starts, ends };
}

/**
 * IOB2 tags → spans, counted as conlleval does: `B-X` starts a span, `I-X` continues a span of
 * type X and starts one otherwise (an orphan `I-`), `O` ends it. A bare tag `X` (IO scheme) is
 * read as `I-X`. Types are returned as written (`PERS`, `MISC`, …).
 *
 * @example
 * ```ts
 * spansFromTags(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'B-LOC'])
 * // [{ start: 0, end: 2, type: 'PERS' }, { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 5, type: 'LOC' }]
 * ```
 */
export function spansFromTags(tags: readonly string[], offset = 0): TokenSpan[] {
  const out: TokenSpan[] = [];
  let start = -1;
  let type = '';
  const close = (i: number): void => {
    if (start >= 0) out.push({ start: start + offset, end: i + offset, type });
    start = -1;
    type = '';
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O') { close(i); continue; }
    let prefix = tag.slice(0, 2);
    let t = tag.slice(2);
    if (prefix !== 'B-' && prefix !== 'I-') { prefix = 'I-'; t = tag; }
    if (prefix === 'B-' || t !== type) { close(i); start = i; type = t; }
  }
  close(tags.length);
  return out;
}

/** Gold spans of a whole document (token indices run across its sentences). */
export function documentGoldSpans(doc: Pick<ConllDocument, 'sentences'>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let base = 0;
  for (const s of doc.sentences) {
    out.push(...spansFromTags(s.tags, base));
    base += s.tokens.length;
  }
  return out;
}

/** Index of the first token whose end is after `pos` (tokens sorted, non-overlapping). */
function firstTokenEndingAfter(ends: readonly number[], pos: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > pos) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * Maps character spans to the tokens they touch (`tokenStart < end && start < tokenEnd`), as
 * score_conll.py does; spans that touch no token are dropped. Types are kept as given.
 *
 * @example
 * ```ts
 * const t = conllText({ sentences: [{ tokens: ['في', 'بألمانيا'], tags: ['O', 'B-LOC'] }] });
 * charSpansToTokens([{ start: 4, end: 11, type: 'LOC' }], t) // [{ start: 1, end: 2, type: 'LOC' }]
 * ```
 */
export function charSpansToTokens(spans: readonly { start: number; end: number; type: string }[], text: Pick<ConllText, 'starts' | 'ends'>): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    let i = firstTokenEndingAfter(text.ends, sp.start);
    const first = i;
    while (i < text.starts.length && text.starts[i]! < sp.end) i++;
    if (i > first) out.push({ start: first, end: i, type: sp.type });
  }
  return out;
}

/**
 * Spans → one IOB2 tag per token. Spans are taken in order; a token already tagged by an earlier
 * span is left to it (the later span keeps its remaining tokens, or is dropped). Types with no
 * name in the tagset (NORP) are `O`.
 */
export function tagsFromSpans(spans: readonly TokenSpan[], count: number, tagset: Tagset = 'conll'): string[] {
  const names = TAG_NAMES[tagset];
  const tags: string[] = new Array(count).fill('O');
  for (const sp of spans) {
    const name = names[sp.type];
    if (!name) continue;
    let first = true;
    for (let i = sp.start; i < sp.end && i < count; i++) {
      if (tags[i] !== 'O') { if (!first) break; continue; }
      tags[i] = (first ? 'B-' : 'I-') + name;
      first = false;
    }
  }
  return tags;
}

/** Options of the CoNLL writers. */
export interface ConllWriteOptions {
  /** Tag names: `conll` (B-PER, B-LOC, B-ORG) or `anercorp` (B-PERS, B-LOC, B-ORG). `[tagset='conll']` */
  readonly tagset?: Tagset;
  /** Write the input's tag column before the predicted one (`TOKEN GOLD PRED`, what conlleval reads). `[keepTags=false]` */
  readonly keepTags?: boolean;
}

/**
 * Writes a re-tagged CoNLL document: the given tokens, one per line, with the tags of `entities`
 * (character spans in `conllText(doc).text`); a blank line after each sentence.
 */
export function renderConllDocument(
  doc: Pick<ConllDocument, 'sentences' | 'docstart'>,
  entities: readonly { start: number; end: number; type: string }[],
  options: ConllWriteOptions = {},
): string {
  const t = conllText(doc);
  const tags = tagsFromSpans(charSpansToTokens(entities, t), t.starts.length, options.tagset);
  let out = doc.docstart ? (options.keepTags ? '-DOCSTART- O O\n\n' : '-DOCSTART- O\n\n') : '';
  let k = 0;
  for (const s of doc.sentences) {
    for (let i = 0; i < s.tokens.length; i++, k++) {
      out += options.keepTags ? `${s.tokens[i]} ${s.tags[i]} ${tags[k]}\n` : `${s.tokens[i]} ${tags[k]}\n`;
    }
    out += '\n';
  }
  return out;
}

/**
 * Writes a plain-text document as CoNLL: aalam's tokens (`tokenize`), one per line with its
 * IOB2 tag, a blank line after each sentence, and a `-DOCSTART- O` line before the document.
 * Whitespace is not kept, so the columns are not a lossless copy of the text.
 *
 * @example
 * ```ts
 * renderConllText('زار ماكرون بكين', entities)
 * // '-DOCSTART- O\n\nزار O\nماكرون B-PER\nبكين B-LOC\n\n'
 * ```
 */
export function renderConllText(text: string, entities: readonly { start: number; end: number; type: string }[], options: ConllWriteOptions = {}): string {
  const { tokens, sentences } = tokenize(text);
  const starts = tokens.map((t) => t.start);
  const ends = tokens.map((t) => t.end);
  const tags = tagsFromSpans(charSpansToTokens(entities, { starts, ends }), tokens.length, options.tagset);
  let out = '-DOCSTART- O\n\n';
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // A token never holds whitespace; a control or odd space inside one would split the column.
      out += `${tokens[i]!.text.replace(/\s/g, '_')} ${tags[i]}\n`;
    }
    out += '\n';
  }
  return out;
}
