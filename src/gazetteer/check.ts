import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { checkEntry } from './schema.js';
import { lexiconEntryFiles } from './load.js';
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


/** How often each form (and each clitic reading of a word) is ordinary text (tag O) and starts an entity (B-) in a CoNLL file. */
export function formFrequencies(conllPath: string): { ordinary: Map<string, number>; named: Map<string, number> } {
  const ordinary = new Map<string, number>();
  const named = new Map<string, number>();
  for (const line of readFileSync(conllPath, 'utf8').split('\n')) {
    const [tok, tag] = line.trim().split(/\s+/);
    if (!tok || !tag) continue;
    const target = tag === 'O' ? ordinary : tag.startsWith('B-') ? named : null;
    if (!target) continue;
    for (const r of procliticReadings(aliasKey(tok))) target.set(r.key, (target.get(r.key) ?? 0) + 1);
  }
  return { ordinary, named };
}

/** An alias is an ordinary word when it occurs at least `min` times as ordinary text and at least as often as a name. */
export function isOrdinaryWord(key: string, f: { ordinary: Map<string, number>; named: Map<string, number> }, min = 3): boolean {
  const n = f.ordinary.get(key) ?? 0;
  return n >= min && n >= (f.named.get(key) ?? 0);
}

/**
 * Checks the lexicon sources: schema errors with file:line, duplicate ids within a file, an alias
 * shared by two entries without being marked ambiguous in both, aliases that are ordinary words
 * (stopwords, or frequent as non-entity text in `corpus`) unless marked ambiguous.
 */
export function checkLexicons(options: { dir?: string; corpus?: string; minFrequent?: number } = {}): CheckReport {
  const dir = options.dir ?? fileURLToPath(new URL('../../lexicons/', import.meta.url));
  const problems: CheckProblem[] = [];
  const files = lexiconEntryFiles(dir);
  const require = createRequire(import.meta.url);
  const stop = new Set<string>((require('stopwords-iso/stopwords-iso.json').ar as string[]).map(aliasKey));
  const corpus = options.corpus ?? fileURLToPath(new URL('../../../shared/data/anercorp/train.txt', import.meta.url));
  const freq = existsSync(corpus) ? formFrequencies(corpus) : null;
  const minFrequent = options.minFrequent ?? 3;
  // aliases marked ambiguous outside their entry (lexicons/ambiguous-extra.jsonl)
  const extra = new Set<string>();
  const extraPath = join(dir, 'ambiguous-extra.jsonl');
  if (existsSync(extraPath)) {
    for (const line of readFileSync(extraPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { id?: string; alias?: string };
      if (o.id && o.alias) extra.add(`${o.id}\t${aliasKey(o.alias)}`);
    }
  }
  // key -> [{id, ambiguous, where}]
  const keyOwners = new Map<string, Array<{ id: string; amb: boolean; where: string; primary: boolean; country: boolean }>>();
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
      const keys = new Set([name.ar, name.en, ...((o.aliases as string[]) ?? [])].map(aliasKey));
      const amb = new Set([...((o.ambiguous as string[]) ?? []).map(aliasKey), ...[...keys].filter((k) => extra.has(`${id}\t${k}`))]);
      for (const key of keys) {
        if (!key) continue;
        const list = keyOwners.get(key) ?? [];
        list.push({ id, amb: amb.has(key), where, primary: key === aliasKey(name.ar), country: key === aliasKey(name.ar) && (o.kind === 'country' || o.kind === 'territory') });
        keyOwners.set(key, list);
        if (amb.has(key) || key.includes(' ') || key.startsWith('^') || o.type === 'NORP') continue;
        if (stop.has(key)) problems.push({ level: 'error', where, message: `alias "${key}" is a stopword; mark it ambiguous or drop it` });
        else if (freq && isOrdinaryWord(key, freq, minFrequent)) {
          problems.push({ level: 'warning', where, message: `alias "${key}" is more often ordinary text than a name in the reference corpus (${freq.ordinary.get(key)} times); mark it ambiguous` });
        }
      }
    });
  }
  for (const [key, owners0] of keyOwners) {
    // a place and its demonym may share a form (هايتي): types differ, no ambiguity for the matcher to resolve
    const owners = owners0.filter((o) => !o.id.startsWith('norp/'));
    const ids = new Set(owners.map((o) => o.id));
    if (ids.size < 2) continue;
    // the one entry whose canonical name this is may keep it unmarked (الكويت: the country)
    const countries = new Set(owners.filter((o) => o.country).map((o) => o.id));
    const primaries = countries.size === 1 ? countries : new Set(owners.filter((o) => o.primary).map((o) => o.id));
    const unmarked = owners.filter((o) => !o.amb && !(primaries.size === 1 && primaries.has(o.id)));
    if (unmarked.length) {
      problems.push({ level: 'warning', where: unmarked[0]!.where, message: `alias "${key}" is shared by ${[...ids].join(', ')} without being marked ambiguous in ${unmarked.map((u) => u.id).join(', ')}` });
    }
  }
  const errors = problems.filter((p) => p.level === 'error').length;
  return { problems, errors, warnings: problems.length - errors, files: files.length, entries };
}
