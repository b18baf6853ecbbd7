import { readFileSync } from 'node:fs';
import { AalamError } from '../errors.js';
import { assertEntries, type LexiconEntry } from './schema.js';
import type { CompiledLexicon } from './compile.js';

/** Reads the shipped compiled lexicon (`dist/lexicon.json`, made by `npm run build`). @internal */
export function loadShippedLexicon(): CompiledLexicon {
  const url = new URL('../lexicon.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as CompiledLexicon;
  } catch (err) {
    throw new AalamError('E_LEXICON_LOAD', `cannot read the compiled lexicon at ${url.pathname} (run "npm run build"): ${(err as Error).message}`, url.pathname);
  }
}

/**
 * Parses a lexicon file's text (JSONL: one entry per line; blank lines and `{"$comment"|"$generated": …}` headers skipped).
 * @throws {AalamError} `E_LEXICON_SCHEMA` with `file:line` for every bad line.
 */
export function parseLexiconJsonl(text: string, file = '<input>'): LexiconEntry[] {
  const out: unknown[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const s = line.trim();
    if (!s) return;
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch (err) {
      problems.push(`${file}:${i + 1}: invalid JSON (${(err as Error).message})`);
      return;
    }
    if (v && typeof v === 'object' && ('$comment' in v || '$generated' in v)) return;
    try {
      assertEntries([v], `${file}:${i + 1}`);
      out.push(v);
    } catch (err) {
      problems.push((err as Error).message.replace(/^E_LEXICON_SCHEMA: /, ''));
    }
  });
  if (problems.length) throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).join('; '), problems);
  return out as LexiconEntry[];
}
