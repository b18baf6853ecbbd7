import { scanTokens, tokenNorm } from '../tokenize/index.js';
import { compileTable, optionsMask, KEEP, DELETE } from '../normalize/engine.js';
import type { EntityType, LexiconEntry } from './schema.js';
import { hashString } from './hash.js';
import { unitsString } from '../arrays.js';

/** Alias flags in the compiled lexicon: bit 0 ambiguous; bits 4–7 the number of leading title tokens that are evidence, not name. */
export const AMBIGUOUS = 1;
export const LEAD_SHIFT = 4;

/** An entry as the annotator reports it. */
export interface CompiledEntry {
  readonly id: string;
  readonly type: EntityType;
  readonly name: { readonly ar: string; readonly en: string };
  readonly kind?: string;
  readonly country?: string;
  readonly iso2?: string;
}

/** Evidence word: a trigger (صحيفة, الرئيس) for the listed types/kinds. */
export interface TriggerSpec {
  readonly text: string;
  readonly types: readonly EntityType[];
  readonly kinds?: readonly string[];
  /** A person title usable by the title + name pattern. */
  readonly title?: boolean;
}

/** Head of an institution name composed with a demonym (وزارة الخارجية + الصينية). */
export interface InstitutionSpec {
  readonly text: string;
  readonly en: string;
  readonly slug: string;
  /** Grammatical gender of the head: the demonym must agree (وزارة الخارجية الصينية, not الصيني). */
  readonly gender?: 'm' | 'f';
}

export interface GivenName {
  readonly ar: string;
  readonly en?: string;
  readonly origin?: string;
  readonly ambiguous?: boolean;
}

/** The JSON artifact `dist/lexicon.json` and what `createAnnotator` builds its matcher from. */
export interface CompiledLexicon {
  readonly version: 1;
  readonly entries: readonly CompiledEntry[];
  /** `[key, entry index, flags, alias as written]`; key = normalized token keys joined by a space. */
  readonly aliases: ReadonlyArray<readonly [string, number, number, string]>;
  /** Normalized given name → 'a' (Arabic), 'f' (foreign); suffix '?' when ambiguous. */
  readonly givenNames: Readonly<Record<string, string>>;
  readonly nonEntities: readonly string[];
  readonly triggers: ReadonlyArray<readonly [string, TriggerSpec]>;
  readonly institutions: ReadonlyArray<readonly [string, InstitutionSpec]>;
  readonly stopwords: readonly string[];
  /** Ordinary words (verbs, nouns, function words) that are never part of a person name found by pattern. */
  readonly commonWords: readonly string[];
}

export interface LexiconSources {
  readonly entries: readonly LexiconEntry[];
  /** Extra `{id, alias}` pairs to treat as ambiguous (lexicons/ambiguous-extra.jsonl). */
  readonly ambiguousExtra?: ReadonlyArray<{ readonly id: string; readonly alias: string }>;
  readonly givenNames?: readonly GivenName[];
  readonly nonEntities?: readonly string[];
  readonly triggers?: readonly TriggerSpec[];
  readonly institutions?: readonly InstitutionSpec[];
  readonly stopwords?: readonly string[];
  readonly commonWords?: readonly string[];
}

let table: { readonly action: Int32Array; readonly expansions: readonly string[] } | undefined;
const TABLE = () => (table ??= compileTable(optionsMask(undefined)));

const isKeyArabic = (c: number): boolean => (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x0652) || c === 0x0640;
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Code units of the key being built, `nu` of them (keys are built flat, not as concatenations),
 * made a string by `unitsString`. Reused; `room` makes it large enough for an alias first.
 */
let units = new Uint16Array(256);
let nu = 0;
/** Room in `units` for the key of an alias of `n` units, each of which gives at most `most` units (and a separator or `^` before them). */
function room(n: number, most: number): void {
  if (units.length < n * (most + 1) + 1) units = new Uint16Array(n * (most + 1) + 1);
}

