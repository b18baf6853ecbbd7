// The annotate call variants the bench measures. `annotate(text)` with no options does everything
// (entities, language routing, topics, keyphrases); issue 8's headline target is entity annotation,
// with topics and keyphrases allowed to cost at most half again.
export const MODES = {
  entities: { label: 'entities', doc: 'entity annotation: annotate(text, { topics: false, keyphrases: false })', opts: { topics: false, keyphrases: false } },
  default: { label: 'default', doc: 'annotate(text): entities + language + topics + keyphrases', opts: undefined },
  tagging: {
    label: 'Arabic tagging',
    doc: 'Arabic entity tagging: every entity rule on (evidence, patterns, propagation, composition); language detection, topics, keyphrases off',
    opts: { topics: false, keyphrases: false, language: false },
  },
  matching: {
    label: 'matching only',
    doc: 'lexicon matching only: topics, keyphrases, language, patterns, propagation, composition off',
    opts: { topics: false, keyphrases: false, language: false, patterns: false, propagation: false, composition: false },
  },
};

/** `(text) => entities` for a mode (one call shape per process: mixing option objects costs deopts). */
export function annotateFn(annotator, mode) {
  const opts = MODES[mode].opts;
  return opts ? (s) => annotator.annotate(s, opts).entities : (s) => annotator.annotate(s).entities;
}
