/**
 * Keyphrases: candidate phrases of 1–3 content words (no stopwords, no numbers, not crossing
 * punctuation, sentence breaks or entity mentions) and the entity mentions themselves, grouped by
 * light stem (الاحتجاجات/احتجاجات/والاحتجاجات are one) and ranked by TF-IDF: term frequencies
 * counted in the text (lines repeated verbatim count once), inverse document frequencies from the
 * shipped background table (`lexicons/topics/df.json`) with natural's idf formula.
 * @internal
 */
import { entityAt, type EntityFields, type EntityKeys } from './entities.js';
import { grown } from '../arrays.js';
import { chooseReading, type TokenReading } from './stem.js';
import { WORD, W_KP, W_KP_STRIPPED, type DocTokens } from './words.js';
import type { RawTokens } from '../tokenize/index.js';
import { tieOrder } from './classify.js';
import { isStopKey } from './stopwords.js';
import { inRanges, repeatedLines } from './lines.js';
import { isLatinLetter } from '../tokenize/chars.js';

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
  /** At most this many keyphrases (a fraction counts as the whole number below it). `[limit=10]` */
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

/** Same formula as natural's TfIdf.idf, on our background table. */
const idfOf = (N: number, df: number): number => 1 + Math.log(N / (1 + df));


/**
 * The extractor's model side: background frequencies, stopwords and the stems of keyphrase
 * readings, interned (id → stem and its idf) so that the per-text work compares integers.
 * @internal
 */
export class KeyphraseStems {
  readonly stems: string[] = [];
  readonly idf: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly dfOf: (stem: string) => number;

  constructor(
    readonly bg: DfTable,
    readonly stops: ReadonlySet<string>,
    /** Stems known besides the background's (the topic terms'): see `chooseReading`. */
    private readonly known?: (stem: string) => boolean,
  ) {
    this.dfOf = (stem) => bg.df.get(stem) ?? 0;
  }

  /**
   * The keyphrase reading of a word: the id of its stem and the letters its proclitics take, or
   * `kp: -1` when the word is never a candidate (a stopword in any reading, a short stem or key).
   */
  word(readings: readonly TokenReading[]): readonly [number, number] {
    // (a word in Latin letters is never a candidate: the background frequencies are of Arabic
    // text, so English words would all score as the rarest; English names come in as entities)
    if (isLatinLetter(readings[0]!.key.charCodeAt(0))) return [-1, 0];
    const c = readings.some((x) => isStopKey(x.key, this.stops, x.stem)) ? null : chooseReading(readings, this.dfOf, this.known);
    if (!c || c.stem.length < 3 || c.key.length < 3) return [-1, 0];
    let id = this.ids.get(c.stem);
    if (id === undefined) {
      id = this.stems.length;
      this.ids.set(c.stem, id);
      this.stems.push(c.stem);
      this.idf.push(idfOf(this.bg.N, this.dfOf(c.stem)));
    }
    return [id, c.stripped];
  }

  /** Forgets the interned stems (with the word table that refers to them). */
  reset(): void {
    this.ids.clear();
    this.stems.length = 0;
    this.idf.length = 0;
  }
}

/**
 * Work buffers of the extractor, reused across calls (extraction is synchronous: one call at a
 * time per model). Groups live in flat typed arrays. A group counts its occurrences; where they
 * are is found again only for the keyphrases returned (`collectOccurrences`): listing every
 * occurrence of every group wrote 16 bytes a candidate token, for the few groups that are kept.
 * @internal
 */
