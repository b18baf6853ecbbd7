/**
 * The commonest function words of the Latin-script languages in `DEFAULT_LANGUAGES`: a tie-break
 * when franc's top two are close. Names and content words carry franc's trigrams into the wrong
 * language on short text ("continue … partners … support … resolution" reads as French); function
 * words do not. Written for this module; strings only, split on first use.
 */
const WORDS: Readonly<Record<string, string>> = {
  eng: 'the of and to in a is that for on with was as by at from it be are have has will we our said this not or an which their would been were they he his',
  fra: 'le la les de des du et est un une dans pour que qui sur pas par au aux avec ce il elle sont a été ont ses leur nous',
  spa: 'el la los las de del y en un una que por con para es se al su lo como más fue ha sus pero',
  deu: 'der die das und in den von zu mit ist im für auf dem nicht ein eine sich des auch es an als wird sind hat',
  ita: 'il la le di che e un una per con del della non è sono nel dei al da si come ha gli anche',
  por: 'o a os as de do da dos das e em um uma que para com não por se na no ao foi é mais como',
  nld: 'de het een van en in is dat op te met voor zijn niet aan er ook als door bij naar wordt',
  tur: 've bir bu da de için ile olarak çok daha gibi olan en ama ne',
  ind: 'yang dan di ke dari untuk dengan ini itu tidak dalam akan pada juga oleh adalah',
};

let sets: Map<string, ReadonlySet<string>> | undefined;

/** How many words of `text` are function words of `language` (0 for a language without a list). @internal */
export function functionWordHits(text: string, language: string): number {
  sets ??= new Map(Object.entries(WORDS).map(([l, w]) => [l, new Set(w.split(' '))]));
  const set = sets.get(language);
  if (!set) return 0;
  let n = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) if (set.has(w)) n++;
  return n;
}
