import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { checkEntry } from './schema.js';
import { aliasKey } from './compile.js';
import { procliticReadings } from '../tokenize/clitics.js';

export interface CheckProblem {
  readonly level: 'error' | 'warning';
  readonly where: string;
  readonly message: string;
}

export interface CheckReport {
  readonly problems: readonly CheckProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
  readonly entries: number;
}

const SPECIAL = new Set(['given-names.jsonl', 'non-entities.jsonl', 'triggers.jsonl', 'institutions.jsonl', 'ambiguous-extra.jsonl']);

/** Word counts of O-tagged tokens in a CoNLL file (how often a form is ordinary text). */
function nonEntityCounts(conllPath: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(conllPath, 'utf8').split('\n')) {
    const [tok, tag] = line.trim().split(/\s+/);
    if (!tok || tag !== 'O') continue;
    // the word and every clitic reading of it (لصالح counts for صالح)
    for (const r of procliticReadings(aliasKey(tok))) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Checks the lexicon sources: schema errors with file:line, duplicate ids within a file, an alias
 * shared by two entries without being marked ambiguous in both, aliases that are ordinary words
 * (stopwords, or frequent as non-entity text in `corpus`) unless marked ambiguous.
 */
export function checkLexicons(options: { dir?: string; corpus?: string; minFrequent?: number } = {}): CheckReport {
  const dir = options.dir ?? fileURLToPath(new URL('../../lexicons/', import.meta.url));
  const problems: CheckProblem[] = [];
  const files: string[] = [];
  for (const d of [join(dir, 'generated'), dir]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.jsonl') && !SPECIAL.has(f)) files.push(join(d, f));
  }
  const require = createRequire(import.meta.url);
  const stop = new Set<string>((require('stopwords-iso/stopwords-iso.json').ar as string[]).map(aliasKey));
  const corpus = options.corpus ?? fileURLToPath(new URL('../../../shared/data/anercorp/train.txt', import.meta.url));
  const freq = existsSync(corpus) ? nonEntityCounts(corpus) : null;
  const minFrequent = options.minFrequent ?? 3;
  // key -> [{id, ambiguous, where}]
  const keyOwners = new Map<string, Array<{ id: string; amb: boolean; where: string }>>();
  const idFile = new Map<string, string>();
  let entries = 0;
  for (const file of files) {
    const rel = file.slice(dir.length).replace(/^\//, '');
    const seen = new Set<string>();
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const s = line.trim();
      if (!s) return;
      const where = `${rel}:${i + 1}`;
      let o: Record<string, unknown>;
      try { o = JSON.parse(s); } catch (err) { problems.push({ level: 'error', where, message: `invalid JSON: ${(err as Error).message}` }); return; }
      if ('$comment' in o || '$generated' in o) return;
      entries++;
      const schema = checkEntry(o, where);
      for (const p of schema) problems.push({ level: 'error', where: p.where, message: p.message });
      if (schema.length) return;
      const id = o.id as string;
      if (seen.has(id)) problems.push({ level: 'error', where, message: `duplicate id ${id} in this file` });
      seen.add(id);
      if (!idFile.has(id)) idFile.set(id, rel);
      const name = o.name as { ar: string; en: string };
      const amb = new Set(((o.ambiguous as string[]) ?? []).map(aliasKey));
      const keys = new Set([name.ar, name.en, ...((o.aliases as string[]) ?? [])].map(aliasKey));
      for (const key of keys) {
        if (!key) continue;
        const list = keyOwners.get(key) ?? [];
        list.push({ id, amb: amb.has(key), where });
        keyOwners.set(key, list);
        if (amb.has(key) || key.includes(' ') || key.startsWith('^') || o.type === 'NORP') continue;
        if (stop.has(key)) problems.push({ level: 'error', where, message: `alias "${key}" is a stopword; mark it ambiguous or drop it` });
        else if (freq && (freq.get(key) ?? 0) >= minFrequent) {
          problems.push({ level: 'warning', where, message: `alias "${key}" occurs ${freq.get(key)} times as non-entity text in the reference corpus; consider marking it ambiguous` });
        }
      }
    });
  }
  for (const [key, owners] of keyOwners) {
    const ids = new Set(owners.map((o) => o.id));
    if (ids.size < 2) continue;
    const unmarked = owners.filter((o) => !o.amb);
    if (unmarked.length) {
      problems.push({ level: 'warning', where: unmarked[0]!.where, message: `alias "${key}" is shared by ${[...ids].join(', ')} without being marked ambiguous in ${unmarked.map((u) => u.id).join(', ')}` });
    }
  }
  const errors = problems.filter((p) => p.level === 'error').length;
  return { problems, errors, warnings: problems.length - errors, files: files.length, entries };
}
