export { normalize, normalizeKey, NORMALIZE_RULES, type Normalized, type NormalizeOptions, type NormalizeRuleName } from './normalize/index.js';
export { tokenize, scan, type TokenStream, type Token, type TokenKind, type Tokenized, type TokenizeOptions, type Sentence, type Segment, type CliticAnalysis, type CliticRole } from './tokenize/index.js';
export { createAnnotator, annotate, type Annotator, type AnnotatorOptions, type AnnotateOptions, type Annotation, type ParagraphLanguage } from './annotator.js';
export { detectLanguage, analyzeLanguage, paragraphs, englishEntities, latinNames, type LanguageGuess, type Paragraph, type LanguageProfile, type DetectOptions } from './language/index.js';
export type { Entity, EntityOptions, Clitic, SourceKind } from './resolve/annotate.js';
export type { LexiconEntry, EntityType } from './gazetteer/schema.js';
export { compileLexicon, aliasKey, type CompiledLexicon } from './gazetteer/compile.js';
export { parseLexiconJsonl } from './gazetteer/load.js';
export { AalamError, type AalamErrorCode } from './errors.js';
export {
  createTopicModel, lightStem, compileTopics, parseTermsJsonl,
  type Topic, type TopicEvidence, type TopicOptions, type Keyphrase, type KeyphraseOccurrence, type KeyphraseOptions,
  type TopicModel, type TopicModelOptions, type TaxonomyEntry, type TopicTermEntry, type EntitySignal,
} from './topics/index.js';
export { renderConllText, readConll, spansFromTags, tagsFromSpans, type Tagset, type ConllDocument } from './formats/conll.js';
export { renderBratAnn, bratConfig, type BratEntity } from './formats/brat.js';
export { renderHtmlPage, escapeHtml, type HtmlAnnotation } from './formats/html.js';
export { compareSpans, score, Scoreboard, type Span, type Score } from './formats/score.js';
