/**
 * One pass over a range of code units counting the letters that tell scripts and Arabic-script
 * languages apart. Pure range checks on `charCodeAt`: nothing is built at import.
 */
import { isArabicLetter, isLatinLetter } from '../tokenize/chars.js';

/** The script with the most letters in a text; `none` when it has no letters at all. */
export type Script = 'Arabic' | 'Latin' | 'other' | 'none';

/** Letter counts of one range of a text. @internal */
export interface LetterCounts {
  /** Arabic-script letters (any language), presentation forms included; no marks, digits or tatweel. */
  arabic: number;
  /** Latin letters, ASCII and accented (U+00C0–U+024F, U+1E00–U+1EFF). */
  latin: number;
  /** Latin letters in words that start with a lower-case letter: the running text franc can read, not names. */
  latinLower: number;
  /** Letters of the other scripts franc knows (Greek, Cyrillic, Hebrew, Indic, CJK, Hangul, …), roughly. */
  other: number;
  /** Letters only Urdu (and Punjabi/Saraiki) write: ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ. */
  urdu: number;
  /** Letters only Pashto writes: ټ ځ څ ډ ړ ږ ښ ڼ ۍ ې. */
  pashto: number;
  /** Persian letters an Arabic text does not use: پ چ ژ گ (Urdu writes them too). */
  persian: number;
  /** The Persian-keyboard yeh and kaf ی ک (Persian and Urdu). */
  farsiYehKaf: number;
  /** The Arabic-keyboard yeh, kaf and alef maksura ي ك ى. */
  arabicYehKaf: number;
  /** Teh marbuta ة, frequent in Arabic, rare in Persian and Urdu spelling. */
  tehMarbuta: number;
}

/** @internal */
export function emptyCounts(): LetterCounts {
  return { arabic: 0, latin: 0, latinLower: 0, other: 0, urdu: 0, pashto: 0, persian: 0, farsiYehKaf: 0, arabicYehKaf: 0, tehMarbuta: 0 };
}

function isOtherLetter(c: number): boolean {
  return (
    (c >= 0x0370 && c <= 0x03ff && c !== 0x037e && c !== 0x0387) || // Greek
    (c >= 0x0400 && c <= 0x052f && (c < 0x0482 || c > 0x0489)) || // Cyrillic
    (c >= 0x05d0 && c <= 0x05f2) || // Hebrew letters
    (c >= 0x0900 && c <= 0x0dff) || // Indic scripts
    (c >= 0x0e01 && c <= 0x0e7f) || // Thai, Lao
    (c >= 0x1100 && c <= 0x11ff) || // Hangul Jamo
    (c >= 0x1200 && c <= 0x137f) || // Ethiopic
    (c >= 0x3041 && c <= 0x30ff) || // Kana
    (c >= 0x3400 && c <= 0x9fff) || // CJK
    (c >= 0xac00 && c <= 0xd7a3) // Hangul syllables
  );
}

const enum L { None, AsciiUpper, AsciiLower, Latin, Arabic, ArabicYehKaf, FarsiYehKaf, TehMarbuta, Persian, Urdu, Pashto, Other }

/** The class of a code unit, by the same range checks as before (the original slow path). */
function classify(c: number): L {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return L.AsciiUpper;
    if (c >= 0x61 && c <= 0x7a) return L.AsciiLower;
    return L.None;
  }
  if (isLatinLetter(c) || (c >= 0x1e00 && c <= 0x1eff)) return L.Latin;
  if ((c >= 0x0600 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfefc)) {
    if (!isArabicLetter(c)) return L.None;
    switch (c) {
      case 0x064a: case 0x0643: case 0x0649: return L.ArabicYehKaf; // ي ك ى
      case 0x06cc: case 0x06a9: return L.FarsiYehKaf; // ی ک
      case 0x0629: return L.TehMarbuta; // ة
      case 0x067e: case 0x0686: case 0x0698: case 0x06af: return L.Persian; // پ چ ژ گ
      case 0x0679: case 0x0688: case 0x0691: case 0x06ba: case 0x06be: // ٹ ڈ ڑ ں ھ
      case 0x06c1: case 0x06c2: case 0x06c3: case 0x06d2: case 0x06d3: // ہ ۂ ۃ ے ۓ
        return L.Urdu;
      case 0x067c: case 0x0681: case 0x0685: case 0x0689: case 0x0693: // ټ ځ څ ډ ړ
      case 0x0696: case 0x069a: case 0x06bc: case 0x06cd: case 0x06d0: // ږ ښ ڼ ۍ ې
        return L.Pashto;
      default: return L.Arabic;
    }
  }
  return isOtherLetter(c) ? L.Other : L.None;
}

const TABLE_END = 0x0900;
let table: Uint8Array | undefined;
/** Class of the code units below U+0900 (Latin, Greek, Cyrillic, Hebrew, Arabic), built on first use, then shared: it never changes. */
function classTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) t[c] = classify(c);
  return (table = t);
}

/** Adds the letters of `text[start, end)` to `into` and returns it. @internal */
export function countLetters(text: string, start = 0, end = text.length, into: LetterCounts = emptyCounts()): LetterCounts {
  const t = classTable();
  // Whether the current Latin word started lower-case (false outside words and in capitalized ones).
  let lower = false;
  let prevLatin = false;
  let arabic = 0, latin = 0, latinLower = 0, other = 0, urdu = 0, pashto = 0, persian = 0, farsiYehKaf = 0, arabicYehKaf = 0, tehMarbuta = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = c < TABLE_END ? t[c]! : classify(c);
    if (k === L.None) { prevLatin = false; continue; }
    if (k <= L.Latin) {
      latin++;
      if (!prevLatin) {
        if (k === L.Latin) {
          const ch = String.fromCharCode(c);
          lower = ch !== ch.toUpperCase();
        } else lower = k === L.AsciiLower;
      }
      if (lower) latinLower++;
      prevLatin = true;
      continue;
    }
    prevLatin = false;
    switch (k) {
      case L.Other: other++; break;
      case L.Arabic: arabic++; break;
      case L.ArabicYehKaf: arabic++; arabicYehKaf++; break;
      case L.FarsiYehKaf: arabic++; farsiYehKaf++; break;
      case L.TehMarbuta: arabic++; tehMarbuta++; break;
      case L.Persian: arabic++; persian++; break;
      case L.Urdu: arabic++; urdu++; break;
      case L.Pashto: arabic++; pashto++; break;
    }
  }
  into.arabic += arabic; into.latin += latin; into.latinLower += latinLower; into.other += other; into.urdu += urdu;
  into.pashto += pashto; into.persian += persian; into.farsiYehKaf += farsiYehKaf; into.arabicYehKaf += arabicYehKaf; into.tehMarbuta += tehMarbuta;
  return into;
}

/** The script with the most letters; Arabic wins ties (the library's home script). @internal */
export function topScript(c: LetterCounts): Script {
  if (c.arabic === 0 && c.latin === 0 && c.other === 0) return 'none';
  if (c.arabic >= c.latin && c.arabic >= c.other) return 'Arabic';
  return c.latin >= c.other ? 'Latin' : 'other';
}

/** Letters of the top script. @internal */
export function scriptLetters(c: LetterCounts, s: Script): number {
  return s === 'Arabic' ? c.arabic : s === 'Latin' ? c.latin : s === 'other' ? c.other : 0;
}
