import { readFileSync } from './builtins.js';
import { AalamError, assertText } from './errors.js';
import { buildMatcher, extendMatcher, lookupKey, HitKind, isAmbiguous, type Matcher } from './gazetteer/matcher.js';
import { aliasColumns, aliasKey, compileLexicon, entryFieldColumns, mergeEntries, type CompiledLexicon } from './gazetteer/compile.js';
import { analyzeLanguage, englishEntities, type Paragraph } from './language/index.js';
import { webAddressSpans } from './language/detect.js';
import { createTopicModel, type Topic, type Keyphrase, type TopicModel } from './topics/index.js';
import { assertEntries, type LexiconEntry } from './gazetteer/schema.js';
import { loadShippedLexicon, loadShippedMatcher, parseLexiconJsonl } from './gazetteer/load.js';
import { annotateTokens, readsWhole, Scratch, type Entity, type EntityOptions } from './resolve/annotate.js';
import { scanTokens } from './tokenize/index.js';
import { isArabicLetter } from './tokenize/chars.js';
import { withDefaults } from './options.js';

export interface AnnotatorOptions extends AnnotateOptions {
  /** A compiled lexicon to use instead of the shipped one. */
  readonly lexicon?: CompiledLexicon;
  /** Extra entries, matched exactly like the shipped ones (same schema as lexicons/*.jsonl). */
  readonly entries?: readonly LexiconEntry[];
  /** Paths of extra JSONL lexicon files. */
  readonly lexiconFiles?: readonly string[];
}

/** Options of one `annotate` call. */
export interface AnnotateOptions extends EntityOptions {
  /** Detect the language of the document and its paragraphs (franc + letter evidence). `[language=true]` */
  readonly language?: boolean;
  /** Tag Persian/Urdu/Pashto paragraphs with the Arabic rules anyway. `[forceArabic=false]` */
  readonly forceArabic?: boolean;
  /** IPTC Media Topic categories with evidence. `[topics=true]` */
  readonly topics?: boolean;
  /** Ranked TF-IDF keyphrases. `[keyphrases=true]` */
  readonly keyphrases?: boolean;
}

/** A paragraph and its language (ISO 639-3: `arb`, `eng`, `pes`, `urd`…, or `und`). */
export interface ParagraphLanguage {
  readonly start: number;
  readonly end: number;
  readonly language: string;
}

/** The result of `annotate`: plain JSON. */
export interface Annotation {
  /** Entities sorted by start offset, never overlapping. */
  readonly entities: readonly Entity[];
  /** Language of the whole document (ISO 639-3 or `und`), when detection is on. */
  readonly language?: string;
  /** Paragraph languages, when detection is on. */
  readonly paragraphs?: readonly ParagraphLanguage[];
  /** IPTC Media Topics (`medtop:…`) with scores and evidence, best first, when topics are on. */
  readonly topics?: readonly Topic[];
  /** Keyphrases, best first, when keyphrases are on. */
  readonly keyphrases?: readonly Keyphrase[];
}

const ARABIC_RULES = new Set(['arb', 'und']);
const ARABIC_SCRIPT_OTHERS = new Set(['pes', 'prs', 'urd', 'pbu', 'skr', 'uig', 'ckb']);

const ENTITY_TYPES: ReadonlySet<string> = new Set(['PER', 'LOC', 'ORG', 'NORP']);
const BOOLEAN_OPTIONS = ['patterns', 'propagation', 'composition', 'language', 'forceArabic', 'topics', 'keyphrases'] as const;
/** The option names of an `annotate` call; `createAnnotator` takes these and the lexicon ones. */
const CALL_OPTIONS: ReadonlySet<string> = new Set(['types', ...BOOLEAN_OPTIONS]);
const ANNOTATOR_OPTIONS: ReadonlySet<string> = new Set([...CALL_OPTIONS, 'lexicon', 'entries', 'lexiconFiles']);

/**
 * Throws `E_OPTION` unless `o` is a valid set of annotate options (undefined values count as not
 * given; names outside `known` are errors). `where` names the options in the message.
 * @internal
 */