export class KeyphraseScratch {
  // per group
  gWords = new Int32Array(256);
  gTf = new Int32Array(256);
  gEntity = new Int32Array(256);
  gSlot = new Int32Array(256);
  gStems = new Int32Array(768);
  score = new Float64Array(256);
  scores = new Float64Array(256);
  cands = new Int32Array(256);
  /** The group's key string (see keyOf) is `gKey[g]` when `gKeyCall[g]` is the call's number. */
  gKeyCall = new Int32Array(256);
  gKey: string[] = [];
  /** Per group: 1 + its index among the groups returned, 0 for the others (emptied after each call). */
  gKept = new Int32Array(256);
  // per token
  stem = new Int32Array(256);
  covered = new Uint8Array(256);
  uni = new Int32Array(256);
  repOf = new Uint8Array(256);
  /**
   * Phrase hash table: group + 1, 0 when empty (emptied again after each call). It grows with the
   * phrases of a text (at most half full), not with its tokens: sized for 3 phrases a token, the
   * table of a 40 MB text was ~200 MB.
   */
  slots = new Int32Array(1024);

  /**
   * Per keyphrase stem s: its single-word group in the current call is `uni[2s + 1]` when `uni[2s]`
   * is the call's number (side by side: one cache line for both).
   */
  uniStem = new Int32Array(2048);
  /**
   * Per keyphrase stem s: when `stemKept[2s]` is the call's number, `stemKept[2s + 1]` is the first
   * of the returned word and phrase groups (an index into them) that begin with s; `keptNext` links
   * the others (see `collectOccurrences`).
   */
  stemKept = new Int32Array(2048);
  keptNext = new Int32Array(16);
  /** Per interned entity key: its group in the current call is `keyGroup[k]` when `keyCall[k]` is the call's number. */
  keyCall = new Int32Array(256);
  keyGroup = new Int32Array(256);
  /** The current call's number (see `nextCall`). */
  call = 0;
  /** Groups made in the current call, and phrase groups in the hash table. */
  groups = 0;
  private phrases = 0;

  /** Starts a call over `stems` keyphrase stems and `keys` entity keys; returns the call's number. */
  nextCall(stems: number, keys: number): number {
    // (stamp arrays grow by copying: the stamps of earlier calls stay unequal to the next call's number)
    if (2 * stems > this.uniStem.length) {
      this.uniStem = grown(this.uniStem, Math.max(2 * stems, 2 * this.uniStem.length));
      this.stemKept = grown(this.stemKept, this.uniStem.length);
    }
    if (keys > this.keyCall.length) {
      const cap = Math.max(keys, 2 * this.keyCall.length);
      this.keyCall = grown(this.keyCall, cap);
      this.keyGroup = new Int32Array(cap);
    }
    if (++this.call > 0x3fffffff) {
      this.uniStem.fill(0);
      this.stemKept.fill(0);
      this.keyCall.fill(0);
      this.gKeyCall.fill(0);
      this.call = 1;
    }
    this.groups = 0;
    this.phrases = 0;
    return this.call;
  }

  /** A new group of `words` stems (s0, s1, s2; -1 past the last), or of entity `entity` (≥ 0). */
  newGroup(words: number, s0: number, s1: number, s2: number, entity: number): number {
    const g = this.groups++;
    if (g === this.gWords.length) this.growGroups(g);
    this.gWords[g] = words;
    this.gTf[g] = 0;
    this.gEntity[g] = entity;
    this.gSlot[g] = -1;
    const gStems = this.gStems;
    gStems[3 * g] = s0;
    gStems[3 * g + 1] = s1;
    gStems[3 * g + 2] = s2;
    return g;
  }

