/**
 * One pass over a range of code units counting the letters that tell scripts and Arabic-script
 * languages apart, and finding line ends on the way. The text is copied once into a typed array
 * (`codeUnits`); a class table built from range checks on first use (nothing is built at import)
 * counts the common classes of Arabic text two code units at a time in one packed register.
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

/**
 * Classes of code units. The Arabic-script classes and `Other` are counted as they are; `Break`
 * (a line break) and the Latin classes, from `Break` on, need more than a count.
 */
const enum L {
  None, Arabic, ArabicYehKaf, FarsiYehKaf, TehMarbuta, Persian, Urdu, Pashto, Other,
  Break, AsciiUpper, AsciiLower, Latin,
}
/** Slots of a counts array (`newTally`): the classes below `Break`, then Latin letters and those in lower-case words. */
const LATIN = L.Break;
const LATIN_LOWER = L.Break + 1;
const SLOTS = L.Break + 2;

/** Line breaks: a paragraph never spans one in `line` mode. */
const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;

/** The class of a code unit, by range checks (the table below is built from it). */
function classify(c: number): L {
  if (isBreak(c)) return L.Break;
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
let steps: Int32Array | undefined;
/** Class of the code units below U+0900 (Latin, Greek, Cyrillic, Hebrew, Arabic), built on first use, then shared: it never changes. */
function classTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) t[c] = classify(c);
  return (table = t);
}

/**
 * The common classes of Arabic text counted in one register: 10 bits each for `Arabic`,
 * `ArabicYehKaf` and `TehMarbuta` (so at most `CHUNK` code units between two flushes), 0 for
 * `None`, -1 for a code unit that needs `classify` (every other class).
 */
const FIELD = 10;
const CHUNK = (1 << FIELD) - 1;
function stepTable(): Int32Array {
  if (steps) return steps;
  const t = classTable();
  const s = new Int32Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) {
    const k = t[c]!;
    s[c] = k === L.None ? 0 : k === L.Arabic ? 1 : k === L.ArabicYehKaf ? 1 << FIELD : k === L.TehMarbuta ? 1 << (2 * FIELD) : -1;
  }
  return (steps = s);
}

/** A text's UTF-16 code units, and the same memory read two units at a time. @internal */
export interface CodeUnits {
  readonly u16: Uint16Array;
  readonly u32: Uint32Array;
}

const SCRATCH_MAX = 1 << 18;
let scratchUnits: CodeUnits | undefined;
let scratchBytes: Buffer | undefined;

function unitsOf(capacity: number): CodeUnits {
  // Even length, own buffer from offset 0: the Uint32Array view covers every pair.
  const buffer = new ArrayBuffer(2 * (capacity + (capacity & 1)));
  return { u16: new Uint16Array(buffer), u32: new Uint32Array(buffer) };
}

/**
 * The UTF-16 code units of `text[start, end)`, copied in one native call (index 0 is `start`): a
 * loop reads a typed array about twice as fast as `charCodeAt`. Ranges of up to 256 Ki code units
 * share one buffer, which the next call overwrites (the arrays are longer than the range); longer
 * ones get their own.
 * @internal
 */
export function codeUnits(text: string, start = 0, end = text.length): CodeUnits {
  const n = end - start;
  // (a substring of a flat string is a view: writing it copies only the range)
  const part = start === 0 && end === text.length ? text : text.substring(start, end);
  if (n > SCRATCH_MAX) {
    const units = unitsOf(n);
    Buffer.from(units.u16.buffer).write(part, 0, 'utf16le');
    return units;
  }
  if (!scratchUnits || !scratchBytes || n > scratchUnits.u16.length) {
    scratchUnits = unitsOf(Math.min(SCRATCH_MAX, Math.max(n, 2 * (scratchUnits?.u16.length ?? 0), 1024)));
    scratchBytes = Buffer.from(scratchUnits.u16.buffer);
  }
  scratchBytes.write(part, 0, 'utf16le');
  return scratchUnits;
}

/** Longest range `codeUnits` copies into its shared buffer. @internal */
export const SHARED_UNITS = SCRATCH_MAX;

/** Whether the code unit `c` is read as part of a Latin word (see `tallyLine`). @internal */
export function isLatinUnit(c: number): boolean {
  return isLatinClass(c < TABLE_END ? classTable()[c]! : classify(c));
}

