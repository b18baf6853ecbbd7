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

/** Letters a reading keeps at least, not counting its article. */
const MIN_STEM = 2;

// the role sequences of the readings (shared, frozen: a reading's roles are only read)
const NONE: readonly CliticRole[] = Object.freeze([]);
const CONJ: readonly CliticRole[] = Object.freeze(['conjunction']);
const PREP: readonly CliticRole[] = Object.freeze(['preposition']);
const PREP_ART: readonly CliticRole[] = Object.freeze(['preposition', 'article']);
const CONJ_PREP: readonly CliticRole[] = Object.freeze(['conjunction', 'preposition']);
const CONJ_PREP_ART: readonly CliticRole[] = Object.freeze(['conjunction', 'preposition', 'article']);
const CONJ_FUT: readonly CliticRole[] = Object.freeze(['conjunction', 'future']);
/**
 * The role sequences a reading can have, by number (the annotator's packed readings store the
 * number: `CLITIC_ROLE_SETS[RoleSet.X]`). @internal
 */
export const enum RoleSet { None = 0, Conj = 1, Prep = 2, ConjPrep = 3, PrepArt = 4, ConjPrepArt = 5, ConjFut = 6 }
/** @internal */
export const CLITIC_ROLE_SETS: ReadonlyArray<readonly CliticRole[]> = Object.freeze([NONE, CONJ, PREP, CONJ_PREP, PREP_ART, CONJ_PREP_ART, CONJ_FUT]);
const LAM = 0x0644;
const isOneOf = (letters: readonly string[], c: number): boolean => letters.some((x) => x.charCodeAt(0) === c);

/** Appends the reading of `norm` without its first `j` letters (ل + ال read in لل when `contracted`), if its stem is long enough. */
function pushReading(out: ProcliticReading[], norm: string, j: number, roles: readonly CliticRole[], contracted: boolean): void {
  const key = contracted ? ARTICLE + norm.slice(j + 1) : norm.slice(j);
  const article = contracted || norm.startsWith(ARTICLE, j);
  if (key.length - (article ? 2 : 0) >= MIN_STEM) out.push({ key, stripped: j, roles, article });
}

/** The readings after a preposition that ends at `j`: the word from `j`, and ل + ال contracted to لل. */
function pushAfterPreposition(out: ProcliticReading[], norm: string, j: number, roles: readonly CliticRole[], contractedRoles: readonly CliticRole[]): void {
  pushReading(out, norm, j, roles, false);
  if (norm.charCodeAt(j - 1) === LAM && norm.charCodeAt(j) === LAM && norm.length > j + 1) pushReading(out, norm, j, contractedRoles, true);
}

/**
 * Every proclitic reading of a normalized word, the bare word first, then by fewer letters stripped:
 * `[conjunction] [preposition | future (after a conjunction)] [article]`, made directly in that
 * order (the topic model calls this once for every new word it sees). @internal
 */
export function procliticReadings(norm: string): ProcliticReading[] {
  const out: ProcliticReading[] = [{ key: norm, stripped: 0, roles: NONE, article: norm.startsWith(ARTICLE) }];
  const c0 = norm.charCodeAt(0);
  if (isOneOf(PREPOSITIONS, c0)) pushAfterPreposition(out, norm, 1, PREP, PREP_ART);
  else if (isOneOf(CONJUNCTIONS, c0)) {
    pushReading(out, norm, 1, CONJ, false);
    const c1 = norm.charCodeAt(1);
    if (isOneOf(PREPOSITIONS, c1)) pushAfterPreposition(out, norm, 2, CONJ_PREP, CONJ_PREP_ART);
    else if (c1 === FUTURE.charCodeAt(0)) pushReading(out, norm, 2, CONJ_FUT, false);
  }
  return out;
}
