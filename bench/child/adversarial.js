// Adversarial input shapes: per-MB cost of annotate (and normalize+tokenize) relative to news text
// of the same size class, measured in the same process, runs interleaved.
import { childMain } from '../lib/child.js';
import { buildNewsText, cutArticles } from '../lib/corpus.js';
import { median, bytes, MB, now, gc } from '../lib/stats.js';
import { createAnnotator, normalize, tokenize } from '../../dist/index.js';
import { annotateFn } from '../lib/modes.js';
import { rng } from '../lib/rng.js';

function fill(unit, targetBytes, sep = '') {
  const ub = bytes(unit + sep);
  return (unit + sep).repeat(Math.max(1, Math.ceil(targetBytes / ub)));
}

const CLITICS = ['وب', 'ول', 'فب', 'لل', 'وال', 'بال', 'وبال', 'فلل', 'ك', 'فس'];

/** Distinct lines of 40 characters each: a record number in words' clothing, padded with alef. */
function recordLines(targetBytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const line = (`سجل رقم ${i.toString(36)} في القائمة ` + 'ا'.repeat(40)).slice(0, 40);
    lines.push(line);
    size += bytes(line) + 1;
  }
  return lines.join('\n');
}

/**
 * Sentences naming ever new people (a known given name and two made-up name tokens), half of them
 * mentioned again later by a part of the name: the parts of full names a long document collects
 * grow with it (they used to be gone over in every window: quadratic).
 */
function people(targetBytes) {
  const r = rng(17);
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = () => Array.from({ length: 4 + r.int(4) }, () => letters[r.int(letters.length)]).join('');
  const given = ['محمد', 'أحمد', 'خالد', 'سعيد', 'يوسف'];
  const names = [];
  const out = [];
  let size = 0;
  while (size < targetBytes) {
    let s;
    if (names.length && r.int(2) === 0) {
      const [, a, b] = names[r.int(names.length)];
      s = `وأضاف ${b} أن ${a} ${b} سيعود الأسبوع المقبل.`;
    } else {
      const n = [given[r.int(given.length)], word(), word()];
      names.push(n);
      s = `وقال ${n.join(' ')} إن الاجتماع انتهى.`;
    }
    out.push(s);
    size += bytes(s) + 1;
  }
  return out.join('\n');
}

export const SHAPES = {
  word: { doc: 'single word (كازاخستان repeated)', make: (b) => fill('كازاخستان', b) },
  diacritics: { doc: 'diacritics only (harakat, shadda, sukun)', make: (b) => fill('\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652', b) },
  tatweel: { doc: 'tatweel only (U+0640)', make: (b) => fill('\u0640', b) },
  clitics: { doc: '100k clitic-like tokens (وب ول فب لل وال …)', make: () => Array.from({ length: 100000 }, (_, i) => CLITICS[i % CLITICS.length]).join(' ') },
  names: { doc: 'back-to-back entity names', make: (b) => fill('قاسم جومارت توكاييف في بكين وكازاخستان ومنظمة معاهدة الأمن الجماعي', b, '، ') },
  // (lines of one length used to be compared with every earlier distinct line of that length when
  // keyphrases looked for repeated lines: quadratic)
  lines: { doc: 'distinct lines of one length (numbered 40-character records)', make: (b) => recordLines(b) },
  line: { doc: 'news text as one line', make: (b) => buildNewsText(b).text.replace(/\n+/g, ' ') },
  people: { doc: 'ever new people, mentioned again by parts of their names', make: (b) => people(b) },
};

childMain(async (cfg) => {
  const shape = SHAPES[cfg.shape];
  const input = shape.make(cfg.mb * MB);
  const news = buildNewsText(Math.min(cfg.newsMb, cfg.mb) * MB).text;
  const ib = bytes(input);
  const nb = bytes(news);
  const aalam = createAnnotator();
  const fn = annotateFn(aalam, cfg.mode);
  const warm = cutArticles(buildNewsText(1e6).paragraphs, 5120);
  for (let i = 0; i < 3; i++) for (const a of warm) fn(a);
  const runs = [];
  for (let r = 0; r < cfg.runs; r++) {
    let t = now();
    fn(news);
    const newsMs = now() - t;
    t = now();
    const found = fn(input).length;
    const ms = now() - t;
    t = now();
    normalize(news); tokenize(news);
    const newsNt = now() - t;
    t = now();
    normalize(input); tokenize(input);
    const nt = now() - t;
    runs.push({ newsMs, ms, newsNt, nt, found });
  }
  const perMb = (ms, b) => ms / (b / MB);
  return {
    shape: cfg.shape, mode: cfg.mode, doc: shape.doc, bytes: ib, chars: input.length, newsBytes: nb, found: runs[0].found,
    msPerMb: median(runs.map((r) => perMb(r.ms, ib))),
    newsMsPerMb: median(runs.map((r) => perMb(r.newsMs, nb))),
    ratio: median(runs.map((r) => perMb(r.ms, ib) / perMb(r.newsMs, nb))),
    ntRatio: median(runs.map((r) => perMb(r.nt, ib) / perMb(r.newsNt, nb))),
    runs: runs.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
});