  /** The group of the phrase of `words` stems (s0, s1, s2; -1 past the last), made when new. */
  phrase(words: number, s0: number, s1: number, s2: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = phraseSlot(s0, s1, s2, mask); ; i = (i + 1) & mask) {
      const g = slots[i]! - 1;
      if (g < 0) {
        const created = this.newGroup(words, s0, s1, s2, -1);
        slots[i] = created + 1;
        this.gSlot[created] = i;
        // (at most half full)
        if (2 * ++this.phrases > slots.length) this.growSlots();
        return created;
      }
      const gStems = this.gStems;
      if (gStems[3 * g] === s0 && gStems[3 * g + 1] === s1 && gStems[3 * g + 2] === s2) return g;
    }
  }

  /** Doubles the phrase table and puts every phrase group back (at its new slot). */
  private growSlots(): void {
    const slots = (this.slots = new Int32Array(2 * this.slots.length));
    const mask = slots.length - 1;
    const { gSlot, gStems } = this;
    for (let g = 0; g < this.groups; g++) {
      if (gSlot[g]! < 0) continue;
      let i = phraseSlot(gStems[3 * g]!, gStems[3 * g + 1]!, gStems[3 * g + 2]!, mask);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = g + 1;
      gSlot[g] = i;
    }
  }

  /** Empties the phrase table for the next call. */
  clearSlots(): void {
    const { gSlot, slots } = this;
    for (let g = 0; g < this.groups; g++) if (gSlot[g]! >= 0) slots[gSlot[g]!] = 0;
  }

  /** Tokens the per-token buffers have room for. */
  get tokenRoom(): number {
    return this.stem.length;
  }

  /** Room for `tokens` tokens. */
  reserve(tokens: number): void {
    if (tokens > this.stem.length) {
      const cap = Math.max(tokens, this.stem.length * 2);
      this.stem = new Int32Array(cap);
      this.covered = new Uint8Array(cap);
      this.uni = new Int32Array(cap);
      this.repOf = new Uint8Array(cap);
    }
  }

  /**
   * Room for group `g`, the first `g` groups kept. Groups grow as a text makes them
   * (doubling), not to what its tokens could make: reserving 3 phrases a token cost 228 bytes a
   * token, hundreds of megabytes for a long text, which the garbage collector counts as pressure
   * even where it is never written.
   */
  growGroups(g: number): void {
    const cap = Math.max(g + 1, this.gWords.length * 2);
    this.gWords = grown(this.gWords, cap, g);
    this.gTf = grown(this.gTf, cap, g);
    // (all 0 outside a call)
    this.gKept = grown(this.gKept, cap);
    this.gEntity = grown(this.gEntity, cap, g);
    this.gSlot = grown(this.gSlot, cap, g);
    this.gStems = grown(this.gStems, 3 * cap, 3 * g);
    // (stamps of earlier calls are kept: they stay unequal to later calls' numbers)
    this.gKeyCall = grown(this.gKeyCall, cap);
  }

  /** Room for the scores of `groups` groups. */
  reserveScores(groups: number): void {
    if (groups <= this.score.length) return;
    const cap = Math.max(groups, this.score.length * 2);
    this.score = new Float64Array(cap);
    this.scores = new Float64Array(cap);
    this.cands = new Int32Array(cap);
  }
}



/** Home slot of the phrase of stems (s0, s1, s2) in a table of `mask + 1` slots. */
function phraseSlot(s0: number, s1: number, s2: number, mask: number): number {
  let h = Math.imul(s0 + 1, 0x9e3779b1) ^ Math.imul(s1 + 2, 0x85ebca6b) ^ Math.imul(s2 + 3, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x27d4eb2d);
  return (h ^ (h >>> 13)) & mask;
}

/**
 * Extracts ranked keyphrases from one tokenized text. Phrases are grouped by their stem ids
 * (stems never contain a space: word tokens and normalization expansions have none, so a stem
 * sequence and its key `stems.join(' ')` determine each other).
 *
 * Each step is a function of its own, and the group and phrase tables are the scratch's methods:
 * as one function with closures made per call, this was among the largest functions V8 compiled
 * (~60 ms a compile, recompiled whole after each one-off deoptimization, in every worker), and long
 * calls compiled the closures again every time.
 * @internal
 */