/**
 * The match key of a surface form: its tokens, normalized, joined by single spaces. Short all-caps
 * Latin tokens (CSTO, AFP) keep their case behind a `^` so that they only match as written.
 */
export function aliasKey(alias: string): string {
  const { action, expansions } = TABLE();
  const { cls, asciiLower, most } = (keyClasses ??= classesOf(action, expansions));
  room(alias.length, most);
  // Fast paths (nearly all aliases): words separated by single spaces, either all of Arabic letters
  // and marks, or all of ASCII letters or ASCII digits (Latin names: "Syn 12"); each such word is one
  // token. Anything else goes through the tokenizer.
  const n = alias.length;
  let all = n > 0 && alias.charCodeAt(0) !== 0x20 && alias.charCodeAt(n - 1) !== 0x20 ? K_ARABIC | K_ASCII : 0;
  let any = 0;
  for (let i = 0; i < n && all !== 0; i++) {
    const c = alias.charCodeAt(i);
    const k = c < KEY_CLASSES ? cls[c]! : 0;
    if (k === K_SPACE) {
      if (alias.charCodeAt(i + 1) === 0x20) all = 0;
      continue;
    }
    all &= k;
    any |= k;
  }
  if (all & K_ARABIC) return any & K_CHANGED ? arabicKey(alias, action, expansions) : alias;
  return all & K_ASCII ? asciiKey(alias, action, expansions, asciiLower) : slowKey(alias, action, expansions);
}

/**
 * What `aliasKey` asks of a code unit, in one table: an Arabic key letter, an ASCII letter or digit,
 * changed by normalization; or the space. Units from U+0700 on are none of these (class 0).
 */
const K_ARABIC = 1;
const K_ASCII = 2;
const K_CHANGED = 4;
const K_SPACE = 8;
const KEY_CLASSES = 0x0700;
let keyClasses: { readonly cls: Uint8Array; readonly asciiLower: boolean; readonly most: number } | undefined;
/**
 * The classes of the units below U+0700, whether the table maps ASCII letters to lower case and
 * keeps ASCII digits (the default one does), and the most units one unit normalizes to.
 */
function classesOf(action: Int32Array, expansions: readonly string[]): { cls: Uint8Array; asciiLower: boolean; most: number } {
  const cls = new Uint8Array(KEY_CLASSES);
  let asciiLower = true;
  for (let c = 0; c < KEY_CLASSES; c++) {
    if (c === 0x20) { cls[c] = K_SPACE; continue; }
    cls[c] = (isKeyArabic(c) ? K_ARABIC : 0) | (isAsciiLetter(c) || isAsciiDigit(c) ? K_ASCII : 0) | (action[c] !== KEEP ? K_CHANGED : 0);
    if (isAsciiLetter(c) || isAsciiDigit(c)) asciiLower &&= action[c] === (c >= 0x41 && c <= 0x5a ? c + 0x20 : KEEP);
  }
  let most = 1;
  for (let i = 0; i < expansions.length; i++) most = Math.max(most, expansions[i]!.length);
  return { cls, asciiLower, most };
}

/** `aliasKey` of single-space-separated Arabic words: each word normalized, words that normalize to nothing dropped. */
function arabicKey(alias: string, action: Int32Array, expansions: readonly string[]): string {
  const n = alias.length;
  nu = 0;
  let sep = false; // a separator is due before the current word's first unit
  for (let i = 0; i < n; i++) {
    const c = alias.charCodeAt(i);
    if (c === 0x20) { sep = nu > 0; continue; }
    const a = action[c]!;
    if (a === DELETE) continue;
    if (a >= 0 || a === KEEP || expansions[-3 - a]!.length > 0) {
      if (sep) { units[nu++] = 0x20; sep = false; }
      if (a === KEEP) units[nu++] = c;
      else if (a >= 0) units[nu++] = a;
      else { const x = expansions[-3 - a]!; for (let j = 0; j < x.length; j++) units[nu++] = x.charCodeAt(j); }
    }
  }
  return unitsString(units, 0, nu);
}

