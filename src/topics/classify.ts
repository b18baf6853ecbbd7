/**
 * Topic classification: weighted term matches (through normalization, clitic readings and light
 * stems) plus entity signals, summed per IPTC Media Topic up the hierarchy and squashed to 0–1.
 * @internal
 */
import type { CompiledTopics, CompiledSignal, TaxonomyEntry } from './compile.js';
import type { DocTokens, WordTable } from './words.js';
import type { Entity } from '../resolve/annotate.js';

/** What made a topic fire: a term or an entity, with offsets into the original text (half-open). */
export interface TopicEvidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The lexicon term that matched (as written in `terms.jsonl`). */
  readonly term?: string;
  /** The entity that gave the signal. */
  readonly entityId?: string;
}

/**
 * One IPTC Media Topic of a document.
 *
 * `score` is 0–1; `evidence` offsets are UTF-16 code units of the ORIGINAL input, half-open:
 * `input.slice(e.start, e.end) === e.text`.
 */
export interface Topic {
  /** `medtop:` QCode. */
  readonly code: string;
  readonly label: { readonly en: string; readonly ar: string };
  readonly score: number;
  /** The broader topic (IPTC hierarchy), absent for top-level topics. */
  readonly parent?: string;
  readonly evidence: readonly TopicEvidence[];
}

/** Options of one `topics` call. */
export interface TopicOptions {
  /** Topics scoring below this are left out. `[minScore=0.5]` */
  readonly minScore?: number;
  /** At most this many topics (best first). `[limit=Infinity]` */
  readonly limit?: number;
  /** Evidence items kept per topic. `[maxEvidence=20]` */
  readonly maxEvidence?: number;
  /** A topic also needs at least this share of the evidence of the strongest topic of its level. `[relative=0.3]` */
  readonly relative?: number;
}

/** Tuning constants, chosen on corpus/topics/dev.jsonl only (see lexicons/topics/README.md). */
export const PARAMS = Object.freeze({
  /** raw evidence that gives a score of 1 − 1/e ≈ 0.63. */
  saturation: 8,
  /** Extra share of a term's weight when it occurs in the headline (the first sentence). */
  headline: 0.5,
  /** Documents longer than this many words have their evidence divided by sqrt(words / this). */
  lengthUnit: 160,
  /** Default of `TopicOptions.relative`. */
  relative: 0.3,
  /** Share of a child's evidence that counts for its parent. */
  childShare: 1,
});

/** A compiled model ready to match. @internal */
export interface TopicRuntime {
  readonly taxonomy: readonly TaxonomyEntry[];
  readonly parent: Int32Array;
  readonly order: readonly number[];
  /** Id of every word (stem) that occurs in a term. */
  readonly stemIds: ReadonlyMap<string, number>;
  /** Terms by the id of their first stem, longest first (equal lengths in model order). */
  readonly byFirst: ReadonlyArray<Int32Array | undefined>;
  /** Per term: its stem ids, display form, topics and weights. */
  readonly termWords: readonly Int32Array[];
  readonly termDisplay: readonly string[];
  readonly termTopics: readonly Int32Array[];
  readonly termWeights: readonly Float64Array[];
  /** Per term: the id of its display form (the evidence key of the classifier). */
  readonly termKey: Int32Array;
  /** Number of distinct display forms. */
  readonly keys: number;
  readonly signals: readonly (CompiledSignal & { readonly re?: RegExp })[];
  /** Signal indices that can match an entity of a given type (model order), and those for any other type. */
  readonly signalsByType: ReadonlyMap<string, readonly number[]>;
  readonly untypedSignals: readonly number[];
  /** Memo of {@link matchingSignals}: type → kind → id → English name → signal indices. */
  readonly signalMemo: { map: Map<string, Map<unknown, Map<unknown, Map<unknown, readonly number[]>>>>; size: number };
}

