/**
 * The entities of one topic-model call: the classifier and the keyphrase extractor both read their
 * offsets, types, ids and names. The offsets (read in every pass) are copied once; the other fields
 * are read from the objects where they are needed, through the index of each well-formed entity
 * (copying them too wrote five pointers an entity: on a 100 MB document, seven million pointer
 * stores into arrays the garbage collector then marked). An entity without number offsets or a
 * string `text` is left out, like one whose offsets are outside the text.
 *
 * Both tasks group an entity by `id ?? text` (the keys `'e:' + …` and `'@' + …`); that string is
 * interned once per call into a small number, so per-call maps and per-entity caches (signals,
 * background frequency) are keyed by integers.
 * @internal
 */
import type { Entity } from '../resolve/annotate.js';
import { flatCopy } from '../arrays.js';

/**
 * Fields of the well-formed entities (numbers end > start ≥ 0, end ≤ text length; a string `text`), in input order: the
 * first `count` items of each array (the arrays are reused from call to call). @internal
 */
export interface EntityFields {
  readonly count: number;
  readonly start: number[];
  readonly end: number[];
  /** Entity `ei` is `list[at[ei]]` (the caller's array). */
  readonly at: Int32Array;
  readonly list: readonly Entity[];
  /** The interned `String(id ?? text)` of each entity. */
  readonly key: Int32Array;
}

/** The entity object of well-formed entity `ei` (its fields other than the offsets are read there). @internal */
export const entityAt = (f: EntityFields, ei: number): Entity => f.list[f.at[ei]!]!;

/** The reused arrays of `EntityKeys.fields` (replaced by larger ones when a call has more entities). */
type FieldArrays = { -readonly [K in keyof EntityFields]: EntityFields[K] };

/** Field arrays with room for `n` entities. */
function fieldArrays(n: number): FieldArrays {
  // (made at their size, never grown: growing arrays element by element to a million entities
  // copied each several times, in allocations large enough to start major collections)
  return { count: 0, start: new Array(n), end: new Array(n), at: new Int32Array(n), list: [], key: new Int32Array(n) };
}

/** What one interned key remembers across calls (filled on demand). @internal */
export interface KeyInfo {
  /** Background document frequency of the key taken as an entity id (undefined: not looked up yet). */
  df?: number;
  /** Inverse document frequency of the key taken as an entity id (from `df`). */
  idf?: number;
  /** Signals of the entity whose id is this key, with the fields they were computed from. */
  signals?: { type: unknown; kind: unknown; named: boolean; en: unknown; list: readonly number[] };
}

/**
 * Interned entity keys of a model. Bounded: past `limit` keys it starts over, at the start of a
 * call (what it remembers is recomputed on demand).
 * @internal
 */
export class EntityKeys {
  readonly strings: string[] = [];
  readonly info: KeyInfo[] = [];
  /**
   * Key → number, as the properties of a prototype-less object rather than a `Map`: a property
   * lookup makes V8 find the key's internalized copy once and then point the key string at it, so
   * the next lookups of the same string (entity ids are the lexicon's strings, the same objects in
   * every call) compare pointers instead of characters.
   */
  private ids: Record<string, number> = Object.create(null) as Record<string, number>;
  /** The arrays of the last `fields` call, overwritten by the next (items past `count` are stale). */
  private f: FieldArrays = fieldArrays(64);

  constructor(private readonly limit = 100_000) {}

  /** Reads the well-formed entities of a call (valid until the next call). */
  fields(entities: readonly Entity[], textLength: number): EntityFields {
    if (this.strings.length > this.limit) {
      this.ids = Object.create(null) as Record<string, number>;
      this.strings.length = 0;
      this.info.length = 0;
    }
    if (this.f.key.length < entities.length) this.f = fieldArrays(Math.max(entities.length, 2 * this.f.key.length));
    const f = this.f;
    const { start, end, at, key } = f;
    let n = 0;
    for (let x = 0; x < entities.length; x++) {
      const e = entities[x];
      if (!e || typeof e !== 'object') continue;
      const s = e.start;
      const en = e.end;
      if (typeof s !== 'number' || typeof en !== 'number' || !(en > s) || s < 0 || en > textLength || typeof e.text !== 'string') continue;
      start[n] = s;
      end[n] = en;
      at[n] = x;
      // the string that follows the prefix in 'e:' + (id ?? text)
      const v = e.id ?? e.text;
      key[n] = this.intern(typeof v === 'string' ? v : ('e:' + v).slice(2));
      n++;
    }
    f.count = n;
    f.list = entities;
    return f;
  }

  /**
   * After a call: lets go of the call's entities (their texts can be slices of the caller's text,
   * which they would keep alive until the next call), and of the field arrays made for a call of
   * more than `max` entities.
   */
  release(max: number): void {
    const f = this.f;
    if (f.key.length > max) {
      this.f = fieldArrays(64);
      return;
    }
    f.list = [];
  }

  private intern(s: string): number {
    let k = this.ids[s];
    if (k === undefined) {
      k = this.strings.length;
      const own = flatCopy(s); // not a slice of the caller's text
      this.ids[own] = k;
      this.strings.push(own);
      this.info.push({});
    }
    return k;
  }
}