/**
 * `aliasKey` of single-space-separated ASCII words: the tokenizer's answer when no word mixes letters
 * and digits (a letter run and a digit run are two tokens); otherwise the tokenizer decides.
 */
function asciiKey(alias: string, action: Int32Array, expansions: readonly string[], asciiLower: boolean): string {
  const n = alias.length;
  let anyCaps = false;
  for (let i = 0, from = 0; i <= n; i++) {
    if (i < n && alias.charCodeAt(i) !== 0x20) continue;
    const digit = isAsciiDigit(alias.charCodeAt(from));
    let upper = !digit && i - from >= 2 && i - from <= 6;
    for (let j = from; j < i; j++) {
      const c = alias.charCodeAt(j);
      if (isAsciiDigit(c) !== digit) return slowKey(alias, action, expansions);
      upper &&= c >= 0x41 && c <= 0x5a;
    }
    anyCaps ||= upper;
    from = i + 1;
  }
  // (the default table folds ASCII case and keeps digits: without a token kept as written, the key
  // is the lower case)
  if (!anyCaps && asciiLower) return alias.toLowerCase();
  nu = 0;
  for (let i = 0, from = 0; i <= n; i++) {
    if (i < n && alias.charCodeAt(i) !== 0x20) continue;
    if (from > 0) units[nu++] = 0x20;
    let caps = i - from >= 2 && i - from <= 6;
    for (let j = from; caps && j < i; j++) { const c = alias.charCodeAt(j); caps = c >= 0x41 && c <= 0x5a; }
    if (caps) units[nu++] = 0x5e; // ^AFP: matched as written
    for (let j = from; j < i; j++) {
      const c = alias.charCodeAt(j);
      const a = caps ? KEEP : action[c]!;
      if (a === KEEP) units[nu++] = c;
      else if (a >= 0) units[nu++] = a;
      else if (a !== DELETE) { const x = expansions[-3 - a]!; for (let k = 0; k < x.length; k++) units[nu++] = x.charCodeAt(k); }
    }
    from = i + 1;
  }
  return unitsString(units, 0, nu);
}

/** `aliasKey` through the tokenizer. */
function slowKey(alias: string, action: Int32Array, expansions: readonly string[]): string {
  const raw = scanTokens(alias);
  const parts: string[] = [];
  for (let t = 0; t < raw.count; t++) {
    const s = raw.start[t]!;
    const e = raw.end[t]!;
    const text = alias.slice(s, e);
    if (/^[A-Z][A-Z.]{1,5}$/.test(text)) parts.push('^' + text);
    else parts.push(tokenNorm(alias, s, e, action, expansions));
  }
  return parts.join(' ');
}

const ARTICLE = 'ال';

/**
 * Whether two entries share an id. Sorting the ids' 32-bit hashes (a typed array, no string Set of a
 * million ids) leaves only the few equal hashes to be compared as strings.
 */
function hasRepeatedId(entries: readonly LexiconEntry[]): boolean {
  const n = entries.length;
  if (n < 2) return false;
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) { const id = entries[i]!.id; hashes[i] = typeof id === 'string' ? hashString(id) : 0; }
  const sorted = hashes.slice().sort();
  let equal: Set<number> | undefined;
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) (equal ??= new Set()).add(sorted[i]!);
  if (!equal) return false;
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!equal.has(hashes[i]!)) continue;
    const id = entries[i]!.id;
    if (ids.has(id)) return true;
    ids.add(id);
  }
  return false;
}

