/**
 * Exact-span scoring of predicted mentions against gold, counted as conlleval counts phrases:
 * a prediction is correct only when its span and type both equal a gold span's; a prediction of
 * the right span with another type is one false positive plus one false negative.
 * Spans can be token ranges (CoNLL gold) or character ranges (JSONL gold); each document's gold
 * and predictions are sets, so a repeated span counts once.
 */

/** A span with a type; units are the caller's (tokens or UTF-16 code units), end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** True positives, false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Counts with precision, recall and F1 (0 when undefined). */
export interface Score extends Readonly<Counts> {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** The outcome of comparing one document. */
export interface DocumentComparison {
  readonly tp: readonly Span[];
  readonly fp: readonly Span[];
  readonly fn: readonly Span[];
}

const key = (s: Span): string => `${s.start},${s.end},${s.type}`;

/**
 * Compares a document's predictions with its gold. `optional` gold spans are neither rewarded
 * nor punished: a prediction on exactly such a span (any type) is ignored, and a missed one is
 * not a false negative.
 *
 * @example
 * ```ts
 * compareSpans([{ start: 0, end: 1, type: 'LOC' }], [{ start: 0, end: 1, type: 'PER' }])
 * // { tp: [], fp: [{ start: 0, end: 1, type: 'PER' }], fn: [{ start: 0, end: 1, type: 'LOC' }] }
 * ```
 */
export function compareSpans(gold: readonly Span[], pred: readonly Span[], optional: readonly Span[] = []): DocumentComparison {
  const goldMap = new Map(gold.map((s) => [key(s), s]));
  const predMap = new Map(pred.map((s) => [key(s), s]));
  const optSpans = new Set(optional.map((s) => `${s.start},${s.end}`));
  const tp: Span[] = [];
  const fp: Span[] = [];
  const fn: Span[] = [];
  for (const [k, s] of predMap) {
    if (goldMap.has(k)) tp.push(s);
    else if (!optSpans.has(`${s.start},${s.end}`)) fp.push(s);
  }
  for (const [k, s] of goldMap) if (!predMap.has(k)) fn.push(s);
  const bySpan = (a: Span, b: Span): number => a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
  return { tp: tp.sort(bySpan), fp: fp.sort(bySpan), fn: fn.sort(bySpan) };
}

/** Precision, recall and F1 of counts. */
export function score(c: Counts): Score {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: c.tp, fp: c.fp, fn: c.fn, precision, recall, f1 };
}

/** Accumulates comparisons per type; `report()` gives per-type and overall scores. */
export class Scoreboard {
  private readonly counts = new Map<string, Counts>();
  constructor(readonly types: readonly string[]) {
    for (const t of types) this.counts.set(t, { tp: 0, fp: 0, fn: 0 });
  }
  /** Adds one document's comparison. */
  add(c: DocumentComparison): void {
    const bump = (s: Span, k: keyof Counts): void => {
      let x = this.counts.get(s.type);
      if (!x) { x = { tp: 0, fp: 0, fn: 0 }; this.counts.set(s.type, x); }
      x[k]++;
    };
    for (const s of c.tp) bump(s, 'tp');
    for (const s of c.fp) bump(s, 'fp');
    for (const s of c.fn) bump(s, 'fn');
  }
  /** Scores per type (the declared types first) and overall (micro-averaged). */
  report(): { readonly types: Readonly<Record<string, Score>>; readonly overall: Score } {
    const types: Record<string, Score> = {};
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const [t, c] of this.counts) {
      types[t] = score(c);
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
    }
    return { types, overall: score(all) };
  }
}
