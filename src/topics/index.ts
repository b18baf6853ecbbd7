/**
 * Topics and keyphrases of Arabic news text: IPTC Media Topic categories with evidence, and ranked
 * TF-IDF keyphrases. See `createTopicModel`.
 */
import { readFileSync } from '../builtins.js';
import { AalamError, assertText } from '../errors.js';
import type { Entity } from '../resolve/annotate.js';
import { classify, topicRuntime, type Topic, type TopicOptions, type TopicRuntime } from './classify.js';
import { compileTopics, type CompiledTopics, type TaxonomyEntry, type TopicTermEntry } from './compile.js';
import { extractKeyphrases, KeyphraseScratch, KeyphraseStems, type DfTable, type Keyphrase, type KeyphraseOptions } from './keyphrases.js';
import { WordTable, type DocTokens, type ScannedTokens } from './words.js';
import { flatCopy } from '../arrays.js';
import { EntityKeys } from './entities.js';
import { TokenBuffer, tokenRoomFor } from '../tokenize/scan.js';
import { stopwordSet } from './stopwords.js';
import { repeatedLines } from './lines.js';
import { withDefaults } from '../options.js';

export type { Topic, TopicEvidence, TopicOptions } from './classify.js';
export type { Keyphrase, KeyphraseOccurrence, KeyphraseOptions } from './keyphrases.js';
export type { TaxonomyEntry, TopicTermEntry, EntitySignal, CompiledTopics } from './compile.js';
export { compileTopics, parseTermsJsonl } from './compile.js';
export { lightStem } from './stem.js';

/** Background document frequencies as shipped in `lexicons/topics/df.json`. */
export interface DfArtifact {
  /** Number of background documents. */
  readonly N: number;
  /** Stems grouped by document frequency: `{ "3": "stem stem …" }`. */
  readonly df: Readonly<Record<string, string>>;
  /** Entity ids grouped by document frequency. */
  readonly entities?: Readonly<Record<string, string>>;
}

/** Options of `createTopicModel`. */
export interface TopicModelOptions extends TopicOptions {
  /** A compiled model instead of the shipped `lexicons/topics/model.json`. */
  readonly model?: CompiledTopics;
  /** Extra term entries (same schema as `lexicons/topics/terms.jsonl`), compiled against the model's taxonomy. */
  readonly terms?: readonly TopicTermEntry[];
  /** Background frequencies instead of the shipped `lexicons/topics/df.json`. */
  readonly df?: DfArtifact;
  /** Default keyphrase options. */
  readonly keyphrases?: KeyphraseOptions;
}

/** A loaded, immutable topic model; safe to share across requests. */
export interface TopicModel {
  /**
   * IPTC Media Topics of a document, best first, each with its evidence. Parents are included
   * (a second-level topic implies its top-level topic). Never throws on a string.
   */
  topics(text: string, entities?: readonly Entity[], options?: TopicOptions, /** @internal */ tokens?: GivenTokens): Topic[];
  /** Ranked keyphrases (TF-IDF against the background corpus). Never throws on a string. */
  keyphrases(text: string, entities?: readonly Entity[], options?: KeyphraseOptions, /** @internal */ tokens?: GivenTokens): Keyphrase[];
  /** Both at once, tokenizing the text once. */
  analyze(
    text: string,
    entities?: readonly Entity[],
    options?: { readonly topics?: TopicOptions; readonly keyphrases?: KeyphraseOptions },
    /** @internal The tokens of `text` when the caller has scanned it already (the annotator). */
    tokens?: GivenTokens,
  ): { topics: Topic[]; keyphrases: Keyphrase[] };
  /**
   * @internal Reads the tokens of a long text (of `length` UTF-16 units) as the annotator scans
   * it, window by window (each window's scan to `add`, in text order); the returned object is then
   * the tokens of `analyze`, `topics` or `keyphrases` on that text. Valid until the model's next
   * call.
   */
  readWindows(length?: number): WindowTokens;
  /** The categories this model can assign. */
  readonly taxonomy: readonly TaxonomyEntry[];
}