/** Merges entries that share an id (a generated base and a curated extension), first name wins. */
export function mergeEntries(entries: readonly LexiconEntry[]): LexiconEntry[] {
  // most lexicons have no repeated id: find out cheaply, and make a plain copy then
  if (!hasRepeatedId(entries)) return entries.slice();
  const byId = new Map<string, LexiconEntry>();
  for (const e of entries) {
    const prev = byId.get(e.id);
    if (!prev) { byId.set(e.id, e); continue; }
    byId.set(e.id, {
      ...e,
      ...prev,
      aliases: [...new Set([...(prev.aliases ?? []), e.name.ar, e.name.en, ...(e.aliases ?? [])])],
      ambiguous: [...new Set([...(prev.ambiguous ?? []), ...(e.ambiguous ?? [])])],
    });
  }
  return [...byId.values()];
}

/** English canonical names in plain ASCII (Erdoğan → Erdogan), the form most gold data and search keys use. */
export function asciiFold(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) plain = s.charCodeAt(i) < 0x80;
  if (plain) return s;
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd');
}

/** Name `j` of an entry in match order: `name.ar`, `name.en`, then `aliases`. */
const nameAt = (e: LexiconEntry, j: number): string => (j === 0 ? e.name.ar : j === 1 ? e.name.en : e.aliases![j - 2]!);

/**
 * The surface forms an entry is matched by, from its distinct keys (`key → first alias`, in name
 * order). Titles and generic descriptors are evidence, not part of a name: a person alias that starts
 * with a title (الأمير محمد بن سلمان, ملك البحرين حمد بن عيسى) is matched without it, and
 * `descriptor + name` (حركة حماس, مدينة حماة) is dropped when `name` alone is an alias of the same
 * entry, so that the descriptor stays outside the span as a trigger. Only entries with a key that
 * starts with a trigger get here; for the others the surface forms are the keys themselves.
 */
function matchKeys(e: LexiconEntry, keys: ReadonlyMap<string, string>, triggers: ReadonlyMap<string, TriggerSpec>, placeKeys: ReadonlySet<string>, lead: Map<string, number>, ambiguousKeys: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, alias] of keys) {
    const parts = key.split(' ');
    if (parts.length > 1) {
      const first = triggers.get(parts[0]!);
      if (e.type === 'PER' && first?.title) {
        // drop the title, and a place right after a bare title (ملك البحرين)
        let i = 1;
        if (!parts[0]!.startsWith('ال') && parts.length > 2 && placeKeys.has(parts[1]!)) i = 2;
        while (i < parts.length - 1 && triggers.get(parts[i]!)?.title) i++;
        const rest = parts.slice(i).join(' ');
        // a one-word remainder (السلطان هيثم → هيثم) is too common to match alone: the alias keeps
        // its title as evidence, and the span will start after it (LEAD tokens)
        if (parts.length - i >= 2 || keys.has(rest)) {
          if (!out.has(rest)) out.set(rest, alias.split(/\s+/).slice(i).join(' '));
          continue;
        }
        if (!out.has(key)) out.set(key, alias);
        lead.set(key, i);
        continue;
      }
      // descriptor + one-word name (حركة حماس, مدينة حماة): the descriptor is a trigger, outside the
      // span; kept whole when the rest is several words (محكمة العدل الدولية) or needs the descriptor
      // to be told from an ordinary word (حركة أمل)
      const rest = parts.slice(1).join(' ');
      if (e.type !== 'PER' && first && !first.title && parts.length === 2 && keys.has(rest) && !ambiguousKeys.has(rest)) continue;
    }
    if (!out.has(key)) out.set(key, alias);
  }
  return out;
}

/**
 * The alias rows of a compiled lexicon, by column: row i is
 * `[key[i], entry[i], flags[i], alias[i]]`. `compileLexicon` builds these; the `aliases` tuples are
 * made from them on first read. @internal
 */
export interface AliasColumns {
  readonly count: number;
  readonly key: readonly string[];
  readonly entry: Int32Array;
  readonly flags: Int32Array;
  readonly alias: readonly string[];
}

/**
 * The entries of a compiled lexicon, by column: entry i is `makeEntry` of field i of each.
 * `compileLexicon` builds these; the `entries` objects are made from them on first read (a million
 * entries are then two million fewer objects while a matcher is built from the columns). @internal
 */
