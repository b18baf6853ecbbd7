// Timing helpers: every measurement records wall-clock ms and the process's CPU ms (user + system,
// including GC helper threads), because the bench machine is shared and wall time includes waiting
// for a core while CPU time does not.
import { bytes } from './stats.js';

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