/** The tokens of a text read window by window (see `TopicModel.readWindows`). @internal */
export interface WindowTokens {
  /** Appends one window's tokens (its scan, offsets into the whole text). */
  add(scanned: ScannedTokens): void;
  /** Token starts read so far. */
  starts(): Int32Array;
}

/** Tokens a caller already has: a whole scan of the text, or its windows. @internal */
export type GivenTokens = ScannedTokens | WindowTokens;

let shipped: { model: CompiledTopics; df: DfArtifact } | undefined;

function readJson<T>(name: string): T {
  const url = new URL(`../../lexicons/topics/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (err) {
    throw new AalamError(
      'E_LEXICON_LOAD',
      `cannot read ${url.pathname} (run "node scripts/build-topics.js"): ${(err as Error).message}`,
      url.pathname,
    );
  }
}

function loadShipped(): { model: CompiledTopics; df: DfArtifact } {
  shipped ??= { model: readJson<CompiledTopics>('model.json'), df: readJson<DfArtifact>('df.json') };
  return shipped;
}

/**
 * Expands the compact df artifact into lookup maps. The document count must be a positive number
 * and every frequency a non-negative one, so that every idf (and keyphrase score) is a number.
 * @throws {AalamError} `E_LEXICON_SCHEMA` for an artifact that is not so.
 * @internal
 */
export function dfTable(a: DfArtifact): DfTable {
  const bad = (what: string, value: unknown): AalamError => new AalamError('E_LEXICON_SCHEMA', `background frequencies (df): ${what}`, value);
  if (!a || typeof a !== 'object' || !a.df || typeof a.df !== 'object') throw bad('expected { N, df, entities? }', a);
  if (typeof a.N !== 'number' || !Number.isFinite(a.N) || a.N <= 0) throw bad('N must be a positive number', a.N);
  const read = (groups: Readonly<Record<string, string>>, into: Map<string, number>): void => {
    for (const [k, v] of Object.entries(groups)) {
      const d = Number(k);
      if (!Number.isFinite(d) || d < 0 || typeof v !== 'string') throw bad(`"${k}" is not a non-negative frequency with a string of keys`, v);
      // flat keys: split's long pieces are slices of the line, and entity ids are looked up per document
      // (an indexed loop: at load, before any optimization, the iterator protocol of for-of doubled its time)
      const keys = v.split(' ');
      for (let i = 0; i < keys.length; i++) if (keys[i]) into.set(flatCopy(keys[i]!), d);
    }
  };
  const df = new Map<string, number>();
  const entities = new Map<string, number>();
  read(a.df, df);
  read(a.entities ?? {}, entities);
  return { N: a.N, df, entities };
}

/** Throws `E_OPTION` unless `v` is undefined or a number in [lo, hi] (a fraction counts as the whole number below it). */
function checkNumber(v: unknown, name: string, lo: number, hi: number): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || Number.isNaN(v) || v < lo || v > hi) {
    throw new AalamError('E_OPTION', `${name} must be a number in [${lo}, ${hi}]`, v);
  }
}

function checkTopicOptions(o: TopicOptions | undefined): void {
  if (!o) return;
  checkNumber(o.minScore, 'minScore', 0, 1);
  checkNumber(o.relative, 'relative', 0, 1);
  checkNumber(o.limit, 'limit', 0, Infinity);
  checkNumber(o.maxEvidence, 'maxEvidence', 0, Infinity);
}

function checkKeyphraseOptions(o: KeyphraseOptions | undefined): void {
  if (!o) return;
  checkNumber(o.limit, 'limit', 0, Infinity);
  checkNumber(o.maxWords, 'maxWords', 1, 3);
}

function checkEntities(entities: unknown, fn: string): readonly Entity[] {
  if (entities === undefined || entities === null) return [];
  if (!Array.isArray(entities)) throw new AalamError('E_INPUT_TYPE', `${fn}() expects entities as an array`, entities);
  return entities as Entity[];
}

/**
 * Loads the topic model (the compiled IPTC taxonomy, Arabic topic lexicons and background
 * document frequencies shipped in `lexicons/topics/`) and returns a frozen object. Nothing is read
 * at import; the shipped files are read once, on the first call.
 *
 * @param options - `model`, `terms` and `df` replace or extend the shipped data; the rest are
 *   defaults for every call (`[minScore=0.5]`, `[maxEvidence=20]`, keyphrases `[limit=10]`).
 * @throws {AalamError} `E_LEXICON_LOAD` when the shipped files are missing, `E_LEXICON_SCHEMA` for bad extra terms or background frequencies (`df`),
 *   `E_OPTION` for an out-of-range option (also from the methods).
 *
 * @example
 * ```ts
 * import { createAnnotator, createTopicModel } from 'aalam';
 * const text = 'خرج آلاف المتظاهرين في ألماتي احتجاجا على ارتفاع أسعار الوقود.';
 * const { entities } = createAnnotator().annotate(text);
 * const model = createTopicModel();
 * model.topics(text, entities).map((t) => `${t.code} ${t.score}`)
 * // ['medtop:16000000 0.755', 'medtop:20000065 0.755', 'medtop:20000066 0.755', 'medtop:04000000 0.608']
 * model.topics(text, entities)[2].evidence[1]
 * // { text: 'المتظاهرين', start: 9, end: 19, term: 'متظاهرين' }
 * model.keyphrases(text, entities)[0]
 * // { text: 'ألماتي', score: 4.887, stem: '@loc/almaty-kz', occurrences: [{ start: 23, end: 29, text: 'ألماتي' }], entityId: 'loc/almaty-kz' }
 * ```
 */
export function createTopicModel(options: TopicModelOptions = {}): TopicModel {
  // (null as no options, as undefined)
  options ??= {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new AalamError('E_OPTION', 'createTopicModel() options must be an object', options);
  checkTopicOptions(options);
  const m = options.model as Partial<Record<keyof CompiledTopics, unknown>> | undefined;
  if (m !== undefined && !(typeof m === 'object' && m !== null && Array.isArray(m.taxonomy) && Array.isArray(m.terms) && Array.isArray(m.signals))) {
    throw new AalamError('E_LEXICON_SCHEMA', 'createTopicModel() options.model is not a compiled topic model (what compileTopics returns)', m);
  }
  if (options.terms !== undefined && !Array.isArray(options.terms)) throw new AalamError('E_OPTION', 'createTopicModel() options.terms must be an array of term entries', options.terms);
  checkKeyphraseOptions(options.keyphrases);
  const base = options.model && options.df ? { model: options.model, df: options.df } : loadShipped();
  let model = options.model ?? base.model;
  if (options.terms?.length) {
    // recompile: the shipped model's terms and signals are kept, the extras are added
    const extra = compileTopics(model.taxonomy, options.terms, 'options.terms');
    const termMap = new Map(model.terms.map((t) => [t[0], t] as const));
    for (const t of extra.terms) {
      const prev = termMap.get(t[0]);
      termMap.set(t[0], prev ? [t[0], prev[1], [...prev[2], ...t[2]]] : t);
    }
    model = { taxonomy: model.taxonomy, terms: [...termMap.values()], signals: [...model.signals, ...extra.signals] };
  }
  const rt: TopicRuntime = topicRuntime(model);
  const ks = new KeyphraseStems(dfTable(options.df ?? base.df), stopwordSet(), (stem) => rt.stemIds.has(stem));
  // every distinct word is analyzed once for both tasks (a bounded table: analyses are pure
  // functions of the word, so starting over changes nothing but time)
  const table = new WordTable(
    {
      termStem: (stem) => rt.stemIds.get(stem) ?? -1,
      startsTerm: (id) => rt.candidateStart[id + 1]! > rt.candidateStart[id]!,
      keyphrase: (readings) => ks.word(readings),
    },
    200_000,
    () => ks.reset(),
  );
  let scratch = new KeyphraseScratch();
  const entityKeys = new EntityKeys();
  /** After a call on a very long text: the per-token buffers go (a long-lived model would keep them at their largest). */
  const release = (): void => {
    table.releaseTokens(1 << 20);
    // (a fresh scratch: its stamps start over with its own call numbers)
    if (scratch.tokenRoom > 1 << 20) scratch = new KeyphraseScratch();
    entityKeys.release(1 << 16);
  };
  const windows: WindowTokens = Object.freeze({
    add: (scanned: ScannedTokens): void => table.addWindow(scanned),
    starts: (): Int32Array => table.windowStarts(),
  });
  /**
   * The tokens of `text`: the windows read (see `readWindows`), the annotator's scan of it, or a
   * scan of its own (any other `tokens` is ignored: the parameter is internal, not trusted).
   */
  const docOf = (text: string, tokens: unknown): DocTokens =>
    tokens === windows ? table.windowTokens(text) : table.tokens(text, tokens instanceof TokenBuffer ? tokens : undefined);
  const offsets = (doc: DocTokens) => (t: number, letters: number): number =>
    table.offsetAfter(doc.text, doc.raw.start[t]!, doc.raw.end[t]!, letters);
  const topicDefaults: TopicOptions = {
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.maxEvidence !== undefined ? { maxEvidence: options.maxEvidence } : {}),
    ...(options.relative !== undefined ? { relative: options.relative } : {}),
  };
  const keyphraseDefaults: KeyphraseOptions = options.keyphrases ?? {};
  return Object.freeze({
    topics(text: string, entities?: readonly Entity[], callOptions?: TopicOptions, tokens?: GivenTokens): Topic[] {
      assertText(text, 'topics');
      const ents = checkEntities(entities, 'topics');
      checkTopicOptions(callOptions);
      const doc = docOf(text, tokens);
      try {
        return classify(rt, doc, table, offsets(doc), entityKeys.fields(ents, text.length), entityKeys, withDefaults(topicDefaults, callOptions));
      } finally {
        release();
      }
    },
    keyphrases(text: string, entities?: readonly Entity[], callOptions?: KeyphraseOptions, tokens?: GivenTokens): Keyphrase[] {
      assertText(text, 'keyphrases');
      const ents = checkEntities(entities, 'keyphrases');
      checkKeyphraseOptions(callOptions);
      const doc = docOf(text, tokens);
      try {
        return extractKeyphrases(ks, doc, offsets(doc), entityKeys.fields(ents, text.length), entityKeys, withDefaults(keyphraseDefaults, callOptions), scratch);
      } finally {
        release();
      }
    },
    analyze(
      text: string,
      entities?: readonly Entity[],
      callOptions?: { readonly topics?: TopicOptions; readonly keyphrases?: KeyphraseOptions },
      tokens?: GivenTokens,
    ): { topics: Topic[]; keyphrases: Keyphrase[] } {
      assertText(text, 'analyze');
      const ents = checkEntities(entities, 'analyze');
      checkTopicOptions(callOptions?.topics);
      checkKeyphraseOptions(callOptions?.keyphrases);
      const doc = docOf(text, tokens);
      const offsetAfter = offsets(doc);
      const fields = entityKeys.fields(ents, text.length);
      // (the lines printed again, found once for both tasks)
      const repeated = repeatedLines(text);
      try {
        return {
          topics: classify(rt, doc, table, offsetAfter, fields, entityKeys, withDefaults(topicDefaults, callOptions?.topics), repeated),
          keyphrases: extractKeyphrases(ks, doc, offsetAfter, fields, entityKeys, withDefaults(keyphraseDefaults, callOptions?.keyphrases), scratch, repeated),
        };
      } finally {
        release();
      }
    },
    readWindows(length = 0): WindowTokens {
      table.beginWindows(tokenRoomFor(length));
      return windows;
    },
    taxonomy: Object.freeze(model.taxonomy.slice()),
  });
}
