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
