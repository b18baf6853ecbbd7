// A focused workload for profiling (run under `node --cpu-prof`): one task, repeated, with GC
// pauses counted (PerformanceObserver) and, with `heap: true`, an allocation sampling profile that
// keeps objects already collected (so it shows what is allocated, not only what survives).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { childMain } from '../lib/child.js';
import { buildNewsText, cutArticles, vocabulary } from '../lib/corpus.js';
import { syntheticEntries } from '../lib/synth.js';
import { prefixByBytes } from '../lib/timing.js';
import { bytes, MB } from '../lib/stats.js';
import { compileLexicon, createAnnotator, normalize, tokenize } from '../../dist/index.js';
import { annotateFn } from '../lib/modes.js';

childMain(async (cfg) => {
  // ---- prepare (not profiled in the summary: the task runs between the two marks)
  let work;
  let inputBytes = 0;
  if (cfg.task === 'annotate' || cfg.task === 'annotate-lexicon') {
    const news = buildNewsText(cfg.mb * MB * 1.1);
    const arts = prefixByBytes(cutArticles(news.paragraphs, 5120), cfg.mb * MB);
    inputBytes = arts.reduce((a, s) => a + bytes(s), 0);
    const aalam = cfg.task === 'annotate'
      ? createAnnotator()
      : createAnnotator({ lexicon: compileLexicon({ entries: syntheticEntries(cfg.size, { vocab: vocabulary() }) }) });
    const fn = annotateFn(aalam, cfg.mode);
    for (let i = 0; i < 3; i++) for (const a of prefixByBytes(arts, 1e6)) fn(a); // warm-up
    work = () => { let n = 0; for (const a of arts) n += fn(a).length; return n; };
  } else if (cfg.task === 'annotate-doc') {
    const text = buildNewsText(cfg.mb * MB).text;
    inputBytes = bytes(text);
    const aalam = createAnnotator();
    const fn = annotateFn(aalam, cfg.mode);
    for (let i = 0; i < 3; i++) for (const a of cutArticles(buildNewsText(1e6).paragraphs, 5120)) fn(a); // warm-up
    work = () => fn(text).length;
  } else if (cfg.task === 'normtok') {
    const text = buildNewsText(cfg.mb * MB).text;
    inputBytes = bytes(text);
    normalize(text.slice(0, 100000)); tokenize(text.slice(0, 100000));
    work = () => normalize(text).text.length + tokenize(text).tokens.length;
  } else if (cfg.task === 'build') {
    const entries = syntheticEntries(cfg.size, { vocab: vocabulary() });
    work = () => createAnnotator({ lexicon: compileLexicon({ entries }) }).stats.aliases;
  } else throw new Error(`unknown task ${cfg.task}`);

  const gcs = { count: 0, ms: 0, byKind: {} };
  const kinds = { 1: 'minor (scavenge)', 2: 'major (mark-compact)', 4: 'incremental', 8: 'weak callbacks' };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.count++;
      gcs.ms += e.duration;
      const k = kinds[e.detail?.kind ?? e.kind] ?? String(e.detail?.kind ?? e.kind);
      gcs.byKind[k] = (gcs.byKind[k] ?? 0) + e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  let session;
  if (cfg.heap) {
    session = new Session();
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const c0 = process.cpuUsage();
  const mono0 = Number(process.hrtime.bigint() / 1000n); // µs, CLOCK_MONOTONIC like the .cpuprofile's timestamps
  const t0 = performance.now();
  let result = 0;
  for (let i = 0; i < (cfg.repeat ?? 1); i++) result += work();
  const ms = performance.now() - t0;
  const mono1 = Number(process.hrtime.bigint() / 1000n);
  const cpu = process.cpuUsage(c0);
  await new Promise((r) => setTimeout(r, 50)); // let the gc observer flush
  obs.disconnect();
  if (session) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(cfg.heapOut, JSON.stringify(profile));
    session.disconnect();
  }
  return { task: cfg.task, ms, cpuMs: (cpu.user + cpu.system) / 1000, inputBytes: inputBytes * (cfg.repeat ?? 1), result, gc: gcs, monoStartUs: mono0, monoEndUs: mono1 };
});
