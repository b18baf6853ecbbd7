/**
 * Proclitic and enclitic grammar, as data, and the analyses it licenses.
 *
 * A word is `[conjunction] [preposition | future] [article] stem [pronoun]`, where the article
 * after the preposition ل is contracted: ل + ال → لل (للحزب = ل + ال + حزب, the alef elided).
 * Analyses are candidates, not decisions: بكين, لبنان, فرنسا and واشنطن start with clitic
 * letters and the gazetteer decides which reading names something.
 */

export type CliticRole = 'conjunction' | 'preposition' | 'future' | 'article' | 'stem' | 'pronoun';

/** Conjunctions, then prepositions/future particle, as normalized letters. */
export const CONJUNCTIONS: readonly string[] = ['و', 'ف'];
export const PREPOSITIONS: readonly string[] = ['ب', 'ل', 'ك'];
export const FUTURE = 'س';
export const ARTICLE = 'ال';
/** Enclitic pronouns (normalized; ه only counts when the original letter is ه, not ة). */
export const PRONOUNS: readonly string[] = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ني', 'ه', 'ك', 'ي'];

/** A proclitic reading of a normalized word. @internal */
export interface ProcliticReading {
  /** The normalized stem key, with the article restored for لل (للحزب → الحزب). */
  readonly key: string;
  /** Normalized letters stripped from the front (the article restored by لل is not counted). */
  readonly stripped: number;
  readonly roles: readonly CliticRole[];
  /** True when the key begins with an article that the word carried (ال or the لل contraction). */
  readonly article: boolean;
}

/** Letters a reading keeps at least, not counting its article. @internal */
export const MIN_CLITIC_STEM = 2;

/**
 * Every proclitic reading of a normalized word, the bare word first, then by fewer letters stripped.
 * @internal
 */
export function procliticReadings(norm: string): ProcliticReading[] {
  const out: ProcliticReading[] = [{ key: norm, stripped: 0, roles: [], article: norm.startsWith(ARTICLE) }];
  const seen = new Set<string>([norm]);
  const push = (r: ProcliticReading): void => {
    if (r.key.length - (r.article ? 2 : 0) < MIN_CLITIC_STEM || seen.has(r.key + '|' + r.stripped)) return;
    seen.add(r.key + '|' + r.stripped);
    out.push(r);
  };
  const afterConj: Array<[number, CliticRole[]]> = [[0, []]];
  if (CONJUNCTIONS.includes(norm[0]!)) afterConj.push([1, ['conjunction']]);
  for (const [i, roles] of afterConj) {
    // preposition or future particle
    const next: Array<[number, CliticRole[]]> = [[i, roles]];
    const c = norm[i];
    if (c !== undefined && PREPOSITIONS.includes(c)) next.push([i + 1, [...roles, 'preposition']]);
    if (c === FUTURE && roles.length > 0) next.push([i + 1, [...roles, 'future']]);
    for (const [j, r] of next) {
      if (j > 0) push({ key: norm.slice(j), stripped: j, roles: r, article: norm.startsWith(ARTICLE, j) });
      // ل + ال contracted to لل
      if (r[r.length - 1] === 'preposition' && norm[j - 1] === 'ل' && norm[j] === 'ل' && norm.length > j + 1) {
        push({ key: ARTICLE + norm.slice(j + 1), stripped: j, roles: [...r, 'article'], article: true });
      }
    }
  }
  out.sort((a, b) => a.stripped - b.stripped);
  return out;
}
