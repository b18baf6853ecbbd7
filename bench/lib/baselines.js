// The baselines the bench compares aalam against, all written here:
//  - scanChars: a plain charCodeAt loop over the string (the floor for any text pass);
//  - MapBaseline: normalize once, split into tokens, look up every 1–4-token window joined by
//    spaces in a Map of alias keys made by aalam's own aliasKey, leftmost-longest;
//  - AcBaseline: modern-ahocorasick over the normalized text with the normalized alias keys
//    (no clitics, no word boundaries: it also matches inside words).
import { aliasKey, normalize } from '../../dist/index.js';

/** Touches every UTF-16 code unit; returns a checksum so the loop cannot be optimized away. */
export function scanChars(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
  return h;
}

function isWordUnit(c) {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x0671 && c <= 0x06d3) ||
    (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f);
}

/** Alias strings as written, with the entry index, from a compiled lexicon. */
export function aliasList(lexicon) {
  return lexicon.aliases.map((a) => [a[3], a[1]]);
}

/** Alias keys (already aliasKey'd by the compiler), with the entry index, from a compiled lexicon. */
export function keyList(lexicon) {
  return lexicon.aliases.map((a) => [a[0], a[1]]);
}

export class MapBaseline {
  /**
   * @param aliases [aliasAsWritten, entryIndex][]
   * @param precomputed true when the first element already is the key (a compiled artifact's aliases)
   */
  constructor(aliases, precomputed = false) {
    const map = new Map();
    for (const [alias, ref] of aliases) {
      const k = precomputed ? alias : aliasKey(alias);
      if (k && !map.has(k)) map.set(k, ref);
    }
    this.map = map;
  }
  /** Spans `{start, end, ref}` in the original text. */
  annotate(text) {
    const n = normalize(text);
    const s = n.text;
    const st = [];
    const en = [];
    for (let i = 0; i < s.length; ) {
      if (!isWordUnit(s.charCodeAt(i))) { i++; continue; }
      let j = i + 1;
      while (j < s.length && isWordUnit(s.charCodeAt(j))) j++;
      st.push(i); en.push(j);
      i = j;
    }
    const out = [];
    const map = this.map;
    const T = st.length;
    for (let i = 0; i < T; ) {
      let best = -1;
      let ref;
      let key = '';
      for (let w = 0; w < 4 && i + w < T; w++) {
        const tok = s.slice(st[i + w], en[i + w]);
        key = w === 0 ? tok : key + ' ' + tok;
        const r = map.get(key);
        if (r !== undefined) { best = w; ref = r; }
      }
      if (best >= 0) {
        const sp = n.span(st[i], en[i + best]);
        out.push({ start: sp.start, end: sp.end, ref });
        i += best + 1;
      } else i++;
    }
    return out;
  }
}

export class AcBaseline {
  /** @param AhoCorasick the modern-ahocorasick default export; @param keys normalized alias keys */
  constructor(AhoCorasick, keys) {
    const pats = [...new Set(keys.filter((k) => k && !k.startsWith('^')))];
    this.patterns = pats.length;
    this.ac = new AhoCorasick(pats);
  }
  annotate(text) {
    const n = normalize(text);
    const hits = this.ac.search(n.text, { strategy: 'leftmost-longest' });
    const out = new Array(hits.length);
    for (let i = 0; i < hits.length; i++) {
      const sp = n.span(hits[i].start, hits[i].end);
      out[i] = { start: sp.start, end: sp.end, ref: hits[i].patternIndex };
    }
    return out;
  }
}

export async function loadAhoCorasick() {
  try {
    return (await import('modern-ahocorasick')).default;
  } catch (err) {
    return null;
  }
}
