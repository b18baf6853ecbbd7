// Small statistics and formatting helpers.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Nearest-rank percentile (p in 0..100) of an unsorted array. */
export const percentile = (xs, p) => {
  const s = Float64Array.from(xs).sort();
  if (!s.length) return NaN;
  const k = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[k];
};

export const bytes = (s) => Buffer.byteLength(s, 'utf8');
export const MB = 1e6;

export function fmt(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (typeof x === 'string') return x;
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3);
  return x.toFixed(d);
}

export const mib = (b) => b / (1024 * 1024);

/** Runs `fn` `n` times; returns the array of its results. */
export function repeat(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(fn(i));
  return out;
}

export function now() {
  return performance.now();
}

export function gc() {
  if (typeof globalThis.gc === 'function') { globalThis.gc(); globalThis.gc(); }
}