export interface EntryFieldColumns {
  readonly count: number;
  readonly id: readonly string[];
  readonly type: readonly EntityType[];
  readonly ar: readonly string[];
  readonly en: readonly string[];
  readonly kind: readonly (string | undefined)[];
  readonly country: readonly (string | undefined)[];
  readonly iso2: readonly (string | undefined)[];
}

/** A compiled entry of its fields (`kind`, `country`, `iso2` only when defined, in that order). @internal */
export function makeEntry(
  id: string, type: EntityType, ar: string, en: string, kind: string | undefined, country: string | undefined, iso2: string | undefined,
): CompiledEntry {
  const e: { -readonly [K in keyof CompiledEntry]: CompiledEntry[K] } = { id, type, name: { ar, en } };
  if (kind !== undefined) e.kind = kind;
  if (country !== undefined) e.country = country;
  if (iso2 !== undefined) e.iso2 = iso2;
  return e;
}

/** Entry `i` of entry columns, as an object. @internal */
export function entryOfColumns(c: EntryFieldColumns, i: number): CompiledEntry {
  return makeEntry(c.id[i]!, c.type[i]!, c.ar[i]!, c.en[i]!, c.kind[i], c.country[i], c.iso2[i]);
}

/** What `compileLexicon` keeps of a lexicon it made: its columns, and the arrays its getters made from them (once read). */
interface Made {
  readonly aliases: AliasColumns;
  readonly entries: EntryFieldColumns;
  madeAliases(): unknown;
  madeEntries(): unknown;
}
const columnsOf = new WeakMap<CompiledLexicon, Made>();

/**
 * Whether the columns still say all there is of `lex[key]`: its getter has not been read (once the
 * array is made, a caller may change it or its objects) nor replaced by another array.
 */
function unchanged(lex: CompiledLexicon, key: 'aliases' | 'entries', made: unknown): boolean {
  return made === undefined && Object.getOwnPropertyDescriptor(lex, key)?.get !== undefined;
}

/** The alias columns of a lexicon made by `compileLexicon` (undefined for a parsed artifact, or once its `aliases` were read or replaced). @internal */
export function aliasColumns(lex: CompiledLexicon): AliasColumns | undefined {
  const m = columnsOf.get(lex);
  return m && unchanged(lex, 'aliases', m.madeAliases()) ? m.aliases : undefined;
}

