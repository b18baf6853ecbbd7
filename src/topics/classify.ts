/**
 * Topic classification: weighted term matches (through normalization, clitic readings and light
 * stems) plus entity signals, summed per IPTC Media Topic up the hierarchy and squashed to 0–1.
 * @internal
 */
import type { CompiledTopics, CompiledSignal, TaxonomyEntry } from './compile.js';
import { grown } from '../arrays.js';
import { WORD, W_R_END_STARTS, W_R_START, type DocTokens, type WordTable } from './words.js';
import { entityAt, type EntityFields, type EntityKeys, type KeyInfo } from './entities.js';
import { inRanges, repeatedLines } from './lines.js';
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
  /**
   * Terms by the id of their first stem: `candidates[candidateStart[id] .. candidateStart[id + 1])`,
   * longest first (equal lengths in model order).
   */
  readonly candidateStart: Int32Array;
  readonly candidates: Int32Array;
  /** Per term: its stems are `termStems[termStart[c] .. termStart[c + 1])`. */
  readonly termStart: Int32Array;
  readonly termStems: Int32Array;
  /** Per term: its display form; its topics and weights are `termTopics[termTopicStart[c] .. termTopicStart[c + 1])`. */
  readonly termDisplay: readonly string[];
  readonly termTopicStart: Int32Array;
  readonly termTopics: Int32Array;
  readonly termWeights: Float64Array;
  /** Per term: the id of its display form (the evidence key of the classifier). */
  readonly termKey: Int32Array;
  /** Number of distinct display forms. */
  readonly keys: number;
  readonly signals: readonly (CompiledSignal & { readonly re?: RegExp })[];
  /** Signal indices that can match an entity of a given type (model order), and those for any other type. */
  readonly signalsByType: ReadonlyMap<string, readonly number[]>;
  readonly untypedSignals: readonly number[];
  /** Per signal: its topics and weights. */
  readonly signalTopics: readonly Int32Array[];
  readonly signalWeights: readonly Float64Array[];
  /** Per topic: its level's index in `levels` (the distinct levels of the taxonomy). */
  readonly levelOf: Int32Array;
  readonly levels: number;
  /** Work buffers of `classify` (synchronous: one call at a time). */
  readonly scratch: ClassifyScratch;
}

/**
 * The state of one `classify` call: evidence accumulators, one per (evidence key, topic) in
 * first-seen order, and the evidence spans kept per topic. A key (a term's display form, or an
 * entity key) has a few topics, so its accumulators are a short list: `keyAcc[2 key + 1]` is its
 * first when `keyAcc[2 key]` is the call's number, and `accNext` links the others. Per-key arrays
 * stay small (a table per (key, topic) pair was mostly empty and missed the cache).
 *
 * What each step of a call does to this state is a method here, not a closure made inside
 * `classify`: closures made per call were optimized again in every long call, and inlining them
 * all made `classify` one of the largest functions V8 compiled (~90 ms a compile, in every worker).
 * @internal
 */
export class ClassifyScratch {
  call = 0;
  keyAcc = new Int32Array(0);
  accTopic = new Int32Array(256);
  accWeight = new Float64Array(256);
  accCount = new Int32Array(256);
  accHeadline = new Uint8Array(256);
  accNext = new Int32Array(256);
  /** Accumulators in use in this call. */
  used = 0;
  /** Per topic: the evidence kept in this call. */
  evidence: Array<TopicEvidence[] | undefined> = [];
  /** Spans kept per topic and run (`maxEvidence`, truncated), and whether the run is capped (in order). */
  cap = 0;
  capped = true;
  /** Per topic: own and total evidence, rounded score, kept; per level: the best total. */
  own = new Float64Array(0);
  total = new Float64Array(0);
  rounded = new Float64Array(0);
  keep = new Uint8Array(0);
  bestAtLevel = new Float64Array(0);
  /** Per topic, in the current evidence run: spans kept, and the start of the last one. */
  runSpans = new Float64Array(0);
  runLast = new Float64Array(0);
  codeRank?: Int32Array;

