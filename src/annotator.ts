import { readFileSync } from 'node:fs';
import { AalamError, assertText } from './errors.js';
import { buildMatcher, type Matcher } from './gazetteer/matcher.js';
import { compileLexicon, mergeEntries, type CompiledLexicon } from './gazetteer/compile.js';
import { assertEntries, type LexiconEntry } from './gazetteer/schema.js';
import { loadShippedLexicon, parseLexiconJsonl } from './gazetteer/load.js';
import { annotateTokens, type Entity, type EntityOptions } from './resolve/annotate.js';

export interface AnnotatorOptions extends EntityOptions {
  /** A compiled lexicon to use instead of the shipped one. */
  readonly lexicon?: CompiledLexicon;
  /** Extra entries, matched exactly like the shipped ones (same schema as lexicons/*.jsonl). */
  readonly entries?: readonly LexiconEntry[];
  /** Paths of extra JSONL lexicon files. */
  readonly lexiconFiles?: readonly string[];
}

/** The result of `annotate`: plain JSON. */
export interface Annotation {
  /** Entities sorted by start offset, never overlapping. */
  readonly entities: readonly Entity[];
}

/** A compiled, immutable annotator; safe to share across requests and calls. */
export interface Annotator {
  /** Annotates one document. Never throws on a string; `E_INPUT_TYPE` otherwise. */
  annotate(text: string, options?: EntityOptions): Annotation;
  /** Sizes of the compiled lexicon. */
  readonly stats: { readonly entries: number; readonly aliases: number };
}

function withExtras(base: CompiledLexicon, extras: LexiconEntry[]): CompiledLexicon {
  if (!extras.length) return base;
  // Recompile extra entries and append them; ids already present are merged by a full recompile of those ids.
  const extra = compileLexicon({ entries: mergeEntries(extras) });
  const offset = base.entries.length;
  return {
    ...base,
    entries: [...base.entries, ...extra.entries],
    aliases: [...base.aliases, ...extra.aliases.map(([k, i, f, a]) => [k, i + offset, f, a] as const)],
  };
}

/**
 * Compiles the lexicons once and returns a frozen annotator.
 *
 * @param options - `lexicon`, `entries` and `lexiconFiles` choose what is matched; the rest are
 *   defaults for every `annotate` call (`[types=all]`, `[patterns=true]`, `[propagation=true]`, `[composition=true]`).
 * @throws {AalamError} `E_LEXICON_SCHEMA` for a bad extra entry, `E_LEXICON_LOAD` for an unreadable file.
 *
 * @example
 * ```ts
 * const aalam = createAnnotator();
 * const { entities } = aalam.annotate('التقى وانغ يي بنظيره في بكين.');
 * entities[0] // { start: 6, end: 13, text: 'وانغ يي', type: 'PER', id: 'per/wang-yi', … }
 * entities[1] // { start: 28, end: 32, text: 'بكين', type: 'LOC', id: 'loc/beijing-cn', … }
 * ```
 */
export function createAnnotator(options: AnnotatorOptions = {}): Annotator {
  const extras: LexiconEntry[] = [];
  if (options.entries) {
    assertEntries(options.entries as unknown[], 'options.entries');
    extras.push(...options.entries);
  }
  for (const file of options.lexiconFiles ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new AalamError('E_LEXICON_LOAD', `cannot read lexicon file ${file}: ${(err as Error).message}`, file);
    }
    extras.push(...parseLexiconJsonl(text, file));
  }
  const lexicon = withExtras(options.lexicon ?? loadShippedLexicon(), extras);
  const matcher: Matcher = buildMatcher(lexicon);
  const defaults: EntityOptions = {
    ...(options.types ? { types: options.types } : {}),
    ...(options.patterns !== undefined ? { patterns: options.patterns } : {}),
    ...(options.propagation !== undefined ? { propagation: options.propagation } : {}),
    ...(options.composition !== undefined ? { composition: options.composition } : {}),
  };
  return Object.freeze({
    annotate(text: string, callOptions?: EntityOptions): Annotation {
      assertText(text, 'annotate');
      return { entities: annotateTokens(matcher, text, { ...defaults, ...callOptions }) };
    },
    stats: Object.freeze({ entries: lexicon.entries.length, aliases: lexicon.aliases.length }),
  });
}

let defaultAnnotator: Annotator | undefined;

/**
 * Annotates with a default annotator built on first call (shipped lexicons, default options).
 * @example
 * ```ts
 * annotate('مظليون روس يغادرون إلى كازاخستان (أ.ف.ب)').entities.map((e) => e.text) // ['روس', 'كازاخستان', 'أ.ف.ب']
 * ```
 */
export function annotate(text: string, options?: EntityOptions): Annotation {
  defaultAnnotator ??= createAnnotator();
  return defaultAnnotator.annotate(text, options);
}