/** The entry columns of a lexicon made by `compileLexicon` (undefined for a parsed artifact, or once its `entries` were read or replaced). @internal */
export function entryFieldColumns(lex: CompiledLexicon): EntryFieldColumns | undefined {
  const m = columnsOf.get(lex);
  return m && unchanged(lex, 'entries', m.madeEntries()) ? m.entries : undefined;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** Compiles lexicon sources into the artifact the matcher is built from. */
export function compileLexicon(src: LexiconSources): CompiledLexicon {
  const merged = mergeEntries(src.entries);
  const extraAmb = new Map<string, string[]>();
  for (const { id, alias } of src.ambiguousExtra ?? []) extraAmb.set(id, [...(extraAmb.get(id) ?? []), alias]);
  const triggerMap = new Map((src.triggers ?? []).map((t) => [aliasKey(t.text), t] as const));
  const n = merged.length;

  // Pass 1: the key of every name, once (entry i's names are keys[first[i]] .. keys[first[i + 1] - 1]),
  // and the one-word place keys the title rule needs (when there are titles).
  const first = new Int32Array(n + 1);
  let bound = 0; // rows at most: one per name, two for a demonym
  for (let i = 0; i < n; i++) {
    const e = merged[i]!;
    const count = 2 + (e.aliases?.length ?? 0);
    first[i + 1] = first[i]! + count;
    bound += e.type === 'NORP' ? 2 * count : count;
  }
  let nameKeys: string[] = new Array(first[n]!).fill('');
  const placeKeys = new Set<string>();
  const titles = (src.triggers ?? []).some((t) => t.title);
  for (let i = 0, at = 0; i < n; i++) {
    const e = merged[i]!;
    const count = first[i + 1]! - at;
    for (let j = 0; j < count; j++) {
      const k = aliasKey(nameAt(e, j));
      nameKeys[at++] = k;
      if (titles && e.type === 'LOC' && j !== 1 && k && !k.includes(' ')) placeKeys.add(k);
    }
  }

  // Pass 2: entries (by column) and alias rows.
  const eId: string[] = new Array(n);
  const eType: EntityType[] = new Array(n);
  const eAr: string[] = new Array(n);
  const eEn: string[] = new Array(n);
  const eKind: (string | undefined)[] = new Array(n);
  const eCountry: (string | undefined)[] = new Array(n);
  const eIso2: (string | undefined)[] = new Array(n);
  const colKey: string[] = new Array(bound).fill('');
  const colAlias: string[] = new Array(bound).fill('');
  let colEntry = new Int32Array(bound);
  let colFlags = new Int32Array(bound);
  let rows = 0;
  const push = (key: string, idx: number, flags: number, alias: string): void => {
    colKey[rows] = key;
    colAlias[rows] = alias;
    colEntry[rows] = idx;
    colFlags[rows++] = flags;
  };
  // the entry's distinct keys with their first alias: the first `nk` of these (reused, never shortened)
  const uKey: string[] = [];
  const uAlias: string[] = [];
  let nk = 0;
  let uSet: Set<string> | undefined;
  for (let idx = 0; idx < n; idx++) {
    const e = merged[idx]!;
    eId[idx] = e.id;
    eType[idx] = e.type;
    eAr[idx] = e.name.ar;
    eEn[idx] = asciiFold(e.name.en);
    eKind[idx] = e.kind || undefined;
    eCountry[idx] = e.country || undefined;
    eIso2[idx] = e.iso2 || undefined;

    const from = first[idx]!;
    const count = first[idx + 1]! - from;
    nk = 0;
    uSet = count > 16 ? new Set() : undefined;
    let triggered = false;
    for (let j = 0; j < count; j++) {
      const key = nameKeys[from + j]!;
      if (!key) continue;
      if (uSet) {
        if (uSet.has(key)) continue;
        uSet.add(key);
      } else {
        let dup = false;
        for (let k = 0; k < nk && !dup; k++) dup = uKey[k] === key;
        if (dup) continue;
      }
      uKey[nk] = key;
      uAlias[nk++] = nameAt(e, j);
      if (triggerMap.size > 0 && !triggered) {
        const sp = key.indexOf(' ');
        if (sp >= 0 && triggerMap.has(key.slice(0, sp))) triggered = true;
      }
    }
    const ambList = e.ambiguous;
    const ambExtra = extraAmb.size > 0 ? extraAmb.get(e.id) : undefined;
    const amb = ambList?.length || ambExtra ? new Set([...(ambList ?? []), ...(ambExtra ?? [])].map(aliasKey)) : NO_KEYS;
    let lead: Map<string, number> | undefined;
    let outKeys: readonly string[] = uKey;
    let outAliases: readonly string[] = uAlias;
    let outCount = nk;
    if (triggered) {
      const keys = new Map<string, string>();
      for (let j = 0; j < nk; j++) keys.set(uKey[j]!, uAlias[j]!);
      lead = new Map();
      const m = matchKeys(e, keys, triggerMap, placeKeys, lead, amb);
      outKeys = [...m.keys()];
      outAliases = [...m.values()];
      outCount = outKeys.length;
    }
    if (e.type !== 'NORP') {
      // the keys are distinct
      for (let j = 0; j < outCount; j++) {
        const key = outKeys[j]!;
        push(key, idx, (amb.has(key) ? AMBIGUOUS : 0) | ((lead?.get(key) ?? 0) << LEAD_SHIFT), outAliases[j]!);
      }
      continue;
    }
    const seen = new Set<string>();
    for (let j = 0; j < outCount; j++) {
      const key = outKeys[j]!;
      if (seen.has(key)) continue;
      seen.add(key);
      push(key, idx, (amb.has(key) ? AMBIGUOUS : 0) | ((lead?.get(key) ?? 0) << LEAD_SHIFT), outAliases[j]!);
      // Demonyms are listed without the article; their definite forms are the same entry.
      const c = key.charCodeAt(0);
      if (!key.startsWith(ARTICLE) && c >= 0x0600 && c <= 0x06ff) {
        const def = ARTICLE + key;
        if (!seen.has(def)) { seen.add(def); push(def, idx, amb.has(key) ? AMBIGUOUS : 0, ARTICLE + outAliases[j]!); }
      }
    }
  }
  nameKeys = [];
  if (rows < bound) {
    colKey.length = rows;
    colAlias.length = rows;
    colEntry = colEntry.slice(0, rows);
    colFlags = colFlags.slice(0, rows);
  }
  const columns: AliasColumns = { count: rows, key: colKey, entry: colEntry, flags: colFlags, alias: colAlias };

  const givenNames: Record<string, string> = {};
  for (const g of src.givenNames ?? []) {
    const key = aliasKey(g.ar);
    if (!key || key.includes(' ')) continue;
    givenNames[key] = (g.origin === 'foreign' ? 'f' : 'a') + (g.ambiguous ? '?' : '');
  }
  let entriesMade: CompiledEntry[] | undefined;
  let tuplesMade: Array<[string, number, number, string]> | undefined;
  const entryCols: EntryFieldColumns = { count: n, id: eId, type: eType, ar: eAr, en: eEn, kind: eKind, country: eCountry, iso2: eIso2 };
  const lexicon: CompiledLexicon = {
    version: 1,
    // objects on first read, like the tuples below; the matcher reads the columns
    get entries(): readonly CompiledEntry[] {
      const out = (entriesMade ??= Array.from({ length: entryCols.count }, (_, i) => entryOfColumns(entryCols, i)));
      settle(this, 'entries', out);
      return out;
    },
    set entries(v: readonly CompiledEntry[]) {
      settle(this, 'entries', v);
    },
    // tuples on first read (JSON.stringify, spread, consumers of the rows); the matcher reads the columns
    get aliases(): ReadonlyArray<readonly [string, number, number, string]> {
      const tuples = (tuplesMade ??= aliasTuples(columns));
      settle(this, 'aliases', tuples);
      return tuples;
    },
    set aliases(v: ReadonlyArray<readonly [string, number, number, string]>) {
      settle(this, 'aliases', v);
    },
    givenNames,
    nonEntities: [...new Set((src.nonEntities ?? []).map(aliasKey))],
    triggers: (src.triggers ?? []).map((t) => [aliasKey(t.text), t] as const),
    institutions: (src.institutions ?? []).map((t) => [aliasKey(t.text), t] as const),
    stopwords: [...new Set((src.stopwords ?? []).map(aliasKey))],
    commonWords: [...new Set((src.commonWords ?? []).map(aliasKey))].filter((k) => k && !k.includes(' ')),
  };
  columnsOf.set(lexicon, { aliases: columns, entries: entryCols, madeAliases: () => tuplesMade, madeEntries: () => entriesMade });
  return lexicon;
}

/**
 * Makes a property read through a getter a plain one with value `v` (later reads are property
 * loads, and it can be assigned as before); on a frozen object it stays the getter, which returns the
 * same `v` each time.
 */
function settle(o: object, key: string, v: unknown): void {
  Reflect.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The `aliases` rows of alias columns. */
function aliasTuples(c: AliasColumns): Array<[string, number, number, string]> {
  const out: Array<[string, number, number, string]> = new Array(c.count);
  for (let i = 0; i < c.count; i++) out[i] = [c.key[i]!, c.entry[i]!, c.flags[i]!, c.alias[i]!];
  return out;
}
