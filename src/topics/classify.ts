/**
 * Topic classification: weighted term matches (through normalization, clitic readings and light
 * stems) plus entity signals, summed per IPTC Media Topic up the hierarchy and squashed to 0–1.
 * @internal
 */
import type { CompiledTopics, CompiledSignal, TaxonomyEntry } from './compile.js';
import type { TextTokens } from './stem.js';
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

interface TermRef {
  readonly words: readonly string[];
  readonly display: string;
  readonly topics: ReadonlyArray<readonly [number, number]>;
}

/** A compiled model ready to match. @internal */
export interface TopicRuntime {
  readonly taxonomy: readonly TaxonomyEntry[];
  readonly parent: Int32Array;
  readonly order: readonly number[];
  readonly byFirst: ReadonlyMap<string, readonly TermRef[]>;
  readonly signals: readonly (CompiledSignal & { readonly re?: RegExp })[];
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
  const byFirst = new Map<string, TermRef[]>();
  for (const [key, display, topics] of model.terms) {
    const words = key.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, display, topics });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const signals = model.signals.map((s) => (s.en ? { ...s, re: new RegExp(s.en, 'i') } : s));
  return { taxonomy: model.taxonomy, parent, order, byFirst, signals };
}

interface Acc {
  weight: number;
  count: number;
  headline: boolean;
}

const has = (list: readonly string[] | undefined, v: string | undefined): boolean =>
  list === undefined || (v !== undefined && list.includes(v));

function signalMatches(s: CompiledSignal & { readonly re?: RegExp }, e: Entity): boolean {
  if (!has(s.type, e.type)) return false;
  if (!has(s.kind, e.kind)) return false;
  if (s.id && !(e.id && s.id.includes(e.id))) return false;
  if (s.idPrefix && !(e.id && e.id.startsWith(s.idPrefix))) return false;
  if (s.re && !(e.name && s.re.test(e.name.en))) return false;
  return true;
}

/** Classifies one tokenized text. @internal */
export function classify(rt: TopicRuntime, tt: TextTokens, entities: readonly Entity[], options: TopicOptions = {}): Topic[] {
  const { text, raw, word } = tt;
  const n = raw.count;
  const T = rt.taxonomy.length;
  const minScore = options.minScore ?? 0.5;
  const maxEvidence = options.maxEvidence ?? 20;
  const relative = options.relative ?? PARAMS.relative;
  // headline: the first sentence
  let headlineEnd = n;
  for (let t = 1; t < n; t++) if (raw.breakBefore[t]) { headlineEnd = t; break; }
  const headlineEndOffset = headlineEnd < n ? raw.start[headlineEnd]! : text.length;
  let words = 0;
  for (let t = 0; t < n; t++) if (word[t] === 1) words++;

  const acc: Array<Map<string, Acc>> = Array.from({ length: T }, () => new Map());
  const evidence: TopicEvidence[][] = Array.from({ length: T }, () => []);
  const add = (topic: number, key: string, weight: number, inHeadline: boolean, ev: TopicEvidence): void => {
    const m = acc[topic]!;
    const a = m.get(key);
    if (a) {
      a.count++;
      a.headline ||= inHeadline;
    } else m.set(key, { weight, count: 1, headline: inHeadline });
    evidence[topic]!.push(ev);
  };

  // 1. terms, leftmost-longest over clitic readings and light stems
  for (let t = 0; t < n; ) {
    if (word[t] !== 1) { t++; continue; }
    let best: TermRef | undefined;
    let bestStripped = 0;
    for (const r of tt.readings(t)) {
      const cands = rt.byFirst.get(r.stem);
      if (!cands) continue;
      for (const c of cands) {
        if (best && c.words.length <= best.words.length) break;
        let ok = true;
        for (let j = 1; j < c.words.length && ok; j++) {
          const u = t + j;
          if (u >= n || word[u] !== 1 || raw.breakBefore[u]) ok = false;
          else ok = tt.readings(u).some((x) => x.stem === c.words[j]);
        }
        if (ok) {
          best = c;
          bestStripped = r.stripped;
          break;
        }
      }
    }
    if (!best) { t++; continue; }
    const last = t + best.words.length - 1;
    const start = tt.offsetAfter(t, bestStripped);
    const end = raw.end[last]!;
    const ev: TopicEvidence = { text: text.slice(start, end), start, end, term: best.display };
    for (const [topic, w] of best.topics) add(topic, 't:' + best.display, w, t < headlineEnd, ev);
    t = last + 1;
  }

  // 2. entity signals
  for (const e of entities) {
    if (!e || typeof e !== 'object' || !(e.end > e.start) || e.start < 0 || e.end > text.length) continue;
    for (const s of rt.signals) {
      if (!signalMatches(s, e)) continue;
      const key = 'e:' + (e.id ?? e.text);
      const ev: TopicEvidence = { text: text.slice(e.start, e.end), start: e.start, end: e.end, ...(e.id ? { entityId: e.id } : {}) };
      for (const [topic, w] of s.topics) add(topic, key, w, e.start < headlineEndOffset, ev);
    }
  }

  // 3. evidence → raw scores, summed up the hierarchy
  const lengthNorm = Math.max(1, Math.sqrt(words / PARAMS.lengthUnit));
  const own = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    let s = 0;
    for (const a of acc[i]!.values()) s += a.weight * (1 + Math.log(a.count)) + (a.headline ? PARAMS.headline * a.weight : 0);
    own[i] = s / lengthNorm;
  }
  const total = Float64Array.from(own);
  for (const i of rt.order) {
    const p = rt.parent[i]!;
    if (p >= 0) {
      total[p]! += PARAMS.childShare * total[i]!;
      for (const ev of evidence[i]!) evidence[p]!.push(ev);
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
    const seen = new Set<string>();
    const evs = evidence[i]!
      .filter((x) => {
        const k = x.start + ':' + x.end;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.start - b.start)
      .slice(0, maxEvidence);
    out.push({
      code: e.code,
      label: { en: e.en, ar: e.ar },
      score: Math.round(score * 1000) / 1000,
      ...(e.parent ? { parent: e.parent } : {}),
      evidence: evs,
    });
  }
  out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return options.limit !== undefined && options.limit >= 0 ? out.slice(0, options.limit) : out;
}
