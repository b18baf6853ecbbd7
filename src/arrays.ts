/** Typed arrays of numbers that `grown` copies. @internal */
export type NumberArray = Int8Array | Uint8Array | Uint16Array | Int32Array | Float64Array;

/**
 * A new array of the same type as `a` with `size` elements, the first `keep` (all of `a` by
 * default) copied from `a` and the rest zero: the one way work buffers grow. @internal
 */
export function grown<A extends NumberArray>(a: A, size: number, keep: number = a.length): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(keep >= a.length ? a : (a.subarray(0, keep) as A));
  return b;
}

/**
 * A flat copy of a (possibly sliced) string: long results of `slice` and `split` point into the
 * string they came from, keeping it alive and comparing slowly.
 * @internal
 */
export function flatCopy(s: string): string {
  return s.length >= 13 ? s.split('').join('') : s;
}

const fc = String.fromCharCode;

/**
 * The string of `units[s, e)`, flat (fromCharCode of an array makes a flat string; long runs go in
 * pieces). Words of up to 8 units (most) are made by a call with their units as arguments: ~40 ns
 * against ~110 for `apply` on a subarray (ANERcorp's 27.6k distinct words); up to 64 units through
 * a reused argument list of their length (10–16 units: ~55–85 ns against ~110–135). @internal
 */
export function unitsString(units: Uint16Array, s: number, e: number): string {
  const u = units;
  switch (e - s) {
    case 1: return fc(u[s]!);
    case 2: return fc(u[s]!, u[s + 1]!);
    case 3: return fc(u[s]!, u[s + 1]!, u[s + 2]!);
    case 4: return fc(u[s]!, u[s + 1]!, u[s + 2]!, u[s + 3]!);
    case 5: return fc(u[s]!, u[s + 1]!, u[s + 2]!, u[s + 3]!, u[s + 4]!);
    case 6: return fc(u[s]!, u[s + 1]!, u[s + 2]!, u[s + 3]!, u[s + 4]!, u[s + 5]!);
    case 7: return fc(u[s]!, u[s + 1]!, u[s + 2]!, u[s + 3]!, u[s + 4]!, u[s + 5]!, u[s + 6]!);
    case 8: return fc(u[s]!, u[s + 1]!, u[s + 2]!, u[s + 3]!, u[s + 4]!, u[s + 5]!, u[s + 6]!, u[s + 7]!);
  }
  if (e - s <= EXACT_MAX) return fromUnits(units, s, e);
  const piece = 4096;
  if (e - s <= piece) return fromSubarray(units, s, e);
  const parts: string[] = [];
  for (let i = s; i < e; i += piece) parts.push(fromSubarray(units, i, Math.min(e, i + piece)));
  return flatCopy(parts.join(''));
}

/**
 * Longest string made through a reused argument list of its exact length (`fromUnits`): lists of
 * 9–64 numbers, ~16 KB in all, kept for the life of the module. Longer strings are rare (a key,
 * a word), and `apply` on a subarray costs little next to their length.
 */
const EXACT_MAX = 64;
/** Reused argument lists of exact lengths for `String.fromCharCode` (faster than `apply` on a subarray, which it would allocate). */
const exact: number[][] = [];

/** `String.fromCharCode` of `units[s, e)`, at most `EXACT_MAX` units. */
function fromUnits(units: Uint16Array, s: number, e: number): string {
  const args = (exact[e - s] ??= new Array<number>(e - s).fill(0));
  for (let i = s; i < e; i++) args[i - s] = units[i]!;
  return String.fromCharCode.apply(null, args);
}

/** `String.fromCharCode` of `units[s, e)` (an argument list has a size limit: at most 4096 units). */
function fromSubarray(units: Uint16Array, s: number, e: number): string {
  return String.fromCharCode.apply(null, units.subarray(s, e) as unknown as number[]);
}
