/**
 * The normalization rules, as data. Each rule has a name (its option key), a default and a list of
 * code-unit mappings; one engine (`./engine.ts`) compiles the enabled rules into a lookup table.
 * `''` as a target deletes the character. Ranges are inclusive.
 */
export interface CharRule {
  /** Option key, e.g. `alef`. */
  readonly name: NormalizeRuleName;
  /** Enabled when the caller does not say. */
  readonly default: boolean;
  /** What it does, for the docs. */
  readonly doc: string;
  /** Single characters mapped to a replacement (`''` deletes). */
  readonly map?: Readonly<Record<string, string>>;
  /** Code-unit ranges `[from, to, replacement]`; a replacement of `null` means "NFKC of the character". */
  readonly ranges?: ReadonlyArray<readonly [number, number, string | null]>;
}

export type NormalizeRuleName =
  | 'presentationForms'
  | 'diacritics'
  | 'tatweel'
  | 'alef'
  | 'alefMaksura'
  | 'tehMarbuta'
  | 'hamzaCarriers'
  | 'persian'
  | 'digits'
  | 'invisibles'
  | 'spaces'
  | 'latinLowercase';

const fromPairs = (pairs: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const pair of pairs.split(' ')) out[pair[0]!] = pair.slice(1);
  return out;
};

/**
 * In application order. `presentationForms` runs first so that the letters it produces pass
 * through every later rule (a lam-alef-with-hamza ligature becomes لا once `alef` is on).
 */
export const RULES: readonly CharRule[] = [
  {
    name: 'presentationForms',
    default: true,
    doc: 'Arabic presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF to their letters (NFKC), one-to-many where needed (ﻻ → لا). The three phrase ligatures U+FDFA, U+FDFB, U+FDFD, whose expansions contain spaces, are kept as they are.',
    ranges: [
      [0xfb50, 0xfdf9, null],
      [0xfdfc, 0xfdfc, null],
      [0xfdfe, 0xfdff, null],
      [0xfe70, 0xfefc, null],
    ],
  },
  {
    name: 'diacritics',
    default: true,
    doc: 'Harakat and tanween U+064B–U+065F, superscript alef U+0670, Quranic annotation signs U+0610–U+061A, U+06D6–U+06ED and U+08D3–U+08FF removed.',
    ranges: [
      [0x064b, 0x065f, ''],
      [0x0670, 0x0670, ''],
      [0x0610, 0x061a, ''],
      [0x06d6, 0x06dc, ''],
      [0x06df, 0x06e8, ''],
      [0x06ea, 0x06ed, ''],
      [0x08d3, 0x08ff, ''],
    ],
  },
  { name: 'tatweel', default: true, doc: 'Tatweel (kashida) U+0640 removed.', ranges: [[0x0640, 0x0640, '']] },
  {
    name: 'alef',
    default: true,
    doc: 'Alef with hamza above/below, madda, wasla and wavy hamza (أ إ آ ٱ ٲ ٳ) → bare alef ا.',
    map: fromPairs('أا إا آا ٱا ٲا ٳا'),
  },
  { name: 'alefMaksura', default: true, doc: 'Alef maksura ى → yeh ي.', map: fromPairs('ىي') },
  { name: 'tehMarbuta', default: true, doc: 'Teh marbuta ة → heh ه.', map: fromPairs('ةه') },
  { name: 'hamzaCarriers', default: true, doc: 'Hamza on waw ؤ → و and on yeh ئ → ي (bare hamza ء is kept).', map: fromPairs('ؤو ئي') },
  {
    name: 'persian',
    default: true,
    doc: 'Persian, Urdu and Maghrebi letters to the Arabic letter news transliteration uses: ک ګ گ → ك; ی ې ے ۍ → ي; ە ۀ ھ ہ ۃ → ه; پ → ب; چ → ج; ژ → ز; ڤ → ف; ڨ → ق; ٹ → ت; ڈ → د; ڑ → ر; ں → ن. (گ becomes ك, not ج or غ: it keeps a key stable, and the same choice is applied to lexicon keys.)',
    map: fromPairs('کك ګك گك یي ېي ےي ۍي ەه ۀه ھه ہه ۃه پب چج ژز ڤف ڨق ٹت ڈد ڑر ںن'),
  },
  {
    name: 'digits',
    default: true,
    doc: 'Arabic-Indic ٠–٩ and Eastern Arabic-Indic ۰–۹ digits → ASCII 0–9; Arabic decimal separator ٫ → "." and thousands separator ٬ → ",".',
    ranges: [
      [0x0660, 0x0669, '#0030'],
      [0x06f0, 0x06f9, '#0030'],
    ],
    map: { '٫': '.', '٬': ',' },
  },
  {
    name: 'invisibles',
    default: true,
    doc: 'Invisible and bidi controls removed: ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B–U+200F), ALM U+061C, soft hyphen U+00AD, BOM U+FEFF, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069.',
    ranges: [
      [0x200b, 0x200f, ''],
      [0x061c, 0x061c, ''],
      [0x00ad, 0x00ad, ''],
      [0xfeff, 0xfeff, ''],
      [0x202a, 0x202e, ''],
      [0x2060, 0x2064, ''],
      [0x2066, 0x2069, ''],
    ],
  },
  {
    name: 'spaces',
    default: true,
    doc: 'No-break space and the other Unicode spaces (U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000) → a plain space.',
    ranges: [
      [0x00a0, 0x00a0, ' '],
      [0x1680, 0x1680, ' '],
      [0x2000, 0x200a, ' '],
      [0x202f, 0x202f, ' '],
      [0x205f, 0x205f, ' '],
      [0x3000, 0x3000, ' '],
    ],
  },
  { name: 'latinLowercase', default: true, doc: 'ASCII A–Z → a–z, so that Latin names match case-insensitively.', ranges: [[0x41, 0x5a, '#0061']] },
];
