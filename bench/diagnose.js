#!/usr/bin/env node
// Small diagnostics behind bench/NOTES.md (not part of `npm run bench`):
//   node bench/diagnose.js deopts [entities|default] [MB]   V8 (de)optimizations while annotating articles
//   node bench/diagnose.js aliaskey [N]                      µs per aliasKey call vs normalize + split
//   node bench/diagnose.js warmup [entities|default]         MB/s of successive passes in a fresh process
//   node bench/diagnose.js retained [MB]                     memory an annotator keeps after one long document
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [cmd = 'deopts', a1, a2] = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);

async function articles(mb) {
  const { buildNewsText, cutArticles } = await import('./lib/corpus.js');
  const { prefixByBytes } = await import('./lib/timing.js');
  return prefixByBytes(cutArticles(buildNewsText(mb * 1.2e6).paragraphs, 5120), mb * 1e6);
}

if (cmd === 'deopts') {
  const mode = a1 ?? 'entities';
  const mb = Number(a2 ?? 3);
  const trace = (flag) => spawnSync(process.execPath, [flag, self, '_work', mode, String(mb)], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const opt = trace('--trace-opt');
  const compiles = (opt.match(/completed optimizing/g) ?? []).length;
  const deopt = trace('--trace-deopt-verbose');
  const byFn = new Map();
  for (const m of deopt.matchAll(/reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ([^ >]*)/g)) byFn.set(m[2], (byFn.get(m[2]) ?? 0) + 1);
  const at = new Map();
  for (const m of deopt.matchAll(/reason: ([^)]*)\)[\s\S]*?;;; deoptimize at <([^>]*)>/g)) {
    const k = `${m[1]} at ${m[2].replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/')}`;
    at.set(k, (at.get(k) ?? 0) + 1);
  }
  console.log(`${mode} annotate, 4 passes over ${mb} MB of 5 KB articles: ${compiles} TurboFan compilations`);
  console.log('deoptimizations by function:', Object.fromEntries([...byFn].sort((x, y) => y[1] - x[1])));
  console.log('deopt sites (verbose trace, may count inlined frames twice):');
  for (const [k, v] of [...at].sort((x, y) => y[1] - x[1]).slice(0, 10)) console.log(`  ${String(v).padStart(4)}  ${k}`);
} else if (cmd === '_work' || cmd === 'warmup') {
  const mode = cmd === 'warmup' ? a1 ?? 'entities' : a1;
  const { createAnnotator } = await import('../dist/index.js');
  const { annotateFn } = await import('./lib/modes.js');
  const arts = await articles(cmd === 'warmup' ? 1 : Number(a2));
  const fn = annotateFn(createAnnotator(), mode);
  const bytes = arts.reduce((s, x) => s + Buffer.byteLength(x), 0);
  const out = [];
  for (let k = 0; k < (cmd === 'warmup' ? 10 : 4); k++) {
    const t = performance.now();
    for (const x of arts) fn(x);
    out.push((bytes / 1e6 / ((performance.now() - t) / 1000)).toFixed(1));
  }
  if (cmd === 'warmup') console.log(`${mode}: MB/s of 10 successive passes over the same 1 MB of articles: ${out.join(' ')}`);
} else if (cmd === 'aliaskey') {
  const { aliasKey, normalize } = await import('../dist/index.js');
  const { syntheticEntries } = await import('./lib/synth.js');
  const names = syntheticEntries(Number(a1 ?? 200000)).map((e) => e.name.ar);
  const per = (f) => { let best = Infinity; for (let k = 0; k < 3; k++) { const t = performance.now(); for (const s of names) f(s); best = Math.min(best, performance.now() - t); } return (best * 1000) / names.length; };
  console.log(`aliasKey: ${per(aliasKey).toFixed(2)} µs/call; normalize(s).text.split(' ').join(' '): ${per((s) => normalize(s).text.split(' ').join(' ')).toFixed(2)} µs/call (${names.length} synthetic names)`);
} else if (cmd === 'retained') {
  // run with --expose-gc (re-spawned): heap and ArrayBuffers after a gc, before and after one
  // long document (default annotate), then after a short one; backing stores are freed off-thread
  if (typeof globalThis.gc !== 'function') {
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8000', self, 'retained', a1 ?? '30'], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const { createAnnotator } = await import('../dist/index.js');
  const { buildNewsText } = await import('./lib/corpus.js');
  const settle = async () => { globalThis.gc(); await new Promise((r) => setTimeout(r, 500)); globalThis.gc(); const u = process.memoryUsage(); return `heap ${(u.heapUsed / 1e6).toFixed(0)} MB, ArrayBuffers ${(u.arrayBuffers / 1e6).toFixed(0)} MB, RSS ${(u.rss / 1e6).toFixed(0)} MB`; };
  const aalam = createAnnotator();
  aalam.annotate('قال وانغ يي في بكين');
  console.log(`after a short document:       ${await settle()}`);
  let text = buildNewsText(Number(a1 ?? 30) * 1e6).text;
  aalam.annotate(text);
  text = null;
  console.log(`after one ${a1 ?? 30} MB document:     ${await settle()}`);
  aalam.annotate('قال وانغ يي في بكين');
  console.log(`after another short document: ${await settle()}`);
} else {
  console.error('usage: node bench/diagnose.js deopts|aliaskey|warmup|retained …');
  process.exit(2);
}