export function checkAnnotateOptions(o: unknown, where: string, known: ReadonlySet<string> = CALL_OPTIONS): asserts o is AnnotateOptions | undefined {
  if (o === undefined || o === null) return;
  if (typeof o !== 'object' || Array.isArray(o)) throw new AalamError('E_OPTION', `${where} must be an object`, o);
  const x = o as Record<string, unknown>;
  // (a misspelt option would otherwise be ignored without a word)
  for (const k of Object.keys(x)) {
    if (!known.has(k)) throw new AalamError('E_OPTION', `${where}: unknown option ${JSON.stringify(k.slice(0, 40))} (known: ${[...known].join(', ')})`, k);
  }
  const types = x['types'];
  if (types !== undefined) {
    if (!Array.isArray(types)) throw new AalamError('E_OPTION', `${where}.types must be an array of 'PER', 'LOC', 'ORG', 'NORP'`, types);
    for (const t of types as unknown[]) {
      if (typeof t !== 'string' || !ENTITY_TYPES.has(t)) throw new AalamError('E_OPTION', `${where}.types: unknown type ${JSON.stringify(t) ?? String(t)} (expected 'PER', 'LOC', 'ORG' or 'NORP')`, t);
    }
  }
  for (const k of BOOLEAN_OPTIONS) {
    const v = x[k];
    if (v !== undefined && typeof v !== 'boolean') throw new AalamError('E_OPTION', `${where}.${k} must be true or false`, v);
  }
}

/** Index of the token containing offset `pos` (binary search over token starts). */
function tokenAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** True when `s` has a letter of the Arabic script. */
function hasArabicLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isArabicLetter(s.charCodeAt(i))) return true;
  return false;
}

/**
 * The entities that are not inside a web or e-mail address (reuters in https://www.reuters.com/…
 * is part of an address, not a mention). Both lists are in text order: one sweep.
 */
function withoutWebAddresses(text: string, entities: readonly Entity[]): readonly Entity[] {
  const spans = webAddressSpans(text);
  if (!spans.length) return entities;
  const out: Entity[] = [];
  let si = 0;
  for (const e of entities) {
    while (si < spans.length && spans[si]![1] <= e.start) si++;
    const w = spans[si];
    if (!(w && e.start >= w[0] && e.end <= w[1])) out.push(e);
  }
  return out;
}

