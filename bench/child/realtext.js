// Real news text, for development only: the ANERcorp training split (../shared/data, beside the
// project; never shipped). The bench's own text repeats 426 sentences, so after its first article
// the topic model knows every word; this measures what real vocabulary costs. The split's tokens
// are joined by spaces into its sentences, the sentences by blank lines into ~5 KB articles.
// One annotator, warmed up on the bench's articles; the first half of the real articles is read three
// times in each mode (the JIT sees real text, the model learns that half's words); then the second half:
// one default pass (its new words analyzed), then default and entity passes alternating.
import { existsSync, readFileSync } from 'node:fs';
import { childMain } from '../lib/child.js';
import { buildNewsText, cutArticles } from '../lib/corpus.js';
import { annotateFn } from '../lib/modes.js';
import { median, bytes } from '../lib/stats.js';
import { timed } from '../lib/timing.js';
import { createAnnotator, readConll } from '../../dist/index.js';
import { conllText } from '../../dist/formats/conll.js';

childMain(async (cfg) => {
  if (!existsSync(cfg.path)) return { skipped: `no ${cfg.path} (development data, beside the project)` };
  // the split's sentences as text, read as the CLI reads CoNLL (one sentence per document)
  const sentences = [];
  for await (const doc of readConll(readFileSync(cfg.path, 'utf8').split('\n'), { chunk: 1 })) sentences.push(conllText(doc).text);
  const arts = cutArticles(sentences, cfg.articleBytes);
  const half = arts.length >> 1;
  const A = arts.slice(0, half);
  const B = arts.slice(half);
  const tokensOf = (list) => new Set(list.flatMap((s) => s.split(/\s+/)).filter(Boolean));
  const seen = tokensOf(A);
  const inB = tokensOf(B);
  let newTokens = 0;
  for (const w of inB) if (!seen.has(w)) newTokens++;

  const aalam = createAnnotator();
  const modes = { default: annotateFn(aalam, 'default'), entities: annotateFn(aalam, 'entities') };
  const pass = (fn, list) => timed(() => { let n = 0; for (const s of list) n += fn(s).length; return n; });
  const warm = cutArticles(buildNewsText(cfg.warmBytes).paragraphs, cfg.articleBytes);
  for (let i = 0; i < 2; i++) { pass(modes.default, warm); pass(modes.entities, warm); }
  // (three times: the JIT, warmed on the bench's text, meets code paths that real text takes; the
  // first pass over real text took ~6x the third)
  for (let i = 0; i < 3; i++) { pass(modes.default, A); pass(modes.entities, A); }
  const first = pass(modes.default, B);
  const d = [];
  const e = [];
  for (let r = 0; r < cfg.rounds; r++) {
    // (both orders: whichever pass runs second gets the other's leftovers in the cache)
    const order = r % 2 ? ['entities', 'default'] : ['default', 'entities'];
    for (const m of order) (m === 'default' ? d : e).push(pass(modes[m], B).cpu);
  }
  return {
    articles: B.length, bytes: B.reduce((s, x) => s + bytes(x), 0), distinctTokens: inB.size, newTokens,
    firstCpu: first.cpu, defaultCpu: median(d), entitiesCpu: median(e), rounds: cfg.rounds,
  };
});
