import { scanTokens, tokenNorm } from '../tokenize/index.js';
import { compileTable, optionsMask } from '../normalize/engine.js';
import type { EntityType, LexiconEntry } from './schema.js';

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

const TABLE = () => compileTable(optionsMask(undefined));

/**
 * The match key of a surface form: its tokens, normalized, joined by single spaces. Short all-caps
 * Latin tokens (CSTO, AFP) keep their case behind a `^` so that they only match as written.
 */
export function aliasKey(alias: string): string {
  const { action, expansions } = TABLE();
  // Fast path (most aliases): Arabic letters and marks separated by single spaces tokenize as the
  // space-separated words; anything else goes through the tokenizer.
  let simple = alias.length > 0 && alias.charCodeAt(0) !== 0x20 && alias.charCodeAt(alias.length - 1) !== 0x20;
  for (let i = 0; simple && i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    if (c === 0x20) { if (alias.charCodeAt(i + 1) === 0x20) simple = false; }
    else if (!(c >= 0x0621 && c <= 0x063a) && !(c >= 0x0641 && c <= 0x0652) && c !== 0x0640) simple = false;
  }
  if (simple) {
    let out = '';
    let from = 0;
    for (let i = 0; i <= alias.length; i++) {
      if (i < alias.length && alias.charCodeAt(i) !== 0x20) continue;
      const part = tokenNorm(alias, from, i, action, expansions);
      if (part) out += (out ? ' ' : '') + part;
      from = i + 1;
    }
    return out;
  }
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

/** Merges entries that share an id (a generated base and a curated extension), first name wins. */
export function mergeEntries(entries: readonly LexiconEntry[]): LexiconEntry[] {
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
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd');
}

/**
 * The surface forms an entry is matched by. Titles and generic descriptors are evidence, not part of a
 * name: a person alias that starts with a title (الأمير محمد بن سلمان, ملك البحرين حمد بن عيسى) is
 * matched without it, and `descriptor + name` (حركة حماس, مدينة حماة) is dropped when `name` alone is
 * an alias of the same entry, so that the descriptor stays outside the span as a trigger.
 */
function matchKeys(e: LexiconEntry, triggers: ReadonlyMap<string, TriggerSpec>, placeKeys: ReadonlySet<string>, lead: Map<string, number>, ambiguousKeys: ReadonlySet<string>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const alias of [e.name.ar, e.name.en, ...(e.aliases ?? [])]) {
    const key = aliasKey(alias);
    if (key && !keys.has(key)) keys.set(key, alias);
  }
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

/** Compiles lexicon sources into the artifact the matcher is built from. */
export function compileLexicon(src: LexiconSources): CompiledLexicon {
  const merged = mergeEntries(src.entries);
  const extraAmb = new Map<string, string[]>();
  for (const { id, alias } of src.ambiguousExtra ?? []) extraAmb.set(id, [...(extraAmb.get(id) ?? []), alias]);
  const triggerMap = new Map((src.triggers ?? []).map((t) => [aliasKey(t.text), t] as const));
  const placeKeys = new Set<string>();
  for (const e of merged) {
    if (e.type !== 'LOC') continue;
    for (const a of [e.name.ar, ...(e.aliases ?? [])]) {
      const k = aliasKey(a);
      if (k && !k.includes(' ')) placeKeys.add(k);
    }
  }
  const entries: CompiledEntry[] = [];
  const aliases: Array<[string, number, number, string]> = [];
  for (const e of merged) {
    const idx = entries.length;
    const out: { -readonly [K in keyof CompiledEntry]: CompiledEntry[K] } = { id: e.id, type: e.type, name: { ar: e.name.ar, en: asciiFold(e.name.en) } };
    if (e.kind) out.kind = e.kind;
    if (e.country) out.country = e.country;
    if (e.iso2) out.iso2 = e.iso2;
    entries.push(out);
    const amb = new Set([...(e.ambiguous ?? []), ...(extraAmb.get(e.id) ?? [])].map(aliasKey));
    const seen = new Set<string>();
    const lead = new Map<string, number>();
    for (const [key, alias] of matchKeys(e, triggerMap, placeKeys, lead, amb)) {
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push([key, idx, (amb.has(key) ? AMBIGUOUS : 0) | ((lead.get(key) ?? 0) << LEAD_SHIFT), alias]);
      // Demonyms are listed without the article; their definite forms are the same entry.
      if (e.type === 'NORP' && !key.startsWith(ARTICLE) && !key.startsWith('^') && /^[\u0600-\u06ff]/.test(key)) {
        const def = ARTICLE + key;
        if (!seen.has(def)) { seen.add(def); aliases.push([def, idx, amb.has(key) ? AMBIGUOUS : 0, 'ال' + alias]); }
      }
    }
  }
  const givenNames: Record<string, string> = {};
  for (const g of src.givenNames ?? []) {
    const key = aliasKey(g.ar);
    if (!key || key.includes(' ')) continue;
    givenNames[key] = (g.origin === 'foreign' ? 'f' : 'a') + (g.ambiguous ? '?' : '');
  }
  return {
    version: 1,
    entries,
    aliases,
    givenNames,
    nonEntities: [...new Set((src.nonEntities ?? []).map(aliasKey))],
    triggers: (src.triggers ?? []).map((t) => [aliasKey(t.text), t] as const),
    institutions: (src.institutions ?? []).map((t) => [aliasKey(t.text), t] as const),
    stopwords: [...new Set((src.stopwords ?? []).map(aliasKey))],
    commonWords: [...new Set((src.commonWords ?? []).map(aliasKey))].filter((k) => k && !k.includes(' ')),
  };
}
