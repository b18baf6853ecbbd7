// Linearity: one document of `mb` MB (news text, paragraphs separated by blank lines):
// annotate, normalize+tokenize and a charCodeAt scan, each MB/s. For a document larger than
// 1 MB, calls on a 1 MB document of the same text are made before each big call, and the big
// document's CPU ms per MB is also given as a ratio to theirs: this machine's speed drifts by up
// to 2x over seconds (its L3 cache is shared with other machines' work), so MB/s from separate
// processes, minutes apart, do not compare sizes.
import { childMain, mem } from '../lib/child.js';
import { buildNewsText, cutArticles } from '../lib/corpus.js';
import { scanChars } from '../lib/baselines.js';
import { median, bytes, MB, gc } from '../lib/stats.js';
import { timed } from '../lib/timing.js';
import { annotateFn } from '../lib/modes.js';
import { createAnnotator, normalize, tokenize } from '../../dist/index.js';

childMain(async (cfg) => {
  const text = buildNewsText(cfg.mb * MB).text;
  const b = bytes(text);
  const aalam = createAnnotator();
  const fn = annotateFn(aalam, cfg.mode);
  // warm-up (V8 needs a few MB before annotate reaches its steady speed)
  const warm = cutArticles(buildNewsText(1e6).paragraphs, 5120);
  for (let i = 0; i < 3; i++) for (const a of warm) fn(a);
  // and the one-big-document path (its loops are optimized on stack): two 1 MB documents
  const doc = buildNewsText(1e6).text;
  for (let i = 0; i < 2; i++) fn(doc);
  normalize(text.slice(0, 300000)); tokenize(text.slice(0, 300000));
  // what building a 100 MB text left is collected now, not during the first baseline calls
  gc();
  for (let i = 0; i < 2; i++) fn(doc);
  const runs = [];
  let entities = 0;
  // The same-process baseline: CPU ms per MB of the 1 MB document, called `baseCalls` times before
  // each big call. The big call's cost includes collecting what it leaves: the 1 MB call right after
  // it (which pays for that collection) is timed too, and what it took beyond the baseline is added.
  const withBase = cfg.mb > 1 && cfg.baseCalls > 0;
  const baseMb = bytes(doc) / MB;
  const base = [];
  const charged = [];
  for (let r = 0; r < cfg.runs; r++) {
    const round = [];
    if (withBase) for (let i = 0; i < cfg.baseCalls; i++) round.push(timed(() => fn(doc).length).cpu / baseMb);
    base.push(...round);
    const ann = timed(() => fn(text).length);
    entities = ann.value;
    if (withBase) charged.push((ann.cpu + timed(() => fn(doc).length).cpu - median(round) * baseMb) / (b / MB));
    let passes = 0;
    const s = timed(() => { const t0 = performance.now(); do { scanChars(text); passes++; } while (performance.now() - t0 < 100); });
    const scan = { ms: s.ms / passes, cpu: s.cpu / passes };
    const nt = cfg.normTok ? timed(() => normalize(text).text.length + tokenize(text).tokens.length) : null;
    // (what normalize and tokenize leave is collected here, in no timed call)
    if (withBase && nt) fn(doc);
    runs.push({ scan, ann, nt });
  }
  const bigMsPerMb = withBase ? median(charged) : NaN;
  const rate = (pick) => ({ wall: median(runs.map((r) => b / MB / (pick(r).ms / 1000))), cpu: median(runs.map((r) => b / MB / (pick(r).cpu / 1000))) });
  return {
    mode: cfg.mode, mb: cfg.mb, bytes: b, chars: text.length, entities,
    annotate: rate((r) => r.ann),
    normTok: cfg.normTok ? rate((r) => r.nt) : null,
    scan: rate((r) => r.scan),
    fracScan: median(runs.map((r) => r.scan.cpu / r.ann.cpu)),
    annotateRunsCpu: runs.map((r) => b / MB / (r.ann.cpu / 1000)),
    // CPU ms per MB of the big document over that of the 1 MB document in the same process
    sameProcess: withBase ? { baseMb, baseMsPerMb: median(base), bigMsPerMb, ratio: bigMsPerMb / median(base), baseCalls: base.length, baseSpread: Math.max(...base) / Math.min(...base) } : null,
    runs: runs.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
    mem: mem(),
  };
});