export function extractKeyphrases(
  ks: KeyphraseStems,
  doc: DocTokens,
  offsetAfter: (t: number, letters: number) => number,
  ents: EntityFields,
  entityKeys: EntityKeys,
  options: KeyphraseOptions = {},
  sc: KeyphraseScratch = new KeyphraseScratch(),
  /** `repeatedLines(doc.text)`, when the caller has it. */
  repeatedGiven?: readonly number[],
): Keyphrase[] {
  const { text, raw } = doc;
  const n = raw.count;
  // (a fraction cuts as slice() does, as the topics' limit does)
  const limit = Math.floor(options.limit ?? 10);
  const maxWords = Math.min(3, Math.max(1, Math.floor(options.maxWords ?? 3)));
  if (!(limit > 0)) return [];
  sc.reserve(n);
  sc.nextCall(ks.stems.length, entityKeys.strings.length);
  coverEntities(raw, ents, sc.covered);
  // lines repeated verbatim (a headline or photo caption printed twice) count once for tf
  const repeated = repeatedGiven ?? repeatedLines(text);
  // groups in first-seen order (entities first, then phrases by position and length); tf counts
  // the occurrences outside repeated lines
  if (options.entities !== false) countMentions(ents, repeated, sc);
  countWords(doc, repeated, sc);
  if (maxWords >= 2) countPhrases(raw, maxWords, sc);
  sc.clearSlots();
  if (!sc.groups) return [];
  const C = scoreGroups(ks, ents, entityKeys, sc);
  const kept = rankGroups(ks, ents, entityKeys, C, limit, sc);
  const occurrences = collectOccurrences(kept, doc, offsetAfter, ents, options.entities !== false, sc);
  return kept.map((g, i) => keyphraseOf(g, occurrences[i]!, ks, ents, entityKeys, sc));
}

/**
 * Marks the tokens inside an entity mention (they are not plain candidates). The first token
 * ending after an entity's start: entities usually come in text order, so it is found by walking
 * on from the previous entity's, else by binary search.
 */
function coverEntities(raw: RawTokens, ents: EntityFields, covered: Uint8Array): void {
  const n = raw.count;
  covered.fill(0, 0, n);
  let lo = 0;
  for (let ei = 0; ei < ents.count; ei++) {
    const es = ents.start[ei]!;
    const ee = ents.end[ei]!;
    if (lo > 0 && !(raw.end[lo - 1]! <= es)) {
      // (the answer is below the previous one: `raw.end[t] <= es` holds for a prefix of the tokens)
      let hi = lo;
      lo = 0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (raw.end[mid]! <= es) lo = mid + 1;
        else hi = mid;
      }
    } else {
      let step = 1;
      // gallop, then binary search: a far entity costs a logarithm, a near one a step or two
      while (lo + step - 1 < n && raw.end[lo + step - 1]! <= es) { lo += step; step *= 2; }
      let hi = Math.min(n, lo + step - 1);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (raw.end[mid]! <= es) lo = mid + 1;
        else hi = mid;
      }
    }
    for (let t = lo; t < n && raw.start[t]! < ee; t++) covered[t] = 1;
  }
}


/** Groups the entity mentions by key. */
function countMentions(ents: EntityFields, repeated: readonly number[], sc: KeyphraseScratch): void {
  const { keyCall, keyGroup, call } = sc;
  for (let ei = 0; ei < ents.count; ei++) {
    // demonyms are not keyphrases; agency credits (رويترز, أ.ف.ب) are bylines, not content
    const e = entityAt(ents, ei);
    if (e.type === 'NORP' || e.kind === 'news-agency') continue;
    // the group key '@' + (id ?? text), interned
    const key = ents.key[ei]!;
    let g: number;
    if (keyCall[key] === call) g = keyGroup[key]!;
    else {
      g = sc.newGroup(1, -1, -1, -1, ei);
      keyCall[key] = call;
      keyGroup[key] = g;
    }
    if (!(repeated.length > 0 && inRanges(repeated, ents.start[ei]!))) sc.gTf[g]!++;
  }
}

/**
 * Groups the single words (candidates outside mentions) by stem id, directly (the hash table holds
 * the longer phrases). Tokens come in order: the repeated line of each is found by walking the
 * sorted ranges. (An occurrence's start offset, after the word's proclitics, is found only for the
 * keyphrases returned; the line it is on is the one the token starts on: tokens hold no line break.)
 */
