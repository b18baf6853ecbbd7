// Linearity: one document of `mb` MB (news text, paragraphs separated by blank lines):
// annotate, normalize+tokenize and a charCodeAt scan, each MB/s.
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
  const runs = [];
  let entities = 0;
  for (let r = 0; r < cfg.runs; r++) {
    let passes = 0;
    const s = timed(() => { const t0 = performance.now(); do { scanChars(text); passes++; } while (performance.now() - t0 < 100); });
    const scan = { ms: s.ms / passes, cpu: s.cpu / passes };
    const ann = timed(() => fn(text).length);
    entities = ann.value;
    const nt = cfg.normTok ? timed(() => normalize(text).text.length + tokenize(text).tokens.length) : null;
    runs.push({ scan, ann, nt });
  }
  const rate = (pick) => ({ wall: median(runs.map((r) => b / MB / (pick(r).ms / 1000))), cpu: median(runs.map((r) => b / MB / (pick(r).cpu / 1000))) });
  return {
    mode: cfg.mode, mb: cfg.mb, bytes: b, chars: text.length, entities,
    annotate: rate((r) => r.ann),
    normTok: cfg.normTok ? rate((r) => r.nt) : null,
    scan: rate((r) => r.scan),
    fracScan: median(runs.map((r) => r.scan.cpu / r.ann.cpu)),
    annotateRunsCpu: runs.map((r) => b / MB / (r.ann.cpu / 1000)),
    runs: runs.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
    mem: mem(),
  };
});
