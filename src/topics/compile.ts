/**
 * Topic lexicon schema and compiler: `lexicons/topics/taxonomy.json` + `terms.jsonl` → the compact
 * model `scripts/build-topics.js` writes to `lexicons/topics/model.json`. The same function
 * compiles extra entries passed to `createTopicModel({ terms })`.
 */
import { AalamError } from '../errors.js';
import { parseJsonlRows } from '../gazetteer/load.js';
import { stemPhrase } from './stem.js';

/** One category of the taxonomy (IPTC Media Topics). */
export interface TaxonomyEntry {
  /** `medtop:` QCode, e.g. `medtop:20000065`. */
  readonly code: string;
  /** IPTC English (en-GB) label. */
  readonly en: string;
  /** Arabic label (IPTC's own where it has one, see taxonomy.json). */
  readonly ar: string;
  /** The broader topic in IPTC's hierarchy; absent for the 17 top-level topics. */
  readonly parent?: string;
  /** 1 for top-level topics, 2 and 3 below. */
  readonly level: number;
}

/** Which entities give evidence for a topic. Every given field must match. */
export interface EntitySignal {
  /** Entity type(s): `PER`, `LOC`, `ORG`, `NORP`. */
  readonly type?: string | readonly string[];
  /** Entity kind(s) from the gazetteer (`armed-group`, `ministry`, `head-of-state`, …). */
  readonly kind?: string | readonly string[];
  /** Case-insensitive regular expression tested on the English canonical name. */
  readonly en?: string;
  /** Exact entity ids. */
  readonly id?: string | readonly string[];
  /** Entity id prefix, e.g. `org/`. */
  readonly idPrefix?: string;
}

/**
 * One line of `terms.jsonl`: a topic, a weight and either terms (single words or short phrases as
 * news writes them) or an entity signal.
 */
export interface TopicTermEntry {
  readonly topic: string;
  readonly weight: number;
  readonly terms?: readonly string[];
  readonly entity?: EntitySignal;
}

/** A compiled entity signal. @internal */
export interface CompiledSignal {
  readonly topics: ReadonlyArray<readonly [number, number]>;
  readonly type?: readonly string[];
  readonly kind?: readonly string[];
  readonly en?: string;
  readonly id?: readonly string[];
  readonly idPrefix?: string;
}

/** The compiled model (plain JSON). @internal */
export interface CompiledTopics {
  readonly taxonomy: readonly TaxonomyEntry[];
  /** `[stems joined by a space, display form, [[topic index, weight], …]]`. */
  readonly terms: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [number, number]>]>;
  readonly signals: readonly CompiledSignal[];
}

const CODE = /^medtop:\d{8}$/;

const asList = (v: string | readonly string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? [v] : [...v];

/** Checks the taxonomy: codes, labels, parents that exist, levels that follow the parents. */
export function assertTaxonomy(taxonomy: readonly TaxonomyEntry[], where = 'taxonomy'): void {
  const problems: string[] = [];
  const byCode = new Map<string, TaxonomyEntry>();
  for (const [i, e] of taxonomy.entries()) {
    if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !CODE.test(e.code)) problems.push(`${where}[${i}]: bad code`);
    else if (byCode.has(e.code)) problems.push(`${where}[${i}]: duplicate ${e.code}`);
    else byCode.set(e.code, e);
    if (typeof e?.en !== 'string' || !e.en || typeof e?.ar !== 'string' || !e.ar) problems.push(`${where}[${i}]: en and ar labels are required`);
  }
  for (const e of byCode.values()) {
    if (e.parent === undefined) {
      if (e.level !== 1) problems.push(`${e.code}: a topic without parent must have level 1`);
      continue;
    }
    const p = byCode.get(e.parent);
    if (!p) problems.push(`${e.code}: unknown parent ${e.parent}`);
    else if (e.level !== p.level + 1) problems.push(`${e.code}: level ${e.level} under a level-${p.level} parent`);
  }
  if (problems.length) throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).join('; '), problems);
}

/**
 * Compiles term entries against a taxonomy. Terms are normalized and light-stemmed word by word;
 * the same term under several topics becomes one term with several weights.
 * @throws {AalamError} `E_LEXICON_SCHEMA` for an unknown topic, a bad weight, a bad regex or an empty entry.
 */
export function compileTopics(taxonomy: readonly TaxonomyEntry[], entries: readonly TopicTermEntry[], where = 'terms'): CompiledTopics {
  assertTaxonomy(taxonomy);
  const index = new Map(taxonomy.map((e, i) => [e.code, i] as const));
  const problems: string[] = [];
  const terms = new Map<string, { display: string; topics: Map<number, number> }>();
  const signals: CompiledSignal[] = [];
  entries.forEach((e, i) => {
    const at = `${where}[${i}]`;
    const ti = e && typeof e === 'object' ? index.get(e.topic) : undefined;
    if (ti === undefined) return void problems.push(`${at}: unknown topic ${String(e?.topic)}`);
    if (typeof e.weight !== 'number' || !Number.isFinite(e.weight) || e.weight <= 0 || e.weight > 10) {
      return void problems.push(`${at}: weight must be a number in (0, 10]`);
    }
    if (!e.terms && !e.entity) return void problems.push(`${at}: needs terms or entity`);
    for (const term of e.terms ?? []) {
      if (typeof term !== 'string' || !term.trim()) {
        problems.push(`${at}: empty term`);
        continue;
      }
      const stems = stemPhrase(term);
      if (!stems.length || stems.length > 5) {
        problems.push(`${at}: term "${term}" must have 1–5 words`);
        continue;
      }
      const key = stems.join(' ');
      let t = terms.get(key);
      if (!t) terms.set(key, (t = { display: term.trim(), topics: new Map() }));
      t.topics.set(ti, Math.max(t.topics.get(ti) ?? 0, e.weight));
    }
    if (e.entity) {
      const s = e.entity;
      if (s.en !== undefined) {
        try {
          new RegExp(s.en, 'i');
        } catch {
          problems.push(`${at}: bad regular expression ${s.en}`);
          return;
        }
      }
      const sig: CompiledSignal = {
        topics: [[ti, e.weight]],
        ...(s.type !== undefined ? { type: asList(s.type) } : {}),
        ...(s.kind !== undefined ? { kind: asList(s.kind) } : {}),
        ...(s.en !== undefined ? { en: s.en } : {}),
        ...(s.id !== undefined ? { id: asList(s.id) } : {}),
        ...(s.idPrefix !== undefined ? { idPrefix: s.idPrefix } : {}),
      };
      signals.push(sig);
    }
  });
  if (problems.length) throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).join('; '), problems);
  return {
    taxonomy: taxonomy.map((e) => ({ code: e.code, en: e.en, ar: e.ar, ...(e.parent ? { parent: e.parent } : {}), level: e.level })),
    terms: [...terms].map(([key, t]) => [key, t.display, [...t.topics]] as const),
    signals,
  };
}

/** Parses `terms.jsonl` text (blank lines and `{"$comment": …}` lines skipped). */
export function parseTermsJsonl(text: string, file = '<input>'): TopicTermEntry[] {
  const { rows, problems } = parseJsonlRows(text, file);
  if (problems.length) throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).join('; '), problems);
  return rows.map((r) => r.value as TopicTermEntry);
}