  /** Starts a call over `topics` topics with room for `keys` keys. */
  begin(keys: number, topics: number, maxEvidence: number): void {
    if (2 * keys > this.keyAcc.length) {
      // (the stamps of earlier calls are kept: they stay unequal to the next call's number)
      this.keyAcc = grown(this.keyAcc, Math.max(2 * keys, 2 * this.keyAcc.length));
    }
    if (++this.call > 0x3fffffff) {
      this.call = 1;
      this.keyAcc.fill(0);
    }
    this.used = 0;
    this.evidence = new Array(topics);
    // (as `slice(0, maxEvidence)`: a fractional maximum is truncated)
    this.cap = Math.trunc(maxEvidence);
    if (this.runSpans.length !== topics) {
      this.runSpans = new Float64Array(topics);
      this.runLast = new Float64Array(topics);
    }
  }

  /**
   * Starts a run of evidence. Evidence is kept per topic only up to `maxEvidence` spans of each run
   * (the terms in text order, then the entities in text order): a topic reports its first
   * `maxEvidence` distinct spans by start, and a run's later items start no earlier than the ones
   * kept (a long document would otherwise keep an object for every term it contains). Within a run
   * an item with the start of the topic's last one is the same span (terms do not overlap; nor do
   * sorted entities): dropped. `inOrder` is false for a run that may be out of order (entities
   * from the caller): nothing is dropped from it.
   */
  startRun(inOrder: boolean): void {
    this.runSpans.fill(0);
    this.runLast.fill(-1);
    this.capped = inOrder;
  }

  /** Whether an item starting at `start` adds a span to the topic's evidence (and counts it). */
  keepsEvidence(topic: number, start: number): boolean {
    if (!this.capped) return true;
    if (this.runLast[topic] === start || this.runSpans[topic]! >= this.cap) return false;
    this.runLast[topic] = start;
    this.runSpans[topic]!++;
    return true;
  }

  /** Whether some topic in `topics[i, iEnd)` still takes evidence in this run. */
  wantsEvidence(topics: Int32Array, i: number, iEnd: number): boolean {
    if (!this.capped) return true;
    for (; i < iEnd; i++) if (this.runSpans[topics[i]!]! < this.cap) return true;
    return false;
  }

  /**
   * Counts one item of evidence for (topic, key) with weight `weights[wi]` (a fractional number
   * passed to a function that is not inlined would be boxed on every call), and keeps `ev`.
   */
  add(topic: number, key: number, weights: Float64Array, wi: number, inHeadline: boolean, ev: TopicEvidence | null): void {
    const keyAcc = this.keyAcc;
    const call = this.call;
    let a = keyAcc[2 * key] === call ? keyAcc[2 * key + 1]! : -1;
    while (a >= 0 && this.accTopic[a] !== topic) a = this.accNext[a]!;
    if (a >= 0) {
      this.accCount[a]!++;
      if (inHeadline) this.accHeadline[a] = 1;
    } else {
      a = this.used++;
      if (a === this.accTopic.length) this.reserve(a + 1, a);
      this.accTopic[a] = topic;
      this.accWeight[a] = weights[wi]!;
      this.accCount[a] = 1;
      this.accHeadline[a] = inHeadline ? 1 : 0;
      // the key's list, newest first (the order within a key does not matter: topics differ)
      this.accNext[a] = keyAcc[2 * key] === call ? keyAcc[2 * key + 1]! : -1;
      keyAcc[2 * key] = call;
      keyAcc[2 * key + 1] = a;
    }
    if (ev !== null && this.keepsEvidence(topic, ev.start)) (this.evidence[topic] ??= []).push(ev);
  }

