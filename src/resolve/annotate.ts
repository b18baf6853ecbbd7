import { offsetAfterUnits, tokenNorm } from '../tokenize/index.js';
import { grown } from '../arrays.js';
import { TokenBuffer } from '../tokenize/scan.js';
import { compileTable, optionsMask } from '../normalize/engine.js';
import { CLITIC_ROLE_SETS as ROLE_SETS, RoleSet, type CliticRole } from '../tokenize/clitics.js';
import { HitKind, keyIs, leadOf, type Matcher } from '../gazetteer/matcher.js';
import { HASH_B, HashSet32, MAX_HASH_LEN, hashPowers, hashPrepend, hashString } from '../gazetteer/hash.js';
import { AMBIGUOUS } from '../gazetteer/compile.js';
import type { EntityType } from '../gazetteer/schema.js';

/** How an annotation was found. */
export type SourceKind = 'lexicon' | 'propagation' | 'composition' | 'pattern';

/** A proclitic stripped from the front of a name, with its own offsets in the original input. */
export interface Clitic {
  readonly role: CliticRole;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * One mention of a person, place, organization or nationality.
 *
 * `start`/`end` are UTF-16 code units of the ORIGINAL input, half-open: `input.slice(start, end) === text`.
 * Proclitics are not in the span (بكازاخستان → `كازاخستان`, prefix `ب`); the article is, when the
 * name has one (الصين).
 */
export interface Entity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EntityType;
  /** Lexicon id (`loc/kazakhstan`), a composed id (`org/china/ministry-of-foreign-affairs`), or null for pattern finds. */
  readonly id: string | null;
  readonly name: { readonly ar: string; readonly en: string } | null;
  readonly kind?: string;
  /** ISO 3166-1 alpha-2 of the country the entity belongs to, when known. */
  readonly country?: string;
  /** Token range `[tokenStart, tokenEnd)` in `tokenize(input).tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly prefix: readonly Clitic[];
  readonly source: { readonly by: SourceKind; readonly alias?: string; readonly rule?: string };
  /** 0–1; lexicon matches without ambiguity are highest, pattern finds lowest. */
  readonly confidence: number;
}

/** Options of one `annotate` call (or defaults for an annotator). */
export interface EntityOptions {
  /** Types to report. `[types=['PER','LOC','ORG','NORP']]` */
  readonly types?: readonly EntityType[];
  /** Person names by title or known given name. `[patterns=true]` */
  readonly patterns?: boolean;
  /** Later short mentions of a full name (وانغ after وانغ يي). `[propagation=true]` */
  readonly propagation?: boolean;
  /** Institution + demonym composition (وزارة الخارجية الصينية). `[composition=true]` */
  readonly composition?: boolean;
}

/** A chosen span: every field always present, so that all Chosen share one hidden class. */
class Chosen {
  constructor(
    readonly t: number,
    readonly end: number,
    /** The reading of token t the span was found in: a variant of t (0: the bare token), or -1 for ^CAPS. */
    readonly v: number,
    /** The lexicon entry: its index in the matcher's entries (-1 when none). */
    readonly ref: number,
    readonly type: EntityType,
    readonly id: string | null,
    readonly name: { readonly ar: string; readonly en: string } | null,
    readonly kind: string | undefined,
    readonly country: string | undefined,
    readonly by: SourceKind,
    readonly alias: string | undefined,
    readonly rule: string | undefined,
    readonly confidence: number,
    /** Leading tokens that matched a title in the alias: the span starts after them. */
    readonly lead: number,
  ) {}
  /** The span's text, kept when a later window may propagate from it ('' until then). */
  span = '';
  /** The annotation's `source` when it is one shared by many (frozen), else null (made by `toEntity`). */
  source: EntitySource | null = null;
}

type EntitySource = Entity['source'];
type EntityName = NonNullable<Entity['name']>;

const QUOTE_OR_BRACKET = new Set(['«', '»', '"', '“', '”', '(', ')', "'", '‘', '’', '[', ']', '-', '–']);
const CLITIC_TOKENS = new Set(['ل', 'ب', 'و', 'ف', 'ك', 'وب', 'ول', 'فب', 'فل', 'لل']);

/** Particles inside Arabic names (normalized). */
const NAME_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ال', 'عبد', 'ولد', 'ابي']);
/** The clitic roles of no clitic (`ROLE_SETS[RoleSet.None]`: the readings' roles are packed as numbers, `vRole`). */
const NO_ROLES = ROLE_SETS[RoleSet.None]!;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const LAM = 0x0644;
const KAF = 0x0643;
const SEEN = 0x0633;
const ALEF = 0x0627;
const HASH_ARTICLE = hashString('ال');
interface WordHashes { precederHashes: HashSet32; locativeHashes: HashSet32; cliticHashes: HashSet32; quoteHashes: HashSet32 }
let wordHashCache: WordHashes | undefined;
/** Hashes of the built-in word lists (computed on first use; they never change). */
function wordHashes(): WordHashes {
  return (wordHashCache ??= {
    precederHashes: new HashSet32([...NAME_PRECEDERS].map(hashString)),
    cliticHashes: new HashSet32([...CLITIC_TOKENS].map(hashString)),
    quoteHashes: new HashSet32([...QUOTE_OR_BRACKET].map(hashString)),
    locativeHashes: new HashSet32([...LOCATIVE].map(hashString)),
  });
}

/** Prepositions and nouns after which a word is read as a place. */
const LOCATIVE = new Set(
  ('في الي من نحو قرب قرابه بين شمال جنوب شرق غرب وسط ضواحي داخل خارج عبر حتي مدينه بلده مدن ' +
    'شمالي جنوبي شرقي غربي محيط اطراف انحاء ريف مطار ميناء سواحل').split(' '),
);

/** Frequent news verbs and other words that may stand right before a name (the adjective guard). */
const NAME_PRECEDERS = new Set(
  ('قال اكد اعلن زار التقي استقبل وصل دعا شدد اشار اضاف اعتبر راي بحث القي توجه غادر عاد هنا وقع ' +
    'اجري اتصل ابلغ طالب حذر رحب دان ندد ترأس تراس افتتح صرح كشف اوضح لفت نفي رد عين اقال ' +
    'يقول يؤكد يعلن يزور يلتقي يستقبل يصل يدعو يبحث يتوجه عقد وجه ابدي تلقي اعرب').split(' '),
);


/**
 * Token positions of the unambiguous mentions of each entry in the current document (typed arrays,
 * reset per call). A long document is read in windows (see `WINDOW`): the mentions of the current
 * window are kept in full, those of earlier windows only as each entry's last position (the
 * windows that follow never ask about a later one). @internal
 */
