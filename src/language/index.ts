export { detectLanguage, DEFAULT_LANGUAGES, ARABIC_SCRIPT_LANGUAGES, type DetectOptions, type LanguageGuess, type LanguageEvidence } from './detect.js';
export { analyzeLanguage, paragraphs, type Paragraph, type ParagraphOptions, type LanguageProfile } from './paragraphs.js';
export { englishEntities, type EnglishOptions } from './english.js';
export { latinNames, type LatinSpan, type LatinOptions, type Lookup, type TypeOf } from './latin.js';
export type { Script } from './letters.js';