/** Builds the matching structures of a compiled model. @internal */
export function topicRuntime(model: CompiledTopics): TopicRuntime {
  const index = new Map(model.taxonomy.map((e, i) => [e.code, i] as const));
  const parent = new Int32Array(model.taxonomy.length).fill(-1);
  model.taxonomy.forEach((e, i) => {
    if (e.parent) parent[i] = index.get(e.parent) ?? -1;
  });
  // deepest first, so children are summed into parents before parents are read
  const order = model.taxonomy.map((_, i) => i).sort((a, b) => model.taxonomy[b]!.level - model.taxonomy[a]!.level);
  const stemIds = new Map<string, number>();
  const displayIds = new Map<string, number>();
  const first: number[][] = [];
  const termWords: Int32Array[] = [];
  const termDisplay: string[] = [];
  const termTopics: Int32Array[] = [];
  const termWeights: Float64Array[] = [];
  const termKey = new Int32Array(model.terms.length);
  model.terms.forEach(([key, display, topics], ti) => {
    const words = key.split(' ').map((w) => {
      let id = stemIds.get(w);
      if (id === undefined) stemIds.set(w, (id = stemIds.size));
      return id;
    });
    termWords.push(Int32Array.from(words));
    termDisplay.push(display);
    termTopics.push(Int32Array.from(topics, (x) => x[0]));
    termWeights.push(Float64Array.from(topics, (x) => x[1]));
    let k = displayIds.get(display);
    if (k === undefined) displayIds.set(display, (k = displayIds.size));
    termKey[ti] = k;
    (first[words[0]!] ??= []).push(ti);
  });
  // stable sort: equal lengths keep model order
  const byFirst = Array.from(first, (list) => (list ? Int32Array.from(list.sort((a, b) => termWords[b]!.length - termWords[a]!.length)) : undefined));
  const signals = model.signals.map((s) => (s.en ? { ...s, re: new RegExp(s.en, 'i') } : s));
  const types = new Set<string>();
  for (const s of signals) for (const ty of s.type ?? []) types.add(ty);
  const signalsByType = new Map<string, number[]>();
  for (const ty of types) signalsByType.set(ty, signals.flatMap((s, i) => (s.type === undefined || s.type.includes(ty) ? [i] : [])));
  const untypedSignals = signals.flatMap((s, i) => (s.type === undefined ? [i] : []));
  return {
    taxonomy: model.taxonomy, parent, order, stemIds, byFirst, termWords, termDisplay, termTopics, termWeights, termKey,
    keys: displayIds.size, signals, signalsByType, untypedSignals, signalMemo: { map: new Map(), size: 0 },
  };
}

const has = (list: readonly string[] | undefined, v: string | undefined): boolean =>
  list === undefined || (v !== undefined && list.includes(v));

/** Every condition of a signal but its type (the caller picked signals of the entity's type). */
function signalMatchesRest(s: CompiledSignal & { readonly re?: RegExp }, e: Entity): boolean {
  if (!has(s.kind, e.kind)) return false;
  if (s.id && !(e.id && s.id.includes(e.id))) return false;
  if (s.idPrefix && !(e.id && e.id.startsWith(s.idPrefix))) return false;
  if (s.re && !(e.name && s.re.test(e.name.en))) return false;
  return true;
}

/** Indices of the signals an entity gives, in model order. @internal */
export function matchingSignals(rt: TopicRuntime, e: Entity): readonly number[] {
  const type: unknown = e.type;
  const kind: unknown = e.kind ?? undefined;
  const id: unknown = e.id || undefined;
  const name: unknown = e.name;
  const en: unknown = name ? (name as { en?: unknown }).en : undefined;
  // a signal reads only these (null and undefined kinds, and falsy ids, read the same);
  // anything but plain strings is matched without the memo
  const plain = typeof type === 'string' && (kind === undefined || typeof kind === 'string') &&
    (id === undefined || typeof id === 'string') && (!name || typeof en === 'string');
  const memo = rt.signalMemo;
  let byKind: Map<unknown, Map<unknown, Map<unknown, readonly number[]>>> | undefined;
  let byId: Map<unknown, Map<unknown, readonly number[]>> | undefined;
  let byEn: Map<unknown, readonly number[]> | undefined;
  if (plain) {
    byKind = memo.map.get(type);
    byId = byKind?.get(kind);
    byEn = byId?.get(id);
    const hit = byEn?.get(en);
    if (hit) return hit;
  }
  const list = (typeof type === 'string' ? rt.signalsByType.get(type) : undefined) ?? rt.untypedSignals;
  const out = list.filter((si) => signalMatchesRest(rt.signals[si]!, e));
  if (plain) {
    if (memo.size >= 100_000) {
      memo.map.clear();
      memo.size = 0;
      byKind = byId = byEn = undefined;
    }
    if (!byKind) memo.map.set(type as string, (byKind = new Map()));
    if (!byId) byKind.set(kind, (byId = new Map()));
    if (!byEn) byId.set(id, (byEn = new Map()));
    byEn.set(en, out);
    memo.size++;
  }
  return out;
}

