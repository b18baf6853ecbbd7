/**
 * Keyphrases: candidate phrases of 1–3 content words (no stopwords, no numbers, not crossing
 * punctuation, sentence breaks or entity mentions) and the entity mentions themselves, grouped by
 * light stem (الاحتجاجات/احتجاجات/والاحتجاجات are one) and ranked by TF-IDF: term frequencies from
 * natural's TfIdf fed with our own keys, inverse document frequencies from the shipped background
 * table (`lexicons/topics/df.json`).
 * @internal
 */
import type { Entity } from '../resolve/annotate.js';
import { chooseReading, type TextTokens, type TokenReading } from './stem.js';
import { isStopKey } from './stopwords.js';

/** One occurrence of a keyphrase; half-open UTF-16 offsets into the original input. */
export interface KeyphraseOccurrence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A ranked keyphrase. `text` is its canonical form (the most frequent surface form without
 * proclitics, or the entity's Arabic name), `stem` the grouping key, `score` its TF-IDF.
 */
export interface Keyphrase {
  readonly text: string;
  readonly score: number;
  readonly stem: string;
  readonly occurrences: readonly KeyphraseOccurrence[];
  /** Set when the keyphrase is an entity. */
  readonly entityId?: string;
}

/** Options of one `keyphrases` call. */
export interface KeyphraseOptions {
  /** At most this many keyphrases. `[limit=10]` */
  readonly limit?: number;
  /** Longest candidate, in words (1–3). `[maxWords=3]` */
  readonly maxWords?: number;
  /** Include entity mentions (PER, LOC, ORG) as keyphrases. `[entities=true]` */
  readonly entities?: boolean;
}

/** Background document frequencies. @internal */
export interface DfTable {
  readonly N: number;
  readonly df: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
}

/** The part of natural's TfIdf we use (submodule `natural/lib/natural/tfidf/tfidf.js`). @internal */
export interface TfIdfCtor {
  new (): { addDocument(doc: string[], key?: string): void; documents: Array<Record<string, number>> };
  tf(term: string, document: Record<string, number>): number;
}

interface Group {
  key: string;
  words: number;
  occurrences: KeyphraseOccurrence[];
  forms: Map<string, number>;
  entityId?: string;
  entityName?: string;
  stems: string[];
}

/** Same formula as natural's TfIdf.idf, on our background table. */
const idfOf = (N: number, df: number): number => 1 + Math.log(N / (1 + df));

/** Extracts ranked keyphrases from one tokenized text. @internal */
export function extractKeyphrases(
  tt: TextTokens,
  entities: readonly Entity[],
  bg: DfTable,
  stops: ReadonlySet<string>,
  TfIdf: TfIdfCtor,
  options: KeyphraseOptions = {},
  memo: Map<readonly TokenReading[], TokenReading | null> = new Map(),
): Keyphrase[] {
  const { text, raw, word } = tt;
  const n = raw.count;
  const limit = options.limit ?? 10;
  const maxWords = Math.min(3, Math.max(1, Math.floor(options.maxWords ?? 3)));
  const dfOf = (stem: string): number => bg.df.get(stem) ?? 0;

  // entity coverage: tokens inside a mention are not plain candidates
  const covered = new Int32Array(n).fill(-1);
  const ents = entities.filter(
    (e) => e && typeof e === 'object' && e.end > e.start && e.start >= 0 && e.end <= text.length,
  );
  ents.forEach((e, ei) => {
    // binary search the first token ending after e.start
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (raw.end[mid]! <= e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < n && raw.start[t]! < e.end; t++) covered[t] = ei;
  });

  // lines repeated verbatim (a headline or photo caption printed twice) count once for tf
  const repeated: Array<[number, number]> = [];
  {
    const seenLines = new Set<string>();
    let pos = 0;
    for (const line of text.split('\n')) {
      const key = line.trim();
      if (key.length > 20) {
        if (seenLines.has(key)) repeated.push([pos, pos + line.length]);
        else seenLines.add(key);
      }
      pos += line.length + 1;
    }
  }
  // ranges are sorted and disjoint: binary search keeps this linear in the text, not quadratic
  const isRepeated = (offset: number): boolean => {
    let lo = 0;
    let hi = repeated.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = repeated[mid]!;
      if (offset < s) hi = mid - 1;
      else if (offset >= e) lo = mid + 1;
      else return true;
    }
    return false;
  };

  const groups = new Map<string, Group>();
  const sequence: string[] = [];
  const addOcc = (key: string, words: number, stems: string[], occ: KeyphraseOccurrence, form: string, entity?: Entity): void => {
    let g = groups.get(key);
    if (!g) {
      g = { key, words, occurrences: [], forms: new Map(), stems };
      if (entity?.id) g.entityId = entity.id;
      if (entity?.name) g.entityName = entity.name.ar;
      groups.set(key, g);
    }
    g.occurrences.push(occ);
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    if (!repeated.length || !isRepeated(occ.start)) sequence.push(key);
  };

  // entity mentions
  if (options.entities !== false) {
    for (const e of ents) {
      // demonyms are not keyphrases; agency credits (رويترز, أ.ف.ب) are bylines, not content
      if (e.type === 'NORP' || e.kind === 'news-agency') continue;
      const key = '@' + (e.id ?? e.text);
      addOcc(key, 1, [], { start: e.start, end: e.end, text: e.text }, e.text, e);
    }
  }

  // plain candidates: runs of content tokens
  const chosen: Array<TokenReading | null> = new Array(n).fill(null);
  for (let t = 0; t < n; t++) {
    if (word[t] !== 1 || covered[t] >= 0) continue;
    const rs = tt.readings(t);
    let r = memo.get(rs);
    if (r === undefined) {
      // stopwords (in any clitic reading), short stems and short Latin words are never candidates
      const c = rs.some((x) => isStopKey(x.key, stops)) ? null : chooseReading(rs, dfOf);
      r = c && c.stem.length >= 3 && c.key.length >= 3 ? c : null;
      memo.set(rs, r);
    }
    chosen[t] = r;
  }
  for (let t = 0; t < n; t++) {
    if (!chosen[t]) continue;
    for (let len = 1; len <= maxWords; len++) {
      const last = t + len - 1;
      if (last >= n || !chosen[last] || (len > 1 && raw.breakBefore[last])) break;
      const stems: string[] = [];
      for (let u = t; u <= last; u++) stems.push(chosen[u]!.stem);
      const start = tt.offsetAfter(t, chosen[t]!.stripped);
      const end = raw.end[last]!;
      const surface = text.slice(start, end);
      addOcc(stems.join(' '), len, stems, { start, end, text: surface }, surface);
    }
  }
  if (!groups.size) return [];

  // term frequencies through natural's TfIdf (our own keys; its tokenizer drops Arabic)
  const tfidf = new TfIdf();
  tfidf.addDocument(sequence);
  const doc = tfidf.documents[0]!;

  const scored: Array<{ g: Group; tf: number; score: number }> = [];
  for (const g of groups.values()) {
    const tf = TfIdf.tf(g.key, doc);
    if (tf === 0 || (g.words > 1 && tf < 2 && !g.entityId)) continue;
    let idf: number;
    if (g.key.startsWith('@')) {
      const d = g.entityId !== undefined ? bg.entities.get(g.entityId) : undefined;
      idf = idfOf(bg.N, d ?? 0);
    } else {
      let s = 0;
      for (const st of g.stems) s += idfOf(bg.N, dfOf(st));
      idf = s / g.stems.length;
    }
    scored.push({ g, tf, score: tf * idf * (1 + 0.1 * (g.words - 1)) });
  }
  scored.sort((a, b) => b.score - a.score || b.g.words - a.g.words || a.g.key.localeCompare(b.g.key));

  // a phrase inside a longer kept phrase that occurs as often adds nothing
  const kept: typeof scored = [];
  for (const c of scored) {
    if (kept.length >= limit) break;
    const padded = ' ' + c.g.key + ' ';
    const inside = kept.some((k) => !k.g.key.startsWith('@') && k.g.words > c.g.words && (' ' + k.g.key + ' ').includes(padded) && k.tf >= c.tf);
    if (inside) continue;
    // drop shorter kept phrases that this longer one covers with the same frequency
    for (let i = kept.length - 1; i >= 0; i--) {
      const k = kept[i]!;
      if (!c.g.key.startsWith('@') && c.g.words > k.g.words && (' ' + c.g.key + ' ').includes(' ' + k.g.key + ' ') && c.tf >= k.tf) kept.splice(i, 1);
    }
    kept.push(c);
  }
  return kept.map(({ g, score }) => {
    let canonical = g.entityName;
    if (!canonical) {
      // the most frequent surface form; on a tie the one with fewer diacritics
      let bestN = -1;
      let bestMarks = Infinity;
      for (const [form, cnt] of g.forms) {
        const marks = form.replace(/[^\u064B-\u065F\u0670\u0640]/g, '').length;
        if (cnt > bestN || (cnt === bestN && marks < bestMarks)) {
          bestN = cnt;
          bestMarks = marks;
          canonical = form;
        }
      }
    }
    return {
      text: canonical!,
      score: Math.round(score * 1000) / 1000,
      stem: g.key,
      occurrences: g.occurrences.slice().sort((a, b) => a.start - b.start),
      ...(g.entityId ? { entityId: g.entityId } : {}),
    };
  });
}