const isLatinClass = (k: number): boolean => k >= L.AsciiUpper;

/** Per-class counts of a range, filled by `tallyLine`, read (and zeroed) by `takeTally`. @internal */
export type Tally = Int32Array;

/** @internal */
export function newTally(): Tally {
  return new Int32Array(SLOTS);
}

/**
 * Counts the letters of `units[i, end)` (`codeUnits(text)`) into `tally` up to the first line break when `stopAtBreak`
 * (else breaks count as nothing), and returns where it stopped: the break's index, or `end`.
 * @internal
 */
export function tallyLine(units: CodeUnits, i: number, end: number, tally: Tally, stopAtBreak: boolean): number {
  const t = classTable();
  const step = stepTable();
  const u16 = units.u16;
  const u32 = units.u32;
  while (i < end) {
    const stop = Math.min(end, i + CHUNK);
    let packed = 0;
    while (i < stop) {
      if ((i & 1) === 0) {
        // Two code units at a time while both are below U+0800 and of the common classes.
        const pairs = stop >>> 1;
        let k = i >>> 1;
        for (; k < pairs; k++) {
          const w = u32[k]!;
          if ((w & 0xf800f800) !== 0) break;
          const a = step[w & 0x7ff]!;
          const b = step[w >>> 16]!;
          if ((a | b) < 0) break;
          packed += a + b;
        }
        i = k << 1;
        if (i >= stop) break;
      }
      // One code unit: an odd start, or a pair with a unit of another class.
      const c = u16[i]!;
      const v = c < TABLE_END ? step[c]! : -1;
      if (v >= 0) { packed += v; i++; continue; }
      const k = c < TABLE_END ? t[c]! : classify(c);
      if (k < L.Break) { tally[k]!++; i++; continue; }
      if (k === L.Break) {
        if (stopAtBreak) { flush(tally, packed); return i; }
        i++;
        continue;
      }
      // A Latin word, read whole: its first letter tells whether it is a lower-case word.
      let lower = k === L.AsciiLower;
      if (k === L.Latin) {
        const ch = String.fromCharCode(c);
        lower = ch !== ch.toUpperCase();
      }
      let j = i + 1;
      while (j < end) {
        const d = u16[j]!;
        if (!isLatinClass(d < TABLE_END ? t[d]! : classify(d))) break;
        j++;
      }
      tally[LATIN]! += j - i;
      if (lower) tally[LATIN_LOWER]! += j - i;
      i = j;
    }
    flush(tally, packed);
  }
  return end;
}

function flush(tally: Tally, packed: number): void {
  tally[L.Arabic]! += packed & CHUNK;
  tally[L.ArabicYehKaf]! += (packed >>> FIELD) & CHUNK;
  tally[L.TehMarbuta]! += packed >>> (2 * FIELD);
}

/** Adds a tally's letters to `into`, zeroes the tally for the next range, and returns `into`. @internal */
export function takeTally(tally: Tally, into: LetterCounts = emptyCounts()): LetterCounts {
  const urdu = tally[L.Urdu]!, pashto = tally[L.Pashto]!, persian = tally[L.Persian]!;
  const farsiYehKaf = tally[L.FarsiYehKaf]!, arabicYehKaf = tally[L.ArabicYehKaf]!, tehMarbuta = tally[L.TehMarbuta]!;
  into.arabic += tally[L.Arabic]! + urdu + pashto + persian + farsiYehKaf + arabicYehKaf + tehMarbuta;
  into.latin += tally[LATIN]!;
  into.latinLower += tally[LATIN_LOWER]!;
  into.other += tally[L.Other]!;
  into.urdu += urdu; into.pashto += pashto; into.persian += persian;
  into.farsiYehKaf += farsiYehKaf; into.arabicYehKaf += arabicYehKaf; into.tehMarbuta += tehMarbuta;
  for (let k = 0; k < SLOTS; k++) tally[k] = 0;
  return into;
}

const scratch = newTally();

/** Adds the letters of `text[start, end)` to `into` and returns it. @internal */
export function countLetters(text: string, start = 0, end = text.length, into: LetterCounts = emptyCounts()): LetterCounts {
  scratch.fill(0);
  // (only the range is copied: the counts of a range do not depend on what is around it)
  tallyLine(codeUnits(text, start, end), 0, end - start, scratch, false);
  return takeTally(scratch, into);
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