let collator: Intl.Collator | undefined;
/** `a.localeCompare(b)` (the same default collator, built once). @internal */
export function localeCompare(a: string, b: string): number {
  return (collator ??= new Intl.Collator()).compare(a, b);
}

/** Classifies one tokenized text. @internal */
export function classify(
  rt: TopicRuntime,
  doc: DocTokens,
  wt: WordTable,
  offsetAfter: (t: number, letters: number) => number,
  entities: readonly Entity[],
  options: TopicOptions = {},
): Topic[] {
  const { text, raw, wid } = doc;
  const n = raw.count;
  const T = rt.taxonomy.length;
  const minScore = options.minScore ?? 0.5;
  const maxEvidence = options.maxEvidence ?? 20;
  const relative = options.relative ?? PARAMS.relative;
  const breakBefore = raw.breakBefore;
  // headline: the first sentence
  let headlineEnd = n;
  for (let t = 1; t < n; t++) if (breakBefore[t]) { headlineEnd = t; break; }
  const headlineEndOffset = headlineEnd < n ? raw.start[headlineEnd]! : text.length;

  // evidence accumulators, one per (topic, key) in first-seen order; key = display id of a term,
  // or `rt.keys` + the local id of an entity key
  const accIndex = new Map<number, number>();
  const accTopic: number[] = [];
  const accWeight: number[] = [];
  const accCount: number[] = [];
  const accHeadline: boolean[] = [];
  const evidence: Array<TopicEvidence[] | undefined> = new Array(T);
  const add = (topic: number, key: number, weight: number, inHeadline: boolean, ev: TopicEvidence): void => {
    const k = key * T + topic;
    const a = accIndex.get(k);
    if (a !== undefined) {
      accCount[a]!++;
      accHeadline[a] ||= inHeadline;
    } else {
      accIndex.set(k, accTopic.length);
      accTopic.push(topic);
      accWeight.push(weight);
      accCount.push(1);
      accHeadline.push(inHeadline);
    }
    (evidence[topic] ??= []).push(ev);
  };

  // 1. terms, leftmost-longest over clitic readings and light stems
  const { byFirst, termWords } = rt;
  const { starts, readingStart, readingStem, readingStripped } = wt;
  for (let t = 0; t < n; ) {
    const w = wid[t]!;
    if (w < 0 || !starts[w]) { t++; continue; }
    let best = -1;
    let bestLen = 0;
    let bestStripped = 0;
    for (let r = readingStart[w]!, rEnd = readingStart[w + 1]!; r < rEnd; r++) {
      const sid = readingStem[r]!;
      const cands = sid >= 0 ? byFirst[sid] : undefined;
      if (!cands) continue;
      for (let ci = 0; ci < cands.length; ci++) {
        const c = cands[ci]!;
        const cw = termWords[c]!;
        const len = cw.length;
        if (best >= 0 && len <= bestLen) break;
        let ok = true;
        for (let j = 1; j < len && ok; j++) {
          const u = t + j;
          const wu = u < n ? wid[u]! : -1;
          if (wu < 0 || breakBefore[u]) ok = false;
          else {
            // some reading of the next word has the term's next stem
            const want = cw[j]!;
            ok = false;
            for (let x = readingStart[wu]!, xEnd = readingStart[wu + 1]!; x < xEnd && !ok; x++) ok = readingStem[x] === want;
          }
        }
        if (ok) {
          best = c;
          bestLen = len;
          bestStripped = readingStripped[r]!;
          break;
        }
      }
    }
    if (best < 0) { t++; continue; }
    const last = t + bestLen - 1;
    const start = offsetAfter(t, bestStripped);
    const end = raw.end[last]!;
    const ev: TopicEvidence = { text: text.slice(start, end), start, end, term: rt.termDisplay[best]! };
    const topics = rt.termTopics[best]!;
    const weights = rt.termWeights[best]!;
    const key = rt.termKey[best]!;
    for (let i = 0; i < topics.length; i++) add(topics[i]!, key, weights[i]!, t < headlineEnd, ev);
    t = last + 1;
  }

  // 2. entity signals
  if (rt.signals.length) {
    const entityKeys = new Map<string, number>();
    for (const e of entities) {
      if (!e || typeof e !== 'object' || !(e.end > e.start) || e.start < 0 || e.end > text.length) continue;
      const list = matchingSignals(rt, e);
      if (!list.length) continue;
      const name = 'e:' + (e.id ?? e.text);
      let local = entityKeys.get(name);
      if (local === undefined) entityKeys.set(name, (local = entityKeys.size));
      const key = rt.keys + local;
      const ev: TopicEvidence = { text: text.slice(e.start, e.end), start: e.start, end: e.end, ...(e.id ? { entityId: e.id } : {}) };
      const inHeadline = e.start < headlineEndOffset;
      for (const si of list) for (const [topic, w] of rt.signals[si]!.topics) add(topic, key, w, inHeadline, ev);
    }
  }

  // 3. evidence → raw scores, summed up the hierarchy
  const lengthNorm = Math.max(1, Math.sqrt(doc.words / PARAMS.lengthUnit));
  const own = new Float64Array(T);
  for (let a = 0; a < accTopic.length; a++) {
    const w = accWeight[a]!;
    own[accTopic[a]!]! += w * (1 + Math.log(accCount[a]!)) + (accHeadline[a] ? PARAMS.headline * w : 0);
  }
  const total = new Float64Array(T);
  for (let i = 0; i < T; i++) total[i] = own[i]! / lengthNorm;
  for (const i of rt.order) {
    const p = rt.parent[i]!;
    if (p >= 0) {
      total[p]! += PARAMS.childShare * total[i]!;
      const ei = evidence[i];
      if (ei) {
        const ep = (evidence[p] ??= []);
        for (let k = 0; k < ei.length; k++) ep.push(ei[k]!);
      }
    }
  }
  // the strongest topic of each level: a topic must reach a share of it
  const bestAtLevel = new Map<number, number>();
  for (let i = 0; i < T; i++) {
    const lv = rt.taxonomy[i]!.level;
    bestAtLevel.set(lv, Math.max(bestAtLevel.get(lv) ?? 0, total[i]!));
  }

  const keep = new Uint8Array(T);
  for (let i = 0; i < T; i++) {
    if (total[i]! <= 0 || total[i]! < relative * bestAtLevel.get(rt.taxonomy[i]!.level)!) continue;
    if (1 - Math.exp(-total[i]! / PARAMS.saturation) < minScore) continue;
    // a reported topic brings its ancestors (their evidence includes its own, so they score at least as high)
    for (let j = i; j >= 0 && !keep[j]; j = rt.parent[j]!) keep[j] = 1;
  }
  const out: Topic[] = [];
  for (let i = 0; i < T; i++) {
    if (!keep[i]) continue;
    const score = 1 - Math.exp(-total[i]! / PARAMS.saturation);
    const e = rt.taxonomy[i]!;
    out.push({
      code: e.code,
      label: { en: e.en, ar: e.ar },
      score: Math.round(score * 1000) / 1000,
      ...(e.parent ? { parent: e.parent } : {}),
      evidence: firstDistinctByStart(evidence[i] ?? [], maxEvidence),
    });
  }
  out.sort((a, b) => b.score - a.score || localeCompare(a.code, b.code));
  return options.limit !== undefined && options.limit >= 0 ? out.slice(0, options.limit) : out;
}

/**
 * The first `max` of `evs` by start offset (stable), keeping the first of each span: the same as
 * dropping repeated spans, then a stable sort by start, then the first `max`.
 */
function firstDistinctByStart(evs: readonly TopicEvidence[], max: number): TopicEvidence[] {
  const sorted = evs.slice().sort((a, b) => a.start - b.start);
  const out: TopicEvidence[] = [];
  for (let i = 0; i < sorted.length && out.length < max; ) {
    // items with one start are adjacent, in their original order: keep the first of each end
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start === sorted[i]!.start) j++;
    for (let k = i; k < j && out.length < max; k++) {
      const end = sorted[k]!.end;
      let seen = false;
      for (let m = i; m < k && !seen; m++) seen = sorted[m]!.end === end;
      if (!seen) out.push(sorted[k]!);
    }
    i = j;
  }
  return out;
}