function countWords(doc: DocTokens, repeated: readonly number[], sc: KeyphraseScratch): void {
  const { raw, wid, fields } = doc;
  const n = raw.count;
  const { covered, stem, uni, repOf, uniStem, call } = sc;
  const R = repeated.length >> 1;
  let ri = 0;
  for (let t = 0; t < n; t++) {
    const w = wid[t]!;
    const s0 = covered[t] || w < 0 ? -1 : fields[WORD * w + W_KP]!;
    stem[t] = s0;
    if (s0 < 0) continue;
    let rep = false;
    if (R > 0) {
      const x = raw.start[t]!;
      while (ri < R && repeated[2 * ri + 1]! <= x) ri++;
      rep = ri < R && x >= repeated[2 * ri]!;
    }
    let g: number;
    if (uniStem[2 * s0] === call) g = uniStem[2 * s0 + 1]!;
    else {
      g = sc.newGroup(1, s0, -1, -1, -1);
      uniStem[2 * s0] = call;
      uniStem[2 * s0 + 1] = g;
    }
    if (!rep) sc.gTf[g]!++;
    uni[t] = g;
    repOf[t] = rep ? 1 : 0;
  }
}

/**
 * Groups the phrases of 2 (and 3) words. A phrase occurs at most as often (outside repeated lines:
 * its words are on one line) as each of its words, and needs tf ≥ 2 to be ranked, so phrases are
 * only counted over words seen at least twice. (Groups are then created in another order than
 * position by position, but within one phrase length the order is the same, and only groups of one
 * length are ever compared by creation order.)
 */
function countPhrases(raw: RawTokens, maxWords: number, sc: KeyphraseScratch): void {
  const n = raw.count;
  const breakBefore = raw.breakBefore;
  const { stem, uni, repOf } = sc;
  for (let t = 0; t + 1 < n; t++) {
    const s0 = stem[t]!;
    const s1 = stem[t + 1]!;
    // (gTf is read from the scratch each time: new groups may replace its arrays)
    if (s0 < 0 || s1 < 0 || breakBefore[t + 1] || sc.gTf[uni[t]!]! < 2 || sc.gTf[uni[t + 1]!]! < 2) continue;
    const rep = repOf[t] === 1;
    const g2 = sc.phrase(2, s0, s1, -1);
    if (!rep) sc.gTf[g2]!++;
    if (maxWords < 3 || t + 2 >= n) continue;
    const s2 = stem[t + 2]!;
    if (s2 < 0 || breakBefore[t + 2] || sc.gTf[uni[t + 2]!]! < 2) continue;
    const g3 = sc.phrase(3, s0, s1, s2);
    if (!rep) sc.gTf[g3]!++;
  }
}

/** TF-IDF of every group that may be ranked (`sc.score`), listed in `sc.cands`; returns their number. */
function scoreGroups(ks: KeyphraseStems, ents: EntityFields, entityKeys: EntityKeys, sc: KeyphraseScratch): number {
  const G = sc.groups;
  const bg = ks.bg;
  sc.reserveScores(G);
  const { score, cands, gTf, gEntity, gWords, gStems } = sc;
  let C = 0;
  for (let g = 0; g < G; g++) {
    const tf = gTf[g]!;
    const ei = gEntity[g]!;
    if (tf === 0) continue;
    let idf: number;
    if (ei >= 0) {
      const entityId = entityAt(ents, ei).id || undefined;
      let d: number | undefined;
      if (typeof entityId === 'string') {
        // the key of an entity with an id is its id
        const info = entityKeys.info[ents.key[ei]!]!;
        idf = info.idf ??= idfOf(bg.N, (info.df ??= bg.entities.get(entityId) ?? 0));
      } else {
        if (entityId !== undefined) d = bg.entities.get(entityId);
        idf = idfOf(bg.N, d ?? 0);
      }
    } else {
      const len = gWords[g]!;
      if (len > 1 && tf < 2) continue;
      let s = 0;
      for (let i = 0; i < len; i++) s += ks.idf[gStems[3 * g + i]!]!;
      idf = s / len;
    }
    const x = tf * idf * (1 + 0.1 * (gWords[g]! - 1));
    score[g] = x;
    cands[C++] = g;
  }
  return C;
}