  /** Room for `n` accumulators, keeping the first `keep`. */
  reserve(n: number, keep: number): void {
    if (n <= this.accTopic.length) return;
    const cap = Math.max(n, 2 * this.accTopic.length);
    this.accTopic = grown(this.accTopic, cap, keep);
    this.accWeight = grown(this.accWeight, cap, keep);
    this.accCount = grown(this.accCount, cap, keep);
    this.accHeadline = grown(this.accHeadline, cap, keep);
    this.accNext = grown(this.accNext, cap, keep);
  }
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
  const terms = model.terms;
  const stemList: number[] = [];
  const topicList: number[] = [];
  const weightList: number[] = [];
  const termDisplay: string[] = [];
  const termStart = new Int32Array(terms.length + 1);
  const termTopicStart = new Int32Array(terms.length + 1);
  const termKey = new Int32Array(terms.length);
  for (let ti = 0; ti < terms.length; ti++) {
    // (indexed reads: destructuring an array goes through its iterator, which at load, before any
    // optimization, was a third of this function's time)
    const term = terms[ti]!;
    const key = term[0];
    const display = term[1];
    const topics = term[2];
    // the stems of `key.split(' ')`
    for (let p = 0; ; ) {
      const q = key.indexOf(' ', p);
      const w = q < 0 ? key.slice(p) : key.slice(p, q);
      let id = stemIds.get(w);
      if (id === undefined) stemIds.set(w, (id = stemIds.size));
      stemList.push(id);
      if (q < 0) break;
      p = q + 1;
    }
    termStart[ti + 1] = stemList.length;
    for (let i = 0; i < topics.length; i++) {
      topicList.push(topics[i]![0]);
      weightList.push(topics[i]![1]);
    }
    termTopicStart[ti + 1] = topicList.length;
    termDisplay.push(display);
    let k = displayIds.get(display);
    if (k === undefined) displayIds.set(display, (k = displayIds.size));
    termKey[ti] = k;
  }
  // candidates by first stem (a counting sort keeps model order), then longest first (stable)
  const length = (c: number): number => termStart[c + 1]! - termStart[c]!;
  const candidateStart = new Int32Array(stemIds.size + 1);
  for (let ti = 0; ti < terms.length; ti++) candidateStart[stemList[termStart[ti]!]! + 1]!++;
  for (let id = 0; id < stemIds.size; id++) candidateStart[id + 1]! += candidateStart[id]!;
  const candidates = new Int32Array(terms.length);
  const fill = candidateStart.slice(0, stemIds.size);
  for (let ti = 0; ti < terms.length; ti++) candidates[fill[stemList[termStart[ti]!]!]!++] = ti;
  for (let id = 0; id < stemIds.size; id++) {
    for (let i = candidateStart[id]! + 1; i < candidateStart[id + 1]!; i++) {
      const c = candidates[i]!;
      let j = i - 1;
      for (; j >= candidateStart[id]! && length(candidates[j]!) < length(c); j--) candidates[j + 1] = candidates[j]!;
      candidates[j + 1] = c;
    }
  }
  const signals = model.signals.map((s) => (s.en ? { ...s, re: new RegExp(s.en, 'i') } : s));
  const types = new Set<string>();
  for (const s of signals) for (const ty of s.type ?? []) types.add(ty);
  const signalsByType = new Map<string, number[]>();
  const untypedSignals: number[] = [];
  for (let i = 0; i < signals.length; i++) if (signals[i]!.type === undefined) untypedSignals.push(i);
  for (const ty of types) {
    const list: number[] = [];
    for (let i = 0; i < signals.length; i++) if (signals[i]!.type === undefined || signals[i]!.type!.includes(ty)) list.push(i);
    signalsByType.set(ty, list);
  }
  const levelIds = new Map<number, number>();
  const levelOf = new Int32Array(model.taxonomy.length);
  model.taxonomy.forEach((e, i) => {
    let l = levelIds.get(e.level);
    if (l === undefined) levelIds.set(e.level, (l = levelIds.size));
    levelOf[i] = l;
  });
  return {
    taxonomy: model.taxonomy, parent, order, stemIds, candidateStart, candidates, termStart, termStems: new Int32Array(stemList),
    termDisplay, termTopicStart, termTopics: new Int32Array(topicList), termWeights: new Float64Array(weightList), termKey,
    keys: displayIds.size, signals, signalsByType, untypedSignals,
    signalTopics: signals.map((sg) => new Int32Array(sg.topics.map((x) => x[0]))),
    signalWeights: signals.map((sg) => new Float64Array(sg.topics.map((x) => x[1]))),
    levelOf, levels: levelIds.size,
    scratch: new ClassifyScratch(),
  };
}

