// One lexicon size per process: build time (compileLexicon + createAnnotator), memory (RSS, heap,
// peak RSS), the Map baseline's build on the same aliases, then tagging 5 KB articles vs baselines.
import { readFileSync } from 'node:fs';
import { childMain, mem } from '../lib/child.js';
import { buildNewsText, cutArticles, vocabulary } from '../lib/corpus.js';
import { syntheticEntries } from '../lib/synth.js';
import { MapBaseline, loadAhoCorasick } from '../lib/baselines.js';
import { median, percentile, bytes, MB, now, gc } from '../lib/stats.js';
import { tagPass, prefixByBytes, rate, ratio, compareAhoCorasick } from '../lib/timing.js';
import { annotateFn } from '../lib/modes.js';
import { compileLexicon, createAnnotator, aliasKey } from '../../dist/index.js';


childMain(async (cfg) => {
  const res = { size: cfg.size };
  aliasKey('تسخين'); // load the normalization table before measuring
  // ~1 MB of articles tagged right after the build (made now, so that every memory figure below
  // includes them): a build can leave a collection of the heap it started for the first calls to pay
  const firstArts = cfg.tag ? prefixByBytes(cutArticles(buildNewsText(1.2e6).paragraphs, cfg.articleBytes), 1e6) : null;
  gc();
  const m0 = mem();
  let entries = null;
  let lexicon;
  let annotator;
  let aliasesForBaseline;
  const sample = 'قال الرئيس الكازاخستاني قاسم جومارت توكاييف في ألماتي (رويترز) إن القوات ستنسحب.';
  if (cfg.size === 'shipped') {
    let t = now();
    lexicon = JSON.parse(readFileSync(new URL('../../dist/lexicon.json', import.meta.url), 'utf8'));
    res.loadMs = now() - t;
    gc();
    res.m1 = mem();
    t = now();
    annotator = createAnnotator({ lexicon });
    res.createMs = now() - t;
    res.compileMs = null;
    // the artifact's keys are precomputed: the baseline builds its Map from them too
    aliasesForBaseline = lexicon.aliases.map((a) => a[0]);
  } else {
    let t = now();
    entries = syntheticEntries(cfg.size, { vocab: vocabulary() });
    res.genMs = now() - t;
    gc();
    res.m1 = mem();
    t = now();
    lexicon = compileLexicon({ entries });
    res.compileMs = now() - t;
    t = now();
    annotator = createAnnotator({ lexicon });
    res.createMs = now() - t;
  }
  let t = now();
  annotator.annotate(sample);
  res.firstAnnotateMs = now() - t;
  res.buildMs = (res.loadMs ?? 0) + (res.compileMs ?? 0) + res.createMs;
  if (firstArts) {
    const first = tagPass(annotateFn(annotator, 'entities'), firstArts);
    res.firstMb = { ms: first.ms, bytes: firstArts.reduce((a, x) => a + bytes(x), 0) };
  }
  res.stats = annotator.stats;
  res.peakRssBuild = process.resourceUsage().maxRSS * 1024;
  gc();
  res.m2 = mem();
  lexicon = null;
  gc();
  res.m3 = mem(); // what the annotator retains (+ the source entries for synthetic sizes)
  res.m0 = m0;

  // (a repeated build: build time and memory only)
  if (cfg.buildOnly) return res;

  // Map baseline built from the same alias strings with aalam's aliasKey
  if (!aliasesForBaseline) {
    aliasesForBaseline = [];
    for (const e of entries) aliasesForBaseline.push(e.name.ar, e.name.en, ...(e.aliases ?? []));
  }
  t = now();
  let map = new MapBaseline(aliasesForBaseline.map((a, i) => [a, i]), cfg.size === 'shipped');
  res.mapBuildMs = now() - t;
  res.mapKeys = map.map.size;
  res.ratioBuildMap = res.buildMs / res.mapBuildMs;
  entries = null;

  if (cfg.tag) {
    const fn = annotateFn(annotator, 'entities');
    const news = buildNewsText(Math.max(cfg.tagBytes * 1.2, 2e6));
    const arts = prefixByBytes(cutArticles(news.paragraphs, cfg.articleBytes), cfg.tagBytes);
    const artBytes = arts.reduce((a, s) => a + bytes(s), 0);
    const warm = prefixByBytes(arts, 1e6);
    for (let i = 0; i < 3; i++) {
      tagPass(fn, warm);
      tagPass((s) => map.annotate(s), warm);
    }
    const runs = [];
    const aTimes = [];
    for (let r = 0; r < cfg.runs; r++) {
      const a = tagPass(fn, arts);
      const m = tagPass((s) => map.annotate(s), arts);
      aTimes.push(...a.times);
      runs.push({ a, m });
    }
    res.tag = {
      articles: arts.length, bytes: artBytes, runs: runs.length,
      aalam: rate(runs, artBytes, (r) => r.a),
      aalamDocs: { wall: median(runs.map((r) => arts.length / (r.a.ms / 1000))), cpu: median(runs.map((r) => arts.length / (r.a.cpu / 1000))) },
      map: rate(runs, artBytes, (r) => r.m),
      vsMap: ratio(runs, (r) => r.m, (r) => r.a),
      found: { aalam: runs[0].a.found, map: runs[0].m.found },
      p50: percentile(aTimes, 50), p99: percentile(aTimes, 99),
    };
    res.peakRssTag = process.resourceUsage().maxRSS * 1024;
    if (cfg.ac) {
      const AC = await loadAhoCorasick();
      if (!AC) res.ac = { error: 'modern-ahocorasick is not installed' };
      else {
        const keys = [...map.map.keys()];
        map = null;
        res.ac = compareAhoCorasick(AC, keys, fn, arts, cfg);
      }
    }
  }
  return res;
});