/** The key of group `g`: its stems joined by spaces, or '@' and its entity key (made once per call). */
function groupKey(g: number, ks: KeyphraseStems, ents: EntityFields, entityKeys: EntityKeys, sc: KeyphraseScratch): string {
  const { gWords, gEntity, gStems, gKeyCall, gKey } = sc;
  // (a single word's key is its stem)
  if (gWords[g] === 1 && gEntity[g]! < 0) return ks.stems[gStems[3 * g]!]!;
  if (gKeyCall[g] === sc.call) return gKey[g]!;
  let k: string;
  if (gEntity[g]! >= 0) k = '@' + entityKeys.strings[ents.key[gEntity[g]!]!]!;
  else {
    k = ks.stems[gStems[3 * g]!]!;
    for (let i = 1; i < gWords[g]!; i++) k += ' ' + ks.stems[gStems[3 * g + i]!]!;
  }
  // (filled in order of need: holes are filled with the empty string so the array stays packed)
  while (gKey.length < g) gKey.push('');
  gKey[g] = k;
  gKeyCall[g] = sc.call;
  return k;
}

/**
 * The key of phrase group `inner` is inside that of `outer` (as ' ' + key + ' '): its stems are a
 * run of outer's stems (stems have no spaces).
 */
function contains(gWords: Int32Array, gStems: Int32Array, outer: number, inner: number): boolean {
  const lo = gWords[outer]!;
  const li = gWords[inner]!;
  for (let off = 0; off + li <= lo; off++) {
    let j = 0;
    while (j < li && gStems[3 * outer + off + j] === gStems[3 * inner + j]) j++;
    if (j === li) return true;
  }
  return false;
}

/**
 * The groups returned, best first: score, then longer, then key; equal keys keep first-seen order
 * (as a stable sort). A phrase inside a longer kept phrase that occurs as often adds nothing. Only
 * a prefix of the ranking is read: rank the best `k` scores (ties included) and widen when that
 * runs out.
 */
function rankGroups(ks: KeyphraseStems, ents: EntityFields, entityKeys: EntityKeys, C: number, limit: number, sc: KeyphraseScratch): number[] {
  const { score, cands, gWords, gEntity, gStems, gTf } = sc;
  const keyOf = (g: number): string => groupKey(g, ks, ents, entityKeys, sc);
  // (The score's sign as a small integer: the same order as `score[b] - score[a] || …`, NaN and
  // equal infinities included, without a heap number for each comparison the sort makes.)
  const order = (a: number, b: number): number => {
    const x = score[a]!;
    const y = score[b]!;
    return y > x ? 1 : y < x ? -1 : gWords[b]! - gWords[a]! || tieOrder(keyOf(a), keyOf(b)) || a - b;
  };
  let kept: number[] = [];
  for (let k = Math.min(C, Math.ceil(limit) + 8); ; k = Math.min(C, k * 4)) {
    let prefix: number[] = [];
    if (k < C) {
      // the best k: all scores above the k-th, and the best of those equal to it
      // (scores are numbers, never NaN: `dfTable` checks the background frequencies)
      const threshold = kthLargestOf(score, cands, C, k, sc.scores);
      const tied: number[] = [];
      for (let i = 0; i < C; i++) {
        const x = score[cands[i]!]!;
        if (x > threshold) prefix.push(cands[i]!);
        else if (x === threshold) tied.push(cands[i]!);
      }
      prefix = prefix.concat(firstInOrder(tied, k - prefix.length, order));
    } else for (let i = 0; i < C; i++) prefix.push(cands[i]!);
    prefix.sort(order);
    kept = [];
    for (const c of prefix) {
      if (kept.length >= limit) break;
      const cPhrase = gEntity[c]! < 0;
      // (an entity key '@…' is never inside a phrase key, whose stems have no '@')
      const inside = cPhrase && kept.some((k) => gEntity[k]! < 0 && gWords[k]! > gWords[c]! && contains(gWords, gStems, k, c) && gTf[k]! >= gTf[c]!);
      if (inside) continue;
      // drop shorter kept phrases that this longer one covers with the same frequency
      for (let i = kept.length - 1; i >= 0 && cPhrase; i--) {
        const k = kept[i]!;
        if (gEntity[k]! < 0 && gWords[c]! > gWords[k]! && contains(gWords, gStems, c, k) && gTf[c]! >= gTf[k]!) kept.splice(i, 1);
      }
      kept.push(c);
    }
    if (kept.length >= limit || prefix.length === C) break;
  }
  return kept;
}

