import { assertText } from '../errors.js';
import { compileTable, optionsMask, KEEP, DELETE, type NormalizeOptions } from './engine.js';
import { RULES } from './rules.js';

export type { NormalizeOptions } from './engine.js';
export type { NormalizeRuleName } from './rules.js';

/**
 * Normalized text plus the way back to the caller's string.
 *
 * Offsets are UTF-16 code units. `source[i]` is the index in the original input of the character
 * that produced normalized character `i`; every rule maps one code unit to zero, one or several
 * code units, so a normalized span `[s, e)` comes from the original span
 * `[toOriginal(s), toOriginalEnd(e))`.
 */
export interface Normalized {
  /** The normalized string. */
  readonly text: string;
  /** The input, unchanged. */
  readonly original: string;
  /**
   * Original index of the character that produced normalized index `i` (0 ≤ i < text.length; `original.length` from
   * `text.length` on); monotonic, always in `[0, original.length]`. A fraction counts as the whole offset below it.
   */
  toOriginal(i: number): number;
  /** Original end offset for a normalized end offset `e` (half-open): one past the source of char `e - 1` (a fraction counts as the whole offset above it). */
  toOriginalEnd(e: number): number;
  /** Maps a half-open normalized span to the half-open original span it came from. */
  span(start: number, end: number): { start: number; end: number };
}

/** The rules with their names, defaults and descriptions (for docs and `--help`). */
export const NORMALIZE_RULES: ReadonlyArray<{ name: string; default: boolean; doc: string }> = RULES.map(
  ({ name, default: d, doc }) => ({ name, default: d, doc }),
);

const CHUNK = 8192;

function fromCodes(buf: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

class NormalizedText implements Normalized {
  constructor(
    readonly text: string,
    readonly original: string,
    private readonly source: Int32Array | null,
  ) {}
  toOriginal(i: number): number {
    const n = this.text.length;
    if (i >= n) return n === 0 ? 0 : this.original.length;
    // (a fraction or NaN counts as the offset below it, at least 0: characters the rules deleted
    // before the first normalized one are outside its span, as before any other character)
    const k = i > 0 ? Math.floor(i) : 0;
    return this.source ? this.source[k]! : k;
  }
  toOriginalEnd(e: number): number {
    if (!(e > 0)) return 0;
    const n = this.text.length;
    if (e > n) return this.original.length;
    const k = Math.ceil(e);
    return this.source ? this.source[k - 1]! + 1 : k;
  }
  span(start: number, end: number): { start: number; end: number } {
    const s = this.toOriginal(start);
    return { start: s, end: end <= start ? s : Math.max(s, this.toOriginalEnd(end)) };
  }
}

/**
 * Normalizes Arabic text for matching and keeps a map back to the original offsets.
 * One table-driven pass; rules are named and switchable (see {@link NORMALIZE_RULES}).
 *
 * @param text - any string; never throws on strings (lone surrogates pass through unchanged).
 * @param options - rule switches, all on by default: `[diacritics=true]`, `[tatweel=true]`, `[alef=true]`,
 *   `[alefMaksura=true]`, `[tehMarbuta=true]`, `[hamzaCarriers=true]`, `[persian=true]`,
 *   `[presentationForms=true]`, `[digits=true]`, `[invisibles=true]`, `[spaces=true]`, `[latinLowercase=true]`.
 * @throws {AalamError} `E_INPUT_TYPE` when `text` is not a string.
 *
 * @example
 * ```ts
 * const n = normalize('قازاخـستانُ ﻻ');
 * n.text                 // 'قازاخستان لا'
 * n.span(0, 9)           // { start: 0, end: 10 }: the tatweel is inside; the final damma follows the last letter
 * ```
 */
export function normalize(text: string, options?: NormalizeOptions): Normalized {
  assertText(text, 'normalize');
  const table = compileTable(optionsMask(options));
  const { action, expansions } = table;
  const len = text.length;
  // Fast path: nothing to change.
  let i = 0;
  while (i < len && action[text.charCodeAt(i)] === KEEP) i++;
  if (i === len) return new NormalizedText(text, text, null);

  let cap = len + 16;
  let buf = new Uint16Array(cap);
  let src = new Int32Array(cap);
  let n = 0;
  for (let k = 0; k < i; k++) {
    buf[k] = text.charCodeAt(k);
    src[k] = k;
  }
  n = i;
  /** Doubles the output buffers past `need` units, keeping the first n. */
  const grow = (need: number): void => {
    cap = need * 2 + 16;
    const nb = new Uint16Array(cap);
    nb.set(buf.subarray(0, n));
    buf = nb;
    const ns = new Int32Array(cap);
    ns.set(src.subarray(0, n));
    src = ns;
  };
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    const a = action[c]!;
    if (a === DELETE) continue;
    if (n + 8 > cap) grow(n + 8);
    if (a === KEEP) {
      buf[n] = c;
      src[n++] = i;
    } else if (a >= 0) {
      buf[n] = a;
      src[n++] = i;
    } else {
      const exp = expansions[-3 - a]!;
      if (n + exp.length + 8 > cap) grow(n + exp.length + 8);
      for (let k = 0; k < exp.length; k++) {
        buf[n] = exp.charCodeAt(k);
        src[n++] = i;
      }
    }
  }
  return new NormalizedText(fromCodes(buf, n), text, src.subarray(0, n));
}

/**
 * Normalizes a short string (a token, an alias) without building an offset map.
 * Same rules and options as {@link normalize}.
 */
export function normalizeKey(text: string, options?: NormalizeOptions): string {
  assertText(text, 'normalizeKey');
  const { action, expansions } = compileTable(optionsMask(options));
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const a = action[c]!;
    if (a === KEEP) out += text[i];
    else if (a === DELETE) continue;
    else if (a >= 0) out += String.fromCharCode(a);
    else out += expansions[-3 - a];
  }
  return out;
}
