// normalize+tokenize vs a charCodeAt scan on one big string; annotate (one call mode per process)
// on 5 KB articles vs the Map-of-windows baseline and modern-ahocorasick; latency; the first MB.
import { readFileSync } from 'node:fs';
import { childMain, mem } from '../lib/child.js';
import { buildNewsText, cutArticles } from '../lib/corpus.js';
import { MapBaseline, keyList, loadAhoCorasick, scanChars } from '../lib/baselines.js';
import { MODES, annotateFn } from '../lib/modes.js';
import { median, percentile, bytes, MB } from '../lib/stats.js';
import { timed, tagPass, prefixByBytes, rate, ratio, compareAhoCorasick } from '../lib/timing.js';
import { createAnnotator, normalize, tokenize, scan as scanText } from '../../dist/index.js';

const sum = (a, b) => ({ ms: a.ms + b.ms, cpu: a.cpu + b.cpu });

childMain(async (cfg) => {
  const res = { config: cfg };
  const news = buildNewsText(cfg.textBytes);
  const text = news.text;
  const textBytes = bytes(text);
  res.corpus = { textBytes, chars: text.length, uniqueSentences: news.uniqueSentences, uniqueBytes: news.uniqueBytes };

  // ---- normalize + tokenize on one string, against a charCodeAt scan of the same string
  if (cfg.normTok) {
    const nt = cfg.normTokBytes < textBytes ? text.slice(0, Math.floor(text.length * cfg.normTokBytes / textBytes)) : text;
    const ntBytes = bytes(nt);
    for (let i = 0; i < 3; i++) { scanChars(nt); normalize(nt.slice(0, 300000)); tokenize(nt.slice(0, 300000)); scanText(nt.slice(0, 300000)); } // warm-up
    const runs = [];
    let tokens = 0;
    for (let r = 0; r < cfg.runs; r++) {
      // the scan is fast: repeat it to >= 100 ms and take one pass
      let passes = 0;
      const s = timed(() => { const t0 = performance.now(); let h = 0; do { h ^= scanChars(nt); passes++; } while (performance.now() - t0 < 100); return h; });
      const scan = { ms: s.ms / passes, cpu: s.cpu / passes };
      const norm = timed(() => normalize(nt).text.length);
      const tok = timed(() => tokenize(nt).tokens.length);
      // the one-pass text core: normalized forms and tokens into typed arrays (what annotate runs on)
      const one = timed(() => scanText(nt).count);
      tokens = tok.value;
      runs.push({ scan, norm, tok, both: sum(norm, tok), one });
    }
    res.normTok = {
      bytes: ntBytes, tokens, runs: runs.length,
      scan: rate(runs, ntBytes, (r) => r.scan),
      normalize: rate(runs, ntBytes, (r) => r.norm),
      tokenize: rate(runs, ntBytes, (r) => r.tok),
      normTok: rate(runs, ntBytes, (r) => r.both),
      // fraction of the scan's speed (target >= 0.1)
      fracNormTok: ratio(runs, (r) => r.scan, (r) => r.both),
      fracNormalize: ratio(runs, (r) => r.scan, (r) => r.norm),
      fracTokenize: ratio(runs, (r) => r.scan, (r) => r.tok),
      onePass: rate(runs, ntBytes, (r) => r.one),
      fracOnePass: ratio(runs, (r) => r.scan, (r) => r.one),
    };
  }

  // ---- annotate on 5 KB articles (shipped lexicons), one call mode, vs baselines
  if (cfg.mode) {
    const arts = prefixByBytes(cutArticles(news.paragraphs, cfg.articleBytes), cfg.annotateBytes);
    const artBytes = arts.reduce((a, s) => a + bytes(s), 0);
    const lexicon = JSON.parse(readFileSync(new URL('../../dist/lexicon.json', import.meta.url), 'utf8'));
    const aalam = createAnnotator();
    const fn = annotateFn(aalam, cfg.mode);
    const resultKeys = Object.keys(MODES[cfg.mode].opts ? aalam.annotate(arts[0], MODES[cfg.mode].opts) : aalam.annotate(arts[0]));
    const mb = timed(() => new MapBaseline(keyList(lexicon), true));
    const map = mb.value;
    // V8 needs several MB of input before annotate runs at its steady speed (TurboFan tiers up,
    // deoptimizes and re-optimizes): time the very first MB, then warm up on ~3 MB before measuring
    const warm = prefixByBytes(arts, 1e6);
    const warmBytes = warm.reduce((x, s) => x + bytes(s), 0);
    const first = tagPass(fn, warm);
    const firstMb = { wall: warmBytes / MB / (first.ms / 1000), cpu: warmBytes / MB / (first.cpu / 1000) };
    for (let i = 0; i < 3; i++) {
      tagPass(fn, warm);
      tagPass((s) => map.annotate(s), warm);
    }
    const runs = [];
    const aTimes = [];
    const mTimes = [];
    for (let r = 0; r < cfg.runs; r++) {
      const a = tagPass(fn, arts);
      const m = tagPass((s) => map.annotate(s), arts);
      aTimes.push(...a.times);
      mTimes.push(...m.times);
      runs.push({ a, m });
    }
    const docs = (pick) => ({ wall: median(runs.map((r) => arts.length / (pick(r).ms / 1000))), cpu: median(runs.map((r) => arts.length / (pick(r).cpu / 1000))) });
    res.annotate = {
      mode: cfg.mode, doc: MODES[cfg.mode].doc, resultKeys,
      articles: arts.length, bytes: artBytes, meanArticleBytes: artBytes / arts.length, runs: runs.length,
      mapBuildMs: mb.ms, mapKeys: map.map.size, firstMb,
      aalam: rate(runs, artBytes, (r) => r.a),
      aalamDocs: docs((r) => r.a),
      map: rate(runs, artBytes, (r) => r.m),
      mapDocs: docs((r) => r.m),
      vsMap: ratio(runs, (r) => r.m, (r) => r.a),
      found: { aalam: runs[0].a.found, map: runs[0].m.found },
      latency: {
        p50: percentile(aTimes, 50), p90: percentile(aTimes, 90), p99: percentile(aTimes, 99), max: Math.max(...aTimes),
        mapP50: percentile(mTimes, 50), mapP99: percentile(mTimes, 99),
      },
    };

    // topics + keyphrases on top of entities, in the same process: whole passes over the same
    // articles with entities only and with everything, alternately
    if (cfg.mode === 'default') {
      const ent = annotateFn(aalam, 'entities');
      for (let i = 0; i < 2; i++) { tagPass(ent, warm); tagPass(fn, warm); }
      const both = [];
      for (let r = 0; r < cfg.runs; r++) both.push({ e: tagPass(ent, arts), d: tagPass(fn, arts) });
      res.annotate.vsEntities = { runs: both.length, ratio: ratio(both, (r) => r.d, (r) => r.e), entities: rate(both, artBytes, (r) => r.e), all: rate(both, artBytes, (r) => r.d) };
    }

    // modern-ahocorasick on a subset of the same articles (it is slow: Intl.Segmenter per call)
    const AC = cfg.ac ? await loadAhoCorasick() : null;
    if (AC) {
      res.ac = compareAhoCorasick(AC, lexicon.aliases.map((x) => x[0]), fn, arts, cfg);
    } else if (cfg.ac) res.ac = { error: 'modern-ahocorasick is not installed' };
  }
  res.mem = mem();
  return res;
});