/**
 * The occurrences of the groups `kept`, each list in the order the group's occurrences were counted
 * (mentions in the order of the entities, words and phrases in text order): the mentions of an
 * entity group are the entities of its key, and a word or phrase occurs wherever its stems follow
 * each other without a break (every such place was counted: the other conditions of
 * `countPhrases` hold for all places of one phrase or none).
 */
function collectOccurrences(
  kept: readonly number[], doc: DocTokens, offsetAfter: (t: number, letters: number) => number, ents: EntityFields, mentions: boolean, sc: KeyphraseScratch,
): KeyphraseOccurrence[][] {
  const { text, raw, wid, fields } = doc;
  const n = raw.count;
  const breakBefore = raw.breakBefore;
  const { gKept, gEntity, gWords, gStems, stemKept, stem, call } = sc;
  const lists: KeyphraseOccurrence[][] = [];
  if (sc.keptNext.length < kept.length) sc.keptNext = new Int32Array(Math.max(kept.length, 2 * sc.keptNext.length));
  const keptNext = sc.keptNext;
  let words = false;
  for (let i = 0; i < kept.length; i++) {
    const g = kept[i]!;
    lists.push([]);
    gKept[g] = i + 1;
    if (gEntity[g]! >= 0) continue;
    // the word and phrase groups that begin with stem s, newest first (each list is filled on its own)
    const s = gStems[3 * g]!;
    keptNext[i] = stemKept[2 * s] === call ? stemKept[2 * s + 1]! : -1;
    stemKept[2 * s] = call;
    stemKept[2 * s + 1] = i;
    words = true;
  }
  if (mentions) {
    const { keyCall, keyGroup } = sc;
    for (let ei = 0; ei < ents.count; ei++) {
      const e = entityAt(ents, ei);
      if (e.type === 'NORP' || e.kind === 'news-agency') continue;
      const key = ents.key[ei]!;
      const k = keyCall[key] === call ? gKept[keyGroup[key]!]! : 0;
      if (k > 0) lists[k - 1]!.push({ start: ents.start[ei]!, end: ents.end[ei]!, text: e.text });
    }
  }
  for (let t = 0; words && t < n; t++) {
    const s0 = stem[t]!;
    if (s0 < 0 || stemKept[2 * s0] !== call) continue;
    for (let i = stemKept[2 * s0 + 1]!; i >= 0; i = keptNext[i]!) {
      const g = kept[i]!;
      const len = gWords[g]!;
      if (t + len > n) continue;
      let j = 1;
      while (j < len && stem[t + j] === gStems[3 * g + j] && !breakBefore[t + j]) j++;
      if (j < len) continue;
      // (the token of a candidate is a word's)
      const strip = fields[WORD * wid[t]! + W_KP_STRIPPED]!;
      const start = strip > 0 ? offsetAfter(t, strip) : raw.start[t]!;
      const end = raw.end[t + len - 1]!;
      lists[i]!.push({ start, end, text: text.slice(start, end) });
    }
  }
  for (const g of kept) gKept[g] = 0;
  return lists;
}