/** Whether some of `sorted` (entities in text order, not overlapping) overlaps [start, end): a binary search. */
function overlapsAny(sorted: readonly Entity[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.start < end;
}

/**
 * Routes paragraphs by language: Arabic (and undetermined) paragraphs keep the Arabic rules' entities;
 * English paragraphs keep only the names written in Arabic (an Arabic sentence quoting an English
 * one) and get compromise + lexicon finds linked to the same entries, filtered by the call's `types`
 * and `patterns`; other Latin-script paragraphs (French, Spanish…) keep the lexicon's finds;
 * Persian/Urdu paragraphs are not tagged unless `forceArabic`.
 */
function routeByLanguage(
  m: Matcher, text: string, arabic: readonly Entity[], paragraphs: readonly Paragraph[], opts: AnnotateOptions, tokenStarts: () => Int32Array,
): Entity[] {
  const forceArabic = opts.forceArabic === true;
  const foreign = paragraphs.filter((p) => !ARABIC_RULES.has(p.language) && !(forceArabic && ARABIC_SCRIPT_OTHERS.has(p.language)));
  if (!foreign.length) return arabic as Entity[];
  // (entities and paragraphs are both in text order: one sweep, not entities × paragraphs)
  const kept: Entity[] = [];
  let pi = 0;
  for (const e of arabic) {
    while (pi < foreign.length && foreign[pi]!.end <= e.start) pi++;
    const p = foreign[pi];
    const inForeign = p !== undefined && e.start >= p.start && e.end <= p.end;
    // an Arabic-script paragraph of another language: nothing; an English one: its Arabic names
    // (compromise reads the rest); another Latin-script one: the lexicon's finds as they are
    if (!inForeign || (!ARABIC_SCRIPT_OTHERS.has(p.language) && (p.language !== 'eng' || hasArabicLetter(e.text)))) kept.push(e);
  }
  const english = foreign.filter((p) => p.language === 'eng');
  if (!english.length) return kept;
  const lookup = (surface: string): number | undefined => {
    const hits = lookupKey(m, aliasKey(surface));
    const h = hits?.find((x) => x.kind === HitKind.Entity && !isAmbiguous(x)) ?? hits?.find((x) => x.kind === HitKind.Entity);
    return h?.ref;
  };
  const typeOf = (i: number): string | undefined => m.entry(i)?.type;
  const types = opts.types ? new Set<string>(opts.types) : null;
  const added: Entity[] = [];
  const starts = tokenStarts();
  for (const p of english) {
    for (const s of englishEntities(text, p.start, p.end, lookup, { typeOf })) {
      const e = s.entryIndex !== undefined ? m.entry(s.entryIndex) : undefined;
      const type = e?.type ?? s.type;
      if (types && !types.has(type)) continue;
      if (!e && opts.patterns === false) continue;
      // (an Arabic-script name kept in the paragraph may not overlap an English find)
      if (overlapsAny(kept, s.start, s.end)) continue;
      added.push({
        start: s.start, end: s.end, text: s.text, type, id: e?.id ?? null, name: e ? e.name : null,
        ...(e?.kind ? { kind: e.kind } : {}), ...((e?.country ?? e?.iso2) ? { country: (e!.country ?? e!.iso2)! } : {}),
        tokenStart: tokenAt(starts, s.start), tokenEnd: tokenAt(starts, s.end - 1) + 1, prefix: [],
        source: { by: e ? 'lexicon' : 'pattern', rule: `english:${s.by}` },
        confidence: e ? 0.9 : 0.6,
      });
    }
  }
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/** A compiled, immutable annotator; safe to share across requests and calls. */
export interface Annotator {
  /** Annotates one document. Never throws on a string; `E_INPUT_TYPE` otherwise. */
  annotate(text: string, options?: AnnotateOptions): Annotation;
  /** Sizes of the compiled lexicon. */
  readonly stats: { readonly entries: number; readonly aliases: number };
}

/** Work buffers (and with them the entity passes' functions) per matcher. */
const scratches = new WeakMap<Matcher, Scratch>();
const scratchFor = (m: Matcher): Scratch => {
  let s = scratches.get(m);
  if (!s) scratches.set(m, (s = new Scratch()));
  return s;
};

/** The shipped lexicon built from `dist/lexicon.json`, when its precomputed artifact is unusable. */
let builtShipped: Matcher | undefined;
/** The shipped lexicon's matcher, one per thread: every annotator of it shares its work buffers. */
const shippedMatcher = (): Matcher => loadShippedMatcher() ?? (builtShipped ??= buildMatcher(loadShippedLexicon()));

/**
 * The topic model, loaded on the first annotate() that asks for topics or keyphrases, and shared by
 * every annotator of the thread (it has no options; its word table is a cache of pure analyses).
 */
let defaultTopicModel: TopicModel | undefined;

/**
 * Throws unless the lexicon options have the right shapes: `entries` an array (each entry is
 * checked against the schema later), `lexiconFiles` an array of paths, `lexicon` a compiled lexicon.
 * A compiled lexicon's `entries` and `aliases` are not read here (`compileLexicon` makes them on
 * first read, and a lexicon whose arrays were read is matched from them instead of its columns).
 */
function checkLexiconOptions(o: AnnotatorOptions): void {
  const { entries, lexiconFiles, lexicon } = o as Record<string, unknown>;
  if (entries !== undefined && !Array.isArray(entries)) throw new AalamError('E_OPTION', 'createAnnotator() options.entries must be an array of lexicon entries', entries);
  if (lexiconFiles !== undefined && (!Array.isArray(lexiconFiles) || lexiconFiles.some((f) => typeof f !== 'string'))) {
    throw new AalamError('E_OPTION', 'createAnnotator() options.lexiconFiles must be an array of file paths', lexiconFiles);
  }
  if (lexicon === undefined) return;
  const l = lexicon as Partial<Record<keyof CompiledLexicon, unknown>> | null;
  const arrays: readonly (keyof CompiledLexicon)[] = ['nonEntities', 'triggers', 'institutions', 'stopwords', 'commonWords'];
  const ok = typeof l === 'object' && l !== null && l.version === 1 && typeof l.givenNames === 'object' && l.givenNames !== null &&
    arrays.every((k) => Array.isArray(l[k])) &&
    (aliasColumns(l as CompiledLexicon) !== undefined || Array.isArray(l.aliases)) &&
    (entryFieldColumns(l as CompiledLexicon) !== undefined || Array.isArray(l.entries));
  if (!ok) throw new AalamError('E_LEXICON_SCHEMA', 'createAnnotator() options.lexicon is not a compiled lexicon (what compileLexicon returns)', lexicon);
}

/** Alias rows of extra entries up to which they extend the shipped matcher instead of being built with it. */
const EXTEND_MAX_ROWS = 5000;

/**
 * Extra entries (compiled on their own) after a lexicon's: their alias rows come after its alias rows,
 * their entry indices after its entries.
 */
function withExtras(base: CompiledLexicon, extra: CompiledLexicon): CompiledLexicon {
  const offset = base.entries.length;
  return {
    ...base,
    entries: [...base.entries, ...extra.entries],
    aliases: [...base.aliases, ...extra.aliases.map(([k, i, f, a]) => [k, i + offset, f, a] as const)],
  };
}

/**
 * Compiles the lexicons once and returns a frozen annotator.
 *
 * @param options - `lexicon`, `entries` and `lexiconFiles` choose what is matched; the rest are
 *   defaults for every `annotate` call (`[types=all]`, `[patterns=true]`, `[propagation=true]`, `[composition=true]`).
 * @throws {AalamError} `E_LEXICON_SCHEMA` for a bad extra entry or a `lexicon` that is not a compiled one,
 *   `E_LEXICON_LOAD` for an unreadable file, `E_OPTION` for a bad option value (also from `annotate`).
 *
 * @example
 * ```ts
 * const aalam = createAnnotator();
 * const { entities } = aalam.annotate('التقى وانغ يي بنظيره في بكين.');
 * entities[0] // { start: 6, end: 13, text: 'وانغ يي', type: 'PER', id: 'per/wang-yi', … }
 * entities[1] // { start: 24, end: 28, text: 'بكين', type: 'LOC', id: 'loc/beijing-cn', … }
 * ```
 */
export function createAnnotator(options: AnnotatorOptions = {}): Annotator {
  // (null as no options, as undefined)
  options ??= {};
  checkAnnotateOptions(options, 'createAnnotator() options', ANNOTATOR_OPTIONS);
  checkLexiconOptions(options);
  const extras: LexiconEntry[] = [];
  if (options.entries) {
    assertEntries(options.entries as unknown[], 'options.entries');
    extras.push(...options.entries);
  }
  for (const file of options.lexiconFiles ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new AalamError('E_LEXICON_LOAD', `cannot read lexicon file ${file}: ${(err as Error).message}`, file);
    }
    extras.push(...parseLexiconJsonl(text, file));
  }
  // the shipped lexicon comes precomputed (dist/lexicon.bin); anything else is built here
  let matcher: Matcher;
  if (!extras.length) matcher = options.lexicon ? buildMatcher(options.lexicon) : shippedMatcher();
  else {
    const extra = compileLexicon({ entries: mergeEntries(extras) });
    // A few extra names extend the shipped matcher (a copy of its trie: a few milliseconds, against
    // ~50 to build the shipped names again); many are built with it. Both make the same matcher.
    matcher = !options.lexicon && (aliasColumns(extra)?.count ?? Infinity) <= EXTEND_MAX_ROWS
      ? extendMatcher(shippedMatcher(), extra)
      : buildMatcher(withExtras(options.lexicon ?? loadShippedLexicon(), extra));
  }
  // work buffers reused across calls (annotate is synchronous: one call at a time per thread), shared
  // by the annotators of one matcher: they then share the entity passes' functions too (made once per
  // scratch), and V8's optimized code for them (a second set of these functions made the optimized
  // code of the first deoptimize, and the code made again served both 10–15 % slower)
  const scratch = scratchFor(matcher);
  const defaults: AnnotateOptions = {
    ...(options.types ? { types: options.types } : {}),
    ...(options.patterns !== undefined ? { patterns: options.patterns } : {}),
    ...(options.propagation !== undefined ? { propagation: options.propagation } : {}),
    ...(options.composition !== undefined ? { composition: options.composition } : {}),
    ...(options.language !== undefined ? { language: options.language } : {}),
    ...(options.forceArabic !== undefined ? { forceArabic: options.forceArabic } : {}),
    ...(options.topics !== undefined ? { topics: options.topics } : {}),
    ...(options.keyphrases !== undefined ? { keyphrases: options.keyphrases } : {}),
  };
  return Object.freeze({
    annotate(text: string, callOptions?: AnnotateOptions): Annotation {
      assertText(text, 'annotate');
      checkAnnotateOptions(callOptions, 'annotate() options');
      const opts = withDefaults(defaults, callOptions ?? undefined);
      const whole = readsWhole(text);
      const wantTopics = opts.topics !== false;
      const wantKeys = opts.keyphrases !== false;
      const model = wantTopics || wantKeys ? (defaultTopicModel ??= createTopicModel()) : undefined;
      // a long text is read in windows: the topic model takes the tokens of each (no second scan)
      const windows = model && !whole ? model.readWindows(text.length) : undefined;
      let entities: readonly Entity[] = withoutWebAddresses(text, annotateTokens(matcher, text, opts, scratch, windows?.add));
      let out: { -readonly [K in keyof Annotation]: Annotation[K] } = { entities };
      if (opts.language !== false) {
        const profile = analyzeLanguage(text);
        // the token starts of this text are still in the scratch buffers when annotateTokens scanned
        // it whole; a long text read in windows has them in the topic model's copy when topics are
        // asked for, else it is scanned again, if a paragraph needs it
        const starts = (): Int32Array => (whole ? scratch.tokens.start.subarray(0, scratch.tokens.count) : windows ? windows.starts() : scanTokens(text).start);
        entities = routeByLanguage(matcher, text, entities, profile.paragraphs, opts, starts);
        out = { entities, language: profile.language, paragraphs: profile.paragraphs.map((p) => ({ start: p.start, end: p.end, language: p.language })) };
      }
      if (model) {
        // the tokens annotateTokens scanned (still in the scratch buffers, or read window by window): no second scan
        const tokens = whole ? scratch.tokens : windows;
        if (wantTopics && wantKeys) {
          const a = model.analyze(text, entities, undefined, tokens);
          out.topics = a.topics;
          out.keyphrases = a.keyphrases;
        } else if (wantTopics) out.topics = model.topics(text, entities, undefined, tokens);
        else out.keyphrases = model.keyphrases(text, entities, undefined, tokens);
      }
      // buffers grown for a document of over a million tokens (~10 MB) are not kept (the scan's
      // tokens were read by the language routing and the topics above)
      scratch.release(1 << 20);
      return out;
    },
    stats: Object.freeze({ entries: matcher.entryCount, aliases: matcher.aliasCount }),
  });
}

let defaultAnnotator: Annotator | undefined;

/**
 * Annotates with a default annotator built on first call (shipped lexicons, default options).
 * @example
 * ```ts
 * annotate('مظليون روس يغادرون إلى كازاخستان (أ.ف.ب)').entities.map((e) => e.text) // ['روس', 'كازاخستان', 'أ.ف.ب']
 * ```
 */
export function annotate(text: string, options?: AnnotateOptions): Annotation {
  defaultAnnotator ??= createAnnotator();
  return defaultAnnotator.annotate(text, options);
}
