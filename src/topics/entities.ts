/**
 * The entities of one topic-model call, read once: the classifier and the keyphrase extractor
 * both need their offsets, types, ids and names, and entity objects come in many shapes (optional
 * fields), so every property read is a slow polymorphic one. Values are kept as given (offsets are
 * not coerced), so results match reading the objects directly.
 *
 * Both tasks group an entity by `id ?? text` (the keys `'e:' + …` and `'@' + …`); that string is
 * interned once per call into a small number, so per-call maps and per-entity caches (signals,
 * background frequency) are keyed by integers.
 * @internal
 */
import type { Entity } from '../resolve/annotate.js';
import { flatCopy } from './words.js';

/** Fields of the well-formed entities (end > start ≥ 0, end ≤ text length), in input order. @internal */
export interface EntityFields {
  readonly count: number;
  readonly start: number[];
  readonly end: number[];
  readonly text: string[];
  readonly type: Array<Entity['type']>;
  readonly kind: Array<Entity['kind']>;
  readonly id: Array<Entity['id']>;
  readonly name: Array<Entity['name']>;
  /** The interned `String(id ?? text)` of each entity. */
  readonly key: Int32Array;
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
  private readonly ids = new Map<string, number>();

  constructor(private readonly limit = 100_000) {}

  /** Reads the well-formed entities of a call. */
  fields(entities: readonly Entity[], textLength: number): EntityFields {
    if (this.strings.length > this.limit) {
      this.ids.clear();
      this.strings.length = 0;
      this.info.length = 0;
    }
    const start: number[] = [];
    const end: number[] = [];
    const text: string[] = [];
    const type: Array<Entity['type']> = [];
    const kind: Array<Entity['kind']> = [];
    const id: Array<Entity['id']> = [];
    const name: Array<Entity['name']> = [];
    const keys: number[] = [];
    for (const e of entities) {
      if (!e || typeof e !== 'object') continue;
      const s = e.start;
      const en = e.end;
      if (!(en > s) || s < 0 || en > textLength) continue;
      const t = e.text;
      const i = e.id;
      start.push(s);
      end.push(en);
      text.push(t);
      type.push(e.type);
      kind.push(e.kind);
      id.push(i);
      name.push(e.name);
      // the string that follows the prefix in 'e:' + (id ?? text)
      const v = i ?? t;
      keys.push(this.intern(typeof v === 'string' ? v : ('e:' + v).slice(2)));
    }
    return { count: start.length, start, end, text, type, kind, id, name, key: Int32Array.from(keys) };
  }

  private intern(s: string): number {
    let k = this.ids.get(s);
    if (k === undefined) {
      k = this.strings.length;
      const own = flatCopy(s); // not a slice of the caller's text
      this.ids.set(own, k);
      this.strings.push(own);
      this.info.push({});
    }
    return k;
  }
}