const has = (list: readonly string[] | undefined, v: unknown): boolean =>
  list === undefined || (v !== undefined && list.includes(v as string));

/** Every condition of a signal but its type (the caller picked signals of the entity's type). */
function signalMatchesRest(s: CompiledSignal & { readonly re?: RegExp }, kind: unknown, id: Entity['id'], name: Entity['name']): boolean {
  if (!has(s.kind, kind)) return false;
  if (s.id && !(id && s.id.includes(id))) return false;
  if (s.idPrefix && !(id && id.startsWith(s.idPrefix))) return false;
  if (s.re && !(name && s.re.test(name.en))) return false;
  return true;
}

/**
 * Indices of the signals an entity gives, in model order. A signal reads the entity's type, kind,
 * id and English name; results are remembered with the entity's id (an id names one lexicon entry,
 * so its type, kind and name repeat) and used again only when those fields are the same.
 * @internal
 */
export function matchingSignals(
  rt: TopicRuntime, type: unknown, kind: unknown, id: Entity['id'], name: Entity['name'], info: KeyInfo,
): readonly number[] {
  const list = (typeof type === 'string' ? rt.signalsByType.get(type) : undefined) ?? rt.untypedSignals;
  if (!list.length) return list;
  const en: unknown = name ? name.en : undefined;
  const memoize = typeof id === 'string' && id !== '' && (!name || typeof en === 'string');
  const m = info.signals;
  if (memoize && m && m.type === type && m.kind === kind && m.named === !!name && m.en === en) return m.list;
  // (a loop into a literal, like the lists above: every list one kind of array, so that the loops
  // over them keep their optimized code; `filter` made arrays of another map, and deoptimized classify)
  const out: number[] = [];
  for (const si of list) if (signalMatchesRest(rt.signals[si]!, kind, id, name)) out.push(si);
  if (memoize) info.signals = { type, kind, named: !!name, en, list: out };
  return out;
}

/** Rank of each taxonomy code in tie-break order (codes that compare equal share a rank). */
function codeRanks(taxonomy: readonly TaxonomyEntry[]): Int32Array {
  const order = taxonomy.map((_, i) => i).sort((a, b) => tieOrder(taxonomy[a]!.code, taxonomy[b]!.code));
  const rank = new Int32Array(taxonomy.length);
  for (let k = 1; k < order.length; k++) {
    const same = tieOrder(taxonomy[order[k - 1]!]!.code, taxonomy[order[k]!]!.code) === 0;
    rank[order[k]!] = same ? rank[order[k - 1]!]! : k;
  }
  return rank;
}

/**
 * The tie-break order of codes and keyphrase keys: UTF-16 code-unit order. (An `Intl.Collator`
 * gave the same order on every shipped code and corpus keyphrase, and its first use cost ~7 ms of
 * ICU initialization in a fresh process.) @internal
 */
