import { readFileSync, readdirSync, existsSync } from '../builtins.js';
import { join } from 'node:path';
import { AalamError } from '../errors.js';
import { assertEntries, type LexiconEntry } from './schema.js';
import type { CompiledLexicon } from './compile.js';
import type { Matcher } from './matcher.js';
import { readMatcherArtifact } from './artifact.js';

/** Reads the shipped compiled lexicon (`dist/lexicon.json`, made by `npm run build`). @internal */
export function loadShippedLexicon(): CompiledLexicon {
  const url = new URL('../lexicon.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as CompiledLexicon;
  } catch (err) {
    throw new AalamError('E_LEXICON_LOAD', `cannot read the compiled lexicon at ${url.pathname} (run "npm run build"): ${(err as Error).message}`, url.pathname);
  }
}

/** The shipped matcher, once read (immutable: every annotator of the shipped lexicon shares it); null when the artifact was unusable. */
let shippedMatcher: Matcher | null | undefined;

/**
 * The matcher precomputed from the shipped lexicon (`dist/lexicon.bin`, made by `npm run build`), or
 * undefined when it is missing or unusable (the caller then builds it from `dist/lexicon.json`).
 * Read once per thread and then shared: a matcher is only read. @internal
 */
export function loadShippedMatcher(): Matcher | undefined {
  if (shippedMatcher === undefined) {
    // (an unusable artifact is tried once, not once per annotator)
    try {
      shippedMatcher = readMatcherArtifact(readFileSync(new URL('../lexicon.bin', import.meta.url))) ?? null;
    } catch {
      shippedMatcher = null;
    }
  }
  return shippedMatcher ?? undefined;
}

/**
 * Parses JSONL text: one JSON value per line; blank lines and `{"$comment"|"$generated": …}` headers
 * skipped. Lines that are not JSON become `file:line` problems instead of values. @internal
 */
export function parseJsonlRows(text: string, file = '<input>'): { rows: Array<{ value: unknown; line: number }>; problems: string[] } {
  const rows: Array<{ value: unknown; line: number }> = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const s = raw.trim();
    if (!s) return;
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch (err) {
      problems.push(`${file}:${i + 1}: invalid JSON (${(err as Error).message})`);
      return;
    }
    if (v && typeof v === 'object' && ('$comment' in v || '$generated' in v)) return;
    rows.push({ value: v, line: i + 1 });
  });
  return { rows, problems };
}

/**
 * Parses a lexicon file's text (JSONL: one entry per line; blank lines and `{"$comment"|"$generated": …}` headers skipped).
 * @throws {AalamError} `E_LEXICON_SCHEMA` with `file:line` for every bad line.
 */
export function parseLexiconJsonl(text: string, file = '<input>'): LexiconEntry[] {
  const { rows, problems } = parseJsonlRows(text, file);
  const out: unknown[] = [];
  for (const { value, line } of rows) {
    try {
      assertEntries([value], `${file}:${line}`);
      out.push(value);
    } catch (err) {
      problems.push((err as Error).message.replace(/^E_LEXICON_SCHEMA: /, ''));
    }
  }
  if (problems.length) throw new AalamError('E_LEXICON_SCHEMA', problems.slice(0, 20).join('; '), problems);
  return out as LexiconEntry[];
}

/** Files in lexicons/ that are not entry lists (compiled separately). @internal */
export const AUX_LEXICON_FILES: ReadonlySet<string> = new Set(['given-names.jsonl', 'non-entities.jsonl', 'triggers.jsonl', 'institutions.jsonl', 'ambiguous-extra.jsonl']);

/** The entry files of a lexicon folder: `generated/*.jsonl` first, then `*.jsonl`, sorted. @internal */
export function lexiconEntryFiles(dir: string): string[] {
  const files: string[] = [];
  for (const d of [join(dir, 'generated'), dir]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.jsonl') && !AUX_LEXICON_FILES.has(f)) files.push(join(d, f));
  }
  return files;
}