/** The keyphrase of group `g` with its `occurrences` (sorted here by start): canonical text, score and key. */
function keyphraseOf(g: number, occurrences: KeyphraseOccurrence[], ks: KeyphraseStems, ents: EntityFields, entityKeys: EntityKeys, sc: KeyphraseScratch): Keyphrase {
  const ei = sc.gEntity[g]!;
  const name = ei >= 0 ? entityAt(ents, ei).name : undefined;
  // (the test of the sort's first run: `sort` keeps the array when it is one ascending run)
  let sorted = true;
  for (let i = 1; i < occurrences.length && sorted; i++) sorted = !(occurrences[i]!.start - occurrences[i - 1]!.start < 0);
  let canonical = name ? name.ar : undefined;
  if (!canonical) {
    // the most frequent surface form; on a tie the one with fewer diacritics
    const forms = formCounts(occurrences);
    let bestN = -1;
    let bestMarks = Infinity;
    for (const [form, cnt] of forms) {
      const marks = countMarks(form);
      if (cnt > bestN || (cnt === bestN && marks < bestMarks)) {
        bestN = cnt;
        bestMarks = marks;
        canonical = form;
      }
    }
  }
  const entityId = ei >= 0 ? entityAt(ents, ei).id || undefined : undefined;
  const rounded = Math.round(sc.score[g]! * 1000) / 1000;
  // (a stable sort: occurrences already in order, as words' and the annotator's entities are, stay as they are)
  if (!sorted) occurrences.sort((a, b) => a.start - b.start);
  const stem = groupKey(g, ks, ents, entityKeys, sc);
  return entityId ? { text: canonical!, score: rounded, stem, occurrences, entityId } : { text: canonical!, score: rounded, stem, occurrences };
}

/**
 * The first `j` of `items` in the strict total order `cmp` (unordered): quickselect, so that a
 * large group of equal scores is not sorted whole with the (slow) collator. Reorders `items`.
 */
function firstInOrder(items: number[], j: number, cmp: (a: number, b: number) => number): number[] {
  if (j >= items.length) return items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const pivot = items[(lo + hi) >> 1]!;
    let i = lo;
    let k = hi;
    while (i <= k) {
      while (cmp(items[i]!, pivot) < 0) i++;
      while (cmp(items[k]!, pivot) > 0) k--;
      if (i <= k) {
        const x = items[i]!;
        items[i] = items[k]!;
        items[k] = x;
        i++;
        k--;
      }
    }
    if (j - 1 <= k) hi = k;
    else if (j - 1 >= i) lo = i;
    else break;
  }
  return items.slice(0, j);
}

/**
 * The k-th largest of `score[cands[i]]` for i < C (1 ≤ k ≤ C, no NaN): one pass keeps the k
 * largest so far, in decreasing order, in `top` (most scores are below the k-th and cost one
 * comparison).
 */
function kthLargestOf(score: Float64Array, cands: Int32Array, C: number, k: number, top: Float64Array): number {
  let m = 0;
  for (let i = 0; i < C; i++) {
    const x = score[cands[i]!]!;
    if (m === k) {
      if (x <= top[k - 1]!) continue;
      m--;
    }
    let j = m++;
    for (; j > 0 && top[j - 1]! < x; j--) top[j] = top[j - 1]!;
    top[j] = x;
  }
  return top[k - 1]!;
}

/**
 * The texts of `occurrences` with their counts, in first-seen order (as a `Map` keyed by text
 * gives them; a few occurrences are counted in a short list instead of a map).
 */
function formCounts(occurrences: readonly KeyphraseOccurrence[]): Iterable<readonly [string, number]> {
  if (occurrences.length > 16) {
    const forms = new Map<string, number>();
    for (const o of occurrences) forms.set(o.text, (forms.get(o.text) ?? 0) + 1);
    return forms;
  }
  const forms: Array<[string, number]> = [];
  for (const o of occurrences) {
    const t = o.text;
    let j = 0;
    // (SameValueZero, as map keys compare)
    while (j < forms.length && !(forms[j]![0] === t || (forms[j]![0] !== forms[j]![0] && t !== t))) j++;
    if (j < forms.length) forms[j]![1]++;
    else forms.push([t, 1]);
  }
  return forms;
}

/** Diacritics and tatweel in a form (U+064B–U+065F, U+0670, U+0640). */
function countMarks(form: string): number {
  let marks = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) marks++;
  }
  return marks;
}
