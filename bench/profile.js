// Profiles focused workloads with `node --cpu-prof` (and an allocation sampling profile) and
// summarizes them: top functions by self time, by inclusive time, top allocation sites, GC share.
// Usage: node bench/profile.js [--quick] [--task annotate|annotate-doc|normtok|build|annotate-lexicon] [--json]
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'bench/out/prof');

function where(cf) {
  if (!cf.url) return '(native)';
  let u = cf.url.replace(/^file:\/\//, '');
  if (u.startsWith(ROOT)) u = relative(ROOT, u);
  else if (u.startsWith('node:')) return u;
  return `${u}:${cf.lineNumber + 1}`;
}

function label(cf) {
  const name = cf.functionName || '(anonymous)';
  return `${name} ${where(cf)}`;
}

/** Self and inclusive time per function from a .cpuprofile, restricted to samples in [from, to] (ms since its start). */
export function summarizeCpu(profile, { from = -Infinity, to = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const incl = new Map();
  let total = 0;
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] / 1000;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    if (t < from || t > to) continue;
    const node = byId.get(profile.samples[i]);
    const key = label(node.callFrame);
    if (key.startsWith('(idle)')) continue;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const k = label(byId.get(id).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const rows = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([fn, ms]) => ({ fn, ms, pct: (100 * ms) / total }));
  return { totalMs: total, self: rows(self), inclusive: rows(incl) };
}

/**
 * Line-level ticks (V8 positionTicks, whole profile) of a function given by its `label`, with the
 * source line; optimized code attributes inlined callees to the caller's lines only approximately.
 */
export function hotLines(profile, fnLabel, top = 6) {
  const lines = new Map();
  let total = 0;
  let url = null;
  for (const n of profile.nodes) {
    if (label(n.callFrame) !== fnLabel) continue;
    url = n.callFrame.url;
    // ticks before the function's first line come from code of other files inlined into it: dropped
    for (const t of n.positionTicks ?? []) {
      if (t.line <= n.callFrame.lineNumber) continue;
      lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
      total += t.ticks;
    }
  }
  if (!total || !url) return [];
  let src = [];
  try { src = readFileSync(new URL(url), 'utf8').split('\n'); } catch { /* not a file */ }
  return [...lines.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([line, ticks]) => ({ line, pct: (100 * ticks) / total, code: (src[line - 1] ?? '').trim().slice(0, 140) }));
}

/** Allocated bytes per function (self) from a sampling heap profile. */
export function summarizeHeap(profile) {
  const self = new Map();
  let total = 0;
  const visit = (n) => {
    const k = label(n.callFrame);
    if (n.selfSize) { self.set(k, (self.get(k) ?? 0) + n.selfSize); total += n.selfSize; }
    for (const c of n.children ?? []) visit(c);
  };
  visit(profile.head);
  return { totalBytes: total, self: [...self.entries()].sort((a, b) => b[1] - a[1]).map(([fn, b]) => ({ fn, bytes: b, pct: (100 * b) / total })) };
}

export const TASKS = {
  annotate: (q) => ({ task: 'annotate', mode: 'entities', mb: q ? 1 : 6, heap: true, doc: `entity annotation (topics and keyphrases off), shipped lexicons, ${q ? 1 : 6} MB of 5 KB articles` }),
  'annotate-default': (q) => ({ task: 'annotate', mode: 'default', mb: q ? 1 : 3, heap: true, doc: `default annotate (entities + language + topics + keyphrases), ${q ? 1 : 3} MB of 5 KB articles` }),
  'annotate-doc': (q) => ({ task: 'annotate-doc', mode: 'default', mb: q ? 1 : 4, heap: true, doc: `default annotate, one ${q ? 1 : 4} MB document` }),
  normtok: (q) => ({ task: 'normtok', mb: q ? 2 : 10, heap: true, doc: `normalize + tokenize, one ${q ? 2 : 10} MB string` }),
  build: (q) => ({ task: 'build', size: q ? 50000 : 250000, heap: false, doc: `compileLexicon + createAnnotator, ${q ? '50k' : '250k'} synthetic entries` }),
  'annotate-lexicon': (q) => ({ task: 'annotate-lexicon', mode: 'entities', size: q ? 100000 : 1000000, mb: q ? 0.5 : 4, heap: false, doc: `entity annotation, ${q ? '100k' : '1M'} synthetic entries, ${q ? 0.5 : 4} MB of 5 KB articles` }),
};

/** Runs one task under --cpu-prof; returns its summary. */
export async function profileTask(name, quick, top = 12) {
  const cfg = TASKS[name](quick);
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const heapOut = join(dir, 'alloc.heapprofile');
  const r = await runChild('focus.js', { ...cfg, heapOut }, { nodeArgs: ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${dir}`, '--max-old-space-size=8192'], timeoutMs: 600_000 });
  if (!r.ok) return { name, doc: cfg.doc, error: r.error };
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  // restrict to the task: the profile's timestamps and the child's marks are both CLOCK_MONOTONIC µs
  const win = { from: (r.monoStartUs - prof.startTime) / 1000, to: (r.monoEndUs - prof.startTime) / 1000 };
  const cpu = summarizeCpu(prof, win.from >= 0 && win.to > win.from ? win : {});
  const heap = cfg.heap ? summarizeHeap(JSON.parse(readFileSync(heapOut, 'utf8'))) : null;
  const lines = cpu.self.filter((r) => /^\S+ dist\//.test(r.fn)).slice(0, 2).map((r) => ({ fn: r.fn, lines: hotLines(prof, r.fn) }));
  return {
    name, doc: cfg.doc, ms: r.ms, cpuMs: r.cpuMs, inputBytes: r.inputBytes,
    mbps: r.inputBytes ? r.inputBytes / 1e6 / (r.ms / 1000) : null,
    gc: r.gc, gcPct: (100 * r.gc.ms) / r.ms,
    cpu: { totalMs: cpu.totalMs, self: cpu.self.slice(0, top), inclusive: cpu.inclusive.slice(0, top * 2) },
    heap: heap ? { totalBytes: heap.totalBytes, self: heap.self.slice(0, top) } : null,
    lines,
    files: { cpu: relative(ROOT, join(dir, file)), heap: cfg.heap ? relative(ROOT, heapOut) : null },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const ti = args.indexOf('--task');
  const names = ti >= 0 ? [args[ti + 1]] : Object.keys(TASKS);
  for (const n of names) {
    const s = await profileTask(n, quick);
    if (args.includes('--json')) { console.log(JSON.stringify(s, null, 1)); continue; }
    console.log(`\n## ${s.doc}`);
    if (s.error) { console.log(`  failed: ${s.error}`); continue; }
    console.log(`  ${s.ms.toFixed(0)} ms wall, ${s.cpuMs.toFixed(0)} ms CPU${s.mbps ? `, ${s.mbps.toFixed(2)} MB/s` : ''}; GC pauses ${s.gc.ms.toFixed(0)} ms (${s.gcPct.toFixed(1)} %) in ${s.gc.count} collections`);
    console.log('  self time:');
    for (const r of s.cpu.self) console.log(`    ${r.pct.toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(6)} ms  ${r.fn}`);
    console.log('  inclusive time:');
    for (const r of s.cpu.inclusive.slice(0, 16)) console.log(`    ${r.pct.toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(6)} ms  ${r.fn}`);
    for (const h of s.lines) {
      console.log(`  hot lines of ${h.fn}:`);
      for (const l of h.lines) console.log(`    ${l.pct.toFixed(1).padStart(5)} %  line ${l.line}: ${l.code}`);
    }
    if (s.heap) {
      console.log(`  allocations (sampled, incl. collected): ${(s.heap.totalBytes / 1e6).toFixed(0)} MB`);
      for (const r of s.heap.self) console.log(`    ${r.pct.toFixed(1).padStart(5)} %  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB  ${r.fn}`);
    }
  }
}
