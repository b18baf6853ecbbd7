// Timing helpers: every measurement records wall-clock ms and the process's CPU ms (user + system,
// including GC helper threads), because the bench machine is shared and wall time includes waiting
// for a core while CPU time does not.
import { bytes, median, MB } from './stats.js';
import { AcBaseline } from './baselines.js';

export function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, value };
}

/** Times `fn` over every article: total wall and CPU ms, per-article wall ms, results found. */
export function tagPass(fn, arts) {
  const times = new Float64Array(arts.length);
  let found = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < arts.length; i++) {
    const a = performance.now();
    found += fn(arts[i]).length;
    times[i] = performance.now() - a;
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, times, found };
}

export function prefixByBytes(arts, maxBytes) {
  const out = [];
  let b = 0;
  for (const a of arts) {
    const x = bytes(a);
    if (b + x > maxBytes && out.length) break;
    out.push(a);
    b += x;
  }
  return out;
}

/** Median MB/s by wall and by CPU time over runs; `pick(run)` gives a {ms, cpu} timing. */
export const rate = (runs, b, pick) => ({ wall: median(runs.map((r) => b / MB / (pick(r).ms / 1000))), cpu: median(runs.map((r) => b / MB / (pick(r).cpu / 1000))) });
/** Median of paired ratios base/subject (how many times faster the subject is). */
export const ratio = (runs, base, subj) => ({ wall: median(runs.map((r) => base(r).ms / subj(r).ms)), cpu: median(runs.map((r) => base(r).cpu / subj(r).cpu)) });

/**
 * aalam (`fn`) against modern-ahocorasick (`AC`, built over `keys`) on the first `acBytes` of `arts`,
 * interleaved runs; one call per article (its Intl.Segmenter is super-linear on long strings).
 */
export function compareAhoCorasick(AC, keys, fn, arts, { acBytes, acRuns }) {
  const sub = prefixByBytes(arts, acBytes);
  const subBytes = sub.reduce((x, s) => x + bytes(s), 0);
  const build = timed(() => new AcBaseline(AC, keys));
  const ac = build.value;
  tagPass((s) => ac.annotate(s), sub.slice(0, 10));
  const runs = [];
  for (let r = 0; r < acRuns; r++) {
    const a = tagPass(fn, sub);
    const c = tagPass((s) => ac.annotate(s), sub);
    runs.push({ a, c });
  }
  return {
    articles: sub.length, bytes: subBytes, patterns: ac.patterns, buildMs: build.ms, runs: runs.length,
    ac: rate(runs, subBytes, (r) => r.c), aalam: rate(runs, subBytes, (r) => r.a),
    vsAc: ratio(runs, (r) => r.c, (r) => r.a), found: runs[0].c.found,
  };
}