export function tieOrder(a: string, b: string): number {
  // (as `a < b ? -1 : a > b ? 1 : 0`, in one pass that stops at the first difference)
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Classifies one tokenized text. @internal */
export function classify(
  rt: TopicRuntime,
  doc: DocTokens,
  wt: WordTable,
  offsetAfter: (t: number, letters: number) => number,
  ents: EntityFields,
  entityKeys: EntityKeys,
  options: TopicOptions = {},
  /** `repeatedLines(doc.text)`, when the caller has it. */
  repeatedGiven?: readonly number[],
): Topic[] {
  const { text, raw } = doc;
  const n = raw.count;
  const maxEvidence = options.maxEvidence ?? 20;
  const breakBefore = raw.breakBefore;
  // headline: the first sentence
  let headlineEnd = n;
  for (let t = 1; t < n; t++) if (breakBefore[t]) { headlineEnd = t; break; }
  const headlineEndOffset = headlineEnd < n ? raw.start[headlineEnd]! : text.length;
  // evidence keys: the display id of a term, or `rt.keys` + the interned entity key
  const sc = rt.scratch;
  sc.begin(rt.keys + entityKeys.strings.length, rt.taxonomy.length, maxEvidence);
  // lines repeated verbatim (a photo caption printed again) count once, as for keyphrases
  const repeated = repeatedGiven ?? repeatedLines(text);
  try {
    matchTerms(rt, doc, wt, offsetAfter, headlineEnd, sc, repeated);
    if (rt.signals.length) matchSignals(rt, text, ents, entityKeys, headlineEndOffset, sc, repeated);
    return rankTopics(rt, doc.words, sc, options, maxEvidence);
  } finally {
    // (evidence texts may be slices of the caller's text: not kept past the call)
    sc.evidence = [];
  }
}

/** Step 1 of `classify`: terms, leftmost-longest over clitic readings and light stems. */
function matchTerms(
  rt: TopicRuntime, doc: DocTokens, wt: WordTable, offsetAfter: (t: number, letters: number) => number, headlineEnd: number, sc: ClassifyScratch,
  repeated: readonly number[],
): void {
  const { text, raw, wid, fields } = doc;
  const n = raw.count;
  const breakBefore = raw.breakBefore;
  const { candidateStart, candidates, termStart, termStems } = rt;
  const { readingStem, readingStripped } = wt;
  const R = repeated.length >> 1;
  let ri = 0;
  sc.startRun(true);
  for (let t = 0; t < n; ) {
    // (a word's readings end × 2, + 1 when one of them begins a term)
    const w = wid[t]!;
    const x = w < 0 ? 0 : fields[WORD * w + W_R_END_STARTS]!;
    if (!(x & 1)) { t++; continue; }
    if (R > 0) {
      // a term in a repeated line counts in its first copy only
      const at = raw.start[t]!;
      while (ri < R && repeated[2 * ri + 1]! <= at) ri++;
      if (ri < R && at >= repeated[2 * ri]!) { t++; continue; }
    }
    let best = -1;
    let bestLen = 0;
    let bestStripped = 0;
    for (let r = fields[WORD * w + W_R_START]!, rEnd = x >> 1; r < rEnd; r++) {
      const sid = readingStem[r]!;
      if (sid < 0) continue;
      for (let ci = candidateStart[sid]!, ciEnd = candidateStart[sid + 1]!; ci < ciEnd; ci++) {
        const c = candidates[ci]!;
        const cs = termStart[c]!;
        const len = termStart[c + 1]! - cs;
        if (best >= 0 && len <= bestLen) break;
        let ok = true;
        for (let j = 1; j < len && ok; j++) {
          const u = t + j;
          const wu = u < n ? wid[u]! : -1;
          if (wu < 0 || breakBefore[u]) ok = false;
          else {
            // some reading of the next word has the term's next stem
            const want = termStems[cs + j]!;
            ok = false;
            for (let y = fields[WORD * wu + W_R_START]!, yEnd = fields[WORD * wu + W_R_END_STARTS]! >> 1; y < yEnd && !ok; y++) ok = readingStem[y] === want;
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
    const key = rt.termKey[best]!;
    const i0 = rt.termTopicStart[best]!;
    const i1 = rt.termTopicStart[best + 1]!;
    let ev: TopicEvidence | null = null;
    if (sc.wantsEvidence(rt.termTopics, i0, i1)) {
      const start = offsetAfter(t, bestStripped);
      const end = raw.end[last]!;
      ev = { text: text.slice(start, end), start, end, term: rt.termDisplay[best]! };
    }
    for (let i = i0; i < i1; i++) sc.add(rt.termTopics[i]!, key, rt.termWeights, i, t < headlineEnd, ev);
    t = last + 1;
  }
}

/** Step 2 of `classify`: the signals of the entities. */
function matchSignals(rt: TopicRuntime, text: string, ents: EntityFields, entityKeys: EntityKeys, headlineEndOffset: number, sc: ClassifyScratch, repeated: readonly number[]): void {
  // (entities in text order, none overlapping, offsets numbers: as the annotator gives them)
  let inOrder = true;
  for (let ei = 0; ei < ents.count && inOrder; ei++) {
    const s0 = ents.start[ei], e0 = ents.end[ei];
    inOrder = typeof s0 === 'number' && typeof e0 === 'number' && s0 < e0 && (ei === 0 || s0 >= (ents.end[ei - 1] as number));
  }
  sc.startRun(inOrder);
  for (let ei = 0; ei < ents.count; ei++) {
    if (repeated.length > 0 && inRanges(repeated, ents.start[ei]!)) continue;
    const e = entityAt(ents, ei);
    const id = e.id;
    const kid = ents.key[ei]!;
    const list = matchingSignals(rt, e.type, e.kind, id, e.name, entityKeys.info[kid]!);
    if (!list.length) continue;
    // the evidence key 'e:' + (id ?? text), interned
    const key = rt.keys + kid;
    const start = ents.start[ei]!;
    const end = ents.end[ei]!;
    let want = false;
    for (let k = 0; k < list.length && !want; k++) want = sc.wantsEvidence(rt.signalTopics[list[k]!]!, 0, rt.signalTopics[list[k]!]!.length);
    const ev: TopicEvidence | null = !want
      ? null
      : id
        ? { text: text.slice(start, end), start, end, entityId: id }
        : { text: text.slice(start, end), start, end };
    const inHeadline = start < headlineEndOffset;
    // (an indexed loop: `for…of` made an iterator and a result object per entity in long calls)
    for (let k = 0; k < list.length; k++) {
      const si = list[k]!;
      const topics = rt.signalTopics[si]!;
      const weights = rt.signalWeights[si]!;
      for (let i = 0; i < topics.length; i++) sc.add(topics[i]!, key, weights, i, inHeadline, ev);
    }
  }
}

/** Step 3 of `classify`: evidence to raw scores, summed up the hierarchy; the topics reported, best first. */
function rankTopics(rt: TopicRuntime, words: number, sc: ClassifyScratch, options: TopicOptions, maxEvidence: number): Topic[] {
  const T = rt.taxonomy.length;
  const minScore = options.minScore ?? 0.5;
  const relative = options.relative ?? PARAMS.relative;
  const evidence = sc.evidence;
  const lengthNorm = Math.max(1, Math.sqrt(words / PARAMS.lengthUnit));
  // (per-topic arrays reused from call to call: typed arrays of this size are allocated outside the heap)
  if (sc.own.length !== T) {
    sc.own = new Float64Array(T);
    sc.total = new Float64Array(T);
    sc.rounded = new Float64Array(T);
    sc.keep = new Uint8Array(T);
    sc.bestAtLevel = new Float64Array(rt.levels);
  }
  const own = sc.own.fill(0);
  const { accTopic, accWeight, accCount, accHeadline } = sc;
  for (let a = 0, A = sc.used; a < A; a++) {
    const w = accWeight[a]!;
    own[accTopic[a]!]! += w * (1 + Math.log(accCount[a]!)) + (accHeadline[a] ? PARAMS.headline * w : 0);
  }
  const total = sc.total;
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
  const bestAtLevel = sc.bestAtLevel.fill(0);
  for (let i = 0; i < T; i++) bestAtLevel[rt.levelOf[i]!] = Math.max(bestAtLevel[rt.levelOf[i]!]!, total[i]!);

  const keep = sc.keep.fill(0);
  for (let i = 0; i < T; i++) {
    if (total[i]! <= 0 || total[i]! < relative * bestAtLevel[rt.levelOf[i]!]!) continue;
    if (1 - Math.exp(-total[i]! / PARAMS.saturation) < minScore) continue;
    // a reported topic brings its ancestors (their evidence includes its own, so they score at least as high)
    for (let j = i; j >= 0 && !keep[j]; j = rt.parent[j]!) keep[j] = 1;
  }
  // best first: rounded score, then the code in tie-break order (ranked once per model);
  // only the topics within the limit are built
  const rank = (sc.codeRank ??= codeRanks(rt.taxonomy));
  const rounded = sc.rounded;
  const kept: number[] = [];
  for (let i = 0; i < T; i++) {
    if (!keep[i]) continue;
    rounded[i] = Math.round((1 - Math.exp(-total[i]! / PARAMS.saturation)) * 1000) / 1000;
    kept.push(i);
  }
  // (signs as small integers: the order of `rounded[b] - rounded[a] || …` without heap numbers)
  kept.sort((a, b) => (rounded[b]! > rounded[a]! ? 1 : rounded[b]! < rounded[a]! ? -1 : rank[a]! - rank[b]!));
  // (as `slice(0, limit)`: a fractional limit is truncated)
  const limit = options.limit !== undefined && options.limit >= 0 ? Math.min(Math.trunc(options.limit), kept.length) : kept.length;
  const out: Topic[] = [];
  for (let k = 0; k < limit; k++) {
    const i = kept[k]!;
    const e = rt.taxonomy[i]!;
    const label = { en: e.en, ar: e.ar };
    const evs = firstDistinctByStart(evidence[i] ?? [], maxEvidence);
    out.push(e.parent ? { code: e.code, label, score: rounded[i]!, parent: e.parent, evidence: evs } : { code: e.code, label, score: rounded[i]!, evidence: evs });
  }
  return out;
}

/**
 * The first `max` of `evs` by start offset (stable), keeping the first of each span: the same as
 * dropping repeated spans, then a stable sort by start, then the first `max`.
 *
 * A topic's evidence is a few runs already in start order (its terms in text order, its entities
 * in text order, then each child topic's evidence), so the stable sort is a stable merge of those
 * runs (on equal starts the earlier run first), and only its first `max` items are ever read: the
 * merge stops there instead of sorting everything. Many runs (entities given out of order) fall
 * back to sorting.
 */
function firstDistinctByStart(evs: readonly TopicEvidence[], maxEvidence: number): TopicEvidence[] {
  // (as `slice(0, max)`: a fractional maximum is truncated)
  const max = Math.trunc(maxEvidence);
  // where each run of non-decreasing starts begins, with evs.length at the end
  const runs = [0];
  let numbers = true;
  for (let i = 0; i < evs.length; i++) {
    const x = evs[i]!;
    if (typeof x.start !== 'number' || typeof x.end !== 'number') { numbers = false; break; }
    if (i > 0 && x.start < evs[i - 1]!.start) runs.push(i);
  }
  if (!numbers) {
    // offsets given as something else than numbers (entities from the caller): spans are equal when their "start:end" keys are
    const seen = new Set<string>();
    return evs
      .filter((x) => {
        const k = x.start + ':' + x.end;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.start - b.start)
      .slice(0, max);
  }
  runs.push(evs.length);
  let items = evs;
  if (runs.length > 18) {
    items = evs.slice().sort((a, b) => a.start - b.start);
    runs.length = 0;
    runs.push(0, evs.length);
  }
  // runs.length - 1 cursors; each step takes the head with the least start (the first run on ties)
  const R = runs.length - 1;
  const at = runs.slice(0, R);
  const out: TopicEvidence[] = [];
  // the items of one start come one after the other: keep the first of each end among them
  let groupStart = NaN;
  let groupFrom = 0;
  while (out.length < max) {
    let best = -1;
    let bestStart = 0;
    for (let r = 0; r < R; r++) {
      if (at[r]! < runs[r + 1]! && (best < 0 || items[at[r]!]!.start < bestStart)) {
        best = r;
        bestStart = items[at[r]!]!.start;
      }
    }
    if (best < 0) break;
    const x = items[at[best]!++]!;
    if (x.start !== groupStart) {
      groupStart = x.start;
      groupFrom = out.length;
    }
    let seen = false;
    for (let m = groupFrom; m < out.length && !seen; m++) seen = out[m]!.end === x.end;
    if (!seen) out.push(x);
  }
  return out;
}