export class Mentions {
  /** `clock` of the document start when the entry was mentioned in this document. */
  private stamp = new Int32Array(0);
  /** `clock` of the window when the entry has mentions in the window's lists. */
  private wstamp = new Int32Array(0);
  /** The entry's last mention in the earlier windows (-1: none). */
  private last = new Int32Array(0);
  private head = new Int32Array(0);
  private pos = new Int32Array(256);
  private next = new Int32Array(256);
  private size = 0;
  /** Counts windows; a document starts at `epoch` and its current window is `clock`. */
  private clock = 0;
  private epoch = 0;
  /** Entries mentioned in this window, in order of their first mention in it. */
  private refs = new Int32Array(256);
  private nrefs = 0;
  /** After `freeze`: each entry's mentions so far, increasing, at `sorted[off[ref], off[ref] + cnt[ref])`. */
  private sorted = new Int32Array(256);
  private off = new Int32Array(0);
  private cnt = new Int32Array(0);
  /** Mentions with an index below this are in `sorted` (-1: not frozen). */
  private frozen = -1;
  /** Starts a document. */
  reset(entries: number): void {
    if (this.stamp.length < entries || this.clock >= 0x7ff00000) {
      this.stamp = new Int32Array(entries);
      this.wstamp = new Int32Array(entries);
      this.last = new Int32Array(entries);
      this.head = new Int32Array(entries);
      this.off = new Int32Array(entries);
      this.cnt = new Int32Array(entries);
      this.clock = 0;
    }
    this.epoch = ++this.clock;
    this.size = 0;
    this.nrefs = 0;
    this.frozen = -1;
  }
  /** Starts the next window of the document: the mentions so far are kept as each entry's last one. */
  nextWindow(): void {
    for (let k = 0; k < this.nrefs; k++) {
      const ref = this.refs[k]!;
      let p = this.last[ref]!;
      for (let i = this.head[ref]!; i >= 0; i = this.next[i]!) p = Math.max(p, this.pos[i]!);
      this.last[ref] = p;
    }
    this.clock++;
    this.size = 0;
    this.nrefs = 0;
    this.frozen = -1;
  }
  add(ref: number, t: number): void {
    if (this.size === this.pos.length) {
      this.pos = grown(this.pos, this.size * 2);
      this.next = grown(this.next, this.size * 2);
    }
    this.pos[this.size] = t;
    if (this.wstamp[ref] === this.clock) this.next[this.size] = this.head[ref]!;
    else {
      this.next[this.size] = -1;
      if (this.nrefs === this.refs.length) this.refs = grown(this.refs, this.nrefs * 2);
      this.refs[this.nrefs++] = ref;
      this.cnt[ref] = 0;
      this.wstamp[ref] = this.clock;
      if (this.stamp[ref] !== this.epoch) {
        this.stamp[ref] = this.epoch;
        this.last[ref] = -1;
      }
    }
    this.head[ref] = this.size++;
  }
  has(ref: number): boolean {
    return this.stamp[ref] === this.epoch;
  }
  /** Drops the per-mention arrays (kept at their largest size otherwise). */
  release(): void {
    this.pos = new Int32Array(256);
    this.next = new Int32Array(256);
    this.refs = new Int32Array(256);
    this.sorted = new Int32Array(256);
    this.size = 0;
    this.nrefs = 0;
    this.frozen = -1;
  }
  /**
   * Groups the mentions added so far in this window by entry, in increasing order (they were added
   * left to right), so that `recency` is a binary search however often a name recurs.
   */
  freeze(): void {
    if (this.sorted.length < this.size) this.sorted = new Int32Array(Math.max(this.size, this.sorted.length * 2));
    let o = 0;
    for (let k = 0; k < this.nrefs; k++) {
      const ref = this.refs[k]!;
      let c = 0;
      for (let i = this.head[ref]!; i >= 0; i = this.next[i]!) c++;
      this.off[ref] = o;
      this.cnt[ref] = c;
      let w = o + c;
      for (let i = this.head[ref]!; i >= 0; i = this.next[i]!) this.sorted[--w] = this.pos[i]!;
      o += c;
    }
    this.frozen = this.size;
  }
  /** The last mention at or before token t; else minus the first one after it; -Infinity when none. */
  recency(ref: number, t: number): number {
    if (this.stamp[ref] !== this.epoch) return -Infinity;
    // an earlier window's mention is before every mention of this one
    let best = this.last[ref]! >= 0 ? this.last[ref]! : -Infinity;
    if (this.wstamp[ref] !== this.clock) return best;
    let i = this.head[ref]!;
    if (this.frozen >= 0) {
      // mentions added after the freeze, then the frozen ones by binary search
      for (; i >= this.frozen; i = this.next[i]!) {
        const p = this.pos[i]!;
        best = p <= t ? Math.max(best, p) : Math.max(best, -p);
      }
      const c = this.cnt[ref]!;
      if (c > 0) {
        const o = this.off[ref]!;
        const s = this.sorted;
        let lo = 0;
        let hi = c; // first index with a position > t
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (s[o + mid]! <= t) lo = mid + 1;
          else hi = mid;
        }
        best = Math.max(best, lo > 0 ? s[o + lo - 1]! : -s[o]!);
      }
      return best;
    }
    for (; i >= 0; i = this.next[i]!) {
      const p = this.pos[i]!;
      best = p <= t ? Math.max(best, p) : Math.max(best, -p);
    }
    return best;
  }
}

/**
 * Per-annotator work buffers, reused from call to call (annotate is synchronous, so one call uses
 * them at a time); they grow to the largest document seen. Zeroed where a pass reads before writing.
 * @internal
 */
export class Scratch {
  private cap = 0;
  readonly tokens = new TokenBuffer();
  /**
   * Readings ("variants") of each word token, packed token by token: token t's are
   * `[vOff[t], vOff[t + 1])` (the bare token first, then clitic-stripped stems): the hash of the key,
   * the letters stripped, the clitic roles (a `RoleSet`). One to six per token, ~1.5 on news.
   */
  vOff = new Int32Array(0);
  vHash = new Int32Array(1024);
  vStrip = new Uint8Array(1024);
  vRole = new Uint8Array(1024);
  /** Room for six more variants after `k` (the arrays double). */
  variantRoom(k: number): void {
    if (k + 6 <= this.vHash.length) return;
    const size = Math.max(k + 6, this.vHash.length * 2);
    this.vHash = grown(this.vHash, size);
    this.vStrip = grown(this.vStrip, size);
    this.vRole = grown(this.vRole, size);
  }
  covered = new Uint8Array(0);
  readonly sure = new Mentions();
  /** The passes bound to this scratch and a matcher (made on first use). */
  runner: { readonly m: Matcher; readonly run: (text: string, opts: EntityOptions, onWindow?: (scanned: TokenBuffer) => void) => Entity[] } | undefined;
  /** Token positions with candidates. */
  positions = new Int32Array(0);
  /** Positions of the Arabic words with a reading in the given-name hashes (where pass 4 looks). */
  givenAt = new Int32Array(0);
  /**
   * Normalized strings of the current document's tokens, made on first need ('' until then; emptied
   * after each call): one array per annotator, not one per call.
   */
  norms: string[] = [];
  /** The tokens whose string `norms` holds in the current window (most tokens never need one). */
  normSet = new Int32Array(0);
  /** Hashes of the name parts that propagate in the current document. */
  readonly partialHashes = new HashSet32();
  /**
   * Lexicon candidates of the document, as integers, token by token: token t's are
   * `[candOff[t], candOff[t + 1])`, longest first; each is the token after it (`candEnd`), its trie
   * node (`candNode`: hits and key) and the reading it was matched in (`candVar`: a variant of t, or
   * -1 for the `^CAPS` reading of a Latin token). No objects per candidate: on a long document they
   * would all live until the call returns, and be copied by every scavenge.
   */
  candOff = new Int32Array(0);
  candEnd = new Int32Array(256);
  candNode = new Int32Array(256);
  candVar = new Int8Array(256);
  /** Room for one more candidate after `k` (the arrays double). */
  candRoom(k: number): void {
    if (k < this.candEnd.length) return;
    const size = this.candEnd.length * 2;
    this.candEnd = grown(this.candEnd, size);
    this.candNode = grown(this.candNode, size);
    this.candVar = grown(this.candVar, size);
  }
  reserve(n: number): this {
    if (n > this.cap) {
      const cap = Math.max(n, this.cap * 2, 256);
      this.vOff = new Int32Array(cap + 1); this.covered = new Uint8Array(cap); this.positions = new Int32Array(cap); this.givenAt = new Int32Array(cap);
      this.candOff = new Int32Array(cap + 1);
      this.cap = cap;
    } else {
      this.covered.fill(0, 0, n);
    }
    return this;
  }

  /**
   * Lets go of buffers grown for a very long document (more than `maxTokens` tokens), so that a
   * long-lived annotator does not keep them; they grow again when needed. The scan's buffers are
   * sized by the text as well: a window without a space or line break to cut at (one word of
   * millions of letters) leaves them large with few tokens.
   */
  release(maxTokens: number): void {
    // (the scan's buffers hold at least as many tokens as these: released with them, and alone)
    if (this.tokens.oversized(maxTokens)) this.tokens.release();
    if (this.cap <= maxTokens) return;
    this.cap = 0;
    this.vOff = new Int32Array(0); this.vHash = new Int32Array(1024); this.vStrip = new Uint8Array(1024); this.vRole = new Uint8Array(1024);
    this.covered = new Uint8Array(0); this.positions = new Int32Array(0); this.givenAt = new Int32Array(0);
    this.candOff = new Int32Array(0);
    this.candEnd = new Int32Array(256); this.candNode = new Int32Array(256); this.candVar = new Int8Array(256);
    this.sure.release();
    this.norms = [];
    this.normSet = new Int32Array(0);
  }
}

export function annotateTokens(
  m: Matcher, text: string, opts: EntityOptions, sc: Scratch,
  /** Called with each window's scan when `text` is read in windows (see `readsWhole`), in text order. */
  onWindow?: (scanned: TokenBuffer) => void,
): Entity[] {
  // the passes and their helpers are made once per scratch and matcher (the annotators keep one
  // scratch per matcher), not per call: the same functions every call keep V8's optimized code
  // valid (no "wrong call target" deopts)
  if (sc.runner?.m !== m) sc.runner = { m, run: makeRunner(m, sc) };
  return sc.runner.run(text, opts, onWindow);
}

