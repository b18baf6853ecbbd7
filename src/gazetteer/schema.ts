import { AalamError } from '../errors.js';

/** Entity types aalam reports. `NORP`: nationalities and groups (demonyms), never LOC. */
export type EntityType = 'PER' | 'LOC' | 'ORG' | 'NORP';

/** A lexicon entry, as written in `lexicons/*.jsonl` (see lexicons/README.md). */
export interface LexiconEntry {
  readonly id: string;
  readonly type: EntityType;
  readonly name: { readonly ar: string; readonly en: string };
  readonly aliases?: readonly string[];
  readonly ambiguous?: readonly string[];
  readonly kind?: string;
  readonly country?: string;
  readonly iso2?: string;
  readonly capital?: boolean;
  readonly roles?: readonly string[];
}

export interface SchemaProblem {
  readonly where: string;
  readonly message: string;
}

const ID_RE = /^(per|loc|org|norp)\/[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const TYPES = new Set(['PER', 'LOC', 'ORG', 'NORP']);
const PREFIX: Record<string, string> = { PER: 'per', LOC: 'loc', ORG: 'org', NORP: 'norp' };
const LATIN = /[A-Za-z]/;

/** Checks one entry against the schema; returns the problems (empty when valid). */
export function checkEntry(e: unknown, where: string): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const bad = (message: string): void => { out.push({ where, message }); };
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return [{ where, message: 'entry is not an object' }];
  const o = e as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_RE.test(o.id)) bad(`bad id ${JSON.stringify(o.id)} (want e.g. "per/justin-trudeau")`);
  if (typeof o.type !== 'string' || !TYPES.has(o.type)) bad(`bad type ${JSON.stringify(o.type)} (PER, LOC, ORG or NORP)`);
  else if (typeof o.id === 'string' && !o.id.startsWith(PREFIX[o.type] + '/')) bad(`id ${o.id} does not match type ${o.type}`);
  const name = o.name as Record<string, unknown> | undefined;
  if (typeof name !== 'object' || name === null || typeof name.ar !== 'string' || !name.ar.trim() || typeof name.en !== 'string' || !name.en.trim()) {
    bad('name.ar and name.en are required non-empty strings');
  } else if (LATIN.test(name.ar)) bad(`name.ar has Latin letters: ${name.ar}`);
  for (const key of ['aliases', 'ambiguous', 'roles'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((a) => typeof a !== 'string' || !a.trim())) bad(`${key} must be an array of non-empty strings`);
  }
  if (Array.isArray(o.ambiguous) && typeof name === 'object' && name !== null) {
    const all = new Set<unknown>([name.ar, name.en, ...((o.aliases as unknown[]) ?? [])]);
    for (const a of o.ambiguous as unknown[]) if (!all.has(a)) bad(`ambiguous alias ${JSON.stringify(a)} is not among the aliases`);
  }
  for (const key of ['kind', 'country', 'iso2'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') bad(`${key} must be a string`);
  }
  if (o.country !== undefined && !/^[A-Z]{2}$/.test(String(o.country))) bad(`country must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(o.country)}`);
  return out;
}

/** Throws `E_LEXICON_SCHEMA` listing every problem. */
export function assertEntries(entries: readonly unknown[], source: string): asserts entries is LexiconEntry[] {
  const problems = entries.flatMap((e, i) => checkEntry(e, `${source}[${i}]`));
  if (problems.length) {
    throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).map((p) => `${p.where}: ${p.message}`).join('; '), problems);
  }
}
