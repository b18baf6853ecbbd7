/** Character classes for the tokenizer, by code unit. Pure range checks: nothing built at import. */

export function isArabicLetter(c: number): boolean {
  if (c < 0x0620) return false;
  return (
    (c >= 0x0620 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    c === 0x066e || c === 0x066f ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 || c === 0x06ee || c === 0x06ef ||
    (c >= 0x06fa && c <= 0x06fc) || c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdfd && c !== 0xfd3e && c !== 0xfd3f) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Marks that live inside an Arabic word: harakat, Quranic signs, tatweel. */
export function isArabicMark(c: number): boolean {
  if (c < 0x0610) return false;
  return (
    (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de && c !== 0x06e9) ||
    (c >= 0x08d3 && c <= 0x08ff)
  );
}

export function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

export function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

export function isSpace(c: number): boolean {
  if (c > 0x20 && c < 0x85) return false;
  if (c >= 0x0600 && c < 0x1680) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** The invisible format controls, as ranges: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, BOM, bidi embeddings and isolates, word joiners. */
export const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], [0x061c, 0x061c], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff],
];

/** Invisible format controls (`INVISIBLE_RANGES`): gaps between tokens, except inside an Arabic word, where all but the zero-width space are part of it (see `scan`). */
export function isInvisible(c: number): boolean {
  if (c < 0xad || (c > 0x061c && c < 0x200b)) return false;
  for (const [a, b] of INVISIBLE_RANGES) if (c >= a && c <= b) return true;
  return false;
}

const PUNCT_RE = /\p{P}/u;

export function isPunct(c: number): boolean {
  if (c < 0x80) {
    return (
      (c >= 0x21 && c <= 0x23) || (c >= 0x25 && c <= 0x2a) || (c >= 0x2c && c <= 0x2f) ||
      c === 0x3a || c === 0x3b || c === 0x3f || c === 0x40 || (c >= 0x5b && c <= 0x5d) ||
      c === 0x5f || c === 0x7b || c === 0x7d
    );
  }
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x066a || c === 0x066b || c === 0x066c || c === 0x066d || c === 0x06d4 || c === 0x00ab || c === 0x00bb || c === 0x2026) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return PUNCT_RE.test(String.fromCharCode(c));
}

/** Sentence-final punctuation. */
export function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b || c === 0x2026 || c === 0x06d4;
}

/** Closing quotes and brackets that stay with the sentence they end. */
export function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x29 || c === 0x5d || c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x27 || c === 0xfd3f;
}