/** The entity passes over one text, bound to a matcher and reusable work buffers. */
function makeRunner(m: Matcher, sc: Scratch): (text: string, opts: EntityOptions, onWindow?: (scanned: TokenBuffer) => void) => Entity[] {
  const { action, expansions } = compileTable(optionsMask(undefined));
  const POW = hashPowers();
  // One pass over the text (src/tokenize/scan.ts): token spans, the hash of each normalized token
  // and its normalized units (so that clitic-stripped stems are hashed without building strings).
  // Normalized strings are built lazily, only where a rule needs to read them.
  const raw = sc.tokens;
  // the current call's text, options and views of the buffers (set at the start of each call)
  let text = '';
  let opts: EntityOptions = {};
  let n = 0;
  let H = raw.hash;
  let U = raw.units;
  let NS = raw.normStart;
  let NL = raw.nlen;
  let kinds = raw.kind;
  /** Normalized token strings made so far in this call ('' = not made): see `Scratch.norms`. */
  let normCache = sc.norms;
  let normSet = sc.normSet;
  /** How many of `normSet` the current window has. */
  let nNorm = 0;
  let vHash = sc.vHash;
  let vStrip = sc.vStrip;
  let vRole = sc.vRole;
  let vOff = sc.vOff;
  let nv = 0;
  let positions = sc.positions;
  let givenAt = sc.givenAt;
  /** How many of `givenAt` the current window has. */
  let ngiven = 0;
  let covered = sc.covered;
  const sure = sc.sure;
  // Countries as small integers, per matcher: each entry's own country (`country`) and the country
  // it stands for (`country ?? iso2`: a country entry is its own); the document's countries are
  // then stamps of the current call in two arrays, not sets of strings.
  const countryIds = new Map<string, number>();
  const countryId = (c: string): number => {
    let k = countryIds.get(c);
    if (k === undefined) countryIds.set(c, (k = countryIds.size));
    return k;
  };
  const E = m.entryCount;
  const ownCountry = new Int32Array(E).fill(-1);
  const anyCountry = new Int32Array(E).fill(-1);
  /** 1 for a demonym (NORP) entry: read beside the hit columns, without loading the entry. */
  const norpEntry = new Uint8Array(E);
  // The fields the passes read of each entry, by column (the matcher's: an entry object per read
  // would be a megamorphic lookup, entries having up to five shapes)
  const cols = m.entryColumns;
  const entryType = cols.type;
  const entryId = cols.id;
  const entryKind = cols.kind;
  /** The entry's country, or the country it is (`country ?? iso2`), or undefined. */
  const entryCountry = cols.place;
  for (let i = 0; i < E; i++) {
    if (entryType[i] === 'NORP') norpEntry[i] = 1;
    const country = cols.country[i];
    if (country) ownCountry[i] = countryId(country);
    if (entryCountry[i]) anyCountry[i] = countryId(entryCountry[i]!);
  }
  /** Countries with a person title before their demonym (الرئيس الصيني): stamped with `epoch`. */
  const titledCountries = new Int32Array(countryIds.size);
  /** Countries the document is about (unambiguous mentions of a country, its demonym, or its people and places): stamped with `epoch`. */
  const docCountries = new Int32Array(countryIds.size);
  let epoch = 0;
  let partial = new Map<string, Chosen | null>();
  /** The names this window added to `partial` (their text is kept for later windows). */
  const windowPartials: Chosen[] = [];
  // Parts of annotations that many share, frozen (annotations are read-only): each entry's name,
  // the source of each hit row read without a rule, the source of each pattern rule. A long
  // document's annotations all live until the call returns: fewer objects, less to copy.
  const sharedNames: (EntityName | undefined)[] = new Array(E);
  const nameOf = (ref: number): EntityName => {
    let x = sharedNames[ref];
    if (x === undefined) {
      const nm = m.entry(ref)!.name;
      x = sharedNames[ref] = Object.freeze({ ar: nm.ar, en: nm.en });
    }
    return x;
  };
  const rowSources: (EntitySource | undefined)[] = new Array(m.columns.alias.length);
  const patternSources = new Map<string, EntitySource>();
  /** Tokens of the document before the current window (0 for a text read whole). */
  let base = 0;
  /** The call's type filter (null: every type). */
  let types: ReadonlySet<EntityType> | null = null;
  /** Normalized unit x of token t (0 past its end). */
  const unit = (t: number, x: number): number => (x < NL[t]! ? U[NS[t]! + x]! : 0);
  /** Hash of the first k normalized units of token t. */
  const prefixHash = (t: number, k: number): number => {
    let h = 0;
    for (let x = NS[t]!, e = x + k; x < e; x++) h = (Math.imul(h, HASH_B) + U[x]!) | 0;
    return h;
  };
  /** Hash of token t's normalized form without its first k units (k ≤ 4). */
  const suffixHash = (t: number, k: number): number =>
    k === 0 ? H[t]! : (H[t]! - Math.imul(prefixHash(t, k), POW[Math.min(NL[t]! - k, MAX_HASH_LEN)]!)) | 0;
  const normOf = (t: number): string => {
    let s = normCache[t]!;
    if (s === '') {
      s = normCache[t] = tokenNorm(text, raw.start[t]!, raw.end[t]!, action, expansions);
      // (an empty form is made again on each read, as it was kept as '' anyway)
      if (s !== '') normSet[nNorm++] = t;
    }
    return s;
  };
  /** `^CSTO` for a short all-caps Latin token, else null. */
  const capsKey = (t: number): string | null => {
    if (raw.kind[t] !== 1) return null;
    const s = raw.start[t]!;
    const e = raw.end[t]!;
    if (e - s < 2 || e - s > 6) return null;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= 0x41 && c <= 0x5a) || (c === 0x2e && i > s))) return null;
    }
    return '^' + text.slice(s, e);
  };

  // The readings ("variants") of each word token, bare then clitic-stripped: the hash of the key,
  // letters stripped, clitic roles (ال restored for لل). Computed once per token, in token order,
  // and shared by the passes; the stems are hashed from the token's hash and prefix hashes, and a key
  // string is built only for a reading a pass needs to read (`keyOf`).
  /** Whether a variant with clitic roles `role` restores the article (لل → ال). */
  const restoresArticle = (role: number): boolean => role === RoleSet.PrepArt || role === RoleSet.ConjPrepArt;
  /** Appends the variants of word token t (at `nv`); `vOff[t]` is where they start. */
  const addVariants = (t: number): void => {
    if (nv + 6 > vHash.length) { sc.variantRoom(nv); vHash = sc.vHash; vStrip = sc.vStrip; vRole = sc.vRole; }
    const o = nv;
    let k = 0;
    const len = NL[t]!;
    vHash[o] = H[t]!; vStrip[o] = 0; vRole[o] = RoleSet.None; k = 1;
    if (raw.kind[t] === 0 && len > 2) {
      const c0 = unit(t, 0);
      const conj = c0 === WAW || c0 === FEH ? 1 : 0;
      for (let ci = 0; ci <= conj; ci++) {
        if (ci) { vHash[o + k] = suffixHash(t, 1); vStrip[o + k] = 1; vRole[o + k] = RoleSet.Conj; k++; }
        const c = unit(t, ci);
        if (c === BEH || c === LAM || c === KAF) {
          if (len - ci - 1 >= 2) { vHash[o + k] = suffixHash(t, ci + 1); vStrip[o + k] = ci + 1; vRole[o + k] = ci ? RoleSet.ConjPrep : RoleSet.Prep; k++; }
          if (c === LAM && unit(t, ci + 1) === LAM && len > ci + 3) {
            vHash[o + k] = hashPrepend(HASH_ARTICLE, suffixHash(t, ci + 2), len - ci - 2); vStrip[o + k] = ci + 1; vRole[o + k] = ci ? RoleSet.ConjPrepArt : RoleSet.PrepArt; k++;
          }
        } else if (ci && c === SEEN && len > 4) { vHash[o + k] = suffixHash(t, 2); vStrip[o + k] = 2; vRole[o + k] = RoleSet.ConjFut; k++; }
      }
    }
    nv += k;
  };
  /** Number of variants of token t (0 for a token that is not a word); they start at `vOff[t]`. */
  const variants = (t: number): number => vOff[t + 1]! - vOff[t]!;
  /**
   * The readings of token t whose key hash is in `has`, one at a time, without objects: the next
   * one from `from` on (-1 first: the ^CAPS reading of a Latin token, then the variants that may
   * start a name, in order), or -2 when there is none. Loop:
   * `for (let v = nextStem(t, has, -1); v !== -2; v = nextStem(t, has, v + 1))`.
   */
  const nextStem = (t: number, has: HashSet32, from: number): number => {
    if (from < 0) {
      if (raw.kind[t] === 1) {
        const caps = capsKey(t);
        if (caps && has.has(hashString(caps))) return -1;
      }
      from = 0;
    }
    const k = variants(t);
    const o = vOff[t]!;
    for (let i = from; i < k; i++) if (has.has(vHash[o + i]!) && plausibleVariant(t, i)) return i;
    return -2;
  };
  /** The key of reading v of token t: clitics stripped, ال restored for لل (v = -1: `^CAPS`). */
  const keyOf = (t: number, v: number): string => {
    if (v < 0) return capsKey(t)!;
    const o = vOff[t]! + v;
    const w = normOf(t);
    const stripped = vStrip[o]!;
    const role = vRole[o]!;
    return restoresArticle(role) ? 'ال' + w.slice(stripped + 1) : stripped ? w.slice(stripped) : w;
  };
  /** Clitic roles of reading v of token t. */
  const rolesOf = (t: number, v: number): readonly CliticRole[] => (v < 0 ? NO_ROLES : ROLE_SETS[vRole[vOff[t]! + v]!]!);
  const { triggerHashes, commonHashes } = m;
  const { locativeHashes, cliticHashes, quoteHashes, precederHashes } = wordHashes();
  /** Token t is a lone clitic letter group (و, ب, لل…) / a quote or bracket: hash first, string only on a hit. */
  const isCliticToken = (t: number): boolean => cliticHashes.has(H[t]!) && CLITIC_TOKENS.has(normOf(t));
  const isQuoteToken = (t: number): boolean => quoteHashes.has(H[t]!) && QUOTE_OR_BRACKET.has(normOf(t));
  const hasTrigger = triggerHashes;
  // unions of the matcher's hash sets with the built-in word lists (a runner is made once per matcher's scratch)
  const hasTriggerOrPreceder = HashSet32.union(triggerHashes, precederHashes);
  const hasCommonOrPreceder = HashSet32.union(commonHashes, precederHashes);
  const commonOrTrigger = HashSet32.union(commonHashes, triggerHashes);
  const hasLocative = locativeHashes;
  /** Whether token t carries the article, alone or after clitics (الصين, والصين, بالصين, للصين). */
  const hasArticle = (t: number): boolean => {
    if (raw.kind[t] !== 0) return false;
    const c0 = unit(t, 0), c1 = unit(t, 1), c2 = unit(t, 2), c3 = unit(t, 3);
    const len = NL[t]!;
    if (c0 === ALEF && c1 === LAM && len > 3) return true;
    const pre = c0 === WAW || c0 === FEH || c0 === BEH || c0 === LAM || c0 === KAF;
    if (pre && c1 === ALEF && c2 === LAM && len > 4) return true;
    if (c0 === LAM && c1 === LAM && len > 3) return true;
    if ((c0 === WAW || c0 === FEH) && (c1 === BEH || c1 === LAM || c1 === KAF) && c2 === ALEF && c3 === LAM && len > 5) return true;
    return (c0 === WAW || c0 === FEH) && c1 === LAM && c2 === LAM && len > 4;
  };
  const hasGiven = m.givenHashes;
  /** The value `lookupStem` found, and its key. */
  let stemValue: unknown;
  let stemKey = '';
  /**
   * The reading of token t (bare, or after clitic letters) whose key is in `map`, or -2; its value
   * is left in `stemValue` (no tuple per hit).
   */
  const lookupStem = (t: number, map: ReadonlyMap<string, unknown>, has: HashSet32): number => {
    // the common case first: no reading of the token passes the hash filter
    if (raw.kind[t] !== 1) {
      const k = variants(t);
      const o = vOff[t]!;
      let any = false;
      for (let i = 0; i < k && !any; i++) any = has.has(vHash[o + i]!);
      if (!any) return -2;
    }
    for (let v = nextStem(t, has, -1); v !== -2; v = nextStem(t, has, v + 1)) {
      const key = keyOf(t, v);
      const value = map.get(key);
      if (value !== undefined) { stemValue = value; stemKey = key; return v; }
    }
    return -2;
  };

  const trie = m.trie;
  const { keyUnits: KU, keyStart } = m;
  // the matcher's hits by column: node v's are rows [hitStart[v], hitStart[v + 1])
  const { start: hitStart, kind: hitKind, flags: hitFlags, ref: hitRef, alias: hitAlias } = m.columns;
  /** Whether variant `i` of token t reads with the article: restored (لل), or the units after the clitics (كازاخستان has none). */
  const articleOf = (t: number, i: number): boolean => {
    if (i < 0) return false; // the ^CAPS reading
    const o = vOff[t]! + i;
    const stripped = vStrip[o]!;
    const role = vRole[o]!;
    return restoresArticle(role) || (unit(t, stripped) === ALEF && unit(t, stripped + 1) === LAM && NL[t]! - stripped >= 2);
  };
  /** Letters stripped by variant `i` of token t (-1, the ^CAPS reading: none). */
  const strippedOf = (t: number, i: number): number => (i < 0 ? 0 : vStrip[vOff[t]! + i]!);
  /** Whether variant `i` of token t starts with a preposition (بمسقط, وبمسقط, للصين). */
  const prepositionOf = (t: number, i: number): boolean => {
    if (i < 0) return false;
    const role = vRole[vOff[t]! + i]!;
    return role >= 2 && role <= 5; // PREP, CONJ_PREP, PREP_ART, CONJ_PREP_ART
  };
  /**
   * Which clitic readings may start a name: short stems are easily ordinary words with a clitic-like
   * first letter (كبيرا is not ك + بيرا, فلكيا is not ف + ل + كيا), so ك needs a stem of four letters
   * or more, and two stacked clitics a conjunction and a preposition (و/ف + ب/ل) before a stem of
   * three (وبالصين, ولمصر). بمصر, وقطر and لبنان (whole) still read as names. Read on the token's
   * units, without building the reading.
   */
  const plausibleVariant = (t: number, i: number): boolean => {
    const o = vOff[t]! + i;
    const stripped = vStrip[o]!;
    if (stripped === 0) return true;
    const keyLen = NL[t]! - stripped + (restoresArticle(vRole[o]!) ? 1 : 0);
    const stem = keyLen - (articleOf(t, i) ? 2 : 0);
    if (stem >= 4) return true;
    if (stripped === 1) return unit(t, 0) !== KAF;
    // a conjunction and a preposition before a stem of three letters (وبالصين, وللهند, ولمصر)
    const c = unit(t, 0);
    const p = unit(t, 1);
    return stripped === 2 && stem === 3 && (c === WAW || c === FEH) && (p === BEH || p === LAM);
  };
  /**
   * Compares normalized token j (without its first `skip` units, after 'ال' when the article is
   * restored) with the key units from `pos` (an index into the matcher's key pool, key ending at
   * `ke`); returns the position after it, or -1. No strings.
   */
  const matchToken = (ke: number, pos: number, j: number, skip: number, lead: boolean): number => {
    if (lead) {
      if (pos + 2 > ke || KU[pos] !== ALEF || KU[pos + 1] !== LAM) return -1;
      pos += 2;
    }
    // the token's normalized units, as the scan wrote them
    const a = NS[j]! + skip;
    const b = NS[j + 1]!;
    if (pos + (b - a) > ke) return -1;
    for (let x = a; x < b; x++) if (KU[pos++] !== U[x]) return -1;
    return pos;
  };
  /** The position after `s` when the key units from `pos` (key ending at `ke`) start with it, else -1. */
  const unitsStartWith = (ke: number, pos: number, s: string): number => {
    if (pos + s.length > ke) return -1;
    for (let i = 0; i < s.length; i++) if (KU[pos + i] !== s.charCodeAt(i)) return -1;
    return pos + s.length;
  };
  /** Verifies a hashed match on the key's units, token by token (the first as read, clitics stripped). */
  const keyMatches = (node: number, t: number, vi: number, end: number, capsFirst: string | null): boolean => {
    const ks = keyStart[node]!;
    const ke = keyStart[node + 1]!;
    if (ks === ke) return false;
    let pos: number;
    if (capsFirst !== null) pos = unitsStartWith(ke, ks, capsFirst);
    else {
      const contract = restoresArticle(vRole[vOff[t]! + vi]!);
      const stripped = vStrip[vOff[t]! + vi]!;
      pos = matchToken(ke, ks, t, contract ? stripped + 1 : stripped, contract);
    }
    for (let j = t + 1; ; j++) {
      if (pos < 0) return false;
      if (j === end) return pos === ke;
      if (pos >= ke || KU[pos] !== 0x20) return false;
      const p = matchToken(ke, pos + 1, j, 0, false);
      const q = p >= 0 && (p === ke || KU[p] === 0x20) ? p : -1;
      if (q < 0) {
        const caps = capsKey(j);
        pos = caps !== null ? unitsStartWith(ke, pos + 1, caps) : -1;
      } else pos = q;
    }
  };
  // the document's candidates, as integers (see Scratch.candOff); views set at the start of each call
  let candOff = sc.candOff;
  let candEnd = sc.candEnd;
  let candNode = sc.candNode;
  let candVar = sc.candVar;
  let nc = 0;
  // the walk's current start: token, variant, ^CAPS key (null for an Arabic reading)
  let wT = 0;
  let wVi = 0;
  let wCaps: string | null = null;
  const walk = (node: number, j: number): void => {
    if (keyStart[node + 1]! > keyStart[node]! && keyMatches(node, wT, wVi, j, wCaps)) {
      if (nc === candEnd.length) { sc.candRoom(nc); candEnd = sc.candEnd; candNode = sc.candNode; candVar = sc.candVar; }
      candEnd[nc] = j;
      candNode[nc] = node;
      candVar[nc] = wCaps !== null ? -1 : wVi;
      nc++;
    }
    if (j >= n || raw.breakBefore[j] || !trie.hasChildren(node)) return;
    const hj = H[j]!;
    if (trie.mayHaveChild(node, hj)) {
      const next = trie.find(node, hj);
      if (next >= 0) walk(next, j + 1);
    }
    if (raw.kind[j] === 1) {
      const caps = capsKey(j);
      const hc = caps ? hashString(caps) : 0;
      if (caps && trie.mayHaveChild(node, hc)) {
        const c = trie.find(node, hc);
        if (c >= 0) walk(c, j + 1);
      }
    }
  };
  /**
   * Appends token t's candidates: every reading of t (and ^CAPS for a Latin token) walked down the
   * trie, each verified match a candidate; then longest first, then the reading that strips fewer
   * clitic letters (a stable insertion sort: there are a handful).
   */
  const collectCandidates = (t: number): void => {
    const first = nc;
    wT = t;
    if (raw.kind[t] === 1) {
      const caps = capsKey(t);
      const h = caps ? hashString(caps) : 0;
      if (caps && trie.mayStart(h)) {
        const node = trie.find(0, h);
        if (node >= 0) { wCaps = caps; walk(node, t + 1); }
      }
    }
    wCaps = null;
    const k = variants(t);
    const o = vOff[t]!;
    for (let i = 0; i < k; i++) {
      const h = vHash[o + i]!;
      if (!trie.mayStart(h)) continue;
      const node = trie.find(0, h);
      if (node < 0 || !plausibleVariant(t, i)) continue;
      wVi = i;
      walk(node, t + 1);
    }
    for (let i = first + 1; i < nc; i++) {
      const e = candEnd[i]!, nd = candNode[i]!, v = candVar[i]!;
      const st = strippedOf(t, v);
      let j = i - 1;
      for (; j >= first && (candEnd[j]! < e || (candEnd[j] === e && strippedOf(t, candVar[j]!) > st)); j--) {
        candEnd[j + 1] = candEnd[j]!; candNode[j + 1] = candNode[j]!; candVar[j + 1] = candVar[j]!;
      }
      candEnd[j + 1] = e; candNode[j + 1] = nd; candVar[j + 1] = v;
    }
  };
  function triggerBefore(t: number, type: EntityType, kind: string | undefined, titleOnly = false): string | null {
    let j = t - 1;
    let words = 0;
    if (raw.breakBefore[t]) return null;
    while (j >= 0 && words < 4) {
      if (!(kinds[j]! <= 2)) {
        if (!isQuoteToken(j)) return null;
        if (raw.breakBefore[j]) return null;
        j--;
        continue;
      }
      if (isCliticToken(j)) { j--; continue; }
      words++;
      for (let v = nextStem(j, hasTrigger, -1); v !== -2; v = nextStem(j, hasTrigger, v + 1)) {
        const spec = m.triggers.get(keyOf(j, v));
        if (spec && spec.types.includes(type) && (!titleOnly || spec.title) && (!spec.kinds || !kind || spec.kinds.includes(kind))) {
          return spec.text;
        }
      }
      if (!hasArticle(j) || raw.breakBefore[j]) return null;
      j--;
    }
    return null;
  }

  /** A place reading is likely after a preposition or a locative noun (في صور, قرب مسقط, بمسقط). */
  function locative(t: number, preposition: boolean): boolean {
    if (preposition) return true;
    if (t === 0 || !(kinds[t - 1]! <= 2)) return false;
    for (let v = nextStem(t - 1, hasLocative, -1); v !== -2; v = nextStem(t - 1, hasLocative, v + 1)) if (LOCATIVE.has(keyOf(t - 1, v))) return true;
    return false;
  }

  /** An ambiguous person alias right after an indefinite noun is an adjective (دور رئيسي); `stripped`: clitic letters before it. */
  function adjectiveGuardPasses(t: number, stripped: number): boolean {
    if (stripped > 0) return true;
    if (t === 0 || raw.breakBefore[t]) return true;
    const p = t - 1;
    if (!(kinds[p]! <= 2)) return true;
    if (isCliticToken(p)) return true;
    if (hasArticle(p)) return true;
    for (let v = nextStem(p, hasTriggerOrPreceder, -1); v !== -2; v = nextStem(p, hasTriggerOrPreceder, v + 1)) {
      const key = keyOf(p, v);
      if (m.triggers.has(key) || NAME_PRECEDERS.has(key)) return true;
    }
    // feminine noun in construct (زيارة رئيسي): ة, normalized to ه
    const last = raw.end[p]! - 1;
    if (text.charCodeAt(last) === 0x0629 || (text.charCodeAt(last) >= 0x064b && text.charCodeAt(last - 1) === 0x0629)) return true;
    return false;
  }

  /**
   * The choice at token t: the first candidate (longest first) that gives anything decides; a
   * blocker wins, else the longest of its lexicon pick and its compositions (the lexicon on ties).
   */
  const chosenAt = (t: number): Chosen | null | 'block' => {
    for (let ci = candOff[t]!, ce = candOff[t + 1]!; ci < ce; ci++) {
      // the candidate's hits: rows [a, b) of the matcher's hit columns
      const node = candNode[ci]!;
      const a = hitStart[node]!;
      const b = hitStart[node + 1]!;
      let heads = false;
      for (let i = a; i < b; i++) {
        if (hitKind[i] === HitKind.Block) return 'block';
        if (hitKind[i] === HitKind.Head) heads = true;
      }
      let best = pickEntity(t, ci, a, b);
      if (heads && opts.composition !== false) {
        const o = composeAt(t, ci, a, b);
        if (o && (!best || o.end > best.end)) best = o;
      }
      if (best) return best;
    }
    return null;
  };
  /** Whether token t reads as a person title (الرئيس, وزير). */
  const titleAt = (t: number): boolean => {
    for (let v = nextStem(t, hasTrigger, -1); v !== -2; v = nextStem(t, hasTrigger, v + 1)) if (m.triggers.get(keyOf(t, v))?.title) return true;
    return false;
  };
  /** Whether hit row i is a demonym (NORP) entry. */
  const isNorp = (i: number): boolean => hitKind[i] === HitKind.Entity && norpEntry[hitRef[i]!] === 1;
  /** Institution head + demonym (وزارة الخارجية الصينية): the longest composition of candidate ci at t (hit rows [a, b)), or null. */
  const composeAt = (t: number, ci: number, a: number, b: number): Chosen | null => {
    let best: Chosen | null = null;
    const end = candEnd[ci]!;
    for (let h = a; h < b; h++) {
      if (hitKind[h] !== HitKind.Head || end >= n || raw.breakBefore[end]) continue;
      const inst = m.institutions[hitRef[h]!]!;
      // وزير الخارجية الصيني is a minister, not the ministry
      if (strippedOf(t, candVar[ci]!) === 0 && t > 0 && (kinds[t - 1]! <= 2) && titleAt(t - 1)) continue;
      // the demonym: a one-token candidate right after, read bare with the article, agreeing in gender
      let norpRow = -1;
      for (let xi = candOff[end]!, xe = candOff[end + 1]!; xi < xe && norpRow < 0; xi++) {
        if (candEnd[xi] !== end + 1 || strippedOf(end, candVar[xi]!) !== 0 || !articleOf(end, candVar[xi]!)) continue;
        let y = hitStart[candNode[xi]!]!;
        const ye = hitStart[candNode[xi]! + 1]!;
        while (y < ye && !isNorp(y)) y++;
        if (y === ye) continue;
        const last = text.charCodeAt(raw.end[end]! - 1);
        const fem = last === 0x0629 || normOf(end).endsWith('ه');
        if (inst.gender === undefined || (inst.gender === 'f') === fem) norpRow = y;
      }
      if (norpRow < 0) continue;
      const norpCountry = cols.country[hitRef[norpRow]!];
      const ci2 = norpCountry ? cols.countryByIso.get(norpCountry) : undefined;
      if (ci2 === undefined) continue;
      const country = m.entry(ci2)!;
      const slug = country.id.slice(4);
      const o = new Chosen(
        t, end + 1, candVar[ci]!, -1, 'ORG', `org/${slug}/${inst.slug}`, { ar: '', en: `${inst.en} of ${country.name.en}` },
        'government-body', norpCountry, 'composition', inst.text, 'institution+demonym', 0.85, 0,
      );
      if (!best || o.end > best.end) best = o;
    }
    return best;
  };

  /** Position of the last unambiguous mention of entry `ref` before token `t` (-1 if none; after t counts less). */
  const recency = (ref: number, t: number): number => sure.recency(ref, base + t);
  /** One sense per discourse, with a local check for single words that are also ordinary words (candidate ci at t). */
  const discourseFits = (t: number, ci: number, type: EntityType, kind: string | undefined): boolean => {
    if (candEnd[ci]! - t > 1 || type === 'PER') return true;
    if (type === 'LOC') return locative(t, prepositionOf(t, candVar[ci]!));
    // ORG, NORP: a quoted name (وعدّت «تشرين») or a clitic-marked one
    if (strippedOf(t, candVar[ci]!) > 0 || (t > 0 && (normOf(t - 1) === '«' || normOf(t - 1) === '"'))) return true;
    // a club named again by its bare name (فاز الأهلي, مباراة الأهلي), unless it follows a definite
    // noun it would describe (البنك الأهلي, المجتمع الأهلي)
    return kind === 'sports-club' && (t === 0 || raw.breakBefore[t] === 1 || !(kinds[t - 1]! <= 1) || !hasArticle(t - 1));
  };
  /** The lexicon entry candidate ci at t stands for (the best-supported of its hits: rows [a, b)), or null. */
  const pickEntity = (t: number, ci: number, a: number, b: number): Chosen | null => {
    const v = candVar[ci]!;
    let hasNorp = false;
    for (let x = a; x < b && !hasNorp; x++) hasNorp = isNorp(x);
    let best = -1;
    let bestRule: string | undefined;
    let bestConf = 0;
    for (let h = a; h < b; h++) {
      if (hitKind[h] !== HitKind.Entity) continue;
      const ref = hitRef[h]!;
      const type = entryType[ref]!;
      const alias = hitAlias[h]!;
      let rule: string | undefined;
      let conf = 0.95;
      if ((hitFlags[h]! & AMBIGUOUS) !== 0) {
        // a title before a demonym form (الرئيس السوداني) is the nationality, not the person السوداني
        const trig = type === 'PER' && hasNorp ? null : triggerBefore(t, type, entryKind[ref]);
        if (trig) { rule = `trigger:${trig}`; conf = 0.85; }
        else if (type === 'PER' && !adjectiveGuardPasses(t, strippedOf(t, v))) continue;
        else if (sure.has(ref) && discourseFits(t, ci, type, entryKind[ref])) { rule = 'discourse'; conf = 0.8; }
        else if (type === 'PER' && ownCountry[ref]! >= 0 && titledCountries[ownCountry[ref]!] === epoch) { rule = 'title-country'; conf = 0.75; }
        else if (ownCountry[ref]! >= 0 && (alias.trim().includes(' ') || (type === 'LOC' && locative(t, prepositionOf(t, v)))) && docCountries[ownCountry[ref]!] === epoch && onlyOfCountry(a, b, ownCountry[ref]!)) {
          rule = 'country-coherence'; conf = 0.7;
        } else continue;
      }
      if (type === 'PER' && articleOf(t, v) && !alias.startsWith('ال') && !alias.startsWith('أل') && !alias.startsWith('إل')) continue;
      if (best >= 0 && !(conf > bestConf || (conf === bestConf && recency(ref, t) > recency(hitRef[best]!, t)))) continue;
      best = h;
      bestRule = rule;
      bestConf = conf;
    }
    if (best < 0) return null;
    const ref = hitRef[best]!;
    const c = new Chosen(
      t, candEnd[ci]!, v, ref, entryType[ref]!, entryId[ref]!, nameOf(ref), entryKind[ref], entryCountry[ref], 'lexicon', hitAlias[best], bestRule, bestConf,
      leadOf(hitFlags[best]!),
    );
    if (bestRule === undefined) c.source = rowSources[best] ??= Object.freeze({ by: 'lexicon' as const, alias: hitAlias[best]! });
    return c;
  };
  /** Whether some hit of trie node `node` is ambiguous (an alias that is also an ordinary word). */
  const anyAmbiguous = (node: number): boolean => {
    for (let i = hitStart[node]!, e = hitStart[node + 1]!; i < e; i++) if ((hitFlags[i]! & AMBIGUOUS) !== 0) return true;
    return false;
  };
  /** Exactly one of the hit rows [a, b) is an entity of `country` (a country id). */
  const onlyOfCountry = (a: number, b: number, country: number): boolean => {
    let k = 0;
    for (let x = a; x < b; x++) if (hitKind[x] === HitKind.Entity && ownCountry[hitRef[x]!] === country) k++;
    return k === 1;
  };

  /** Parts of the full person names in `from[start..]`, each to the one name it is part of (null when several). */
  const collectPartials = (from: readonly Chosen[], start: number): void => {
    for (let i = start; i < from.length; i++) {
      const c = from[i]!;
      if (c.type !== 'PER' || c.end - c.t < 2) continue;
      for (let side = 0; side < 2; side++) {
        const t = side === 0 ? c.t : c.end - 1;
        if (t === c.t && c.by === 'pattern') continue; // a given name alone is not the person
        const key = t === c.t ? keyOf(t, c.v) : normOf(t);
        if (key.length < 3) continue;
        // the word lists by hash first (the key's hash is the reading's, or the token's)
        const h = t === c.t ? (c.v >= 0 ? vHash[vOff[t]! + c.v]! : 0) || hashString(key) : H[t]!;
        if (commonOrTrigger.has(h) && (m.common.has(key) || m.triggers.has(key))) continue;
        const g = m.givenHashes.has(h) ? m.givenNames.get(key) : undefined;
        if (g && g.startsWith('a')) continue;
        const prev = partial.get(key);
        if (prev === undefined) {
          partial.set(key, c);
          // (kept up as keys come, with the key's hash from above: rebuilt in every window, it cost a
          // pass over all the document's keys)
          sc.partialHashes.add(h);
          windowPartials.push(c);
        }
        // the same entry (a pattern find has none: -1; ids are unique per entry): by index, not by id
        // (null or a string: comparing those deoptimized this function)
        else if (prev && prev.ref !== c.ref) partial.set(key, null);
      }
    }
  };
  function continuesName(j: number): boolean {
    return hasArticle(j) || m.givenNames.has(normOf(j)) || NAME_PARTICLES.has(normOf(j));
  }

  function nameLike(j: number): boolean {
    if (covered[j] || raw.kind[j] !== 0 || raw.breakBefore[j]) return false;
    // tanween marks an indefinite noun or adjective (هجوماً), never a name
    for (let i = raw.start[j]!; i < raw.end[j]!; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x064b && c <= 0x064d) return false;
    }
    const k = normOf(j);
    if (k.length < 2 || CLITIC_TOKENS.has(k)) return false;
    if (m.common.has(k) || m.triggers.has(k) || NAME_PRECEDERS.has(k)) return false;
    for (let v = nextStem(j, hasCommonOrPreceder, -1); v !== -2; v = nextStem(j, hasCommonOrPreceder, v + 1)) {
      if (strippedOf(j, v) === 0) continue;
      const key = keyOf(j, v);
      if (m.common.has(key) || NAME_PRECEDERS.has(key)) return false;
    }
    return true;
  }

  /** Every token's readings (variants) and lexicon candidates; the positions with candidates, in order (returns how many). */
  function findCandidates(): number {
    nc = 0;
    nv = 0;
    ngiven = 0;
    let npos = 0;
    for (let t = 0; t < n; t++) {
      candOff[t] = nc;
      vOff[t] = nv;
      if (kinds[t]! <= 2) {
        const o = nv;
        addVariants(t);
        vOff[t + 1] = nv;
        // (pass 4 reads only these: a given name is an Arabic word with a reading in the hashes)
        if (kinds[t] === 0) for (let i = o; i < nv; i++) if (hasGiven.has(vHash[i]!)) { givenAt[ngiven++] = t; break; }
        collectCandidates(t);
      }
      if (nc > candOff[t]!) positions[npos++] = t;
    }
    candOff[n] = nc;
    vOff[n] = nv;
    return npos;
  }

  /** Pass 1: entities with an unambiguous mention in the document (one sense per discourse), and the document's countries. */
  function collectSure(npos: number): void {
    let lastCountry = -1;
    // the hits of each position's first candidate, read by column (no Hit objects)
    for (let pi = 0; pi < npos; pi++) {
      const t = positions[pi]!;
      const node = candNode[candOff[t]!]!;
      for (let i = hitStart[node]!, end = hitStart[node + 1]!; i < end; i++) {
        if (hitKind[i] !== HitKind.Entity || (hitFlags[i]! & AMBIGUOUS) !== 0) continue;
        const ref = hitRef[i]!;
        sure.add(ref, base + t);
        const cc = anyCountry[ref]!;
        if (cc >= 0 && cc !== lastCountry) { docCountries[cc] = epoch; lastCountry = cc; }
        if (norpEntry[ref] === 1 && ownCountry[ref]! >= 0 && triggerBefore(t, 'PER', undefined, true)) titledCountries[ownCountry[ref]!] = epoch;
      }
    }
    sure.freeze();
  }

  /** Pass 2: the choice at each position, leftmost-longest. */
  function leftmostLongest(npos: number, chosen: Chosen[]): void {
    let next = 0;
    for (let pi = 0; pi < npos; pi++) {
      const t = positions[pi]!;
      if (t < next) continue;
      const c = chosenAt(t);
      if (c === null) continue;
      if (c === 'block') {
        const end = candEnd[candOff[t]!]!;
        for (let k = t; k < end; k++) covered[k] = 2;
        next = end;
        continue;
      }
      if (c.lead) {
        // السلطان هيثم must not preempt هيثم بن طارق: a longer name after the title wins
        const a = c.t + c.lead;
        if (candOff[a + 1]! > candOff[a]! && candEnd[candOff[a]!]! > c.end) continue;
      }
      chosen.push(c);
      for (let k = c.t; k < c.end; k++) covered[k] = 1;
      next = c.end;
      // a name accepted on a trigger (صحيفة «تشرين») is evidence for its later mentions («تشرين» alone)
      if (c.rule?.startsWith('trigger:') && c.ref >= 0) {
        sure.add(c.ref, base + c.t);
      }
    }
  }

  /** Pass 4: person names by title or given name, on the tokens not covered yet. */
  function nameByPattern(chosen: Chosen[]): void {
    for (let gi = 0; gi < ngiven; gi++) {
      const t = givenAt[gi]!;
      if (covered[t]) continue;
      const v = lookupStem(t, m.givenNames, hasGiven);
      if (v === -2 || articleOf(t, v)) continue;
      const given = stemValue as string;
      const key = stemKey;
      if (partial.get(key)) continue; // وانغ after وانغ يي is Wang Yi, not a new name
      if (commonHashes.has(v < 0 ? hashString(key) : vHash[vOff[t]! + v]!) && m.common.has(key)) continue;
      // a given name that is also a common word (marked ?) needs a title before it
      let title = given.endsWith('?') ? triggerBefore(t, 'PER', undefined, true) : undefined;
      if (title === null) continue;
      let j = t + 1;
      // the first name token may be anything name-like; later ones continue a name only as a given
      // name, a family name with the article (السوداني), or after a particle (بن, أبو, عبد…)
      while (j < n && j < t + 4 && nameLike(j)) {
        if (j > t + 1 && !continuesName(j) && !NAME_PARTICLES.has(normOf(j - 1))) break;
        j++;
      }
      if (j === t + 1) continue;
      title ??= triggerBefore(t, 'PER', undefined, true);
      const rule = title ? `title:${title}` : 'given-name';
      const c = new Chosen(t, j, v, -1, 'PER', null, null, undefined, undefined, 'pattern', undefined, rule, title ? 0.7 : 0.6, 0);
      let src = patternSources.get(rule);
      if (src === undefined) patternSources.set(rule, (src = Object.freeze({ by: 'pattern' as const, rule })));
      c.source = src;
      chosen.push(c);
      // (the positions of givenAt before j are now covered)
      for (let k = t; k < j; k++) covered[k] = 1;
    }
  }

  /** The token whose readings include reading i (i < nv): the last t with vOff[t] <= i. */
  function tokenOfReading(i: number): number {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (vOff[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Pass 5: in-document propagation of full names (the ones from `from` on are new) to their parts. */
  function propagate(chosen: Chosen[], from: number): void {
    collectPartials(chosen, from);
    const partialHashes = sc.partialHashes;
    if (partial.size) {
      // The readings of all the window's tokens are one array, vHash[0, nv): a tight pass over it
      // with the set's pre-filter finds the few tokens that may read as a name part, in token order
      // (each then looked up as before), instead of a pass over every token and its readings.
      for (let i = 0; i < nv; i++) {
        if (!partialHashes.mayHave(vHash[i]!)) continue;
        const t = tokenOfReading(i);
        i = vOff[t + 1]! - 1; // (its other readings are looked up with it)
        if (covered[t] || kinds[t] !== 0) continue;
        const v = lookupStem(t, partial, partialHashes);
        if (v === -2) continue;
        const src = stemValue as Chosen | null;
        if (!src) continue;
        const key = stemKey;
        // a part that is also an ordinary word (رئيسي "main") needs the adjective guard
        const node = m.trie.findKey(key);
        if (node >= 0 && keyIs(m, node, key) && anyAmbiguous(node) && !adjectiveGuardPasses(t, strippedOf(t, v))) continue;
        chosen.push(new Chosen(
          t, t + 1, v, src.ref, src.type, src.id, src.name, src.kind, src.country, 'propagation', key,
          `from:${src.span || text.slice(raw.start[src.t]!, raw.end[src.end - 1]!)}`, 0.8, 0,
        ));
        covered[t] = 1;
      }
    }
  }

  /** Appends the annotations of the chosen spans to `out`, in token order: three runs (passes 2, 4, 5), each already in order. */
  function emit(chosen: readonly Chosen[], e1: number, e2: number, out: Entity[]): void {
    // no two spans share a start token: a merge of the runs
    const e3 = chosen.length;
    for (let i = 0, j = e1, k = e2; i < e1 || j < e2 || k < e3;) {
      const ti = i < e1 ? chosen[i]!.t : n;
      const tj = j < e2 ? chosen[j]!.t : n;
      const tk = k < e3 ? chosen[k]!.t : n;
      const c = ti <= tj && ti <= tk ? chosen[i++]! : tj <= tk ? chosen[j++]! : chosen[k++]!;
      if (types && !types.has(c.type)) continue;
      // a title matched as part of the alias (السلطان هيثم) is evidence: the name starts after it, bare
      out.push(toEntity(c, c.lead ? 0 : strippedOf(c.t, c.v), c.lead ? NO_ROLES : rolesOf(c.t, c.v), raw, text, action, expansions, base));
    }
  }

  /** Annotates the tokens of `text[from, to)` (a window: the whole text, or a part cut between lines), appending to `out`. */
  function annotateWindow(from: number, to: number, out: Entity[]): void {
    // (a window after the first starts in the sentence state the one before ended in)
    n = raw.scan(text, action, expansions, from, to, from === 0 ? 0 : raw.endState);
    if (n === 0) return;
    sc.reserve(n);
    H = raw.hash;
    U = raw.units;
    NS = raw.normStart;
    NL = raw.nlen;
    kinds = raw.kind;
    if (sc.norms.length < n) {
      sc.norms = new Array<string>(Math.max(n, sc.norms.length * 2)).fill('');
      sc.normSet = new Int32Array(sc.norms.length);
    }
    normCache = sc.norms; // all '': emptied after every window (finally, below)
    normSet = sc.normSet;
    nNorm = 0;
    vHash = sc.vHash;
    vStrip = sc.vStrip;
    vRole = sc.vRole;
    vOff = sc.vOff;
    positions = sc.positions;
    givenAt = sc.givenAt;
    covered = sc.covered;
    candOff = sc.candOff;
    candEnd = sc.candEnd;
    candNode = sc.candNode;
    candVar = sc.candVar;
    try {
      const npos = findCandidates();
      collectSure(npos);
      const chosen: Chosen[] = [];
      leftmostLongest(npos, chosen);
      // ---- pass 3: parts of full person names, collected before the name patterns run
      if (opts.propagation !== false) collectPartials(chosen, 0);
      const beforePatterns = chosen.length;
      if (opts.patterns !== false) nameByPattern(chosen);
      const beforePropagation = chosen.length;
      if (opts.propagation !== false) propagate(chosen, beforePatterns);
      emit(chosen, beforePatterns, beforePropagation, out);
      if (to < text.length) {
        // later windows may propagate from this window's names: keep their text (only names of this
        // window have none yet; going over all the document's names in every window was quadratic)
        for (const c of windowPartials) if (c.span === '') c.span = text.slice(raw.start[c.t]!, raw.end[c.end - 1]!);
      }
    } finally {
      for (let k = 0; k < nNorm; k++) normCache[normSet[k]!] = '';
      nNorm = 0;
      windowPartials.length = 0;
    }
  }

  return function annotateText(t0: string, o: EntityOptions, onWindow?: (scanned: TokenBuffer) => void): Entity[] {
    text = t0;
    opts = o;
    base = 0;
    types = opts.types ? new Set(opts.types) : null;
    const out: Entity[] = [];
    // the document's evidence: entries mentioned unambiguously, countries, parts of full names
    sure.reset(E);
    if (++epoch === 0x7fffffff) { epoch = 1; titledCountries.fill(0); docCountries.fill(0); }
    partial = new Map<string, Chosen | null>();
    sc.partialHashes.clear();
    try {
      if (readsWhole(text)) {
        annotateWindow(0, text.length, out);
        return out;
      }
      // a long text, window by window: the per-token buffers stay the size of a window (in the
      // cache), and evidence flows forward from the earlier windows. Each window's annotations go
      // in an array of their own, joined at the end: one array grown to a million annotations
      // was copied several times, in allocations large enough to start major collections.
      const parts: Entity[][] = [];
      for (let s = 0; s < text.length;) {
        const e = windowEnd(text, s);
        const part: Entity[] = [];
        annotateWindow(s, e, part);
        parts.push(part);
        onWindow?.(raw);
        base += n;
        sure.nextWindow();
        s = e;
      }
      return out.concat(...parts);
    } finally {
      // keep nothing of this document past the call (the next call sets everything again): the
      // views of the buffers too, or the buffers a long document grew would outlive their release
      text = '';
      partial = new Map();
      sc.partialHashes.clear();
      H = NS = NL = vHash = vOff = positions = givenAt = candOff = candEnd = candNode = NO_I32;
      U = NO_U16;
      kinds = vStrip = vRole = covered = NO_U8;
      candVar = NO_I8;
      normCache = NO_STRINGS;
    }
  };
}

/**
 * Texts longer than `WINDOW_MIN_TEXT` UTF-16 units are annotated in windows of about `WINDOW`
 * units. Each window is cut after a line break (nothing is read across one), else after a space
 * that ends a clause, else at a space; the evidence of the document (entries mentioned
 * unambiguously, its countries, parts of full names) is carried from each window to the ones after
 * it, so a window sees what came before it, not what comes after.
 */
export const WINDOW_MIN_TEXT = 1 << 19;

/** Whether the annotator reads `text` whole (its scan is then left in `Scratch.tokens`), not in windows. */
export const readsWhole = (text: string): boolean => text.length <= WINDOW_MIN_TEXT;
const WINDOW = 1 << 18;

/**
 * The end of the window that starts at `s`: after the first line break from `s + WINDOW` on; else
 * after a space that follows the end of a clause (. ! ? ؟ ؛ ; ، , :), which no name crosses; else
 * after a space (a name may then be cut: only in a line of over 2^17 units without punctuation);
 * else the text's end.
 */
function windowEnd(text: string, s: number): number {
  const len = text.length;
  // (no short last window)
  if (len - s <= WINDOW + (WINDOW >> 1)) return len;
  const target = s + WINDOW;
  const far = target + (WINDOW >> 1);
  const nl = text.indexOf('\n', target);
  if (nl >= 0 && nl < far) return nl + 1;
  let space = -1;
  for (let i = target; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) continue;
    if (space < 0) space = i;
    if (i >= far) break;
    const p = text.charCodeAt(i - 1);
    if (p === 0x2e || p === 0x21 || p === 0x3f || p === 0x061f || p === 0x061b || p === 0x3b || p === 0x060c || p === 0x2c || p === 0x3a) return i + 1;
  }
  return space >= 0 ? space + 1 : len;
}

/** The prefix of a name read without clitics (shared: most names have none). */
const NO_PREFIX: readonly Clitic[] = Object.freeze([]);
// empty views, for the runner's buffer views between calls
const NO_I32 = new Int32Array(0);
const NO_U16 = new Uint16Array(0);
const NO_U8 = new Uint8Array(0);
const NO_I8 = new Int8Array(0);
const NO_STRINGS: string[] = [];

/**
 * The returned annotation of a chosen span. Each object is made whole, in one literal (one
 * allocation, its fields in the object), in one of four shapes: with or without `kind` and `country`.
 */
function toEntity(
  c: Chosen, stripped: number, roles: readonly CliticRole[],
  raw: { readonly start: Int32Array; readonly end: Int32Array }, text: string, action: Int32Array, expansions: readonly string[],
  /** Tokens of the document before the current window. */
  base: number,
): Entity {
  const first = c.t + c.lead;
  const ts = raw.start[first]!;
  const te = raw.end[first]!;
  const start = stripped ? offsetAfterUnits(text, ts, te, stripped, action, expansions) : ts;
  const end = raw.end[c.end - 1]!;
  let prefix = NO_PREFIX;
  if (stripped) {
    const p: Clitic[] = [];
    let pos = ts;
    let letter = 0;
    for (let r = 0; r < roles.length; r++) {
      const role = roles[r]!;
      if (letter >= stripped) break;
      const next = offsetAfterUnits(text, ts, te, letter + 1, action, expansions);
      // (a clitic inside a ligature with the name's first letter has no units of its own)
      if (next > pos) p.push({ role, text: text.slice(pos, next), start: pos, end: next });
      pos = next;
      letter++;
    }
    prefix = p;
  }
  const slice = text.slice(start, end);
  // (names and sources shared by many annotations are frozen objects of the runner's)
  const name = c.name && c.by === 'composition' ? { ar: slice, en: c.name.en } : c.name;
  const by = c.by;
  const source = c.source ?? (c.alias
    ? (c.rule ? { by, alias: c.alias, rule: c.rule } : { by, alias: c.alias })
    : (c.rule ? { by, rule: c.rule } : { by }));
  const { type, id, kind, country, confidence } = c;
  const tokenStart = base + first;
  const tokenEnd = base + c.end;
  if (kind) {
    return country
      ? { start, end, text: slice, type, id, name, kind, country, tokenStart, tokenEnd, prefix, source, confidence }
      : { start, end, text: slice, type, id, name, kind, tokenStart, tokenEnd, prefix, source, confidence };
  }
  return country
    ? { start, end, text: slice, type, id, name, country, tokenStart, tokenEnd, prefix, source, confidence }
    : { start, end, text: slice, type, id, name, tokenStart, tokenEnd, prefix, source, confidence };
}
