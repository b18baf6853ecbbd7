/**
 * Options objects: defaults overridden by what a call gives.
 * @internal
 */

/** The defaults, overridden by each option given (not undefined); no new object when nothing is given (the common call). @internal */
export function withDefaults<T extends object>(defaults: T, given: T | undefined): T {
  if (!given) return defaults;
  const out = { ...defaults } as Record<string, unknown>;
  for (const k of Object.keys(given)) {
    const v = (given as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
